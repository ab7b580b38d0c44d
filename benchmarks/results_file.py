"""Keep benchmarks/RESULTS.md as one file that each benchmark updates its own section of."""
from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TITLE = "# Benchmark results\n\nEach figure is a ratio to a baseline measured in the same run, on this machine (2 cores).\n"


def write_section(path: Path, name: str, text: str) -> None:
    """Replace the section ``name`` (between HTML comment markers) with ``text``, or add it."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{text.strip()}\n{end}"
    old = path.read_text(encoding="utf-8") if path.exists() else TITLE
    if start in old:
        head, rest = old.split(start, 1)
        tail = rest.split(end, 1)[1] if end in rest else ""
        new = head + block + tail
    else:
        new = old.rstrip() + "\n\n" + block + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    with os.fdopen(fd, "w", encoding="utf-8") as out:  # a crash mid-write leaves the old file whole
        out.write(new)
    os.replace(tmp, path)


def publish(lines: list[str], name: str, path: Path | None) -> None:
    """Print a benchmark's Markdown section and, given ``path``, write it into that file."""
    text = "\n".join(lines)
    print(text)
    if path:
        write_section(path, name, text)


def best(fn: Callable[[], object], rounds: int) -> float:
    """Best of three batches of ``rounds`` calls of ``fn``, in seconds per call."""
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        for _ in range(rounds):
            fn()
        times.append((time.perf_counter() - t0) / rounds)
    return min(times)
