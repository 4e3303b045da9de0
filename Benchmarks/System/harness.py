"""Processes under measurement: the simulator, the dashboard in a pseudo-terminal, and a
`watch … curl … | jq` loop, with their CPU time, peak memory, trace events and terminal bytes."""

import fcntl
import json
import os
import pty
import re
import shutil
import signal
import struct
import subprocess
import tempfile
import termios
import threading
import time
import urllib.request

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def now_ns():
    return time.time_ns()


def cpu_seconds(pid, children=False):
    """utime+stime (and, with children, the waited-for children's cutime+cstime) of a process."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # fields[0] is the state (field 3 of stat); utime is field 14.
    utime, stime, cutime, cstime = (int(x) for x in fields[11:15])
    total = utime + stime + (cutime + cstime if children else 0)
    return total / CLOCK_TICKS


def precise_cpu_seconds(pids, seconds):
    """CPU time of each process (all its threads, those that end on the way too) over the next
    `seconds`, to the microsecond: `perf stat -e task-clock`. /proc's utime and stime count in
    10 ms ticks, a third of what a 0.05 % target allows in a minute. Falls back to them (and says
    so in the second value) where perf is missing or not permitted."""
    perf = shutil.which("perf")
    if perf:
        runs = {pid: subprocess.Popen([perf, "stat", "-x", ",", "-e", "task-clock", "-p", str(pid), "--", "sleep", str(seconds)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for pid in pids}
        results = {}
        for pid, run in runs.items():
            _, err = run.communicate()
            for line in err.splitlines():
                fields = line.split(",")
                if len(fields) > 2 and fields[2].startswith("task-clock"):
                    try:
                        results[pid] = float(fields[0]) / 1000
                    except ValueError:
                        pass
        if len(results) == len(pids):
            return results, "perf stat task-clock"
    before = {pid: cpu_seconds(pid) for pid in pids}
    time.sleep(seconds)
    return {pid: cpu_seconds(pid) - before[pid] for pid in pids}, "/proc ticks of 10 ms"


def status_kb(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise KeyError(key)


def loopback_env(extra=None):
    env = dict(os.environ)
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        env.pop(name, None)
    env["no_proxy"] = env["NO_PROXY"] = "127.0.0.1,localhost"
    if extra:
        env.update(extra)
    return env


class Simulator:
    """`leadtop sim` on a free loopback port, in its own process."""

    def __init__(self, binary, *args):
        self.proc = subprocess.Popen(
            [binary, "sim", "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=loopback_env(), text=True)
        self.url = self.key = None
        deadline = time.time() + 120
        while time.time() < deadline and (self.url is None or self.key is None):
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the simulator exited before printing its address")
            if m := re.search(r"listening on (\S+)", line):
                self.url = m.group(1)
            if m := re.search(r"API key: (\S+)", line):
                self.key = m.group(1)
        if self.url is None or self.key is None:
            raise RuntimeError("the simulator did not print its address in time")
        self.proc.stdout.close()

    def request(self, method, path, body=None, auth=True):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if auth:
            req.add_header("Authorization", f"Bearer {self.key}")
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(req, timeout=30) as reply:
            return json.loads(reply.read())

    def deliver(self, count=1):
        """Forces deliveries now; returns the new leads' ids."""
        return [lead["id"] for lead in self.request("POST", "/_sim/deliver", {"count": count}, auth=False)]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Terminal:
    """A program in a pseudo-terminal of a given size. Everything it writes is read at once (so it
    never blocks) and logged as (time, byte count)."""

    def __init__(self, argv, cols, rows, env):
        self.started_ns = now_ns()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        self.chunks = []  # (ns, bytes)
        self.head = bytearray()  # the first bytes written, to look for text in (`wait_output`)
        self.lock = threading.Lock()
        self.exit_status = None
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        while True:
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return
            if not data:
                return
            with self.lock:
                self.chunks.append((now_ns(), len(data)))
                if len(self.head) < (4 << 20):
                    self.head += data

    def bytes_between(self, start_ns, end_ns):
        with self.lock:
            return sum(n for t, n in self.chunks if start_ns <= t <= end_ns)

    def wait_output(self, needle, timeout=30):
        """Waits until the program has written `needle` (bytes) among its first 4 MB of output."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                if needle in self.head:
                    return True
            time.sleep(0.05)
        return False

    def last_output_ns(self):
        with self.lock:
            return self.chunks[-1][0] if self.chunks else 0

    def send(self, data):
        t = now_ns()
        os.write(self.fd, data)
        return t

    def resize(self, cols, rows):
        """Sets the window size; the kernel sends SIGWINCH to the program."""
        t = now_ns()
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        return t

    def alive(self):
        if self.exit_status is not None:
            return False
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            return True
        self.exit_status = status
        return False

    def stop(self, quit_keys=b"q", timeout=10):
        if self.alive():
            try:
                os.write(self.fd, quit_keys)
            except OSError:
                pass
            deadline = time.time() + timeout
            while time.time() < deadline and self.alive():
                time.sleep(0.05)
            if self.alive():
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        try:
            os.close(self.fd)
        except OSError:
            pass


class Trace:
    """The dashboard's `LEADTOP_TRACE` file: `<unix-ns> <event> <detail>` per line."""

    def __init__(self, path):
        self.path = path

    def events(self):
        try:
            with open(self.path) as f:
                lines = f.read().splitlines()
        except FileNotFoundError:
            return []
        out = []
        for line in lines:
            parts = line.split(" ", 2)
            if len(parts) >= 2 and parts[0].isdigit():
                out.append((int(parts[0]), parts[1], parts[2] if len(parts) > 2 else ""))
        return out

    def wait_for(self, predicate, timeout, poll=0.002):
        """The first event satisfying predicate(index, event, events), polling until timeout."""
        deadline = time.time() + timeout
        while True:
            events = self.events()
            for i, event in enumerate(events):
                if predicate(i, event, events):
                    return i, event, events
            if time.time() > deadline:
                return None
            time.sleep(poll)

    def first_frame_after(self, after_ns, timeout):
        found = self.wait_for(lambda i, e, es: e[1] == "frame" and e[0] >= after_ns, timeout)
        return found[1][0] if found else None

    def frame_after_event(self, match, after_ns, timeout):
        """The time of the first frame flushed after the first event (at or after after_ns) that
        satisfies match(event)."""
        def predicate(i, e, es):
            if e[1] != "frame":
                return False
            return any(m[0] >= after_ns and match(m) for m in es[:i])
        found = self.wait_for(predicate, timeout)
        return found[1][0] if found else None


