"""Deliver the outbox: every exported batch, in sequence order, to the intake service.

- **Resumes**: the service keeps what arrived of a cut request; after a failure the sender
  asks how far the upload went and continues from there.
- **Backs off**: a failure without progress doubles the wait (1 s … 5 min, with jitter); a
  failure after progress (a link that drops every few seconds) retries at once.
- **Adapts**: pieces grow while requests succeed (up to 1 MiB) and shrink when they break
  (down to 16 KiB), so that a 30 KB/s link moves whole pieces between drops.
- **Exactly once**: a batch is named by its SHA-256; the service imports it once and answers
  any later upload of the same bytes with the stored receipt.
- **In order**: batch n+1 is not sent before batch n is delivered; a refused batch stops
  the queue (the reason is shown) and is tried again after :data:`REFUSED_RETRY`.

Store work goes through ``db(fn, *args)`` = ``fn(ctx, *args)``: the desktop client passes its
database worker, the command line calls directly.
"""

from __future__ import annotations

import hashlib
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from civreg.errors import CivregError
from civreg.models.base import utcnow
from civreg.outbox.client import Answer, Busy, IntakeClient, LinkDown, Refused
from civreg.services import outbox as svc
from civreg.services.context import Ctx
from civreg.sync.prefix import read_prefix

MIN_PIECE = 16 * 1024
FIRST_PIECE = 64 * 1024
MAX_PIECE = 1024 * 1024
BACKOFF_BASE = 1.0
BACKOFF_CAP = 300.0
AFTER_PROGRESS = 0.2  # seconds before retrying a link that did move bytes
REFUSED_RETRY = timedelta(minutes=30)
TRANSIENT_REFUSALS = (
    "upload_corrupted",
    "request_too_large",
    "offset_mismatch",
    "prefix_incomplete",
)


@dataclass
class DrainResult:
    outcome: str = ""  # done | offline | refused | stopped
    delivered: list[int] = field(default_factory=list)
    acknowledged: list[int] = field(default_factory=list)
    refused: tuple[int, str, str] | None = None  # sequence, reason code, message
    last_error: str = ""
    bytes_sent: int = 0


def backoff(failures: int, rng: Callable[[], float] = random.random) -> float:
    if failures <= 0:
        return AFTER_PROGRESS
    return min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (failures - 1)) * (0.5 + rng() / 2)


def _prefix_length(data: bytes) -> int:
    try:
        parts = read_prefix(data)
    except CivregError:
        return len(data)
    return parts[4] if parts is not None else len(data)


