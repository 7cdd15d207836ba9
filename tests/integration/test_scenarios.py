"""The legal scenario tables (``scenarios_bf.txt``, ``scenarios_cd.txt``), line by line,
through the services on a real encrypted store of each country (one store per file; lines
run in file order, so later lines can use the acts of earlier ones).

For each line: ``registered`` — the act is registered (or the mention recorded) with the rule
set in force on its date; ``refused`` — the service refuses with the rule named, the message
cites the law and never an internal field name, and nothing changes; ``warning`` —
registered, with that rule's warning shown first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from civreg.errors import CivregError, ValidationError
from civreg.services.context import Ctx
from civreg.services.drafts import check, create_draft
from civreg.services.mentions import add_mention, check_mention
from civreg.services.queries import get_act
from civreg.services.registration import register_act
from tests.integration.scenario_harness import (
    OFFICES,
    Row,
    build_act,
    load,
    mention_args,
    paper_receipt,
)

ROWS = {country: load(country) for country in ("BF", "CD")}
# internal names must never reach a message (issue 10, "Where the rules live")
INTERNAL = re.compile(
    r"\b(?:event_date|given_names|family_name|birth_date|details\.\w+|"
    r"spouse[12]\.|child\.|mother\.|father\.|witness\[)"
)


@dataclass
class Play:
    clerk: Ctx
    registrar: Ctx
    refs: dict[str, str] = field(default_factory=dict)  # line id -> global id


def make_store(tmp: Path, country: str) -> Path:
    from civreg.security.keyfile import FAST_KDF
    from civreg.services.store_access import create_store
    from civreg.services.users import add_user
    from tests.conftest import PASSWORDS

    path = tmp / "store.db"
    created = create_store(
        path,
        country=country,
        admin="admin",
        password=PASSWORDS["admin"],
        kdf=FAST_KDF,
        **OFFICES[country],
    )
    ctx = created.ctx
    add_user(ctx, "clerk", PASSWORDS["clerk"], ["clerk"], full_name="Agent", kdf=FAST_KDF)
    add_user(
        ctx,
        "registrar",
        PASSWORDS["registrar"],
        ["registrar"],
        full_name="Officier",
        title="Officier de l'état civil",
        kdf=FAST_KDF,
    )
    ctx.close()
    return path


def _play(country: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Play]:
    from civreg.services.store_access import login
    from tests.conftest import PASSWORDS

    path = make_store(tmp_path_factory.mktemp(f"scenarios-{country}"), country)
    clerk = login(path, "clerk", PASSWORDS["clerk"])
    registrar = login(path, "registrar", PASSWORDS["registrar"])
    yield Play(clerk, registrar)
    clerk.close()
    registrar.close()


@pytest.fixture(scope="module")
def bf_play(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Play]:
    yield from _play("BF", tmp_path_factory)


@pytest.fixture(scope="module")
def cd_play(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Play]:
    yield from _play("CD", tmp_path_factory)


def _check_refusal(row: Row, exc: CivregError) -> None:
    problems = exc.problems if isinstance(exc, ValidationError) else []
    rules = {p.rule for p in problems} | {p.key for p in problems} | {exc.key}
    assert row.rule in rules, f"{row.where}: refused for {sorted(rules)}, not {row.rule}"
    for lang in ("fr", "en"):
        text = exc.message(lang)
        assert not INTERNAL.search(text), f"{row.where}: internal name in {text!r}"
    if row.law:
        cited = [p.source for p in problems if p.rule == row.rule]
        assert any(row.law in s for s in cited), f"{row.where}: {cited} does not cite {row.law}"


def play_row(play: Play, row: Row, country: str) -> None:
    needed = re.findall(r"@([A-Z][A-Z0-9]*\d)", str(row.changes))
    missing = [r for r in needed if r not in play.refs]
    if missing:  # fail, never skip: a line that cannot run is a defect of the table
        pytest.fail(f"{row.where}: needs line(s) {missing}, which did not register")
    if row.kind == "mention":
        _play_mention(play, row)
    else:
        _play_act(play, row, country)


def _play_act(play: Play, row: Row, country: str) -> None:
    data = build_act(row, country, play.refs)
    today = row.today()
    statement = paper_receipt(row)  # the registrar states a receipt on paper earlier
    draft = create_draft(play.clerk, data, today=today)  # received (and registered) that day
    with play.registrar.store.read() as s:
        found = check(
            play.registrar,
            data,
            today=today,
            for_registration=True,
            session=s,
            received_on=today,
            paper_receipt=bool(statement),
        )
    warned = {p.rule for p in found if p.severity == "warning"}
    if row.expect == "refused":
        with pytest.raises(CivregError) as info:
            register_act(play.registrar, draft.id, today=today, paper_receipt=statement)
        _check_refusal(row, info.value)
        after = get_act(play.registrar, draft.id)
        assert after.status == "draft" and after.number is None, f"{row.where}: changed"
        return
    errors = [(p.rule, p.key) for p in found if p.severity == "error"]
    assert not errors, f"{row.where}: errors {errors}"
    view = register_act(play.registrar, draft.id, today=today, paper_receipt=statement)
    assert view.status == "registered" and view.number, row.where
    play.refs[row.id] = view.global_id or ""
    if row.rule_set:
        assert view.data.details.get("rule_set") == row.rule_set, (
            f"{row.where}: checked under {view.data.details.get('rule_set')}"
        )
    if row.expect == "warning":
        assert row.rule in warned, f"{row.where}: warnings {sorted(warned)}, not {row.rule}"
        if row.law:
            cited = [p.source for p in found if p.rule == row.rule]
            assert any(row.law in s for s in cited), f"{row.where}: {cited} lacks {row.law}"


def _play_mention(play: Play, row: Row) -> None:
    args = mention_args(row, play.refs)
    ref = args.pop("ref")
    before = get_act(play.registrar, ref).mentions
    if row.expect == "refused":
        with pytest.raises(CivregError) as info:
            add_mention(play.registrar, ref, today=row.today(), **args)
        _check_refusal(row, info.value)
        assert get_act(play.registrar, ref).mentions == before, f"{row.where}: changed"
        return
    if row.expect == "warning":
        found = check_mention(play.registrar, ref, today=row.today(), **args)
        warned = {p.rule for p in found if p.severity == "warning"}
        warned |= {p.key for p in found if p.severity == "warning"}
        assert row.rule in warned, f"{row.where}: warnings {sorted(warned)}, not {row.rule}"
    view = add_mention(play.registrar, ref, today=row.today(), **args)
    assert len(view.mentions) == len(before) + 1, row.where
    play.refs[row.id] = ref


@pytest.mark.parametrize("row", ROWS["BF"], ids=lambda r: f"{r.id}-{r.act}")
def test_bf(bf_play: Play, row: Row) -> None:
    play_row(bf_play, row, "BF")


@pytest.mark.parametrize("row", ROWS["CD"], ids=lambda r: f"{r.id}-{r.act}")
def test_cd(cd_play: Play, row: Row) -> None:
    play_row(cd_play, row, "CD")


def test_the_tables_cover_the_issue() -> None:
    """At least 60 lines per country, each outcome in each country, a sample for the CLI."""
    for country, table in ROWS.items():
        assert len(table) >= 60, (country, len(table))
        assert {r.expect for r in table} == {"registered", "refused", "warning"}, country
        assert sum(r.cli for r in table) >= 5, country
