"""How long `accord serve` takes to brief the seeds once warm, and how much memory a
briefing worker holds.

    python benchmarks/serve.py [--seeds ../shared/seeds] [--requests 5] [--workers 1]

Starts `accord serve` as a user does (a subprocess, settings from ``ACCORD_WEB_*``
variables), waits until it answers and its worker processes have loaded the model, then
POSTs the seed reports to ``/api/brief``:

- the first request (a worker that has loaded the model but briefed nothing of this size);
- ``--requests`` more, each with a different ``words`` (250, 251, ...), so every one is
  briefed, not served from the app's cache of recent briefings;
- the same requests again: the cache answers.

Each time is the request's wall time at the client (JSON in and out included). Peak RSS is
each worker process's high-water mark (``VmHWM`` in ``/proc``, Linux only) at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def children(pid: int) -> list[int]:
    """Every process below ``pid`` (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found + [g for c in found for g in children(c)]


def peak_rss_mb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


def worker_pids(server: int) -> list[int]:
    """The briefing workers: children of the server that run the spawn entry point."""
    pids = []
    for pid in children(server):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if b"multiprocessing.spawn" in command:
            pids.append(pid)
    return pids


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU seconds of these processes so far (Linux /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def timed_post(
    client: httpx.Client, url: str, body: dict[str, object], pids: list[int]
) -> tuple[float, float]:
    """Wall seconds at the client, and CPU seconds of the server and its workers."""
    cpu, start = cpu_seconds(pids), time.perf_counter()
    response = client.post(url, json=body)
    seconds = time.perf_counter() - start
    response.raise_for_status()
    return seconds, cpu_seconds(pids) - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--requests", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from accord.web.server import free_port

    documents = [
        {"id": path.stem, "text": path.read_text(encoding="utf-8")}
        for path in sorted(args.seeds.glob("*.txt"))
    ]
    if not documents:
        sys.exit(f"{args.seeds}: no .txt reports")
    port = free_port("127.0.0.1")
    env = {
        **os.environ,
        "ACCORD_WEB_WORKERS": str(args.workers),
        "PYTHONPATH": str(ROOT / "src"),
    }
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "accord", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    result: dict[str, object] = {"workers": args.workers, "sources": len(documents)}
    try:
        with httpx.Client(timeout=300) as client:
            while True:
                try:
                    client.get(f"{base}/health")
                    break
                except httpx.TransportError:
                    if server.poll() is not None:
                        sys.exit("accord serve exited")
                    time.sleep(0.1)
            result["listening_s"] = round(time.perf_counter() - started, 2)
            url = f"{base}/api/brief"
            first, _ = timed_post(client, url, {"documents": documents, "words": 249}, [])
            result["ready_and_first_s"] = round(time.perf_counter() - started, 2)
            pids = [server.pid, *worker_pids(server.pid)]
            briefed = [
                timed_post(client, url, {"documents": documents, "words": 250 + k}, pids)
                for k in range(args.requests)
            ]
            cached = [
                timed_post(client, url, {"documents": documents, "words": 250 + k}, pids)
                for k in range(args.requests)
            ]
            result.update(
                first_request_s=round(first, 3),
                briefed_s=[round(s, 3) for s, _ in briefed],
                briefed_median_s=round(statistics.median(s for s, _ in briefed), 3),
                briefed_cpu_median_s=round(statistics.median(c for _, c in briefed), 3),
                cached_median_s=round(statistics.median(s for s, _ in cached), 3),
                worker_peak_rss_mb=[peak_rss_mb(p) for p in worker_pids(server.pid)],
                server_peak_rss_mb=peak_rss_mb(server.pid),
            )
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
