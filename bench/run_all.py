"""Run every benchmark in turn (`make bench`), each in its own interpreter.

One at a time on purpose: the figures are ratios against floors measured in the same run,
and two benchmarks sharing the machine's two cores would disturb each other's floors.
A benchmark that fails is reported and the others still run; the exit status says
whether all of them finished.

    .venv/bin/python bench/run_all.py [name ...]      # e.g. cards checks
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ORDER = ("startup_search", "review", "sync", "cards", "checks")


def run(name: str) -> int:
    script = BENCH / f"bench_{name}.py"
    print(f"\n=== {script.name} ===", flush=True)
    started = time.perf_counter()
    code = subprocess.call([sys.executable, str(script)])
    print(f"=== {script.name}: exit {code} after {time.perf_counter() - started:.0f} s ===", flush=True)
    return code


def main(names: list[str]) -> int:
    unknown = [name for name in names if name not in ORDER]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(ORDER)}", file=sys.stderr)
        return 2
    failed = [name for name in (names or ORDER) if run(name) != 0]
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
