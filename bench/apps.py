"""Our programs as benchmark subjects: how to launch them and what their screens show.

Columns (see subjects.py for the rules):
  argv       command line per scene; {root} = repo root, {text} = a file of the preloaded text
             (1 KB / 1 MB for `editor`, empty for `paste`, 1 MB for `large`), {bytes} = its size,
             {draft} = a fresh copy (per launch) of a draft file holding the same prompt (for `large`: 1 MB prompt + 1,000 FAQ items + 200 structured
             output fields; format in drafts.py), {home} = a private HOME for the run
  marker     texts on screen once the scene's first screen is fully drawn
  keys       keys that move focus to the field / editor after the first screen ("" = already there)
  reached    texts on screen once those keys took effect
  step       keys for one step change, and keys that go back
  quit       keys that make the program exit (default Esc)
A "TODO" marker makes the harness report the scene as not available instead of guessing.
"""
from subjects import Scene, Subject

TODO = "TODO: set the text this screen shows"
DEMO = "{root}/.build-bench/release/tui-demo"
WIZ = "{root}/.build-bench/release/assistant-wizard"
# The wizard's first screen on a new assistant: step 1 with the Name field focused, and the key help.
WIZ_FIRST = ("1/10 Basics", "› Name", "alt+n/alt+p next/previous step")
DEMO_FIRST = ("tui-demo — TerminalUI widgets", "focus: name")

# name        scene     argv                                                marker       keys      reached
TABLE = {
    "tui-demo": {   # --preload BYTES fills the text area with sample prose (cursor at its start)
        "start":  ([DEMO],                                                  DEMO_FIRST,  b"",      ()),
        "field":  ([DEMO],                                                  DEMO_FIRST,  b"",      ()),
        "editor": ([DEMO, "--preload", "{bytes}"],                          DEMO_FIRST,  b"\t\t",  ("focus: prompt",)),
        "paste":  ([DEMO],                                                  DEMO_FIRST,  b"\t\t",  ("focus: prompt",)),
        "large":  ([DEMO, "--preload", "{bytes}"],                          DEMO_FIRST,  b"",      ()),
        "step":   (b"\t", b"\x1b[Z"),                                       # no steps: focus to the next field
        "quit":   b"\x11",                                                  # Ctrl-Q
    },
    "wizard": {     # Name is focused first; Tab reaches the Prompt editor (cursor at its start)
        "start":  ([WIZ, "new", "--sandbox"],                               WIZ_FIRST,   b"",      ()),
        "field":  ([WIZ, "new", "--sandbox"],                               WIZ_FIRST,   b"",      ()),
        "editor": ([WIZ, "edit", "{draft}", "--sandbox"],                   WIZ_FIRST,   b"\t",    ("› Prompt",)),
        "paste":  ([WIZ, "edit", "{draft}", "--sandbox"],                   WIZ_FIRST,   b"\t",    ("› Prompt",)),
        "large":  ([WIZ, "edit", "{draft}", "--sandbox"],                   WIZ_FIRST,   b"",      ()),
        "step":   (b"\x1bn", b"\x1bp"),                                     # Alt-N / Alt-P: Basics → Voice → Basics
        "quit":   b"\x11",                                                  # Ctrl-Q (saves a pending draft)
    },
}
PRODUCTS = {"tui-demo": "tui-demo", "wizard": "assistant-wizard"}
# The wizard must never reach the real API from a benchmark, whatever the caller's environment.
ENV = {"wizard": {"REVOX_API_KEY": "", "REVOX_BASE_URL": "http://127.0.0.1:9/"}}


def app_subjects():
    subjects = []
    for name, row in TABLE.items():
        scenes = {}
        for scene, spec in row.items():
            if scene in ("step", "quit") or TODO in spec[1]:
                continue
            argv, marker, keys, reached = spec
            scenes[scene] = Scene(list(argv), tuple(marker), keys, tuple(reached))
        step, back = row.get("step", (b"", b""))
        subjects.append(Subject(name=name, scenes=scenes, step_keys=step, step_back=back,
                                quit_keys=row.get("quit", b"\x1b"),
                                product=PRODUCTS[name], env=ENV.get(name, {}),
                                note="" if scenes else "scenes not configured yet (bench/apps.py)"))
    return subjects
