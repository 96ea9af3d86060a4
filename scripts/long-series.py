#!/usr/bin/env python3
"""How the build's time grows with one long series: the real site plus one indicator of N
annual periods (with an England comparator that has the same years and five earlier ones).

usage: scripts/long-series.py BINARY [--content content] [--templates templates] [--runs 7] N [N ...]

Prints the median of RUNS builds for each N, and each time as a multiple of the first N's.
Issue 10 asks for 3,000 periods within 3 times 300. Standard library only.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time


def indicator(n):
    rows = []
    for i in range(n):
        value = 50 + 10 * ((i * 37) % 101) / 101
        rows.append(f'  - {{ period: "{1005 + i}", value: {value:.1f} }}')
    england = [f'    - {{ period: "{1000 + i}", value: {55 + (i % 7) / 10:.1f} }}' for i in range(n + 5)]
    return "\n".join([
        "id: long-series", 'title: "A long series"', 'unit: "%"', "decimals: 1", "polarity: higher-is-better",
        'geography: "Luton"', "series:", *rows, "comparators:", "  England:", *england,
        "source:", '  publisher: "Benchmark"', '  title: "Synthetic long series"', "  licence: Open Government Licence v3.0", "",
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary"); ap.add_argument("sizes", type=int, nargs="+")
    ap.add_argument("--content", default="content"); ap.add_argument("--templates", default="templates")
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="plansite-long-")
    try:
        medians = []
        for n in a.sizes:
            content = os.path.join(work, f"content-{n}")
            shutil.copytree(a.content, content)
            with open(os.path.join(content, "indicators", "long-series.yml"), "w") as f:
                f.write(indicator(n))
            times = []
            for _ in range(a.runs + 1):  # the first is a warm-up
                start = time.perf_counter()
                subprocess.run([os.path.abspath(a.binary), "build", "--quiet", "--content", content,
                                "--templates", os.path.abspath(a.templates), "--output", os.path.join(work, f"out-{n}")],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times.append(time.perf_counter() - start)
            medians.append(statistics.median(times[1:]))
            print(f"{n:>6} periods: median {medians[-1]:.3f} s over {a.runs} builds "
                  f"({medians[-1] / medians[0]:.2f} times {a.sizes[0]} periods)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
