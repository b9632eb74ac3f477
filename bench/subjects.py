"""What is measured: subjects (a program and how to drive it) built from plain tables.

A subject has *scenes*, each one launch of the program on a fresh 80x24 pty:
  start   the first screen (start-up time, memory at first frame)
  field   a focused single-line text field (keystroke echo, bytes per character, step change)
  editor  the prompt editor holding {text} (1 KB, then 1 MB) (keystroke echo)
  paste   the prompt editor, empty, ready for a 100 KB paste
  large   the large draft loaded (memory)
A scene is "ready" when every marker text is on the emulated screen *and* the program then stays
silent for SETTLE seconds; the time it became ready is the stamp of its last output before that
silence. `keys` are then sent to reach the field/editor, and it is ready again when `reached` texts
show (and output settles). A missing scene is reported as "not available".

The tui-demo and wizard tables live in apps.py, so the lead edits one small file once they exist.
"""
import os
import shutil
from dataclasses import dataclass, field

SETTLE = 0.05     # s of silence that says "fully drawn" once the marker texts are on screen


def all_text(*needles):
    """A screen predicate: every needle is visible somewhere on the screen."""
    def pred(screen):
        shown = "\n".join(screen.display)
        return all(n in shown for n in needles)
    pred.needles = needles
    return pred


@dataclass
class Scene:
    argv: list                      # may hold {text}, {draft}, {home}, {root} (filled by the harness)
    marker: tuple                   # texts that are on screen when this scene's first screen is drawn
    keys: bytes = b""               # sent after the first screen, to reach the field / editor
    reached: tuple = ()             # texts on screen once `keys` took effect
    env: dict = field(default_factory=dict)


@dataclass
class Subject:
    name: str
    scenes: dict                    # scene name -> Scene (absent = not available)
    quit_keys: bytes = b"\x1b"
    step_keys: bytes = b""          # one step change ...
    step_back: bytes = b""          # ... and back (not measured)
    backspace: bytes = b"\x7f"
    bracketed_paste: bool = True    # wrap the paste in ESC[200~ ... ESC[201~
    product: str = ""               # Swift product bench/run builds (release) if its binary is missing
    env: dict = field(default_factory=dict)
    note: str = ""

    def missing(self, root):
        """Why the subject cannot run here (None if it can)."""
        if not self.scenes:
            return "no scenes defined"
        exe = next(iter(self.scenes.values())).argv[0].format(root=root)
        if os.sep in exe:
            return None if os.access(exe, os.X_OK) else f"{exe} not built"
        return None if shutil.which(exe) else f"{exe} not installed"


# --- dialog: the comparison peer, and a stand-in subject that validates the harness -------------
# ESCDELAY=25 only makes dialog quit quickly on the final Esc (our terminal layer uses 25 ms too);
# no measured keystroke involves Esc.
_DIALOG_ENV = {"ESCDELAY": "25", "DIALOGRC": "/dev/null"}
_INPUTBOX = Scene(["dialog", "--inputbox", "Name", "10", "60"], marker=("Name", "<  OK  >", "<Cancel>"),
                  env=_DIALOG_ENV)
_EDITBOX = Scene(["dialog", "--editbox", "{text}", "20", "76"], marker=("<  OK  >", "<Cancel>"),
                 env=_DIALOG_ENV)

DIALOG = Subject(
    name="dialog",
    scenes={"start": _INPUTBOX, "field": _INPUTBOX, "editor": _EDITBOX},
    step_keys=b"\t", step_back=b"\x1b[Z",     # its only "step": focus from the field to < OK >
    note="dialog --inputbox (--editbox for the editor rows): the peer measured in the same run",
)

DIALOG_STANDIN = Subject(
    name="dialog-standin",
    scenes={"start": _INPUTBOX, "field": _INPUTBOX, "editor": _EDITBOX, "paste": _EDITBOX,
            "large": _EDITBOX},
    step_keys=b"\t", step_back=b"\x1b[Z",
    bracketed_paste=False,   # dialog knows no bracketed paste: ESC[200~ would read as Esc = Cancel
    note="harness validation: dialog as the subject too (--editbox as the prompt editor)",
)
