"""Where the reading side of an import runs: in the importing process, or, for a big batch,
in a process of its own so that inflating, parsing, rebuilding and hash-checking the records
use the second core while the importing process writes into the database.

The worker gets the verified (and, if it was encrypted, already decrypted and authenticated)
zstd frame, reads it exactly as the importing process would (:func:`iter_records`, every
reader limit included) and sends the chunks of :func:`act_reading.read_chunks` through a
pipe, which a thread of the importing process empties into a queue of at most eight chunks:
the worker stays at most that far ahead, and memory stays bounded. A refusal in the worker
comes back as the same ``BatchRejected`` (reason and parameters); any other failure as
:class:`ReadingFailed`. Either way the importing process
raises, and its transaction, which holds everything written so far, rolls back.

The worker is started with ``spawn`` (no fork of a process holding database connections,
threads or a GUI); starting it costs about half a second, so batches under
``Limits.worker_min_acts`` acts are read in the importing process.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import queue
import threading
from collections.abc import Iterable, Iterator, Mapping
from multiprocessing.connection import Connection
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: the default pipe
    fcntl = None  # type: ignore[assignment]

from civreg.errors import BatchRejected
from civreg.exchange.act_reading import read_chunks
from civreg.exchange.chunks import ActChunk, RecordChunk, Start
from civreg.sync.record_stream import RecordLimits, iter_records
from civreg.sync.rejections import reject

_JOIN_SECONDS = 10
_AHEAD = 8  # chunks (about 2 MB each) the worker may be ahead of the writing
_PIPE_BYTES = 1024 * 1024  # Linux's default limit for an unprivileged process


class ReadingFailed(RuntimeError):
    """The reading process stopped without a refusal (crashed, killed, or a bug); nothing
    from the batch is kept (the importing transaction rolls back)."""


def read_here(
    frame: Iterable[bytes | memoryview],
    counts: Mapping[str, int],
    limits: RecordLimits,
    start: Start,
) -> Iterator[ActChunk | RecordChunk]:
    """The chunks of the batch whose zstd frame is ``frame``, read in this process."""
    records = iter_records(frame, expected_counts=counts, limits=limits)
    return read_chunks(records, start)


def worth_a_process(act_count: int, min_acts: int) -> bool:
    """Whether a batch of ``act_count`` acts is read in a process of its own."""
    return act_count >= min_acts and (os.cpu_count() or 1) > 1


def read_in_process(
    frame: bytes, counts: Mapping[str, int], limits: RecordLimits, start: Start
) -> Iterator[ActChunk | RecordChunk]:
    """The same chunks as :func:`read_here`, read in a worker process. Closing the iterator
    early (the importing side refused the batch) stops the worker."""
    context = multiprocessing.get_context("spawn")
    receiving, sending = context.Pipe(duplex=False)
    _widen(receiving)
    worker = context.Process(
        target=_serve,
        args=(sending, frame, dict(counts), limits, start),
        name="civreg-batch-reader",
        daemon=True,
    )
    worker.start()
    sending.close()
    del frame
    inbox = _Inbox(receiving)
    finished = False
    try:
        while True:
            data = inbox.get()
            if data is None:
                raise ReadingFailed("the batch reading process ended early")
            message = pickle.loads(data)
            del data
            tag = message[0]
            if tag == "chunk":
                yield message[1]
            elif tag == "done":
                finished = True
                return
            elif tag == "rejected":
                raise reject(message[1], **message[2])
            else:
                raise ReadingFailed(f"the batch reading process failed ({message[1]})")
    finally:
        if not finished:
            worker.terminate()
        worker.join(_JOIN_SECONDS)
        inbox.close()
        receiving.close()


class _Inbox:
    """Messages from the worker, taken off the pipe by a thread as soon as they come (the
    read waits without holding the GIL), up to :data:`_AHEAD` of them: the worker then never
    waits for the importing process to finish writing a chunk before it sends the next, and
    neither waits for the other to be scheduled at each piece of the pipe."""

    def __init__(self, end: Connection) -> None:
        self._end = end
        self._queue: queue.Queue[bytes | None] = queue.Queue(maxsize=_AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._drain, name="batch-reader-inbox", daemon=True)
        self._thread.start()

    def _drain(self) -> None:
        while not self._stop.is_set():
            try:
                data: bytes | None = self._end.recv_bytes()
            except (EOFError, OSError):
                data = None
            while not self._stop.is_set():
                try:
                    self._queue.put(data, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if data is None:
                return

    def get(self) -> bytes | None:
        return self._queue.get()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(_JOIN_SECONDS)


def _widen(end: Connection) -> None:
    """A 1 MiB pipe instead of 64 KiB (Linux): a chunk (about 2 MB pickled) then crosses in
    a few writes instead of some thirty, each of which waits for the other process to be
    scheduled, which on a loaded machine costs more than the copying."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl is not None else None
    if set_size is None:
        return
    with contextlib.suppress(OSError):
        fcntl.fcntl(end.fileno(), set_size, _PIPE_BYTES)


def _serve(
    out: Connection,
    frame: bytes,
    counts: dict[str, int],
    limits: RecordLimits,
    start: Start,
) -> None:
    """The worker: read the frame, send each chunk, then ``done`` (or why it stopped)."""
    gc.disable()  # many long-lived acyclic objects (see civreg.exchange.gc_pause)
    message: tuple[Any, ...]
    try:
        for chunk in read_here((frame,), counts, limits, start):
            out.send(("chunk", chunk))
        message = ("done",)
    except BatchRejected as exc:
        message = ("rejected", exc.reason, exc.params)
    except BrokenPipeError:
        return  # the importing side stopped reading: it refused the batch
    except Exception as exc:
        message = ("failed", type(exc).__name__)
    try:
        out.send(message)
    except BrokenPipeError:
        pass
    finally:
        out.close()
