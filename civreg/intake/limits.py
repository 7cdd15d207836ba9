"""Limits of the intake service: sizes, and a token bucket of requests per client address."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from datetime import timedelta

MIB = 1024 * 1024


@dataclass(frozen=True)
class IntakeConfig:
    # Upload-Length above this: 413. The reader's limit on a batch file (docs/batch-format.md
    # §8): an import holds the whole batch in memory, the rest is streamed.
    max_batch_bytes: int = 64 * MIB
    max_request_bytes: int = 8 * MIB  # one request body above this: 413
    max_spool_bytes: int = 4096 * MIB  # unfinished uploads held in the store: 503 beyond
    rate_per_second: float = 10.0  # requests per client address, sustained
    burst: int = 60  # requests per client address at once
    stale_after: timedelta = timedelta(days=7)  # unfinished uploads forgotten after this


class RateLimiter:
    """Token bucket per key (the client's address, kept in memory only, never logged)."""

    def __init__(self, rate: float, burst: int, clock=time.monotonic) -> None:
        self.rate, self.burst, self._clock = rate, burst, clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def retry_after(self, key: str) -> float:
        """0 if a request may go now (and count it), else seconds until one may."""
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                if len(self._buckets) > 10_000:  # forget idle clients
                    self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 3600}
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate
