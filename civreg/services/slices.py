"""Long read-only jobs written as generators that yield between slices of work.

The client runs them with ``Operations.run_sliced``: its one database worker goes back to the
end of its queue at each ``yield``, so what the user asks for meanwhile (the next page of a
register) waits for one slice, not the whole job. Elsewhere :func:`drain` runs them in one go.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

T = TypeVar("T")


def drain(steps: Generator[None, None, T]) -> T:
    """Run a sliced job to its end and return its value."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value
