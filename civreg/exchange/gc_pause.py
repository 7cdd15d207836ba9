"""Pause the cyclic garbage collector around bulk export and import.

Exporting or importing 100k acts builds millions of long-lived, acyclic objects (rows,
records, tuples); the cyclic GC would rescan them again and again (a third or more of the
time) without freeing anything. Reference counting still frees everything as usual; the few
cycles made meanwhile go at the next collection after the block.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
