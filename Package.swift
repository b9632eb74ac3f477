// swift-tools-version:6.0
import PackageDescription

// Arrows point one way: assistant-wizard → (WizardLaunch, APIPipe); assistant-wizard-net → Commands →
// WizardLaunch → Wizard → (TerminalUI, Drafts → RevoxInterface) → AssistantModel → JSON;
// RevoxClient, APIPipe → RevoxInterface; TerminalUI → JSON. JSON imports nothing of ours; TerminalUI knows nothing of assistants.
// The modules of the program people start reach a concrete generic type's metadata by calling its
// accessor, not by demangling its name at run time: that demangling, and the conformance scans
// it brings, were 1.5 M of the 9.2 M instructions before the first frame (issue 15). Each
// function is its own section, so the link can place the hot ones together (below).
let leanProgram: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors",
                  "-Xfrontend", "-function-sections"]),
]

// A key reaches the program with its caches cold: the functions a key and the start-up run are
// linked side by side, in the order `bench/order-functions` wrote from callgrind (gold, the
// toolchain's linker on Linux, skips names it does not find).
let hotFunctionsFirst: [LinkerSetting] = [
    .unsafeFlags(["-Xlinker", "--section-ordering-file=\(Context.packageDirectory)/Sources/assistant-wizard/hot-functions.order"],
                 .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "assistant-wizard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "assistant-wizard", targets: ["assistant-wizard"]),
        .executable(name: "assistant-wizard-net", targets: ["assistant-wizard-net"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // JSON values as written (key order, number literals), the hardened parser, the encoder and
        // the guarded file read: one implementation for drafts and themes. Pure Swift.
        .target(name: "JSON", swiftSettings: leanProgram),

        // The request body, field rules, canonical JSON and the draft store. Pure Swift.
        .target(name: "AssistantModel", dependencies: ["JSON"], swiftSettings: leanProgram),

        // The API the wizard and the drafts speak: its protocol, value types, errors and the
        // key/base-URL configuration. Pure Swift (no Foundation): the program people start links it.
        .target(name: "RevoxInterface", dependencies: ["AssistantModel"], swiftSettings: leanProgram),

        // Thin HTTP client for the Revox API (AsyncHTTPClient: URLSession spins a core while waiting).
        .target(name: "RevoxClient", dependencies: [
            "AssistantModel", "RevoxInterface",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOFoundationCompat", package: "swift-nio"),
        ]),

        // A draft while a program has it open: lock, saves, records of what was sent where, and
        // the create-or-PATCH decision. Every front end goes through it; no presentation here.
        .target(name: "Drafts", dependencies: ["AssistantModel", "RevoxInterface"], swiftSettings: leanProgram),

        // A local stand-in for the Revox API over real loopback HTTP.
        .target(name: "RevoxSandbox", dependencies: [
            "AssistantModel",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),

        // ncursesw through a shim header (wide API on, Swift-hostile globals and macros wrapped).
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW",
                       providers: [.apt(["libncursesw5-dev"])]),

        // A terminal layer for any form: screens, input, widgets, themes. No assistants here.
        .target(name: "TerminalUI", dependencies: ["CNCursesW", "JSON"], swiftSettings: leanProgram),

        // The wizard: one state value, update(message) -> effects, render(state) -> screen.
        .target(name: "Wizard", dependencies: ["AssistantModel", "Drafts", "RevoxInterface", "TerminalUI"], swiftSettings: leanProgram),

        // The API over a socket pair to the networking helper: the wire format, the client the
        // wizard uses and the helper's server loop. Pure Swift.
        .target(name: "APIPipe", dependencies: ["AssistantModel", "RevoxInterface"], swiftSettings: leanProgram),

        // The wizard's launch: its settings and fast path, the connection, the theme, the draft.
        // Foundation-free, for the lean program; the commands run it with the API in-process.
        .target(name: "WizardLaunch", dependencies: ["AssistantModel", "Drafts", "RevoxInterface", "TerminalUI", "Wizard"], swiftSettings: leanProgram),

        // Every command (validate, preview, submit, drafts, the wizard's launch…), as a library so
        // tests can call them; the executable is only its main.
        .target(name: "Commands", dependencies: [
            "AssistantModel", "Drafts", "RevoxClient", "RevoxSandbox", "TerminalUI", "Wizard", "WizardLaunch",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The program people start: the wizard and a pipe to the helper; no Foundation, NIO,
        // AsyncHTTPClient, Hummingbird or ArgumentParser (issue 15: start-up and memory). It must not
        // name the helper as a dependency: SwiftPM would then link the helper's modules into it.
        .executableTarget(name: "assistant-wizard", dependencies: ["WizardLaunch", "APIPipe"],
                          exclude: ["hot-functions.order"], swiftSettings: leanProgram, linkerSettings: hotFunctionsFirst),

        // The networking helper, installed beside it: serves the wizard's API calls over the pipe
        // (HTTP client, in-process sandbox), and runs every other command line.
        .executableTarget(name: "assistant-wizard-net", dependencies: ["Commands", "APIPipe"]),

        // In-process benchmarks (release build): model validate+encode, text area keystrokes.
        .executableTarget(name: "assistant-wizard-bench", dependencies: ["AssistantModel", "TerminalUI"]),

        // A small demo of the terminal layer's widgets, driven in tmux by its tests.
        .executableTarget(name: "tui-demo", dependencies: ["TerminalUI"]),

        // Helpers shared by the test targets (golden screens).
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        // The pipe to the networking helper: round trips through the real helper, and a helper
        // killed or stuck mid-request.
        .testTarget(name: "APIPipeTests", dependencies: ["APIPipe", "Drafts", "AssistantModel", "RevoxClient", "RevoxSandbox"]),
        .testTarget(name: "DraftsTests", dependencies: ["Drafts", "AssistantModel", "RevoxClient", "RevoxSandbox"]),
        .testTarget(name: "AssistantModelTests", dependencies: ["AssistantModel"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "RevoxClientTests", dependencies: ["RevoxClient", "RevoxSandbox", "AssistantModel"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"],
                    resources: [.copy("Golden")]),
        .testTarget(name: "WizardTests", dependencies: ["Wizard", "Drafts", "Commands", "TerminalUI", "AssistantModel", "RevoxClient", "RevoxSandbox", "TestSupport"],
                    resources: [.copy("Golden")]),
        // Bad input, faults and secrets (issue 7): fuzzing, hostile drafts, kill loops, leaks.
        .testTarget(name: "HardeningTests", dependencies: ["Wizard", "Drafts", "TerminalUI", "AssistantModel", "RevoxClient", "RevoxSandbox"],
                    resources: [.copy("Corpus")]),
    ],
    swiftLanguageModes: [.v6]
)
