import CNCursesW
enum TerminalUIPlaceholder {}
