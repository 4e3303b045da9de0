"""The whole-program figures: terminal bytes, latency, idle CPU, memory, start-up, simulator
throughput. Each function returns a list of Figure rows."""

import os
import re
import shutil
import statistics
import subprocess
import time

from harness import Dashboard, Simulator, Terminal, cpu_seconds, loopback_env, now_ns, precise_cpu_seconds, status_kb

MS = 1_000_000


class Figure:
    def __init__(self, name, measured, unit, target=None, limit=None, note=""):
        """limit: the measured value must be <= limit to pass (None: reported only)."""
        self.name, self.measured, self.unit = name, measured, unit
        self.target, self.limit, self.note = target, limit, note

    @property
    def verdict(self):
        if self.limit is None:
            return "info"
        if self.measured is None:
            return "MISS"
        return "pass" if self.measured <= self.limit else "MISS"

    def row(self):
        value = "n/a" if self.measured is None else f"{self.measured:,.{self._digits()}f} {self.unit}".strip()
        return [self.name, self.target or "—", value, self.verdict, self.note]

    def _digits(self):
        m = abs(self.measured)
        if m >= 100:
            return 0
        if m >= 10:
            return 1
        return 2 if m >= 1 else 3


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return None
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def _has_tick(dash, start_ns, end_ns):
    return any(e[1] == "tick" and start_ns <= e[0] <= end_ns for e in dash.trace.events())


def _clean_samples(dash, action, wanted, tries, tail_ms=60):
    """Runs action() (which returns (t0, frame_ns)) until `wanted` samples had no clock tick in
    their window; returns [(latency_ms, bytes)]."""
    samples = []
    for _ in range(tries):
        dash.settle(quiet_ms=200)
        t0, frame = action()
        if frame is None:
            continue
        time.sleep(tail_ms / 1000 + 0.1)
        end = frame + tail_ms * MS
        if _has_tick(dash, t0 - 5 * MS, end):
            continue
        samples.append(((frame - t0) / MS, dash.term.bytes_between(t0, end)))
        if len(samples) >= wanted:
            break
    return samples


def bytes_and_push(binary):
    """Push-mode dashboard at 200x50: bytes for a new lead, a selection move and a resize; the
    delivery-to-screen time of a pushed lead."""
    sim = Simulator(binary, "--lead-every", "0", "--rate-limit", "off")
    dash = Dashboard(binary, sim, 200, 50, extra_args=["--listen", "127.0.0.1:0"])
    try:
        dash.wait_ready()
        time.sleep(3)  # let every resource's first poll land and the webhook be registered

        def new_lead():
            t0 = now_ns()
            lead = sim.deliver(1)[0]
            return t0, dash.trace.frame_after_event(lambda e: e[1] == "sync" and lead in e[2], t0, 10)

        leads = _clean_samples(dash, new_lead, wanted=7, tries=20)
        keys = iter([b"j", b"k"] * 50)

        def move():
            t0 = dash.term.send(next(keys))
            return t0, dash.trace.frame_after_event(lambda e: e[1] == "key", t0, 5)

        moves = _clean_samples(dash, move, wanted=7, tries=20)
        resize_bytes = []
        for _ in range(3):
            dash.settle(quiet_ms=200)
            t0 = dash.term.resize(120, 40)
            dash.trace.first_frame_after(t0, 5)
            dash.settle(quiet_ms=200)
            t0 = dash.term.resize(200, 50)
            frame = dash.trace.first_frame_after(t0, 5)
            time.sleep(0.3)
            if frame is not None:
                resize_bytes.append(dash.term.bytes_between(t0, frame + 60 * MS))
    finally:
        dash.stop()
        sim.stop()
    push = [ms for ms, _ in leads]
    return [
        Figure("Bytes: new lead arrives (200x50, push)", _median([b for _, b in leads]), "B", "≤ 600 B", 600,
               f"median of {len(leads)}"),
        Figure("Bytes: selection moves one row (200x50)", _median([b for _, b in moves]), "B", "≤ 2 KB", 2048,
               f"median of {len(moves)}"),
        Figure("Bytes: full redraw after resize to 200x50", _median(resize_bytes), "B", None, None,
               f"median of {len(resize_bytes)}"),
        Figure("Delivery to screen, push (max)", max(push) if push else None, "ms", "≤ 100 ms", 100,
               f"median {_median(push):.1f} ms of {len(push)}" if push else ""),
    ]


