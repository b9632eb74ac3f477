"""Our programs as benchmark subjects. EDIT THIS TABLE once tui-demo and the wizard exist.

Columns (see subjects.py for the rules):
  argv       command line per scene; {root} = repo root, {text} = a file of the preloaded text
             (1 KB / 1 MB for `editor`, empty for `paste`, 1 MB for `large`), {draft} = a draft file
             holding the same prompt (for `large`: 1 MB prompt + 1,000 FAQ items + 200 structured
             output fields; format in drafts.py), {home} = a private HOME for the run
  marker     texts on screen once the scene's first screen is fully drawn
  keys       keys that move focus to the field / editor after the first screen ("" = already there)
  reached    texts on screen once those keys took effect
  step       keys for one step change, and keys that go back
A "TODO" marker makes the harness report the scene as not available instead of guessing.
"""
from subjects import Scene, Subject

TODO = "TODO: set the text this screen shows"
DEMO = "{root}/.build/release/tui-demo"
WIZ = "{root}/.build/release/assistant-wizard"

# name        scene     argv                                                marker       keys  reached
TABLE = {
    "tui-demo": {
        "start":  ([DEMO],                                                  (TODO,),     b"",  ()),
        "field":  ([DEMO],                                                  (TODO,),     b"",  ()),
        "editor": ([DEMO, "--text-file", "{text}"],                         (TODO,),     b"",  ()),
        "paste":  ([DEMO, "--text-file", "{text}"],                         (TODO,),     b"",  ()),
        "large":  ([DEMO, "--text-file", "{text}"],                         (TODO,),     b"",  ()),
        "step":   (b"\t", b"\x1b[Z"),
    },
    "wizard": {
        "start":  ([WIZ, "new", "--sandbox"],                               (TODO,),     b"",  ()),
        "field":  ([WIZ, "new", "--sandbox"],                               (TODO,),     b"",  ()),
        "editor": ([WIZ, "edit", "{draft}", "--sandbox"],                   (TODO,),     b"",  ()),
        "paste":  ([WIZ, "edit", "{draft}", "--sandbox"],                   (TODO,),     b"",  ()),
        "large":  ([WIZ, "edit", "{draft}", "--sandbox"],                   (TODO,),     b"",  ()),
        "step":   (b"\x1b[6~", b"\x1b[5~"),                                 # PgDn / PgUp: a guess
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
            if scene == "step" or TODO in spec[1]:
                continue
            argv, marker, keys, reached = spec
            scenes[scene] = Scene(list(argv), tuple(marker), keys, tuple(reached))
        step, back = row.get("step", (b"", b""))
        subjects.append(Subject(name=name, scenes=scenes, step_keys=step, step_back=back,
                                product=PRODUCTS[name], env=ENV.get(name, {}),
                                note="" if scenes else "scenes not configured yet (bench/apps.py)"))
    return subjects
