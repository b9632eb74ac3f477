"""The measurements and their statistics. Every function drives real processes through pty_driver.

Peer and subject are interleaved run by run (start-up) or keystroke by keystroke (echo), so that
a burst of load on the shared machine hits both alike and the ratio stays meaningful.
"""
import os
import shutil
import statistics

from pty_driver import Session, Timeout, now
from subjects import SETTLE, all_text

QUIET = 0.03          # s of silence after a keystroke that ends its output (for byte counts)
FRAME_GAP = 0.001     # s of silence that separates two frames (bursts of output); see BENCHMARKS.md
ECHO_CHARS = "abcdefghijklmnopqrstuvwxyz"


class NotAvailable(Exception):
    pass


def summary(values, unit):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"n": len(values), "median": statistics.median(values), "min": min(values),
            "max": max(values), "unit": unit}


class Launcher:
    """Turns a subject's scene into a running Session, ready (first screen drawn, keys applied)."""

    def __init__(self, root, files, home, timeout):
        self.root, self.files, self.home, self.timeout = root, files, home, timeout

    def env(self, subject, scene):
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.home,
               "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
               "SWIFT_BACKTRACE": "interactive=no", "XDG_CONFIG_HOME": self.home + "/.config",
               "XDG_DATA_HOME": self.home + "/.local/share", "XDG_STATE_HOME": self.home + "/.local/state"}
        env.update(subject.env)
        env.update(scene.env)
        return env

    def argv(self, scene, preload):
        text, draft, size = {"0": ("text-0", "draft-0.json", 0), "1k": ("text-1k", "draft-1k.json", 1 << 10),
                             "1m": ("text-1m", "draft-1m.json", 1 << 20),
                             "1m-line": ("text-1m-line", "draft-1m-line.json", 1 << 20),
                             "large": ("text-1m", "draft-large.json", 1 << 20)}[preload]
        if any("{draft}" in a for a in scene.argv):
            draft_path = self.fresh_copy(self.files[draft])
        else:
            draft_path = self.files[draft]
        return [a.format(root=self.root, text=self.files[text], draft=draft_path, home=self.home, bytes=size)
                for a in scene.argv]

    def fresh_copy(self, path):
        """A private copy of a draft per launch: an editor saves it in place and may leave a lock or
        metadata file beside it, which must not carry over into the next launch."""
        self.launches = getattr(self, "launches", 0) + 1
        d = os.path.join(self.home, "drafts", str(self.launches))
        os.makedirs(d, exist_ok=True)
        dest = os.path.join(d, os.path.basename(path))
        shutil.copyfile(path, dest)
        return dest

    def open(self, subject, scene_name, preload="0", at_first_frame=None):
        """Start the scene; returns (session, seconds from exec to first screen fully drawn).
        `at_first_frame(session)` runs the moment the marker texts are first seen on screen
        (before waiting for the output to settle): what the process holds at its first frame."""
        scene = subject.scenes.get(scene_name)
        if scene is None:
            raise NotAvailable(f"no '{scene_name}' scene")
        s = Session(self.argv(scene, preload), self.env(subject, scene))
        try:
            t = self._ready(s, all_text(*scene.marker), at_first_frame)
            startup = t - s.t_exec
            if scene.keys:
                s.send(scene.keys)
                self._ready(s, all_text(*scene.reached))
            return s, startup
        except BaseException:
            s.close()
            raise

    def _ready(self, s, pred, at_hit=None):
        try:
            hit = s.wait_for(pred, self.timeout)
            if hit is not None and at_hit:
                at_hit(s)
        except Timeout:
            raise NotAvailable(f"marker {pred.needles!r} not on screen within {self.timeout:g} s")
        if hit is None:
            s.close()
            shown = " / ".join(line.strip() for line in s.screen.display if line.strip())[:200]
            raise NotAvailable(f"exited before drawing its marker (wait status {s.exited}); "
                               f"screen: {shown or '(empty)'}")
        last = s.settle(SETTLE, self.timeout)
        return max(hit, last or hit)


def startup(launch, subjects, runs):
    """Exec → first screen fully drawn, interleaved across subjects; also VmHWM at first frame
    (read as soon as the marker texts are on screen, before whatever the program starts next)."""
    times = {sub.name: [] for sub in subjects}
    mem = {sub.name: [] for sub in subjects}
    errors = {}
    for i in range(runs):
        order = subjects if i % 2 == 0 else subjects[::-1]
        for sub in order:
            if sub.name in errors:
                continue
            hwm = []
            try:
                s, t = launch.open(sub, "start", at_first_frame=lambda s: hwm.append(s.vm_hwm_kib()))
            except NotAvailable as e:
                errors[sub.name] = str(e)
                continue
            times[sub.name].append(t)
            mem[sub.name].append(hwm[0] if hwm else None)
            s.close(sub.quit_keys)
    return {sub.name: {"startup": summary(times[sub.name], "s"),
                       "rss_first_frame": summary(mem[sub.name], "KiB"),
                       "error": errors.get(sub.name)} for sub in subjects}


