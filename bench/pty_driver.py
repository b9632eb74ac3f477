"""A program on a fresh pseudo-terminal, its output fed to a pyte screen.

Timing rule: every output chunk is stamped with the monotonic clock the moment read() returns, and the
emulator only parses while the program is silent (after a short gap). So the time a figure reports is
when the program's bytes reached the terminal, not when our (slow, pure-Python) emulator got through
them, and parsing never delays the reads being timed.
"""
import errno
import fcntl
import os
import select
import signal
import struct
import termios
import time

import pyte

COLS, ROWS = 80, 24
PARSE_GAP = 0.002     # parse once the program has been silent this long (s)


def now():
    return time.monotonic()


class Timeout(Exception):
    pass


class Session:
    """One child process on its own pty (80x24), with an emulated screen of what it drew."""

    def __init__(self, argv, env, cwd=None, cols=COLS, rows=ROWS):
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.pending = []          # [(timestamp, bytes)] read but not parsed yet
        self.bytes_total = 0
        self.log = []              # [(timestamp, nbytes)] of every read, for burst counting
        self.exited = None         # wait status once reaped
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        rd, wr = os.pipe()         # the child sends the exec timestamp through this (both CLOEXEC)
        pid = os.fork()
        if pid == 0:               # child: new session, the pty as controlling terminal and stdio
            try:
                os.close(master)
                os.close(rd)
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                if slave > 2:
                    os.close(slave)
                if cwd:
                    os.chdir(cwd)
                t = time.monotonic_ns()   # CLOCK_MONOTONIC is system-wide: comparable in the parent
                os.write(wr, struct.pack("q", t))
                os.execvpe(argv[0], argv, env)
            except BaseException as e:  # noqa: BLE001 - report anything, never return into the harness
                try:
                    os.write(2, f"exec {argv[0]}: {e}\n".encode())
                finally:
                    os._exit(127)
        os.close(slave)
        os.close(wr)
        data = b""
        while len(data) < 8:
            chunk = os.read(rd, 8 - len(data))
            if not chunk:
                break
            data += chunk
        os.close(rd)
        self.pid, self.fd = pid, master
        self.t_exec = struct.unpack("q", data)[0] / 1e9 if len(data) == 8 else now()
        os.set_blocking(master, False)

    # --- reading -------------------------------------------------------------------------------
    def _read_available(self):
        """Read whatever is there now; returns False on EOF (child gone / pty closed)."""
        while True:
            try:
                b = os.read(self.fd, 65536)
            except BlockingIOError:
                return True
            except OSError as e:
                if e.errno == errno.EIO:   # Linux: slave side closed
                    return False
                raise
            if not b:
                return False
            t = now()
            self.pending.append((t, b))
            self.bytes_total += len(b)
            self.log.append((t, len(b)))

    def _parse_until(self, pred):
        """Feed pending chunks one at a time; return the stamp of the first chunk after which pred holds."""
        hit = None
        while self.pending:
            t, b = self.pending.pop(0)
            self.stream.feed(b)
            if hit is None and pred is not None and pred(self.screen):
                hit = t
        return hit

    def wait_for(self, pred, timeout, write=b""):
        """Pump output until pred(screen) holds; return the read stamp of the chunk that made it hold.

        `write` is sent to the program meanwhile without blocking (a big paste must not deadlock
        against a program that writes while we write). Raises Timeout; returns None on EOF.
        """
        if pred(self.screen) and not write:
            return now()
        deadline = now() + timeout
        out = memoryview(write)
        alive = True
        while True:
            left = deadline - now()
            if left <= 0:
                self._parse_until(None)
                raise Timeout()
            wset = [self.fd] if out else []
            r, w, _ = select.select([self.fd] if alive else [], wset, [], min(left, PARSE_GAP))
            if w:
                try:
                    n = os.write(self.fd, out[:65536])
                    out = out[n:]
                except BlockingIOError:
                    pass
            if r:
                alive = self._read_available()
            elif not w:                        # silent for PARSE_GAP: now parse
                hit = self._parse_until(pred)
                if hit is not None and not out:
                    return hit
                if not alive:
                    return None

    def settle(self, quiet, timeout):
        """Read until the program has been silent for `quiet` s; return the stamp of its last output."""
        deadline = now() + timeout
        last = None
        while True:
            left = deadline - now()
            if left <= 0:
                break
            r, _, _ = select.select([self.fd], [], [], min(left, quiet))
            if not r:
                break
            n = len(self.pending)
            if not self._read_available():
                break
            if len(self.pending) > n:
                last = self.pending[-1][0]
        self._parse_until(None)
        return last

    def send(self, data, timeout=2.0):
        """Write keys; returns the time just before the write. Gives up (Timeout) if the program
        does not take its input (the pty's input queue is full) within `timeout` s."""
        t = now()
        view = memoryview(data)
        while view:
            try:
                n = os.write(self.fd, view)
                view = view[n:]
            except BlockingIOError:
                if now() - t > timeout:
                    raise Timeout() from None
                select.select([self.fd], [self.fd], [], 0.05)
                self._read_available()   # a program blocked writing its output reads no input
        return t

    # --- the process -----------------------------------------------------------------------------
    def alive(self):
        if self.exited is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid:
            self.exited = status
            return False
        return True

    def vm_hwm_kib(self):
        """Peak resident set size so far (VmHWM), in KiB; None if the process is gone."""
        try:
            with open(f"/proc/{self.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def close(self, quit_keys=b"", grace=1.0):
        """Quit politely with quit_keys, then SIGTERM, then SIGKILL; always reap and close the pty."""
        if self.fd is None:
            return
        try:
            if quit_keys and self.alive():
                try:
                    self.send(quit_keys, timeout=0.2)
                except Timeout:
                    pass                 # still busy with earlier input: the signals below will do
            end = now() + grace
            while self.alive() and now() < end:
                select.select([self.fd], [], [], 0.02)
                self._read_available()
            for sig in (signal.SIGTERM, signal.SIGKILL):
                if not self.alive():
                    break
                os.kill(self.pid, sig)
                end = now() + 0.5
                while self.alive() and now() < end:
                    time.sleep(0.005)
            if self.exited is None:
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass
        finally:
            os.close(self.fd)
            self.fd = None

    # --- screen helpers -------------------------------------------------------------------------
    def text(self):
        return "\n".join(self.screen.display)

    def cursor(self):
        return self.screen.cursor.y, self.screen.cursor.x

    def char_at(self, y, x):
        return self.screen.buffer[y][x].data
