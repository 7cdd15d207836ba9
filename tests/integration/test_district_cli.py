"""A district and a national office set up on PostgreSQL from the command line alone, then
used with the same commands as an encrypted store — run as subprocesses, like an officer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from civreg.services.keys import export_public_key
from civreg.services.transmission import export_batch
from tests.integration.transmission_support import birth, new_commune, register

pytestmark = pytest.mark.postgres

DISTRICT_PW = "Fleuve-Baobab-Savane-31"


def civreg(
    *args: str, password: str | None = None, new_password: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CIVREG_", "PG"))}
    env["CIVREG_LANG"] = "en"
    if password is not None:
        env["CIVREG_PASSWORD"] = password
    if new_password is not None:
        env["CIVREG_NEW_PASSWORD"] = new_password
    return subprocess.run(
        [sys.executable, "-m", "civreg", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=180,
    )


def ok(r: subprocess.CompletedProcess[str]) -> str:
    assert r.returncode == 0, r.stderr
    return r.stdout


def init_pg(url: str, office_id: str, level: str, *extra: str) -> subprocess.CompletedProcess:
    return civreg(
        "init",
        "--store",
        url,
        "--country",
        "BF",
        "--level",
        level,
        "--office-id",
        office_id,
        "--office-name",
        f"Office {office_id}",
        "--admin",
        "chief",
        *extra,
        new_password=DISTRICT_PW,
    )


@pytest.fixture
def second_pg_url(pg_url: str) -> object:
    """Another fresh database on the same server (the national store)."""
    import uuid

    import psycopg

    base = pg_url.rsplit("/", 1)[0]
    name = f"civreg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(base + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_district_and_national_on_postgres(pg_url: str, second_pg_url: str, tmp_path: Path) -> None:
    national_url = second_pg_url
    # The national authority first: its X25519 public key goes to the communes.
    auth_pub = tmp_path / "authority.pub.json"
    r = init_pg(national_url, "BF-NAT", "national", "--authority", "--authority-out", str(auth_pub))
    out = ok(r)
    assert "BF-NAT" in out and "RECOVERY" not in out
    assert json.loads(auth_pub.read_text())["authority_id"] == "BF-NAT"

    r = init_pg(pg_url, "BF-D11", "district")
    assert "BF-D11" in ok(r)
    # A second init on the same database refuses and changes nothing.
    r = init_pg(pg_url, "BF-D99", "district")
    assert r.returncode == 1 and "already" in r.stderr

    commune = new_commune(tmp_path, "11")
    try:
        register(commune, birth("SAWADOGO", "Ibrahim", 3))
        register(commune, birth("KABORE", "Awa", 4, mother="ZONGO"))
        commune_pub = tmp_path / "commune.pub.json"
        export_public_key(commune.admin, commune_pub)
        b1 = tmp_path / "b1.civbatch"
        export_batch(commune.registrar, b1)
        register(commune, birth("OUEDRAOGO", "Moussa", 5))
        b2 = tmp_path / "b2.civbatch"
        export_batch(commune.registrar, b2, recipient_key_file=auth_pub)
    finally:
        commune.close()

    pw = {"password": DISTRICT_PW}
    ok(civreg("keys", "trust", "--store", pg_url, "--user", "chief", str(commune_pub), **pw))
    keys = json.loads(
        ok(civreg("keys", "list", "--store", pg_url, "--user", "chief", "--json", **pw))
    )
    assert [k["office_id"] for k in keys] == ["BF-11-01"]

    receipts = tmp_path / "receipts"
    receipts.mkdir()
    out = ok(
        civreg(
            "import",
            "--store",
            pg_url,
            "--user",
            "chief",
            "--receipt-dir",
            str(receipts),
            str(b2),
            str(b1),
            **pw,
        )
    )
    assert "no. 1" in out and "no. 2" in out
    assert len(list(receipts.iterdir())) == 1

    info = json.loads(ok(civreg("info", "--store", pg_url, "--user", "chief", "--json", **pw)))
    assert info["backend"] == "postgresql"
    assert info["office"]["office_id"] == "BF-D11" and info["office"]["level"] == "district"
    assert info["counts"]["acts"] == {"birth": {"registered": 2}}  # batch 2 stays sealed
    assert "SAWADOGO" not in json.dumps(info)

    found = json.loads(
        ok(civreg("search", "--store", pg_url, "--user", "chief", "--json", "sawadogo", **pw))
    )
    assert [h["global_id"] for h in found["hits"]] == ["BF-11-01-N-2025-000001"]

    assert (
        json.loads(
            ok(civreg("quarantine", "list", "--store", pg_url, "--user", "chief", "--json", **pw))
        )
        == []
    )
    status = json.loads(
        ok(civreg("transmission", "status", "--store", pg_url, "--user", "chief", "--json", **pw))
    )
    assert status["received"] == 2 and status["open_quarantine"] == 0

    to_national = tmp_path / "to-national"
    to_national.mkdir()
    ok(civreg("forward", "--store", pg_url, "--user", "chief", "--out-dir", str(to_national), **pw))
    forwarded = sorted(to_national.iterdir())
    assert [p.name for p in forwarded] == ["BF-11-01-000001.civbatch", "BF-11-01-000002.civbatch"]
    assert forwarded[1].read_bytes() == b2.read_bytes()

    # The national store trusts the commune, opens the sealed batch with its own key.
    ok(civreg("keys", "trust", "--store", national_url, "--user", "chief", str(commune_pub), **pw))
    ok(
        civreg(
            "import",
            "--store",
            national_url,
            "--user",
            "chief",
            "--receipt-dir",
            str(receipts),
            *map(str, forwarded),
            **pw,
        )
    )
    info = json.loads(
        ok(civreg("info", "--store", national_url, "--user", "chief", "--json", **pw))
    )
    assert info["counts"]["acts"] == {"birth": {"registered": 3}}


def test_init_postgres_bad_input_changes_nothing(pg_url: str) -> None:
    # SQLite-only options are refused for a PostgreSQL store, and the reverse: usage error.
    r = civreg(
        "init",
        "--store",
        pg_url,
        "--country",
        "BF",
        "--office-name",
        "X",
        "--admin",
        "chief",
        new_password=DISTRICT_PW,
    )
    assert r.returncode == 2 and "--office-id" in r.stderr
    r = init_pg(pg_url, "BF D11!", "district")
    assert r.returncode == 1 and "letters, digits and hyphens" in r.stderr
    r = init_pg(pg_url, "BF-D11", "commune")
    assert r.returncode == 2
    # The database was not touched by the refused attempts.
    import psycopg

    with psycopg.connect(pg_url) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
    assert tables == (0,)


def test_unreachable_server_is_one_clear_line(tmp_path: Path) -> None:
    url = "postgresql://nobody@127.0.0.1:1/nothing"
    r = civreg("info", "--store", url, "--user", "chief", password="x")
    assert r.returncode == 1
    assert "PostgreSQL" in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1
    r = init_pg(url, "BF-D11", "district")
    assert r.returncode == 1 and "Traceback" not in r.stderr
