enum TextAreaBench { static func run() { print("textarea bench: not built yet") } }
