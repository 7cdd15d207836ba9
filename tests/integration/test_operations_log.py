"""The operations log: one line per operation (operation, act, outcome, duration), in a
rotating file and on stderr with -v; never a name, a date of birth or a password."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from civreg import oplog
from civreg.domain.acts import ActInput, ActKind, Person
from civreg.errors import WrongPassword
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act
from civreg.services.store_access import login as do_login
from tests.integration.acts_support import received_day

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d INFO (\S+) (\S+) (\S+) (\d+\.\d)ms$")


@pytest.fixture
def log_file(tmp_path: Path) -> Iterator[Path]:
    path = oplog.configure(folder=tmp_path / "logs")
    assert path is not None
    yield path
    root = logging.getLogger("civreg")
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    root.propagate = True


def _lines(path: Path) -> list[tuple[str, ...]]:
    for handler in logging.getLogger("civreg").handlers:
        handler.flush()
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = LINE.match(raw)
        assert m, f"not an operations line: {raw!r}"
        out.append(m.groups())
    return out


def _birth() -> ActInput:
    return ActInput(
        kind=ActKind.BIRTH,
        event_date="2025-06-02",
        event_time="08:15",
        event_place="CSPS de Tanghin",
        event_place_type="health_facility",
        declaration_date="2025-06-19",
        persons=(
            Person(role="child", family_name="ZOUNGRANA", given_names="Rasmané", sex=1),
            Person(
                role="father", family_name="ZOUNGRANA", given_names="Issa", sex=1, birth_date="1990"
            ),
            Person(
                role="mother",
                family_name="OUEDRAOGO",
                given_names="Awa",
                sex=2,
                birth_date="1995-04-02",
            ),
            Person(
                role="declarant",
                family_name="ZOUNGRANA",
                given_names="Issa",
                sex=1,
                capacity="father",
            ),
        ),
        details={"multiplicity": "single"},
    )


def test_one_line_per_operation_with_the_act_and_no_personal_data(
    log_file: Path, login, store_path: Path
) -> None:
    clerk, registrar = login("clerk"), login("registrar")
    draft = create_draft(clerk, _birth(), today=received_day(_birth()))
    view = register_act(registrar, draft.id, today=date(2025, 6, 20))
    with pytest.raises(WrongPassword):
        do_login(store_path, "registrar", "Zoungrana-1990!")
    lines = _lines(log_file)
    ops = [(op, ref, outcome) for op, ref, outcome, _ms in lines]
    assert ("draft.create", str(draft.id), "ok") in ops
    assert ("act.register", view.global_id, "ok") in ops
    assert ("store.login", "-", "refused:store.wrong_password") in ops
    text = log_file.read_text(encoding="utf-8")
    for secret in (
        "ZOUNGRANA",
        "Rasmané",
        "OUEDRAOGO",
        "1995-04-02",
        "Zoungrana-1990!",
        "registrar",
        "clerk",
        "Tanghin",
    ):
        assert secret not in text, secret


def test_a_refused_registration_names_the_draft_and_the_reason(log_file: Path, login) -> None:
    registrar = login("registrar")
    with pytest.raises(Exception):  # noqa: B017 - any refusal: the line is what is tested
        register_act(registrar, 999_999)
    ((_op, ref, outcome, _ms),) = [line for line in _lines(log_file) if line[0] == "act.register"]
    assert ref == "999999" and outcome.startswith("refused:")


def test_a_name_given_as_a_reference_is_never_written(log_file: Path, login) -> None:
    registrar = login("registrar")
    with pytest.raises(Exception):  # noqa: B017
        register_act(registrar, "SAWADOGO Ibrahim")
    ((_op, ref, _outcome, _ms),) = [line for line in _lines(log_file) if line[0] == "act.register"]
    assert ref == "-"
    assert "SAWADOGO" not in log_file.read_text(encoding="utf-8")


def test_the_file_rotates(tmp_path: Path) -> None:
    path = oplog.configure(folder=tmp_path)
    assert path is not None
    try:
        for _ in range(oplog.MAX_BYTES // 40 + 100):
            oplog.write("act.register", "BF-11-01-N-2025-000012", "ok", 0.01)
        assert (tmp_path / f"{oplog.LOG_FILE}.1").exists()
        assert path.stat().st_size <= oplog.MAX_BYTES
    finally:
        root = logging.getLogger("civreg")
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        root.propagate = True


def test_unexpected_errors_are_logged_without_their_message() -> None:
    def inner() -> None:
        raise KeyError("OUEDRAOGO Aminata 1995-04-02")

    try:
        try:
            inner()
        except KeyError as exc:
            raise RuntimeError("row SAWADOGO") from exc
    except RuntimeError as exc:
        trace = oplog.trace_without_messages(exc)
    assert "RuntimeError at test_operations_log.py:" in trace
    assert "caused by KeyError at test_operations_log.py:" in trace
    assert "OUEDRAOGO" not in trace and "SAWADOGO" not in trace


def test_the_command_line_prints_the_log_on_stderr_with_v(store_path: Path, tmp_path: Path) -> None:
    import os

    env = dict(os.environ, CIVREG_PASSWORD="Karite-Manguier-17", CIVREG_LOG_DIR=str(tmp_path / "l"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "civreg",
            "-v",
            "info",
            "--store",
            str(store_path),
            "--user",
            "clerk",
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    logged = [line for line in done.stderr.splitlines() if " INFO store.login " in line]
    assert len(logged) == 1 and logged[0].endswith("ms") and " ok " in logged[0]
    assert "clerk" not in done.stderr
    assert (tmp_path / "l" / oplog.LOG_FILE).read_text(encoding="utf-8").count("store.login") == 1
