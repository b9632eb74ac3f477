import TerminalUI
print("tui-demo: not built yet")
