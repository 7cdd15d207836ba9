"""The operations log: one line per operation, never a name, a date of birth or a password.

    2026-11-30 14:02:11 INFO act.register BF-11-01-N-2025-000012 ok 23.4ms

Each line says what was done (the operation), on which act (its global identifier or row id,
when there is one), the outcome (``ok``, ``refused:<message key>`` for an error shown to the
user, ``failed:<exception class>`` for anything else) and how long it took. Nothing else: the
arguments and the exception messages are not written, because they may carry personal data.

:func:`configure` sends the lines to a rotating file under the platform's log folder
(platformdirs: ``~/.local/state/civreg/log`` on Linux, ``%LOCALAPPDATA%\\civreg\\Logs`` on
Windows) and, with ``-v``, to stderr. Until then (tests, library use) the lines go nowhere.
"""

from __future__ import annotations

import functools
import inspect
import logging
import re
import sys
import time
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

from civreg.errors import CivregError

LOGGER = "civreg.operations"
LOG_FILE = "civreg.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(message)s"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"

log = logging.getLogger(LOGGER)

P = ParamSpec("P")
R = TypeVar("R")


def log_dir() -> Path:
    """$CIVREG_LOG_DIR, or the platform's log folder for civreg."""
    import os

    from platformdirs import user_log_dir

    return Path(os.environ.get("CIVREG_LOG_DIR") or user_log_dir("civreg", appauthor=False))


def configure(*, verbose: bool = False, folder: Path | None = None) -> Path | None:
    """Start writing the operations log (once per process); returns the file, or None when
    the log folder cannot be created (the program works on without a file log)."""
    root = logging.getLogger("civreg")
    for handler in list(root.handlers):
        if getattr(handler, "_civreg", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.INFO)
    root.propagate = False  # the lines go to the handlers below only, never twice
    formatter = logging.Formatter(FORMAT, DATE_FORMAT)
    path: Path | None = (folder or log_dir()) / LOG_FILE
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        path = None
    else:
        _add(root, file_handler, formatter)
    if verbose:
        _add(root, logging.StreamHandler(sys.stderr), formatter)
    return path


def _add(root: logging.Logger, handler: logging.Handler, formatter: logging.Formatter) -> None:
    handler.setFormatter(formatter)
    handler._civreg = True  # type: ignore[attr-defined]
    root.addHandler(handler)


def _ref(value: Any) -> str:
    """An act's global identifier or row id, from a result or an argument (never a name)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return value if _looks_like_a_reference(value) else ""
    if isinstance(value, list | tuple):  # several acts (certificates of a day, a batch)
        refs = [r for r in (_ref(v) for v in value[:3]) if r]
        more = f"+{len(value) - 3}" if len(value) > 3 else ""
        return ",".join(refs) + more if refs else ""
    for attr in ("global_id", "id"):
        found = getattr(value, attr, None)
        if isinstance(found, str) and found:
            return found
        if isinstance(found, int) and not isinstance(found, bool):
            return str(found)
    return ""


_REFERENCE = re.compile(
    r"\d{1,12}"  # a row id
    r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"  # a uuid
    r"|[A-Z]{2}(-[A-Z0-9]{1,12}){1,4}-[NMD]-\d{4}-\d{1,9}"  # BF-11-01-N-2025-000012
)


def _looks_like_a_reference(text: str) -> bool:
    """A row id, a uuid or a global identifier; anything else (a name typed by a user) is
    never written."""
    return _REFERENCE.fullmatch(text) is not None


def outcome_of(exc: BaseException | None) -> str:
    if exc is None:
        return "ok"
    if isinstance(exc, CivregError):
        return f"refused:{exc.key}"
    return f"failed:{type(exc).__name__}"


def write(operation: str, ref: str, outcome: str, seconds: float) -> None:
    log.info("%s %s %s %.1fms", operation, ref or "-", outcome, seconds * 1000)


def logged(
    operation: str, *, ref_arg: str | None = None
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Log one line per call of a use case. The act comes from the result (``global_id`` or
    ``id``) or, when the call fails or returns none, from the argument ``ref_arg``."""

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(fn)

        @functools.wraps(fn)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            start = time.perf_counter()
            failure: BaseException | None = None
            result: Any = None
            try:
                result = fn(*args, **kwargs)
                return result
            except BaseException as exc:
                failure = exc
                raise
            finally:
                ref = _ref(result) if failure is None else ""
                if not ref and ref_arg is not None:
                    bound = signature.bind_partial(*args, **kwargs).arguments
                    ref = _ref(bound.get(ref_arg))
                write(operation, ref, outcome_of(failure), time.perf_counter() - start)

        return run

    return wrap


def trace_without_messages(exc: BaseException) -> str:
    """Where an unexpected error came from, for the log: the exception classes and the code
    locations, without the exception messages (which may quote personal data)."""
    parts: list[str] = []
    current: BaseException | None = exc
    while current is not None and len(parts) < 5:
        tb: TracebackType | None = current.__traceback__
        frames = []
        while tb is not None:
            code = tb.tb_frame.f_code
            frames.append(f"{Path(code.co_filename).name}:{tb.tb_lineno}")
            tb = tb.tb_next
        parts.append(f"{type(current).__name__} at {' < '.join(reversed(frames[-6:]))}")
        current = current.__cause__ or current.__context__
    return " | caused by ".join(parts)
