#!/usr/bin/env python3
"""How long `plansite serve` takes to show an edit: save to the page served with it.

usage: scripts/serve-latency.py BINARY CONTENT_DIR [--runs 5] [--templates templates]

Copies CONTENT_DIR to a temporary folder, starts `BINARY serve --port 0` on it, waits
for the first build, then RUNS times: changes the priority page's title, notes the
time, and fetches the home page every 20 ms until the new title is in it. Prints each
latency and the median. Standard library only, so Debian's python3 runs it.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time, urllib.request


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except Exception:
        return ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary"); ap.add_argument("content")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--templates", default="templates")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="plansite-serve-")
    content = os.path.join(work, "content")
    shutil.copytree(a.content, content)
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
        base = match.group(0)
        priority = os.path.join(content, "priority.md")
        original = open(priority, encoding="utf-8").read()
        latencies = []
        for run in range(a.runs):
            marker = f"Edited title {run} {time.time():.0f}"
            edited = re.sub(r"^title: .*$", f"title: {marker}", original, count=1, flags=re.M)
            time.sleep(1.0)  # let the watcher settle after the previous build
            with open(priority, "w", encoding="utf-8") as f:
                f.write(edited)
            saved = time.monotonic()
            while marker not in fetch(base):
                if time.monotonic() - saved > 60:
                    sys.exit("edit not shown within 60 s")
                time.sleep(0.02)
            latencies.append(time.monotonic() - saved)
            print(f"run {run + 1}: {latencies[-1]:.2f} s", flush=True)
        print(f"median save-to-visible: {statistics.median(latencies):.2f} s over {len(latencies)} edits")
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
