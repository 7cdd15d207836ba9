"""The crash harness in the regular run: one SIGKILL at a random point of each operation
(``scripts/crash-test N`` runs the full harness, 50 kills per operation by default)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.crash_harness.harness import OPERATIONS, run

KILLS = int(os.environ.get("CIVREG_CRASH_KILLS", "1"))


@pytest.mark.slow
def test_a_kill_at_a_random_point_of_each_operation_loses_nothing(tmp_path: Path) -> None:
    results = run(KILLS, tmp_path, ops=OPERATIONS, log=lambda _s: None)
    assert [r.op for r in results] == list(OPERATIONS)
    failures = {r.op: r.failures for r in results if r.failures}
    assert failures == {}
    assert all(r.kills == KILLS and r.passed == KILLS for r in results)