def _type_one(s, ch, backspace, timeout):
    """Type ch at the cursor; returns (echo seconds, bytes the keystroke produced). Then erase it."""
    y, x = s.cursor()
    before = s.bytes_total
    t0 = s.send(ch.encode())
    try:
        hit = s.wait_for(lambda sc: sc.buffer[y][x].data == ch, timeout)
    except Timeout:
        hit = None
    s.settle(QUIET, timeout)
    nbytes = s.bytes_total - before
    s.send(backspace)
    s.settle(QUIET, timeout)
    return (hit - t0 if hit else None), nbytes


def echo(launch, pairs, runs, timeout):
    """Keystroke echo and bytes per character, interleaved across live sessions.

    pairs: [(label, subject, scene, preload)]. Each run types one letter at the cursor of every
    session in turn (order alternating), waits for it on screen at the cursor's old place, then
    erases it with Backspace, so the field never grows or scrolls.
    """
    sessions, errors = {}, {}
    for label, sub, scene, preload in pairs:
        try:
            sessions[label] = (launch.open(sub, scene, preload)[0], sub)
        except NotAvailable as e:
            errors[label] = str(e)
    lat = {label: [] for label in sessions}
    nbytes = {label: [] for label in sessions}
    misses = {label: 0 for label in sessions}
    try:
        for i in range(runs):
            labels = list(sessions) if i % 2 == 0 else list(sessions)[::-1]
            for label in labels:
                if misses[label] >= 3:
                    continue
                s, sub = sessions[label]
                t, n = _type_one(s, ECHO_CHARS[i % len(ECHO_CHARS)], sub.backspace, timeout)
                if t is None:
                    misses[label] += 1
                    errors[label] = f"{misses[label]} keystroke(s) never showed within {timeout:g} s"
                lat[label].append(t)
                nbytes[label].append(n)
    finally:
        for s, sub in sessions.values():
            s.close(sub.quit_keys)
    out = {}
    for label, *_ in pairs:
        b = nbytes.get(label, [])
        # The first key into a fresh screen is reported on its own; the figure is the steady state.
        out[label] = {"echo": summary(lat.get(label, []), "s"),
                      "bytes_per_char": summary(b[1:], "B"),
                      "bytes_first_key": summary(b[:1], "B"),
                      "error": errors.get(label)}
    return out


def step_change(launch, sub, runs, timeout):
    """Bytes written for one step change (the subject's step keys), and back (not counted)."""
    if not sub.step_keys:
        return {"error": "no step keys defined"}
    try:
        s, _ = launch.open(sub, "field")
    except NotAvailable as e:
        return {"error": str(e)}
    counts = []
    try:
        for _ in range(runs):
            before = s.bytes_total
            s.send(sub.step_keys)
            s.settle(QUIET, timeout)
            counts.append(s.bytes_total - before)
            s.send(sub.step_back)
            s.settle(QUIET, timeout)
    finally:
        s.close(sub.quit_keys)
    return {"bytes": summary(counts, "B"), "error": None}


def frames_in(log, t0):
    """Bursts of output after t0 separated by at least FRAME_GAP of silence."""
    frames, last = 0, None
    for t, _ in log:
        if t < t0:
            continue
        if last is None or t - last >= FRAME_GAP:
            frames += 1
        last = t
    return frames


def paste(launch, sub, text, runs, timeout):
    """A bracketed paste into the empty editor: time until its last line is on screen, and frames."""
    data = text.replace("\n", "\r")          # a terminal sends pasted newlines as CR
    if sub.bracketed_paste:
        data = "\x1b[200~" + data + "\x1b[201~"
    tail = text.rsplit("\n", 1)[-1]
    times, frames, reads, errors = [], [], [], None
    for _ in range(runs):
        try:
            s, _ = launch.open(sub, "paste", "0")
        except NotAvailable as e:
            return {"error": str(e)}
        try:
            n0 = len(s.log)
            t0 = now()
            hit = s.wait_for(all_text(tail), timeout, write=data.encode())
            s.settle(SETTLE, timeout)
            times.append(hit - t0 if hit else None)
            frames.append(frames_in(s.log, t0))
            reads.append(len(s.log) - n0)
        except Timeout:
            errors = f"the paste was not all on screen within {timeout:g} s"
            break
        finally:
            s.close(sub.quit_keys)
    return {"time": summary(times, "s"), "frames": summary(frames, ""), "reads": summary(reads, ""),
            "error": errors}


def memory_large(launch, sub, runs):
    """Exec → first frame with the large draft, and peak RSS (VmHWM) at that frame."""
    kib, times = [], []
    for _ in range(runs):
        hwm = []
        try:
            s, t = launch.open(sub, "large", "large", at_first_frame=lambda s: hwm.append(s.vm_hwm_kib()))
        except NotAvailable as e:
            return {"error": str(e)}
        kib.append(hwm[0] if hwm else None)
        times.append(t)
        s.close(sub.quit_keys)
    return {"rss": summary(kib, "KiB"), "open": summary(times, "s"), "error": None}
