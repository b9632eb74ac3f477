"""System calls per typed character, by strace (issue 15: one write per frame, no typeahead polls).

    .bench/venv/bin/python bench/syscalls.py [--root DIR] [--keys N] [--subject wizard|tui-demo|dialog]

Runs the subject on a fresh 80x24 pty under `strace -f -e trace=write,poll,ppoll,read,ioctl`,
waits until its first screen has settled, types N letters into the focused field (each after the
previous one's output has settled), and reports the system calls made between the first key and
the last key's output, per key. Start-up and quit are outside the window.
"""
import argparse
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pty_driver import Session  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=ROOT, help="the checkout whose .build-bench binaries to run")
    ap.add_argument("--keys", type=int, default=20)
    ap.add_argument("--subject", default="wizard", choices=["wizard", "tui-demo", "dialog"])
    a = ap.parse_args()
    if not shutil.which("strace"):
        sys.exit("syscalls: strace is not installed")
    rel = os.path.join(a.root, ".build-bench", "release")
    argv, first = {
        "wizard": ([os.path.join(rel, "assistant-wizard"), "new", "--sandbox"], "1/10 Basics"),
        "tui-demo": ([os.path.join(rel, "tui-demo")], "focus: name"),
        "dialog": (["dialog", "--inputbox", "Name", "10", "60"], "Name"),
    }[a.subject]
    # Two runs, the same but for the keys: the difference is what the keys cost (strace buffers its
    # log, so it is read only once a run has ended). Only the main thread's calls are counted.
    base = trace_run(argv, first, 0)
    typed = trace_run(argv, first, a.keys)
    print(f"{a.subject}: system calls of the main thread per typed character, over {a.keys} keys (strace)")
    for k in sorted(set(base) | set(typed)):
        print(f"  {k:16} {(typed.get(k, 0) - base.get(k, 0)) / a.keys:6.2f}")


def trace_run(argv, first, keys):
    with tempfile.TemporaryDirectory(prefix="syscalls-") as tmp:
        home = os.path.join(tmp, "home")
        os.makedirs(home)
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TERM": "xterm-256color",
               "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "REVOX_API_KEY": "", "REVOX_BASE_URL": "http://127.0.0.1:9",
               "XDG_DATA_HOME": os.path.join(tmp, "data")}
        trace = os.path.join(tmp, "trace")
        s = Session(["strace", "-f", "-qq", "-e", "trace=write,poll,ppoll,read,ioctl,pselect6,select",
                     "-o", trace] + argv, env)
        s.wait_for(lambda scr: any(first in line for line in scr.display), timeout=30)
        s.settle(0.3, 5)
        for i in range(keys):
            s.send(b"abcdefghijklmnopqrstuvwxyz"[i % 26:i % 26 + 1])
            s.settle(0.05, 5)
        s.close(b"")
        lines = read_lines(trace)
    # The loop's thread: the one that writes the frames to the terminal (fd 1).
    writers = {}
    for line in lines:
        m = re.match(r"\s*(\d+)\s+write\(1,", line)
        if m:
            writers[m.group(1)] = writers.get(m.group(1), 0) + 1
    main = max(writers, key=writers.get) if writers else None
    calls = {}
    for line in lines:
        m = re.match(r"\s*(\d+)\s+(\w+)\((\d+)?", line)
        if not m:
            continue
        tid, name, fd = m.group(1), m.group(2), m.group(3)
        if tid != main:
            continue
        key = f"{name}({fd})" if name in ("write", "read", "ioctl") and fd is not None else name
        calls[key] = calls.get(key, 0) + 1
    return calls


def read_lines(path):
    try:
        with open(path, errors="replace") as f:
            return f.read().splitlines()
    except FileNotFoundError:
        return []


if __name__ == "__main__":
    main()
