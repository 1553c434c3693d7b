#!/usr/bin/env python3
"""Bounded load test of `sitrep serve` on loopback.

Builds a store from the BBC corpus and the quotes dev set (read from ../shared, never copied)
unless --db names one, starts `sitrep serve` on 127.0.0.1 (a free port), and runs N concurrent
keep-alive clients for D seconds over a mix of API endpoints. Prints requests, status counts,
latency percentiles and the server's RSS at start and end; exits 1 on any 5xx or failed
request. Traffic goes only to 127.0.0.1, and both the client count and duration are capped.

    scripts/load_test.py [--bin target/release/sitrep] [--clients 100] [--seconds 20] [--db FILE]
"""
import argparse
import http.client
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def memory_kib(pid):
    """VmRSS and its parts: RssAnon (heap: SQLite page caches, answers in flight) and RssFile
    (the store's pages mapped by SQLite's mmap: the OS file cache, counted once per mapping,
    and each connection maps the file anew); Pss counts a page mapped n times as 1/n."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "RssAnon", "RssFile"):
                out[key] = int(rest.split()[0])
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key == "Pss":
                    out[key] = int(rest.split()[0])
    except OSError:
        pass
    return out


def rss_kib(pid):
    return memory_kib(pid).get("VmRSS", -1)


def mib(kib):
    return f"{kib / 1024:.1f}"


def get_json(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    c.close()
    return json.loads(body)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/sitrep"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--db", help="an existing store (default: build one in a temporary folder)")
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--connections", type=int, default=4, help="the server's --connections")
    ap.add_argument("--serve-arg", action="append", default=[], help="an extra `sitrep serve` argument (repeatable), e.g. --serve-arg=--cache-mib=32")
    ap.add_argument("--sample", type=float, default=10, help="seconds between RSS samples during the load")
    args = ap.parse_args()
    clients = max(1, min(args.clients, 200))
    seconds = max(1.0, min(args.seconds, 120.0))

    tmp = tempfile.TemporaryDirectory(prefix="sitrep-load-")
    db = args.db
    if not db:
        db = os.path.join(tmp.name, "load.sitrep")
        inputs = [os.path.join(args.shared, "data/news_corpus.jsonl"), os.path.join(args.shared, "eval/quotes_dev.jsonl")]
        t = time.time()
        subprocess.run([args.bin, "ingest", "--db", db, *inputs], check=True, stderr=subprocess.DEVNULL)
        print(f"store: built from {len(inputs)} files in {time.time() - t:.1f} s", flush=True)

    server = subprocess.Popen([args.bin, "serve", "--db", db, "--addr", "127.0.0.1:0", "--connections", str(args.connections), *args.serve_arg],
                              stderr=subprocess.PIPE, text=True)
    port = None
    deadline = time.time() + 30
    while port is None and time.time() < deadline:
        line = server.stderr.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
    if port is None:
        server.kill()
        sys.exit("server did not start")
    threading.Thread(target=lambda: server.stderr.read(), daemon=True).start()

    try:
        stats = get_json(port, "/api/stats")
        print(f"store: {stats['articles']} articles, {stats['events']} events, {stats['quotes']} quotes, {stats['entities']} entities")
        arts = [a["id"] for a in get_json(port, "/api/articles?limit=200")["items"]]
        actors = [a["code"] for a in get_json(port, "/api/actors?limit=30")["items"]] or ["USA"]
        dyads = [(d["source"], d["target"]) for d in get_json(port, "/api/dyads?limit=20")["items"]] or [("USA", "GBR")]
        words = ["government", "market", "said", "growth", "election", "music", "film", "minister", "police", "price*"]
        enc = urllib.parse.quote

        def pick():
            r = random.random()
            if r < 0.15:
                return f"/api/articles/{enc(random.choice(arts), safe='')}"
            if r < 0.25:
                return f"/api/articles?limit=50&offset={random.randrange(0, 200)}"
            if r < 0.40:
                return f"/api/quotes?q={enc(random.choice(words))}&limit=20"
            if r < 0.45:
                return f"/api/quotes?speaker={enc(random.choice(['blair', 'brown', 'smith', 'bush']))}&limit=20"
            if r < 0.60:
                a, b = random.choice(dyads)
                return f"/api/events?source={a}&target={b}&limit=50"
            if r < 0.70:
                a, b = random.choice(dyads)
                return f"/api/dyad?a={a}&b={b}&both_directions=true"
            if r < 0.78:
                return f"/api/network?limit=80&actor={random.choice(actors)}"
            if r < 0.84:
                return "/api/places?limit=200"
            if r < 0.90:
                return f"/api/entities?q={enc(random.choice(['tony', 'london', 'bank', 'united']))}&limit=20"
            if r < 0.95:
                return f"/api/happenings?limit=50&source={random.choice(actors)}"
            return "/api/stats"

        rss_start = rss_kib(server.pid)
        lat, codes, failures = [], {}, []
        lock = threading.Lock()
        stop_at = time.time() + seconds
        samples = []  # (seconds into the load, memory): a flat tail is the plateau

        def sampler():
            t_start = time.time()
            samples.append((0.0, memory_kib(server.pid)))
            next_at = t_start + args.sample
            while True:
                now = time.time()
                if now >= stop_at:
                    break
                if now >= next_at:
                    samples.append((now - t_start, memory_kib(server.pid)))
                    next_at += args.sample
                time.sleep(min(0.2, max(0.0, stop_at - now)))

        def client():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine, mycodes = [], {}
            while time.time() < stop_at:
                path = pick()
                t0 = time.perf_counter()
                try:
                    conn.request("GET", path)
                    r = conn.getresponse()
                    r.read()
                    mine.append(time.perf_counter() - t0)
                    mycodes[r.status] = mycodes.get(r.status, 0) + 1
                except Exception as e:  # a dropped connection counts as a failure
                    with lock:
                        failures.append(f"{path}: {e}")
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.close()
            with lock:
                lat.extend(mine)
                for k, v in mycodes.items():
                    codes[k] = codes.get(k, 0) + v

        threads = [threading.Thread(target=client) for i in range(clients)]
        threads.append(threading.Thread(target=sampler))
        t0 = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.time() - t0
        rss_end = rss_kib(server.pid)
        samples.append((elapsed, memory_kib(server.pid)))
    finally:
        server.terminate()
        server.wait(timeout=30)

    lat.sort()
    q = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else float("nan")
    five = sum(v for k, v in codes.items() if k >= 500)
    print(f"load: {clients} clients, {elapsed:.1f} s, {len(lat)} requests ({len(lat) / elapsed:.0f}/s)")
    print(f"status: {dict(sorted(codes.items()))}; 5xx: {five}; failed requests: {len(failures)}")
    print(f"latency ms: p50 {q(0.50):.1f}, p90 {q(0.90):.1f}, p99 {q(0.99):.1f}, max {q(1.0):.1f}")
    print(f"server RSS: start {mib(rss_start)} MiB, end {mib(rss_end)} MiB")
    print("server memory during the load (MiB): " + "; ".join(
        f"{t:.0f} s: RSS {mib(m.get('VmRSS', 0))} (anon {mib(m.get('RssAnon', 0))}, file {mib(m.get('RssFile', 0))}; PSS {mib(m.get('Pss', 0))})"
        for t, m in samples))
    for f in failures[:5]:
        print("failure:", f)
    sys.exit(1 if five or failures else 0)


if __name__ == "__main__":
    main()