def poll_delivery(binary, samples=6):
    """Polling dashboard (feed every 2 s): from a delivery until the lead is on screen."""
    sim = Simulator(binary, "--lead-every", "0", "--rate-limit", "off")
    dash = Dashboard(binary, sim, 120, 40)
    times = []
    try:
        dash.wait_ready()
        for i in range(samples):
            time.sleep(0.37 * (i + 1) % 2.0)  # spread deliveries over the poll phase
            t0 = now_ns()
            lead = sim.deliver(1)[0]
            frame = dash.trace.frame_after_event(lambda e: e[1] == "sync" and lead in e[2], t0, 10)
            if frame is not None:
                times.append((frame - t0) / MS)
    finally:
        dash.stop()
        sim.stop()
    return [Figure("Delivery to screen, poll every 2 s (max)", max(times) if times else None, "ms",
                   "≤ 2,100 ms", 2100, f"median {_median(times):.0f} ms of {len(times)}" if times else "")]


def key_latency(binary, keys=200):
    """Keystroke to frame flushed while every API request takes 2 s."""
    sim = Simulator(binary, "--lead-every", "0", "--rate-limit", "off", "--latency", "2000ms")
    dash = Dashboard(binary, sim, 120, 40)
    latencies = []
    try:
        dash.wait_ready(timeout=90)
        for i in range(keys):
            t0 = dash.term.send(b"j" if i % 2 == 0 else b"k")
            frame = dash.trace.frame_after_event(lambda e: e[1] == "key", t0, 5)
            if frame is not None:
                latencies.append((frame - t0) / MS)
            time.sleep(0.02 + (i % 7) * 0.005)
    finally:
        dash.stop()
        sim.stop()
    p99 = percentile(latencies, 99)
    return [Figure("Keystroke to frame, p99 (API latency 2 s)", p99, "ms", "≤ 16 ms", 16,
                   f"p50 {percentile(latencies, 50):.2f} ms, {len(latencies)} keys" if latencies else "")]


def idle_cpu(binary, seconds=60):
    """Two dashboards, one polling at default intervals and one in push mode (`--listen`), and a
    `watch -n2 curl | jq` loop, side by side for a minute against a separate simulator with no new
    leads. The dashboards run as a user runs them, without the trace file; they are ready once
    the newest lead's name is on screen. Their CPU is counted to the microsecond (perf)."""
    sim = Simulator(binary, "--lead-every", "0", "--rate-limit", "off")
    dash = Dashboard(binary, sim, 120, 40, trace=False)
    push = Dashboard(binary, sim, 120, 40, extra_args=["--listen", "127.0.0.1:0"], trace=False)
    watch = None
    try:
        newest = sim.request("GET", "/v1/leads?limit=8")["data"]
        # A first name, not the whole name: curses may move the cursor over a blank instead of
        # writing it, and the NAME column cuts a long name's end.
        firsts = [lead["full_name"].split()[0] for lead in newest if lead["full_name"].split()]
        name = next((w for w in firsts if w.isascii() and 4 <= len(w) <= 12), None)
        for d in (dash, push):
            if name and not d.term.wait_output(name.encode(), timeout=60):
                raise RuntimeError("the dashboard showed no leads in time")
        time.sleep(3)
        jq = "jq -r '.data[] | [.full_name, .company_name, .score] | @tsv'"
        command = f"curl -s -H 'Authorization: Bearer {sim.key}' '{sim.url}/v1/leads?limit=20' | {jq}"
        watch = Terminal([shutil.which("watch"), "-n2", command], 120, 40,
                         loopback_env({"TERM": "xterm-256color"}))
        time.sleep(1)
        w0 = cpu_seconds(watch.pid, children=True)
        used, method = precise_cpu_seconds([dash.pid, push.pid], seconds)
        w1 = cpu_seconds(watch.pid, children=True)
    finally:
        if watch:
            watch.stop(quit_keys=b"\x03")
        dash.stop()
        push.stop()
        sim.stop()
    dash_pct = used[dash.pid] / seconds * 100
    push_pct = used[push.pid] / seconds * 100
    watch_pct = (w1 - w0) / seconds * 100
    ratio = dash_pct / watch_pct if watch_pct > 0 else None
    return [
        Figure("Idle CPU, dashboard (60 s, default intervals)", dash_pct, "% core", "≤ 0.1 %", 0.1,
               f"{used[dash.pid] * 1000:.1f} ms CPU ({method})"),
        Figure("Idle CPU, dashboard in push mode (60 s, --listen)", push_pct, "% core", "≤ 0.05 %", 0.05,
               f"{used[push.pid] * 1000:.1f} ms CPU ({method})"),
        Figure("Idle CPU, watch -n2 curl | jq", watch_pct, "% core", None, None, f"{w1 - w0:.2f} CPU s"),
        Figure("Idle CPU ratio dashboard / watch loop", ratio, "×", "≤ 0.08×", 0.08),
    ]


