// In-process benchmarks. Each area owns one file; run `swift run -c release assistant-wizard-bench AREA`.
let area = CommandLine.arguments.dropFirst().first ?? "all"
switch area {
case "model": ModelBench.run()
case "textarea": TextAreaBench.run()
case "all": ModelBench.run(); TextAreaBench.run()
default: print("usage: assistant-wizard-bench [model|textarea|all]")
}
