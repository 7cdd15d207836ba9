"""``civreg search``, ``mention rules``, ``quarantine list`` and ``stats expected list`` print
words in the user's language and dates as the user writes them (never ``birth``,
``related_ref``, ``differs`` or an ISO date); ``--json`` keeps the codes. Run through the
real ``civreg`` main function on real stores."""

from __future__ import annotations

import json
import re
import sys
import uuid
from pathlib import Path

import pytest

from civreg.cli import main
from civreg.i18n import set_language
from tests.conftest import PASSWORDS
from tests.integration.acts_support import birth, days_ago, register

sys.path.insert(0, str(Path(__file__).parent))  # transmission_support, as its tests import it
from transmission_support import PW, new_commune, new_district, trust
from transmission_support import birth as commune_birth
from transmission_support import register as commune_register

ISO = re.compile(r"\b\d{4}-\d\d-\d\d\b")


@pytest.fixture
def run(monkeypatch, capsys):
    def _run(lang: str, password: str, *args: str) -> str:
        monkeypatch.setenv("CIVREG_PASSWORD", password)
        try:
            code = main(["--lang", lang, *args])
        finally:
            set_language("fr")
        out = capsys.readouterr()
        assert code == 0, out.err
        return out.out

    return _run


def test_search_says_the_kind_the_role_and_the_date_in_words(store_path, login, run) -> None:
    clerk, registrar = login("clerk"), login("registrar")
    born = days_ago(10)
    register(clerk, registrar, birth(born, family="OUEDRAOGO"))
    base = ("search", "--store", str(store_path), "--user", "clerk", "OUEDRAOGO")
    fr = run("fr", PASSWORDS["clerk"], *base)
    day = "/".join(reversed(born.split("-")))
    assert "naissance" in fr and day in fr, fr
    assert not ISO.search(fr) and "birth" not in fr and "mother" not in fr, fr
    assert re.search(r"^\s*\d+,\d  ", fr, re.M), fr  # the score with a decimal comma
    en = run("en", PASSWORDS["clerk"], *base)
    assert "birth" in en and day in en and not ISO.search(en), en
    hits = json.loads(run("fr", PASSWORDS["clerk"], *base, "--json"))["hits"]
    assert hits and all(h["kind"] == "birth" and ISO.fullmatch(h["event_date"]) for h in hits)


def test_mention_rules_in_words(store_path, run) -> None:
    base = ("mention", "rules", "--store", str(store_path), "--user", "registrar")
    fr = run("fr", PASSWORDS["registrar"], *base)
    assert "divorce : en marge de l'acte de naissance ou de mariage ; à fournir : " in fr, fr
    assert "changement de nom : " in fr and "source : " in fr, fr
    for code in ("related_ref", "needs", "name_change", " on birth", "(to confirm)"):
        assert code not in fr, (code, fr)
    en = run("en", PASSWORDS["registrar"], *base)
    assert "change of name: in the margin of the birth act" in en, en
    assert "related_ref" not in en and "name_change" not in en, en
    rules = json.loads(run("fr", PASSWORDS["registrar"], *base, "--json"))
    assert "related_ref" in rules["marriage"]["needs"]


def test_expected_births_in_words(store_path, run) -> None:
    s = ("--store", str(store_path), "--user", "admin")
    said = run("fr", PASSWORDS["admin"], "stats", "expected", "set", *s, "--commune", "11",
               "--year", "2025", "--births", "1250")  # fmt: skip
    assert said.strip() == "Naissances attendues en 2025 dans la commune 11 : 1\u202f250."
    fr = run("fr", PASSWORDS["admin"], "stats", "expected", "list", *s)
    assert fr.strip() == "11  2025  1\u202f250 naissance(s) attendue(s)", fr
    en = run("en", PASSWORDS["admin"], "stats", "expected", "list", *s)
    assert en.strip() == "11  2025  1,250 birth(s) expected", en
    rows = json.loads(run("en", PASSWORDS["admin"], "stats", "expected", "list", *s, "--json"))
    assert rows == [{"commune": "11", "year": 2025, "births": 1250, "basis": ""}]


