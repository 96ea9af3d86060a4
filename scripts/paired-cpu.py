#!/usr/bin/env python3
"""CPU and wall time of two plansite binaries on one corpus, alternating, for a before/after.

usage: scripts/paired-cpu.py BEFORE AFTER [RUNS] [CONTENT] [--templates templates]

Each binary builds into its own output folder (so each rebuilds over its own previous build,
as compare.py does), once to warm up and then RUNS times (default 5), A B A B ...; prints the
median wall and CPU (user + sys) seconds and peak RSS of each, and the medians of the pair-by-pair
ratios. On a shared machine the CPU ratio is the steadier figure. Standard library only.
"""
import argparse, os, statistics, subprocess, tempfile


def timed(binary, content, templates, out):
    with tempfile.NamedTemporaryFile("r") as t:
        subprocess.run(["/usr/bin/time", "-o", t.name, "-f", "%e %U %S %M", binary, "build", "--quiet",
                        "--content", content, "--templates", templates, "--output", out],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, user, system, kib = t.read().split()[-4:]
    return float(wall), float(user) + float(system), int(kib) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("before"); ap.add_argument("after")
    ap.add_argument("runs", type=int, nargs="?", default=5)
    ap.add_argument("content", nargs="?", default="/tmp/plansite-bench/corpus-1000/ours/content")
    ap.add_argument("--templates", default="templates")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="plansite-paired-")
    binaries = [os.path.abspath(a.before), os.path.abspath(a.after)]
    outs = [os.path.join(work, "before"), os.path.join(work, "after")]
    templates = os.path.abspath(a.templates)
    rows = [[], []]
    for i in (0, 1):
        timed(binaries[i], a.content, templates, outs[i])
    for _ in range(a.runs):
        for i in (0, 1):
            rows[i].append(timed(binaries[i], a.content, templates, outs[i]))
    for name, r in zip(binaries, rows):
        print(f"{name:45s} wall {statistics.median(v[0] for v in r):6.3f} s  cpu {statistics.median(v[1] for v in r):6.3f} s"
              f"  peak {max(v[2] for v in r):6.1f} MiB")
    print("after/before cpu", round(statistics.median(y[1] / x[1] for x, y in zip(*rows)), 3),
          " wall", round(statistics.median(y[0] / x[0] for x, y in zip(*rows)), 3))


if __name__ == "__main__":
    main()
