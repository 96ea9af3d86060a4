#!/usr/bin/env python3
"""How long `plansite serve` takes to show an edit: save to the page served with it.

usage: scripts/serve-latency.py BINARY CONTENT_DIR [--runs 5] [--templates templates] [--indicator ID]

Copies CONTENT_DIR to a temporary folder, starts `BINARY serve --port 0` on it, waits
until the home page is served, then RUNS times: changes one figure in one indicator's
YAML file (the latest value of its series, kept inside its confidence interval, so the
build stays clean), notes the time, and fetches that indicator's page every 10 ms until
the chart point for the new figure (`data-period="…" data-value="…"`) is in it. Prints
each latency and the median. Standard library only, so Debian's python3 runs it.

The indicator is the first one (by file name) whose last series row is a one-line
`{ period: "…", value: … }`; --indicator names another.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time, urllib.request

ROW = re.compile(r'^(\s*- \{ period: "([^"]+)", value: )(-?[0-9.]+)(.*)$')


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return ""


def last_row(lines):
    """Index of the series' last row, read from `series:` to the next key."""
    inside, found = False, None
    for index, line in enumerate(lines):
        if line.startswith("series:"):
            inside = True
        elif inside and not line.startswith(" "):
            break
        elif inside and ROW.match(line):
            found = index
    return found


def new_values(row, runs):
    """RUNS figures, one decimal, each different from the row's and from each other, inside its interval."""
    match = ROW.match(row)
    value = float(match.group(3))
    low = re.search(r"lower_ci: (-?[0-9.]+)", match.group(4))
    high = re.search(r"upper_ci: (-?[0-9.]+)", match.group(4))
    low = float(low.group(1)) if low else value - 1.0
    high = float(high.group(1)) if high else value + 1.0
    candidates = [round(low + (high - low) * (k + 1) / (runs + 4), 1) for k in range(runs + 3)]
    seen, out = {round(value, 1)}, []
    for candidate in candidates:
        # Whole numbers are skipped: the chart writes 31.0 as 31.
        if candidate not in seen and low <= candidate <= high and round(candidate * 10) % 10 != 0:
            seen.add(candidate)
            out.append(candidate)
    if len(out) < runs:
        sys.exit(f"no room for {runs} distinct figures inside {low}..{high}; pass --indicator")
    return out[:runs]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary"); ap.add_argument("content")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--templates", default="templates")
    ap.add_argument("--indicator")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="plansite-serve-")
    content = os.path.join(work, "content")
    shutil.copytree(a.content, content)
    folder = os.path.join(content, "indicators")
    names = [a.indicator + ".yml"] if a.indicator else sorted(n for n in os.listdir(folder) if n.endswith(".yml"))
    for name in names:
        lines = open(os.path.join(folder, name), encoding="utf-8").read().split("\n")
        row = last_row(lines)
        if row is not None:
            break
    else:
        sys.exit("no indicator with a one-line series row")
    path = os.path.join(folder, name)
    ident = name[:-4]
    period = ROW.match(lines[row]).group(2)
    values = new_values(lines[row], a.runs)
    templates = os.path.abspath(a.templates)
    server = subprocess.Popen([os.path.abspath(a.binary), "serve", "--port", "0", "--content", content, "--templates", templates],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=work)
    try:
        line = server.stdout.readline()
        while line and not line.startswith("Serving "):
            line = server.stdout.readline()
        match = re.search(r"http://[^ ]+/", line)
        if not match:
            sys.exit("serve did not start")
        page = match.group(0) + f"indicators/{ident}/"
        started = time.monotonic()
        while f'data-period="{period}"' not in fetch(page):
            if time.monotonic() - started > 120:
                sys.exit(f"{page} not served within 120 s")
            time.sleep(0.05)
        print(f"indicator {ident}, period {period}: {a.runs} edits", flush=True)
        latencies = []
        for run, value in enumerate(values):
            edited = list(lines)
            m = ROW.match(lines[row])
            edited[row] = m.group(1) + f"{value:.1f}" + m.group(4)
            marker = f'data-period="{period}" data-value="{value:.1f}"'
            time.sleep(1.0)  # let the watcher settle after the previous build
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(edited))
            saved = time.monotonic()
            while marker not in fetch(page):
                if time.monotonic() - saved > 60:
                    sys.exit("edit not shown within 60 s")
                time.sleep(0.01)
            latencies.append(time.monotonic() - saved)
            print(f"run {run + 1}: {latencies[-1]:.3f} s", flush=True)
        print(f"median save-to-visible: {statistics.median(latencies):.3f} s over {len(latencies)} edits")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
