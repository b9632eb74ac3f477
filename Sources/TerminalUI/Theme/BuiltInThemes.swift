/// The default and mono themes as Swift values, so opening the program parses no theme (issue 15:
/// parsing the built-in default at start cost about 1 M instructions). They are what
/// `ThemeLoader.defaultThemeJSON` and `monoThemeJSON` (the same bytes as themes/default.json and
/// themes/mono.json) parse to; a test checks it.
extension ThemeLoader {
    public static let builtInDefault = Theme(name: "default", slots: [
        .background: SlotStyle(), .text: SlotStyle(),
        .muted: SlotStyle(.index(245)),
        .accent: SlotStyle(.index(75), .terminalDefault, .bold),
        .focus: SlotStyle(.index(81), .terminalDefault, .bold),
        .error: SlotStyle(.index(203), .terminalDefault, .bold),
        .warning: SlotStyle(.index(214)),
        .success: SlotStyle(.index(114)),
        .selection: SlotStyle(.index(231), .index(25)),
        .border: SlotStyle(.index(240)),
        .jsonKey: SlotStyle(.index(117)),
        .jsonString: SlotStyle(.index(150)),
        .jsonNumber: SlotStyle(.index(215)),
        .jsonBool: SlotStyle(.index(176)),
        .jsonNull: SlotStyle(.index(245), .terminalDefault, .italic),
        .jsonPunctuation: SlotStyle(.index(250)),
    ])

    public static let builtInMono = Theme(name: "mono", slots: [
        .background: SlotStyle(), .text: SlotStyle(),
        .muted: SlotStyle(.terminalDefault, .terminalDefault, .dim),
        .accent: SlotStyle(.terminalDefault, .terminalDefault, .bold),
        .focus: SlotStyle(.terminalDefault, .terminalDefault, [.bold, .underline]),
        .error: SlotStyle(.terminalDefault, .terminalDefault, .bold),
        .warning: SlotStyle(.terminalDefault, .terminalDefault, .bold),
        .success: SlotStyle(),
        .selection: SlotStyle(.terminalDefault, .terminalDefault, .reverse),
        .border: SlotStyle(),
        .jsonKey: SlotStyle(.terminalDefault, .terminalDefault, .bold),
        .jsonString: SlotStyle(), .jsonNumber: SlotStyle(), .jsonBool: SlotStyle(),
        .jsonNull: SlotStyle(.terminalDefault, .terminalDefault, .dim),
        .jsonPunctuation: SlotStyle(.terminalDefault, .terminalDefault, .dim),
    ])
}
