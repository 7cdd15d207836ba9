"""Run service calls off the GUI thread: one database worker, results back on the GUI thread.

Every database call for the open store goes through :class:`Operations` (STYLE.md §1–2): the
worker runs jobs one at a time in submission order, and the callbacks (``on_done`` with the
result, ``on_error`` with the exception) run on the GUI thread. A job whose ``owner`` widget
has been destroyed meanwhile is silently dropped instead of touching a dead widget.

Operations that change the store go through :meth:`Operations.mutate`: once the job is done,
the :class:`~civreg.services.changes.Changes` it made is broadcast once on ``changed`` (even
when the widget that asked is gone), and every page showing those rows refreshes.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

from civreg.services.changes import Changes, changes_of

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a long job when the user pressed Cancel."""


@dataclass
class Job:
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    on_done: Callable[[Any], object] | None
    on_error: Callable[[BaseException], object] | None
    owner: QObject | None
    changes: Callable[[Any], Changes] | None = None  # set by mutate()
    sliced: bool = False  # fn returns a generator, run one step per turn (run_sliced)
    steps: Generator[Any, None, Any] | None = None
    cancel_event: threading.Event = field(default_factory=threading.Event)
    finished: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self.cancel_event.set()

    @property
    def cancelled(self) -> bool:
        return self.cancel_event.is_set()


class Operations(QObject):
    """The single database worker of the application."""

    _deliver = Signal(object)
    changed = Signal(object)  # Changes, once per mutating operation

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._slices: deque[Job] = deque()  # sliced jobs between two slices (worker only)
        self._deliver.connect(self._on_gui_thread, Qt.ConnectionType.QueuedConnection)
        self._thread = threading.Thread(target=self._loop, name="civreg-db", daemon=True)
        self._thread.start()
        self._pending = 0
        self._lock = threading.Lock()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Job:
        """Queue ``fn(*args, **kwargs)`` on the worker; errors go to ``show_error`` by default."""
        job = Job(fn, args, kwargs, on_done, on_error, owner)
        with self._lock:
            self._pending += 1
        self._queue.put(job)
        return job

    def mutate(
        self,
        fn: Callable[..., Any],
        *args: Any,
        changes: Callable[[Any], Changes] | Changes | None = None,
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Job:
        """Like :meth:`run` for a job that changes the store. ``changes`` says what it changed
        (a ``Changes``, or a function of the result such as ``act_registered``); by default the
        result itself when it is a ``Changes``."""
        job = self.run(fn, *args, on_done=on_done, on_error=on_error, owner=owner, **kwargs)
        if isinstance(changes, Changes):
            fixed = changes
            job.changes = lambda _result: fixed
        else:
            job.changes = changes or changes_of
        return job

    def run_sliced(
        self,
        fn: Callable[..., Generator[Any, None, Any]],
        *args: Any,
        on_done: Callable[[Any], object] | None = None,
        on_error: Callable[[BaseException], object] | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Job:
        """Like :meth:`run` for a long read-only job written as a generator: the worker runs
        it up to its next ``yield``, then serves every other job queued before it runs the
        next slice of any sliced job, so what the user asks for meanwhile (the next page of a
        register) waits for the one slice running, not the whole job. ``on_done`` gets the
        generator's return value. Jobs still in slices when the worker stops are dropped."""
        job = Job(fn, args, kwargs, on_done, on_error, owner, sliced=True)
        with self._lock:
            self._pending += 1
        self._queue.put(job)
        return job

    def broadcast(self, changes: Changes) -> None:
        """Tell every page that ``changes`` happened (done after each mutating operation)."""
        if changes:
            self.changed.emit(changes)

    @property
    def busy(self) -> bool:
        with self._lock:
            return self._pending > 0

    def drop_slices(self) -> None:
        """Close every sliced job not finished yet, in queue order (before a session's store
        is closed: their generators hold a read transaction on it). They end as cancelled."""
        self.run(self._close_slices)

    def _close_slices(self) -> None:  # on the worker
        while self._slices:
            job = self._slices.popleft()
            if job.steps is not None:
                job.steps.close()
            job.finished.set()
            self._deliver.emit((job, None, Cancelled()))

    def stop(self) -> None:
        """Stop the worker after the jobs already queued (an open draft's last save); jobs
        still in slices are closed and dropped."""
        if not self._thread.is_alive():
            return
        self.drop_slices()
        self._queue.put(None)
        self._thread.join(timeout=30)
        if self._thread.is_alive():
            log.error("the database worker did not stop within 30 s")

    def _next_job(self) -> Job | None:
        if not self._slices:
            return self._queue.get()
        try:
            return self._queue.get_nowait()
        except queue.Empty:
            return self._slices.popleft()

    def _loop(self) -> None:
        while True:
            job = self._next_job()
            if job is None:
                return
            result: Any = None
            error: BaseException | None = None
            if job.cancelled:
                error = Cancelled()
            elif job.sliced:
                try:
                    if job.steps is None:
                        job.steps = job.fn(*job.args, **job.kwargs)
                    next(job.steps)
                    self._slices.append(job)  # its next slice after what was asked meanwhile
                    continue
                except StopIteration as stop:
                    result = stop.value
                except BaseException as exc:
                    error = exc
            else:
                try:
                    result = job.fn(*job.args, **job.kwargs)
                except BaseException as exc:  # delivered to the GUI thread, never swallowed
                    error = exc
            job.finished.set()
            self._deliver.emit((job, result, error))

    def _on_gui_thread(self, item: tuple[Job, Any, BaseException | None]) -> None:
        job, result, error = item
        with self._lock:
            self._pending -= 1
        owner_alive = job.owner is None or shiboken6.isValid(job.owner)
        if error is None:
            if job.on_done is not None and owner_alive:
                job.on_done(result)
            if job.changes is not None:
                self.broadcast(job.changes(result))
            return
        if not owner_alive:
            return
        if isinstance(error, Cancelled) and job.on_error is None:
            return
        if job.on_error is not None:
            job.on_error(error)
        else:
            from civreg.ui.errors import show_error

            parent = job.owner if job.owner is not None and job.owner.isWidgetType() else None
            show_error(parent, error)  # type: ignore[arg-type]
