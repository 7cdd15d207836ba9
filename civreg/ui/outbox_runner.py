"""The outbox in the background of the desktop client: sends every exported batch to the
district's intake service when one is configured and answers, and tells the Transmission
screen how it goes.

The network waits run on a thread of their own (a 30 KB/s upload must not freeze a screen);
every store access of the sender goes through the one database worker (``Operations``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from civreg.services.context import Ctx
from civreg.ui.operations import Operations

log = logging.getLogger(__name__)

IDLE_POLL = 60.0  # seconds between looks at the queue when everything is delivered
REFUSED_WAIT = 1800.0


class OutboxRunner(QObject):
    changed = Signal(object)  # OutboxStatus
    activity = Signal(str)  # idle | sending | offline | refused | off

    def __init__(self, ctx: Ctx, ops: Operations, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.ops = ctx, ops
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.state = "off"
        self.sender: Any = None

    # -- on the database worker ----------------------------------------------------------
    def _on_worker(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if self._stop.is_set():
            raise InterruptedError()
        box: dict[str, Any] = {}

        def job() -> None:
            try:
                box["r"] = fn(*args, **kwargs)
            except BaseException as exc:  # handed back to the sender's thread
                box["e"] = exc

        j = self.ops.run(job, on_done=lambda _r: None, on_error=lambda _e: None)
        while not j.finished.wait(0.5):
            if self._stop.is_set():
                raise InterruptedError()
        if "e" in box:
            raise box["e"]
        return box.get("r")

    # -- control (GUI thread) ------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None and self.ctx.can("batch.export"):
            self._thread = threading.Thread(target=self._loop, name="civreg-outbox", daemon=True)
            self._thread.start()

    def start_if_configured(self) -> None:
        """Start the sender when this store has an intake service configured (set with
        ``civreg outbox set``; a change takes effect at the next login)."""
        from civreg.services.outbox import get_outbox_settings

        self.ops.run(
            get_outbox_settings,
            self.ctx,
            owner=self,
            on_done=self._configured,
            on_error=lambda _e: None,
        )

    def _configured(self, settings: Any) -> None:
        if settings.configured and settings.enabled:
            self.start()
        else:
            self._publish_now()

    def _publish_now(self) -> None:
        from civreg.services.outbox import outbox_status

        self.ops.run(outbox_status, self.ctx, owner=self, on_done=self.changed.emit)

    def send_now(self) -> None:
        self._wake.set()
        if self.sender is not None:
            self.sender.wake.set()

    def stop(self) -> None:
        self._stop.set()
        self.send_now()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None

    # -- the sender's thread -------------------------------------------------------------
    def _set(self, state: str) -> None:
        self.state = state
        try:
            self.activity.emit(state)
        except RuntimeError:  # the window is gone
            self._stop.set()

    def _publish(self) -> None:
        from civreg.services.outbox import outbox_status

        try:
            self.changed.emit(self._on_worker(outbox_status, self.ctx))
        except (InterruptedError, RuntimeError):
            pass
        except Exception:
            log.warning("outbox status unavailable", exc_info=True)

    def _loop(self) -> None:
        from civreg.outbox.client import IntakeClient
        from civreg.outbox.sender import Sender
        from civreg.services.outbox import get_outbox_settings

        while not self._stop.is_set():
            wait = IDLE_POLL
            try:
                settings = self._on_worker(get_outbox_settings, self.ctx)
                if not settings.configured or not settings.enabled:
                    self._set("off")
                else:
                    forced = self._wake.is_set()
                    self._wake.clear()
                    self.sender = Sender(
                        self.ctx,
                        IntakeClient(settings),
                        db=lambda fn, *a, **k: self._on_worker(fn, *a, **k),
                        stop=self._stop,
                        on_change=self._publish,
                    )
                    self._set("sending")
                    result = self.sender.drain(force=forced)
                    self._set({"done": "idle"}.get(result.outcome, result.outcome))
                    if result.outcome == "refused":
                        wait = REFUSED_WAIT
                self._publish()
            except InterruptedError:
                return
            except Exception:  # a store or programming error: shown as offline, retried
                log.warning("outbox sender failed", exc_info=True)
                self._set("offline")
            self._wake.wait(wait)
