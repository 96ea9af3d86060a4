#!/usr/bin/env python3
"""How the build's time grows with the size of one file (issue 21: no check may be worse than
linear in the size of a file or a line). Builds a small site plus, in turn:

  - one outcome page whose body is a single line of prose of 0.5, 1 and 2 MB, full of figures,
    some of them older figures of the indicator the page lists (the stale-figure check's work);
  - one indicator with a series of 5,000, 10,000 and 20,000 rows and an England comparator.

usage: scripts/linear-time.py [--binary .build/release/plansite] [--runs 3]

Prints the median wall-clock and CPU time (user and system) of RUNS builds for each size, and
each as a multiple of the one before (about 2 per doubling is linear; 4 is quadratic). On a
shared machine the CPU time is the steadier of the two. Standard library only: run it with Debian's
/usr/bin/python3 or the test venv.
"""
import argparse, os, resource, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE = os.path.join(ROOT, "Tests/PlanSiteCLITests/Corpus/_base/content")
SENTENCE = "In 2021-22 some 26.5% of 1,204 children in 12 wards were obese, and 27.0% later on; "


def long_page(megabytes):
    line = SENTENCE * int(megabytes * 1_048_576 / len(SENTENCE))
    return ("outcomes/healthier-start.md",
            "---\ntitle: A healthier start\norder: 1\nindicators: [year6-obesity]\n---\n\n" + line + "\n")


def long_series(rows):
    series = [f'  - {{ period: "{1000 + i}", value: {50 + (i * 37 % 101) / 10:.1f} }}' for i in range(rows)]
    england = [f'    - {{ period: "{1000 + i}", value: {55 + (i % 7) / 10:.1f} }}' for i in range(rows)]
    text = "\n".join(["id: homes-built", "title: New homes completed", "unit: homes", "decimals: 1",
                      "polarity: higher-is-better", "geography: Example", "series:", *series,
                      "comparators:", "  England:", *england,
                      "source:", "  publisher: Example Borough Council", "  title: Housing strategy", ""])
    return ("indicators/homes-built.yml", text)


def median_build(binary, work, name, file, runs):
    content = os.path.join(work, name)
    shutil.copytree(BASE, content)
    with open(os.path.join(content, file[0]), "w") as f:
        f.write(file[1])
    times, cpu = [], []
    for _ in range(runs):
        start, used = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([binary, "build", "--quiet", "--content", content, "--templates",
                               os.path.join(ROOT, "templates"), "--output", os.path.join(work, name + "-site")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
        if done.returncode != 0:
            sys.exit(f"{name}: build failed:\n{done.stderr[:2000]}")
    return statistics.median(times), statistics.median(cpu)


def report(title, cases, binary, work, runs):
    print(title)
    previous = None
    for label, file in cases:
        seconds, cpu = median_build(binary, work, label.replace(" ", "-").replace(",", ""), file, runs)
        growth = f"  ({seconds / previous[0]:.2f} and {cpu / previous[1]:.2f} times the one before)" if previous else ""
        print(f"  {label:>14}: median {seconds:6.3f} s, {cpu:6.3f} s of CPU over {runs} builds{growth}")
        previous = (seconds, cpu)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build/release/plansite"))
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    binary = os.path.abspath(a.binary)
    work = tempfile.mkdtemp(prefix="plansite-linear-")
    try:
        report("One line of prose:", [(f"{mb} MB", long_page(mb)) for mb in (0.5, 1, 2)], binary, work, a.runs)
        report("One series:", [(f"{rows:,} rows", long_series(rows)) for rows in (5_000, 10_000, 20_000)],
               binary, work, a.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
