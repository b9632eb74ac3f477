enum ModelBench { static func run() { print("model bench: not built yet") } }