class Dashboard:
    """The real `leadtop` binary in a pseudo-terminal, with a trace file and its own XDG dirs."""

    def __init__(self, binary, sim, cols=200, rows=50, extra_args=(), state_dir=None, term="xterm-256color", trace=True):
        """Without `trace`, nothing is written but the frames (the idle figures: a user pays for no
        trace lines, which cost two file appends per frame)."""
        self.dir = tempfile.mkdtemp(prefix="leadtop-bench-")
        self.state_dir = state_dir or os.path.join(self.dir, "state")
        os.makedirs(os.path.join(self.dir, "config"), exist_ok=True)
        self.trace = Trace(os.path.join(self.dir, "trace"))
        env = loopback_env({
            "TERM": term, "LANG": "C.UTF-8",
            "XDG_STATE_HOME": self.state_dir, "XDG_CONFIG_HOME": os.path.join(self.dir, "config"),
        })
        if trace:
            env["LEADTOP_TRACE"] = self.trace.path
        env.pop("LEADOS_API_KEY", None)
        env.pop("LEADOS_API_URL", None)
        argv = [binary, "--api-url", sim.url, "--api-key", sim.key, *extra_args]
        self.term = Terminal(argv, cols, rows, env)

    @property
    def pid(self):
        return self.term.pid

    def wait_ready(self, timeout=60):
        """Waits until leads are on screen (a frame after the first leads update)."""
        t = self.trace.frame_after_event(lambda e: e[1] == "sync" and e[2].startswith("leads"), 0, timeout)
        if t is None:
            raise RuntimeError("the dashboard showed no leads in time (trace: %s)" % self.trace.path)
        return t

    def settle(self, quiet_ms=300, timeout=10):
        """Waits until nothing was written to the terminal for quiet_ms."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            last = self.term.last_output_ns()
            if now_ns() - last > quiet_ms * 1_000_000:
                return
            time.sleep(quiet_ms / 4000)

    def stop(self):
        """Quits the dashboard and removes its trace and temporary directories."""
        self.term.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
