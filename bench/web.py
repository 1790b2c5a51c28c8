#!/usr/bin/env python3
"""The web part of `make bench`: requests per second and p99 latency of a search over
HTTP, 16 connections on loopback for 30 s (wrk), against `archive serve` (/api/search)
and against Datasette serving the same archive file (its FTS search, ?_search=).

Standalone: python3 bench/web.py --archive .build/release/archive --db ARCHIVE --query WORD
Both servers listen on 127.0.0.1 only and are stopped at the end."""

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(HERE, ".venv")
DATASETTE_VERSION = "0.65.1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, process, seconds=60):
    """Polls until the server answers (a start-up wait, not a measurement)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"no answer from {url} in {seconds} s")


def ensure_wrk(log):
    found = shutil.which("wrk")
    if not found and os.geteuid() == 0 and shutil.which("apt-get"):
        log("installing wrk with apt-get")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], stdout=subprocess.DEVNULL, env=env)
        found = shutil.which("wrk")
    if not found:
        raise RuntimeError("wrk is needed (sudo apt-get install -y wrk)")
    return found


def ensure_datasette(log):
    exe = os.path.join(VENV, "bin", "datasette")
    if os.path.exists(exe):
        return exe
    python = shutil.which("python3") or sys.executable
    if not os.path.exists(os.path.join(VENV, "bin", "pip")):
        subprocess.run([python, "-m", "venv", VENV], check=True)
    log(f"installing datasette {DATASETTE_VERSION} into bench/.venv")
    subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "-q", f"datasette=={DATASETTE_VERSION}"], check=True)
    return exe


def parse_wrk(text):
    """Requests/s and the 99th percentile latency in ms from `wrk --latency` output."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    match = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
    value, unit = float(match.group(1)), match.group(2)
    p99 = value / 1000 if unit == "us" else value * 1000 if unit == "s" else value
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return {"requests_per_s": rate, "p99_ms": p99, "non_2xx": int(errors.group(1)) if errors else 0}


def load(wrk, url, seconds, connections, log):
    log(f"wrk: {connections} connections, {seconds} s: {url}")
    r = subprocess.run([wrk, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                       capture_output=True, text=True, check=True)
    return parse_wrk(r.stdout)


def serve(command, health_url, log):
    log("starting " + " ".join(command[:2]))
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_up(health_url, process)
    return process


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def run(archive, db, query, log, seconds=30, connections=16):
    wrk = ensure_wrk(log)
    datasette = ensure_datasette(log)
    word = urllib.request.quote(query)
    results = {"query": query, "seconds": seconds, "connections": connections}

    port = free_port()
    process = serve([archive, "serve", "--db", db, "--port", str(port)], f"http://127.0.0.1:{port}/healthz", log)
    try:
        url = f"http://127.0.0.1:{port}/api/search?q={word}&limit=10"
        with urllib.request.urlopen(url) as response:
            results["archive_total"] = json.load(response)["total"]
        results["archive"] = load(wrk, url, seconds, connections, log)
    finally:
        stop(process)

    port = free_port()
    name = os.path.splitext(os.path.basename(db))[0]
    process = serve([datasette, "serve", db, "--immutable", db, "--host", "127.0.0.1", "--port", str(port),
                     "--setting", "sql_time_limit_ms", "5000"], f"http://127.0.0.1:{port}/-/versions.json", log)
    try:
        url = f"http://127.0.0.1:{port}/{name}/articles.json?_search={word}&_size=10&_shape=array"
        results["datasette"] = load(wrk, url, seconds, connections, log)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json") as response:
            results["datasette_version"] = json.load(response)["datasette"]["version"]
    finally:
        stop(process)
    return results


def render(web):
    """Markdown rows for the report."""
    lines = ["", f"Search over HTTP: `{web['query']}`, {web['connections']} connections on loopback for {web['seconds']} s (wrk)", "",
             "| server | requests/s | p99 ms | non-2xx |", "|---|---|---|---|"]
    for key, label in (("archive", "archive serve /api/search"), ("datasette", f"Datasette {web.get('datasette_version', '')} ?_search=")):
        r = web[key]
        lines.append(f"| {label} | {r['requests_per_s']:.0f} | {r['p99_ms']:.1f} | {r['non_2xx']} |")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--archive", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--query", default="council")
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    log = lambda message: print(f"[bench-web {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)
    web = run(os.path.abspath(args.archive), os.path.abspath(args.db), args.query, log, args.seconds, args.connections)
    print(json.dumps(web, indent=1))
    print("\n".join(render(web)))


if __name__ == "__main__":
    main()
