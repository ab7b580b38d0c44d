"""A progress bar for batch commands, drawn on standard error only when it is a terminal."""
from __future__ import annotations

import sys
import time
from pathlib import Path

__all__ = ["ProgressBar"]


class ProgressBar:
    """``[12/340] ██████░░░░ name`` on a terminal while a batch runs; silent otherwise."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and total > 1 and sys.stderr is not None and sys.stderr.isatty()
        self._drawn = 0.0

    def step(self, done: int, name: str) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._drawn < 0.1 and done < self.total:
            return  # ten redraws a second are enough, even at hundreds of files a second
        self._drawn = now
        filled = round(20 * done / self.total)
        bar = "█" * filled + "░" * (20 - filled)
        print(f"\r[{done}/{self.total}] {bar} {Path(name).name[:48]:48}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.enabled:
            print("\r" + " " * 100 + "\r", end="", file=sys.stderr, flush=True)
