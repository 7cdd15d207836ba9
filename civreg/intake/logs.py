"""Structured logs of the intake service: one JSON object per line, no personal data.

Events carry identifiers only (office, batch sequence, SHA-256 prefix, byte counts, reason
codes, durations); never a name, a record, nor the client's address.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

LOGGER = "civreg.intake"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "event": record.getMessage(),
        }
        out.update(getattr(record, "fields", {}))
        if record.exc_info and record.levelno >= logging.ERROR:
            out["error"] = record.exc_info[0].__name__ if record.exc_info[0] else "error"
        return json.dumps(out, ensure_ascii=False, sort_keys=False)


def setup(level: str = "info", stream: Any = None) -> logging.Logger:
    log = logging.getLogger(LOGGER)
    log.handlers.clear()
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(JsonFormatter())
    log.addHandler(handler)
    log.setLevel(level.upper())
    log.propagate = False
    return log


def event(log: logging.Logger, name: str, level: int = logging.INFO, **fields: Any) -> None:
    log.log(level, name, extra={"fields": fields})
