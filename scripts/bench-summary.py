#!/usr/bin/env python3
"""Prints the median of every criterion benchmark of the last run, and each
featuregate figure as a ratio to the anchors of its own group.

Usage: scripts/bench-summary.py [CRITERION_DIR]
(default: $CARGO_TARGET_DIR/criterion, else target/criterion)."""

import json
import os
import sys
from pathlib import Path


def fmt(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def main():
    default = Path(os.environ.get("CARGO_TARGET_DIR", "target")) / "criterion"
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    groups = {}
    for est in sorted(root.glob("**/new/estimates.json")):
        bench = json.loads((est.parent / "benchmark.json").read_text())
        median = json.loads(est.read_text())["median"]["point_estimate"]
        groups.setdefault(bench["group_id"], []).append((bench, median))
    for group, rows in groups.items():
        print(f"## {group}")
        ours = [(b, m) for b, m in rows if not (b.get("function_id") or "").startswith("anchor")]
        anchors = [(b, m) for b, m in rows if (b.get("function_id") or "").startswith("anchor")]
        for bench, median in rows:
            name = " / ".join(x for x in (bench.get("function_id"), bench.get("value_str")) if x)
            line = f"  {name:<55} median {fmt(median):>10}"
            tp = bench.get("throughput") or {}
            if "Bytes" in tp:
                line += f"  {tp['Bytes'] / median * 1e9 / 2**20:8.1f} MiB/s"
            elif "Elements" in tp:
                line += f"  {fmt(median / tp['Elements']):>10} per element"
            print(line)
        for ob, om in ours:
            for ab, am in anchors:
                if ab.get("value_str") == ob.get("value_str"):
                    at = f" [{ob['value_str']}]" if ob.get("value_str") else ""
                    print(f"  ratio{at} {ob['function_id']} / {ab['function_id']}: {om / am:.3f}x")


if __name__ == "__main__":
    main()
