// A demo of every TerminalUI widget on one screen, for people and for the tmux tests and benchmarks.
//
//   tui-demo [--theme NAME|PATH] [--themes-dir DIR] [--preload BYTES] [--pid-file PATH]
//            [--exit-after-first-frame] [--crash-after-first-frame]
//
// Keys: Tab/Shift-Tab move between fields, F2 opens a dialog, F3 toggles the spinner,
// Ctrl-Q quits (exit 0), Ctrl-X crashes on purpose (to test that the terminal is restored).
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

let args = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
let flags = Set(args)

if flags.contains("--help") || flags.contains("-h") {
    print("usage: tui-demo [--theme NAME|PATH] [--themes-dir DIR] [--preload BYTES] [--pid-file PATH] [--exit-after-first-frame] [--crash-after-first-frame]")
    exit(0)
}

/// The themes folder: --themes-dir, else `themes/` in the current directory or beside the package.
@MainActor func themesDirectory() -> String? {
    if let d = option("--themes-dir") { return d }
    if access("themes/default.json", R_OK) == 0 { return "themes" }
    var exe = CommandLine.arguments[0]
    // .build/<triple>/debug/tui-demo → package root
    for _ in 0..<4 { if let i = exe.lastIndex(of: "/") { exe = String(exe[..<i]) } }
    let candidate = exe + "/themes"
    return access(candidate + "/default.json", R_OK) == 0 ? candidate : nil
}

if let pidFile = option("--pid-file"), let f = fopen(pidFile, "w") {
    fputs("\(getpid())\n", f); fclose(f)
}

let (theme, themeWarnings) = ThemeLoader.resolve(choice: option("--theme"), themesDirectory: themesDirectory())
let preloadBytes = option("--preload").flatMap { Int($0) } ?? 0

var state = DemoState(theme: theme.name, preload: DemoState.sampleText(bytes: preloadBytes))
state.notice = themeWarnings.first
var appOptions = App<DemoMessage>.Options()
appOptions.terminal.theme = theme
appOptions.minimumCols = 80
appOptions.minimumRows = 24
let app = App<DemoMessage>(options: appOptions)
var firstFrame = true
if flags.contains("--exit-after-first-frame") || flags.contains("--crash-after-first-frame") {
    app.schedule(after: 0, .firstFrameDone(crash: flags.contains("--crash-after-first-frame")))
}
let code = app.run(state: &state, update: { state, event, app in state.update(event, app: app) },
                   render: { state, canvas in state.render(into: &canvas) })
for w in themeWarnings { let line = "tui-demo: \(w)\n"; _ = write(2, line, line.utf8.count) }
exit(code)
