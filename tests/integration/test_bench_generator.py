"""The synthetic-store generator (bench/generate.py) keeps the store's invariants, hashes acts
the way registration does, and makes the same store whatever the number of workers."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from bench.generate import PASSWORD, build
from civreg.domain.names import search_keys
from civreg.models.act_repo import legal_content
from civreg.models.acts import Act
from civreg.security.audit import content_hash
from civreg.services.store_access import login

TODAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    out = {}
    for workers in (1, 2):
        d = tmp_path_factory.mktemp(f"gen{workers}")
        build(1500, "BF", d, plain=workers == 2, seed=7, years=5, today=TODAY, workers=workers)
        out[workers] = d
    return out


def _rows(path: Path, ctx) -> list[tuple]:
    with ctx.store.read() as s:
        conn = s.connection().connection.driver_connection
        return conn.execute(
            "SELECT a.id, a.kind, a.year, a.number, a.register_id, a.global_id, a.content_hash,"
            " p.role, p.family_name, p.given_names, p.birth_act_ref"
            " FROM acts a JOIN act_persons p ON p.act_id = a.id ORDER BY p.id"
        ).fetchall()


def test_same_store_whatever_the_number_of_workers(stores: dict[int, Path]) -> None:
    rows = {}
    for workers, d in stores.items():
        ctx = login(d / "store.db", "registrar", PASSWORD)
        rows[workers] = _rows(d / "store.db", ctx)
        ctx.close()
    assert len(rows[1]) > 4000
    assert rows[1] == rows[2]
    truths = [json.loads((d / "truth.json").read_text()) for d in stores.values()]
    assert truths[0] == truths[1]
    # The plain twin holds the same rows.
    plain = sqlite3.connect(stores[2] / "plain.db")
    assert plain.execute("SELECT count(*) FROM act_persons").fetchone()[0] == len(rows[2])
    plain.close()


def test_registers_numbers_hashes_and_keys(stores: dict[int, Path]) -> None:
    ctx = login(stores[2] / "store.db", "registrar", PASSWORD)
    with ctx.store.read() as s:
        conn = s.connection().connection.driver_connection
        numbers = defaultdict(list)
        for reg, kind, year, number in conn.execute(
            "SELECT register_id, kind, year, number FROM acts"
        ):
            numbers[(reg, kind, year)].append(number)
        regs = {
            r[0]: (r[1], r[2], r[3])
            for r in conn.execute("SELECT id, kind, year, next_number FROM registers")
        }
        assert len(regs) == len(numbers)
        for (reg, kind, year), got in numbers.items():
            assert sorted(got) == list(range(1, len(got) + 1))
            assert regs[reg] == (kind, year, len(got) + 1)
        gids = [r[0] for r in conn.execute("SELECT global_id FROM acts")]
        assert len(set(gids)) == len(gids)
        # Search keys as the services compute them.
        for fam, giv, pn, nf, pf, ng, pg in conn.execute(
            "SELECT p.family_name, p.given_names, p.post_nom, s.norm_family, s.phon_family,"
            " s.norm_given, s.phon_given FROM act_persons p JOIN person_search s"
            " ON s.person_id = p.id WHERE p.id % 37 = 0"
        ):
            k = search_keys(fam, giv, pn)
            assert (nf, pf, ng, pg) == (
                k["norm_family"],
                k["phon_family"],
                k["norm_given"],
                k["phon_given"],
            )
        # Deaths and marriages refer to births of the store.
        refs = [r[0] for r in conn.execute("SELECT birth_act_ref FROM act_persons")]
        linked = [r for r in refs if r]
        assert linked and set(linked) <= set(gids)
        # Content hashes are those registration computes from the stored act.
        acts = s.scalars(select(Act).where(Act.id % 50 == 1)).all()
        assert len(acts) >= 25
        for act in acts:
            assert act.content_hash == content_hash(legal_content(act)), act.global_id
    ctx.close()


def test_truth_points_at_planted_acts(stores: dict[int, Path]) -> None:
    truth = json.loads((stores[1] / "truth.json").read_text())
    ctx = login(stores[1] / "store.db", "registrar", PASSWORD)
    with ctx.store.read() as s:
        conn = s.connection().connection.driver_connection
        for twin in truth["twins"]:
            rows = conn.execute(
                "SELECT a.event_date, p.family_name FROM acts a JOIN act_persons p"
                f" ON p.act_id = a.id AND p.role = 'child' WHERE a.id IN ({', '.join('?' * 2)})",
                twin["act_ids"],
            ).fetchall()
            assert len(rows) == 2 and rows[0] == rows[1]
        for v in truth["variants"]:
            fam = conn.execute(
                "SELECT family_name FROM act_persons WHERE act_id = ? AND role = 'child'",
                (v["act_id"],),
            ).fetchone()[0]
            assert fam == v["stored_family"] != v["query_family"]
    ctx.close()


def test_indexes_rebuilt_as_the_migrations_make_them_and_the_check_passes(
    stores: dict[int, Path], tmp_path: Path
) -> None:
    """The load drops the secondary indexes and rebuilds them with other pragmas (sorter
    threads, a small cache): the store ends with the schema's indexes, in WAL, and passes the
    full store check an administrator runs."""
    from civreg.services.check import check_store
    from civreg.services.store_access import create_store

    def indexes(conn) -> set[tuple[str, str]]:
        return set(
            conn.execute(
                "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index'"
            ).fetchall()
        )

    fresh = create_store(
        tmp_path / "fresh.db",
        country="BF",
        admin="admin",
        password=PASSWORD,
        admin_full_name="A",
        commune="11",
        centre="01",
        office_name="Mairie",
    ).ctx
    with fresh.store.read() as s:
        want = indexes(s.connection().connection.driver_connection)
    fresh.close()
    for d in stores.values():
        ctx = login(d / "store.db", "admin", PASSWORD)
        with ctx.store.read() as s:
            conn = s.connection().connection.driver_connection
            assert indexes(conn) == want
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert conn.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 10
        report = check_store(ctx, full=True)
        ctx.close()
        assert report.ok, [(f.check, f.status) for f in report.findings]
