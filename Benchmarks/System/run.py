#!/usr/bin/env python3
"""Prints leadtop's performance table: the in-process benchmarks (package-benchmark JMH output)
plus the whole-program figures measured on the release binary. Misses are printed as MISS.

Usage: run.py --bin DIR [--micro DIR] [--only NAME ...] [--json FILE]
"""

import argparse
import glob
import json
import os
import sys
import traceback

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import scenarios  # noqa: E402
from scenarios import Figure  # noqa: E402


def micro_figures(directory):
    """Figures from the JMH files written by `swift package benchmark --format jmh`."""
    results = {}
    for path in glob.glob(os.path.join(directory, "**", "*.json"), recursive=True):
        with open(path) as f:
            try:
                elements = json.load(f)
            except json.JSONDecodeError:
                continue
        for element in elements if isinstance(elements, list) else []:
            name = element["benchmark"].rsplit(".", 1)[-1].replace("_", " ")
            wall = next((m for k, m in element.get("secondaryMetrics", {}).items() if "wall clock" in k.lower()), None)
            if wall:
                results[name] = {k: float(v) for k, v in wall["scorePercentiles"].items()}
                results[name]["throughput"] = float(element["primaryMetric"]["score"])
    figures = []

    def get(name):
        return results.get(name)

    for size in ("80x24", "200x50"):
        big, small = get(f"Frame {size} 100k leads 1k campaigns"), get(f"Frame {size} 1k leads 1k campaigns")
        if big:
            limit = 0.2 if size == "200x50" else 1.0
            figures.append(Figure(f"Frame {size}, 100k leads, p99", big["99.0"] / 1000, "ms", f"≤ {limit:g} ms", limit,
                                  f"p50 {big['50.0']:.0f} µs"))
        if small:
            figures.append(Figure(f"Frame {size}, 1k leads, p99", small["99.0"] / 1000, "ms", None, None,
                                  f"p50 {small['50.0']:.0f} µs"))
        if big and small:
            figures.append(Figure(f"Frame {size} p50 ratio 100k / 1k leads", big["50.0"] / small["50.0"], "×",
                                  "≤ 1.25× (flat)", 1.25))
    decode = get("Decode leads page of 100")
    if decode:
        figures.append(Figure("Decode GET /v1/leads?limit=100 pages", 100 * 1e6 / decode["50.0"], "leads/s",
                              None, None, f"p50 {decode['50.0']:.0f} µs per page"))
    page = get("Page to screen 100 leads 200x50")
    if page:
        figures.append(Figure("Page to screen (decode+reduce+render 200x50), p99", page["99.0"] / 1000, "ms",
                              None, None, f"p50 {page['50.0'] / 1000:.2f} ms"))
    stats = get("Decode stats 30 days 1k campaigns")
    if stats:
        figures.append(Figure("Decode stats reply (30 days × 1,000 campaigns), p50", stats["50.0"] / 1000, "ms",
                              None, None, f"p99 {stats['99.0'] / 1000:.1f} ms"))
    campaigns = get("Decode 1k cached campaigns")
    if campaigns:
        figures.append(Figure("Decode 1,000 cached campaigns, p50", campaigns["50.0"] / 1000, "ms",
                              None, None, f"p99 {campaigns['99.0'] / 1000:.1f} ms"))
    if not results:
        figures.append(Figure("In-process benchmarks", None, "", "ran", 0, f"no JMH results in {directory}"))
    return figures


def print_table(figures):
    rows = [["Figure", "Target", "Measured", "Result", "Note"]] + [f.row() for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for i, row in enumerate(rows):
        print("  ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))
    misses = [f for f in figures if f.verdict == "MISS"]
    print(f"\n{len(figures)} figures, {len(misses)} MISS" + (": " + "; ".join(f.name for f in misses) if misses else ""))


SYSTEM = ["bytes", "poll", "latency", "idle", "costs", "start", "memory", "wrk"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True, help="release bin directory holding leadtop and SeedCache")
    parser.add_argument("--micro", help="directory with the JMH output of the in-process benchmarks")
    parser.add_argument("--only", nargs="*", choices=SYSTEM, help="run only these whole-program scenarios")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    binary = os.path.join(args.bin, "leadtop")
    seed_cache = os.path.join(args.bin, "SeedCache")
    cost_probe = os.path.join(args.bin, "CostProbe")
    figures = micro_figures(args.micro) if args.micro else []
    runs = {
        "bytes": lambda: scenarios.bytes_and_push(binary),
        "poll": lambda: scenarios.poll_delivery(binary),
        "latency": lambda: scenarios.key_latency(binary),
        "idle": lambda: scenarios.idle_cpu(binary),
        "costs": lambda: scenarios.unit_costs(binary, cost_probe),
        "start": lambda: scenarios.start_from_cache(binary, seed_cache, 1_000, 20)
        + scenarios.start_from_cache(binary, seed_cache, 100_000, 1_000),
        "memory": lambda: scenarios.memory(binary, seed_cache),
        "wrk": lambda: scenarios.simulator_wrk(binary),
    }
    for name in args.only if args.only is not None else SYSTEM:
        print(f"… {name}", file=sys.stderr, flush=True)
        try:
            figures += runs[name]()
        except Exception as error:  # a broken scenario is a miss, not a silent gap
            traceback.print_exc()
            figures.append(Figure(f"Scenario '{name}'", None, "", "runs", 0, f"failed: {error}"))
    print_table(figures)
    if args.json:
        with open(args.json, "w") as f:
            json.dump([dict(zip(["figure", "target", "measured", "result", "note"], fig.row())) for fig in figures], f,
                      indent=1)
    return 1 if any(f.verdict == "MISS" for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