def test_quarantine_list_in_words(tmp_path: Path, run) -> None:
    from civreg.models.office import Office as OfficeRow
    from civreg.security.audit import content_hash
    from civreg.security.signing_power import office_signing_key
    from civreg.services.transmission import export_batch, import_batches
    from civreg.sync.reader import open_batch
    from civreg.sync.writer import write_batch

    a, district = new_commune(tmp_path, "11"), new_district(tmp_path)
    try:
        trust(district, a, tmp_path)
        gid = commune_register(a, commune_birth("KABORE", "Paul", 2))
        first = tmp_path / "a1.civbatch"
        export_batch(a.registrar, first)
        import_batches(district.admin, [first], receipt_dir=tmp_path)
        with a.admin.store.read() as s:
            row = s.query(OfficeRow).one()
            key = office_signing_key(s, row)
        act = next(
            r
            for r in open_batch(first.read_bytes(), lambda o, k: ("trusted", key.public_key()))
            if r["type"] == "act"
        )
        changed = {**act, "content": {**act["content"], "event_place": "Maternité"}}
        changed["content_hash"] = content_hash(changed["content"])
        forged = tmp_path / f"{uuid.uuid4().hex}.civbatch"
        forged.write_bytes(
            write_batch(
                [changed], office_id=a.office_id, sequence=2, change_range=(50, 50), signing_key=key
            )
        )
        import_batches(district.admin, [forged], receipt_dir=tmp_path)
        path = str(district.path)
    finally:
        a.close()
        district.close()
    base = ("quarantine", "list", "--store", path, "--user", "officer")
    fr = run("fr", PW, *base)
    assert f"acte {gid} — diffère de l'acte déjà détenu (à examiner)" in fr, fr
    assert not ISO.search(fr) and "differs" not in fr and " open" not in fr, fr
    en = run("en", PW, *base)
    assert f"act {gid} — differs from the act already held (open)" in en, en
    items = json.loads(run("fr", PW, *base, "--json"))
    assert [(i["record_type"], i["reason"], i["status"]) for i in items] == [
        ("act", "differs", "open")
    ]


def test_register_list_says_when_each_register_can_be_closed(store_path, login, run) -> None:
    from datetime import date

    from civreg.services.registers import close_register, start_register

    admin, registrar = login("admin"), login("registrar")
    year = date.today().year
    start_register(admin, centre="01", kind="birth", year=year - 1, first_number=5)
    start_register(admin, centre="01", kind="birth", year=year + 1, first_number=7)
    start_register(admin, centre="01", kind="death", year=year - 1, first_number=1)
    close_register(registrar, centre="01", kind="death", year=year - 1)
    base = ("register", "list", "--store", str(store_path), "--user", "clerk")
    lines = {
        lang: {
            tuple(line.split()[1:3]): line
            for line in run(lang, PASSWORDS["clerk"], *base).splitlines()[1:]
        }
        for lang in ("fr", "en")
    }
    fr, en = lines["fr"], lines["en"]

    def says(line: str, words: str) -> bool:
        return re.search(rf"\s{words}$", re.sub(r"\s+", " ", line)) is not None

    assert says(fr[("naissances", str(year - 1))], "ouvert possible dès maintenant")
    assert says(fr[("naissances", str(year + 1))], f"ouvert à partir du 31/12/{year + 1}")
    assert says(fr[("décès", str(year - 1))], "clos le .* —")
    assert says(en[("births", str(year - 1))], "open possible now")
    assert says(en[("births", str(year + 1))], f"open from 31/12/{year + 1}")
    rows = json.loads(run("en", PASSWORDS["clerk"], *base, "--json"))
    assert all("closable" not in k for row in rows for k in row)  # machine output unchanged


def test_batch_times_in_local_time_with_the_zone(store_path, login, run, tmp_path, monkeypatch):
    """``transmission status`` shows when a batch was made in the computer's time and zone;
    ``--json`` (and the store) keep UTC."""
    import time
    from datetime import datetime, timedelta

    from civreg.services.transmission import export_batch

    clerk, registrar = login("clerk"), login("registrar")
    register(clerk, registrar, birth(days_ago(10)))
    export_batch(registrar, tmp_path / "lot.civreg-batch")
    monkeypatch.setenv("TZ", "CAT-2")  # Lubumbashi: two hours ahead of UTC
    time.tzset()
    try:
        base = ("transmission", "status", "--store", str(store_path), "--user", "registrar")
        status = json.loads(run("fr", PASSWORDS["registrar"], *base, "--json"))
        stored = datetime.fromisoformat(status["batches"][0]["created_at"])
        local = (stored + timedelta(hours=2)).strftime("%d/%m/%Y %H:%M")
        assert f"lot n° 1  {local} CAT  " in run("fr", PASSWORDS["registrar"], *base)
        assert f"batch no. 1  {local} CAT  " in run("en", PASSWORDS["registrar"], *base)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_users_list_says_roles_and_states_in_words(store_path, run) -> None:
    base = ("users", "list", "--store", str(store_path), "--user", "admin")

    def described(out: str) -> dict[str, str]:  # username -> what follows it
        return dict(line.split(maxsplit=1) for line in out.splitlines() if line.strip())

    fr = described(run("fr", PASSWORDS["admin"], *base))
    assert fr["registrar"] == "officier de l'état civil — signe les actes", fr
    assert fr["clerk"] == "agent d'état civil", fr
    assert "administrateur" in fr["admin"], fr
    en = described(run("en", PASSWORDS["admin"], *base))
    assert en["registrar"] == "registrar — signs acts", en
    assert en["district"].startswith("district officer"), en
    rows = json.loads(run("fr", PASSWORDS["admin"], *base, "--json"))
    assert any(r["roles"] == ["registrar"] for r in rows), rows
