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