def _without_debug_info(binary):
    """A copy of binary without DWARF (valgrind 3.19 cannot read Swift 6's DWARF 5; the code and
    its symbols are the same, so are the instruction counts)."""
    copy = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"{os.path.basename(binary)}-nodebug-{os.getpid()}")
    subprocess.run(["objcopy", "--strip-debug", binary, copy], check=True)
    return copy


def _callgrind_instructions(argv):
    """Instructions callgrind counts for a whole run of argv (all threads)."""
    out = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"leadtop-bench-callgrind-{os.getpid()}")
    try:
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=loopback_env({"SWIFT_DETERMINISTIC_HASHING": "1"}), timeout=600)
        with open(out) as f:
            for line in f:
                if line.startswith(("summary:", "totals:")):
                    return int(line.split()[1])
    finally:
        if os.path.exists(out):
            os.remove(out)
    raise RuntimeError("callgrind wrote no totals")


def _per_unit_instructions(argv_for_count, small, large):
    """Instructions of one unit: the difference of two runs of different counts, per unit."""
    return (_callgrind_instructions(argv_for_count(large)) - _callgrind_instructions(argv_for_count(small))) / (large - small)


def _cpu_per_unit(argv):
    out = subprocess.run(argv, check=True, capture_output=True, text=True,
                         env=loopback_env({"SWIFT_DETERMINISTIC_HASHING": "1"})).stdout
    return float(re.search(r"cpu_us_per_unit ([\d.]+)", out).group(1))


POLL_RESOURCES = ["feed", "campaigns", "balance", "stats", "feedback_summary"]


def unit_costs(binary, cost_probe):
    """Instructions (callgrind, repeatable) and CPU time per frame and per empty poll of each
    resource, from CostProbe (Benchmarks package)."""
    figures = []
    stripped = _without_debug_info(cost_probe)
    try:
        return _unit_costs(binary, cost_probe, stripped, figures)
    finally:
        os.remove(stripped)


def _unit_costs(binary, cost_probe, stripped, figures):
    frame_ir = _per_unit_instructions(lambda n: [stripped, "frame", str(n)], 20, 120)
    frame_us = _cpu_per_unit([cost_probe, "frame", "3000"])
    figures.append(Figure("Instructions per frame (200x50 render + diff, callgrind)", frame_ir / 1000, "k instr", None,
                          None, f"CPU {frame_us:.0f} µs per frame over 3,000"))
    sim = Simulator(binary, "--lead-every", "0", "--rate-limit", "off")
    try:
        for resource in POLL_RESOURCES:
            def argv(n, resource=resource, program=stripped):
                return [program, "poll", sim.url, sim.key, resource, str(n)]
            try:
                ir = _per_unit_instructions(argv, 5, 25)
                counted = f"{ir / 1000:,.0f} k instructions (callgrind)"
            except (subprocess.CalledProcessError, RuntimeError):
                # valgrind 3.19 dies inside NIO's event loop (an internal SIGSEGV); CPU time only.
                counted = "instructions n/a (callgrind crashes in NIO)"
            us = _cpu_per_unit(argv(200, program=cost_probe))
            figures.append(Figure(f"CPU per empty poll: {resource}", us / 1000, "ms", "≤ 0.5 ms", 0.5,
                                  f"{counted}; mean of 200, client side (request, reply, decode)"))
    finally:
        sim.stop()
    return figures


def _seeded_cache(seed_cache, leads, campaigns):
    """A fresh XDG state directory whose dashboard cache holds a seeded account."""
    root = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"leadtop-bench-cache-{os.getpid()}-{leads}")
    shutil.rmtree(root, ignore_errors=True)
    subprocess.run([seed_cache, os.path.join(root, "leadtop", "leadtop.sqlite"), str(leads), str(campaigns)],
                   check=True, stdout=subprocess.DEVNULL)
    return root


def _from_cache(event):
    return event[1] == "sync" and event[2] == "loaded_from_cache"