class Sender:
    def __init__(
        self,
        ctx: Ctx,
        client: IntakeClient,
        *,
        db: Callable[..., Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
        stop: threading.Event | None = None,
        rng: Callable[[], float] = random.random,
        on_change: Callable[[], None] | None = None,
    ) -> None:
        self.ctx, self.client = ctx, client
        self._db = db
        self.clock, self.rng = clock, rng
        self.stop = stop or threading.Event()
        self.wake = threading.Event()
        self.on_change = on_change or (lambda: None)
        self.piece = FIRST_PIECE
        self.failures = 0
        self._offsets: dict[int, int] = {}  # where to continue, per batch (absent: ask)
        self._seen: dict[int, int] = {}  # the service's offset last seen, per batch

    def db(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if self._db is None:
            return fn(self.ctx, *args, **kwargs)
        return self._db(fn, self.ctx, *args, **kwargs)

    def _wait(self, seconds: float) -> bool:
        """Sleep; True if asked to stop. ``wake`` (Send now) cuts the wait short."""
        self.wake.wait(max(0.0, seconds))
        self.wake.clear()
        return self.stop.is_set()

    # -- one pass over the queue --------------------------------------------------------
    def drain(self, *, until: float | None = None, force: bool = False) -> DrainResult:
        """Send until the queue is delivered, a batch is refused, ``until`` (a ``clock()``
        time) would pass while waiting for the link, or ``stop`` is set."""
        result = DrainResult()
        receipts_tried: set[int] = set()
        while True:
            if self.stop.is_set():
                result.outcome = "stopped"
                return result
            queue = self.db(svc.pending)
            for p in queue:
                if p.state == "delivered" and p.sequence not in receipts_tried:
                    receipts_tried.add(p.sequence)
                    self._fetch_receipt(p, result)
            todo = [p for p in queue if p.state != "delivered"]
            if not todo:
                result.outcome = "done"
                return result
            p = todo[0]
            waiting = p.next_attempt_at is not None and p.next_attempt_at > utcnow()
            if p.state == "rejected" and waiting and not force:
                result.outcome = "refused"
                result.refused = (p.sequence, p.last_error, "")
                return result
            force = False
            try:
                self._upload(p, result)
            except Refused as exc:
                if exc.reason in TRANSIENT_REFUSALS:
                    self._offsets.pop(p.sequence, None)
                    self.piece = max(MIN_PIECE, self.piece // 2)
                    self.failures += 1
                    continue
                self.db(
                    svc.record,
                    p.sequence,
                    state="rejected",
                    last_error=exc.reason[:60],
                    next_attempt_at=utcnow() + REFUSED_RETRY,
                )
                self.on_change()
                result.outcome = "refused"
                result.refused = (p.sequence, exc.reason, exc.message)
                return result
            except LinkDown as exc:
                self.failures += 1
                delay = backoff(self.failures, self.rng)
                if isinstance(exc, Busy):
                    delay = max(delay, exc.retry_after)
                result.last_error = exc.reason
                self.db(
                    svc.record,
                    p.sequence,
                    last_error=exc.reason[:60],
                    next_attempt_at=utcnow() + timedelta(seconds=delay),
                )
                self.on_change()
                if until is not None and self.clock() + delay > until:
                    result.outcome = "offline"
                    return result
                if self._wait(delay):
                    result.outcome = "stopped"
                    return result

    # -- one batch ----------------------------------------------------------------------
    def _learned(self, sequence: int, offset: int) -> None:
        if offset > self._seen.get(sequence, offset):
            self.failures = 0  # the link moved bytes since the last failure: retry at once
        self._seen[sequence] = offset
        self._offsets[sequence] = offset

    def _upload(self, p: svc.Pending, result: DrainResult) -> None:
        data = self.db(svc.batch_bytes, p.sequence)
        if hashlib.sha256(data).hexdigest() != p.sha256:
            raise Refused("local_copy_damaged", "the stored batch does not match its hash", 0)
        self.db(
            svc.record,
            p.sequence,
            attempt=True,
            state="uploading",
            total_bytes=len(data),
            endpoint=self.client.base[:300],
        )
        if p.sequence not in self._offsets:  # first try, or after a failure: ask
            answer = self.client.state(p.sha256)
            if answer.kind == "done":
                self._done(p, answer, result)
                return
            self._learned(p.sequence, answer.offset)
        offset = self._offsets[p.sequence]
        head = _prefix_length(data)
        while True:
            # The first request carries at least the signed header: the service checks the
            # sender before it keeps a byte.
            size = max(self.piece, head) if offset == 0 else self.piece
            piece = data[offset : offset + size]
            try:
                answer = self.client.send(p.sha256, offset, len(data), piece)
            except LinkDown:
                self.piece = max(MIN_PIECE, self.piece // 2)
                self._offsets.pop(p.sequence, None)  # the service may hold more: ask next time
                raise
            if answer.kind == "done":
                result.bytes_sent += len(piece)
                self._done(p, answer, result)
                return
            new = answer.offset if answer.kind == "progress" else 0
            if new > offset:
                result.bytes_sent += new - offset
                self.piece = min(MAX_PIECE, self.piece * 2)
                self.failures = 0
            offset = new
            self._seen[p.sequence] = offset
            self._offsets[p.sequence] = offset
            self.db(svc.record, p.sequence, sent_bytes=offset, last_error="")
            self.on_change()
            if self.stop.is_set():
                raise LinkDown("stopped")

    def _done(self, p: svc.Pending, answer: Answer, result: DrainResult) -> None:
        self._offsets.pop(p.sequence, None)
        self.db(
            svc.record,
            p.sequence,
            state="delivered",
            server_status=answer.status[:20],
            sent_bytes=p.size,
            last_error="",
            next_attempt_at=None,
        )
        result.delivered.append(p.sequence)
        receipt = answer.receipt or self.client.receipt(p.sha256) or b""
        can = self.ctx.can("receipt.import")
        if receipt and can and self.db(svc.accept_receipt, p.sequence, receipt) == "acknowledged":
            result.acknowledged.append(p.sequence)
        self.on_change()

    def _fetch_receipt(self, p: svc.Pending, result: DrainResult) -> None:
        if not self.ctx.can("receipt.import"):
            return
        try:
            receipt = self.client.receipt(p.sha256)
        except (LinkDown, Refused):
            return
        if receipt and self.db(svc.accept_receipt, p.sequence, receipt) == "acknowledged":
            result.acknowledged.append(p.sequence)
            self.on_change()
