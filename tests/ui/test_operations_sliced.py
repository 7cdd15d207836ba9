"""A long read-only job runs in slices on the database worker: what the user asks for
meanwhile (the next page of a register as they scroll) runs between two slices instead of
waiting for the whole job (the store check at login held the first scroll for seconds)."""

from __future__ import annotations

from collections.abc import Iterator

from civreg.ui.operations import Operations


def test_a_job_queued_meanwhile_runs_between_slices(qapp, qtbot) -> None:
    ops = Operations()
    order: list[str] = []
    done: list[int] = []
    try:

        def long_check() -> Iterator[None]:
            total = 0
            for i in range(5):
                order.append(f"slice {i}")
                if i == 1:
                    ops.run(order.append, "page")  # the user scrolls while slice 1 runs
                total += i
                yield
            return total

        ops.run_sliced(long_check, on_done=done.append)
        qtbot.waitUntil(lambda: bool(done) and not ops.busy, timeout=5000)
        assert done == [10]  # the generator's return value comes back
        assert order.index("page") < order.index("slice 4")
        assert order.index("page") == 2  # right after the slice that was running
    finally:
        ops.stop()


def test_an_error_inside_a_slice_reaches_on_error(qapp, qtbot) -> None:
    ops = Operations()
    errors: list[BaseException] = []
    try:

        def broken() -> Iterator[None]:
            yield
            raise ValueError("slice 2")

        ops.run_sliced(broken, on_error=errors.append)
        qtbot.waitUntil(lambda: bool(errors) and not ops.busy, timeout=5000)
        assert isinstance(errors[0], ValueError)
    finally:
        ops.stop()


def test_two_long_jobs_give_way_to_what_the_user_asks(qapp, qtbot) -> None:
    """Two sliced jobs (the store check and a register's count) both waiting: a page asked
    for waits for the slice that is running, not for the other job's slice too."""
    ops = Operations()
    order: list[str] = []
    done: list[object] = []
    try:

        def long(name: str) -> Iterator[None]:
            for i in range(4):
                order.append(f"{name}{i}")
                if (name, i) == ("a", 1):
                    ops.run(order.append, "page")
                yield
            return name

        ops.run_sliced(long, "a", on_done=done.append)
        ops.run_sliced(long, "b", on_done=done.append)
        qtbot.waitUntil(lambda: len(done) == 2 and not ops.busy, timeout=5000)
        assert order[order.index("a1") + 1] == "page", order
    finally:
        ops.stop()


def test_slices_left_are_closed_before_the_session_ends(qapp, qtbot) -> None:
    """Logging out closes the store after the queued jobs: a long job still in slices is
    closed first (its generator holds a read transaction), never run after the close."""
    ops = Operations()
    events: list[str] = []
    errors: list[BaseException] = []
    try:

        def endless() -> Iterator[None]:
            try:
                while True:
                    events.append("slice")
                    yield
            finally:
                events.append("closed")

        ops.run_sliced(endless, on_error=errors.append)
        qtbot.waitUntil(lambda: events.count("slice") >= 3)
        ops.drop_slices()
        ops.run(events.append, "store closed")
        qtbot.waitUntil(lambda: "store closed" in events and not ops.busy, timeout=5000)
        assert events.index("closed") < events.index("store closed")
        assert "slice" not in events[events.index("closed") :]
        assert [type(e).__name__ for e in errors] == ["Cancelled"]
    finally:
        ops.stop()