def start_from_cache(binary, seed_cache, leads, campaigns, starts=5):
    """Process start to the first frame drawn from the local cache, while the API answers in 2 s
    (so what is on screen can only have come from the cache)."""
    sim = Simulator(binary, "--lead-every", "0", "--rate-limit", "off", "--latency", "2000ms")
    root = _seeded_cache(seed_cache, leads, campaigns)
    times, first = [], []
    try:
        for _ in range(starts):
            dash = Dashboard(binary, sim, 200, 50, state_dir=root)
            try:
                frame = dash.trace.frame_after_event(_from_cache, 0, 60)
                if frame is not None:
                    times.append((frame - dash.term.started_ns) / MS)
                any_frame = dash.trace.first_frame_after(0, 1)
                if any_frame is not None:
                    first.append((any_frame - dash.term.started_ns) / MS)
            finally:
                dash.stop()
            time.sleep(0.3)
    finally:
        sim.stop()
        shutil.rmtree(root, ignore_errors=True)
    label = f"{leads // 1000}k leads, {campaigns} campaigns"
    target, limit = ("≤ 40 ms", 40) if leads >= 100_000 else ("≤ 150 ms", 150)
    return [Figure(f"Start to first frame from cache ({label}), median", _median(times), "ms", target, limit,
                   f"max {max(times):.0f} ms of {len(times)}; first frame of any kind "
                   f"{_median(first):.0f} ms" if times and first else "")]


def _session_memory(binary, seed_cache, sim, leads, campaigns):
    """VmHWM and final VmRSS (kB) of a 20 s session started from a cache of the given size: polls,
    a few keys and a resize."""
    root = _seeded_cache(seed_cache, leads, campaigns)
    try:
        dash = Dashboard(binary, sim, 200, 50, state_dir=root)
        try:
            dash.trace.frame_after_event(_from_cache, 0, 60)
            time.sleep(15)
            for _ in range(10):
                dash.term.send(b"j")
                time.sleep(0.05)
            dash.term.resize(120, 40)
            time.sleep(0.5)
            dash.term.resize(200, 50)
            time.sleep(2)
            return status_kb(dash.pid, "VmHWM"), status_kb(dash.pid, "VmRSS"), _last_frame_leads(dash)
        finally:
            dash.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)


def memory(binary, seed_cache):
    """Peak RSS of a dashboard session with 100,000 leads cached: with a handful of campaigns (the
    account the target is about), and with 1,000 campaigns against a simulator of the same size
    (the same target, as a stress case); plus 1,000 leads and 1,000 campaigns for the cost of a
    cached lead."""
    history = ("--lead-every", "0", "--rate-limit", "off", "--history-leads", "100000")
    sim = Simulator(binary, *history)
    try:
        few = _session_memory(binary, seed_cache, sim, 100_000, 6)
    finally:
        sim.stop()
    sim = Simulator(binary, *history, "--campaigns", "1000")
    try:
        big = _session_memory(binary, seed_cache, sim, 100_000, 1_000)
        small = _session_memory(binary, seed_cache, sim, 1_000, 1_000)
    finally:
        sim.stop()
    per_lead = (big[1] - small[1]) * 1024 / 99_000
    return [
        Figure("Peak RSS (VmHWM), 100k leads + 6 campaigns cached", few[0] / 1024, "MB", "≤ 50 MB", 50,
               f"RSS at end {few[1] / 1024:.0f} MB, {few[2]} leads in state"),
        Figure("Peak RSS (VmHWM), 100k leads + 1k campaigns cached", big[0] / 1024, "MB", "≤ 40 MB", 40,
               f"RSS at end {big[1] / 1024:.0f} MB, {big[2]} leads in state"),
        Figure("Peak RSS (VmHWM), 1k leads + 1k campaigns cached", small[0] / 1024, "MB", None, None,
               f"RSS at end {small[1] / 1024:.0f} MB; ≈ {per_lead:,.0f} B per extra lead"),
    ]


def simulator_wrk(binary, seconds=10):
    """wrk on GET /v1/leads?limit=25 as scripts/bench-sim runs it: 100,000 leads of history, rate
    limit off, 2 threads, 32 connections, after one warming request."""
    sim = Simulator(binary, "--lead-every", "0", "--rate-limit", "off", "--history-leads", "100000")
    try:
        sim.request("GET", "/v1/leads?limit=25")
        out = subprocess.run(
            ["wrk", "-t2", "-c32", f"-d{seconds}s", "--latency", "-H", f"Authorization: Bearer {sim.key}",
             f"{sim.url}/v1/leads?limit=25"], capture_output=True, text=True, env=loopback_env(), check=True).stdout
    finally:
        sim.stop()
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99_ms = None
    if p99:
        p99_ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    note = f"{errors.group(1)} non-2xx" if errors else "all 2xx"
    return [
        Figure("Simulator GET /v1/leads?limit=25 (wrk -t2 -c32, 100k leads)", float(rps.group(1)) if rps else None,
               "req/s", None, None, note),
        Figure("Simulator p99 latency (same run)", p99_ms, "ms", None, None),
    ]


def _median(values):
    return statistics.median(values) if values else None


def _last_frame_leads(dash):
    for e in reversed(dash.trace.events()):
        if e[1] == "frame":
            return e[2].removeprefix("leads=")
    return "?"
