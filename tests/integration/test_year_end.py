"""The registrar's year end: closing a register stops its numbering and prints its closing
statement; the annual and ten-year tables list every act once in French alphabetical order;
the second original verifies with the office's signature and a changed byte is caught."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.domain.names import normalize
from tests.conftest import PASSWORDS
from tests.integration.acts_support import received_day
from tests.integration.transmission_support import birth

REGISTERED = date(2025, 6, 20)
CLOSED = date(2026, 1, 5)
# (family, given, sex): accents, case, apostrophes and spaces that must not change the order
NAMES = [
    ("OUÉDRAOGO", "Paul", 1),
    ("OUEDRAOGO", "Awa", 2),
    ("Ouedraogo", "Éric", 1),
    ("N'DRI", "Koffi", 1),
    ("NDRI", "Ama", 2),
    ("ÉLOI", "Marc", 1),
    ("ELOI", "Luc", 1),
    ("KABORÉ", "Zoé", 2),
    ("KABORE", "Adama", 1),
    ("LE BLANC", "Jean", 1),
    ("LEBLANC", "Anne", 2),
]


def _birth(family: str, given: str, sex: int, day: int) -> ActInput:
    data = birth(family, given, day)
    return replace(
        data,
        persons=tuple(replace(p, sex=sex) if p.role == "child" else p for p in data.persons),
    )


def _register(ctx, data: ActInput, today: date = REGISTERED):
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act

    return register_act(
        ctx, create_draft(ctx, data, today=received_day(data, today)).id, today=today
    )


def _death(day: int) -> ActInput:
    return ActInput(
        kind=ActKind.DEATH,
        event_date=f"2025-06-{day:02d}",
        event_time="04:00",
        event_place="Koudougou",
        declaration_date="2025-06-19",
        persons=(
            Person(
                role="deceased",
                family_name="ZONGO",
                given_names="Adama",
                sex=1,
                birth_date="1950-01-01",
            ),
            Person(
                role="declarant",
                family_name="ZONGO",
                given_names="Issa",
                sex=1,
                capacity="relative",
            ),
        ),
        details={
            "cause": {
                "part1": [{"text": "Paludisme grave", "interval": "5 jours", "icd10": "B50.9"}],
                "part2": [],
            }
        },
    )


@pytest.fixture
def year(login):
    """A registrar with the births of NAMES, a death and a cancelled birth in 2025."""
    from civreg.services.mentions import add_mention

    ctx = login("registrar")
    views = [_register(ctx, _birth(f, g, s, 1 + i)) for i, (f, g, s) in enumerate(NAMES)]
    _register(ctx, _death(10))
    add_mention(
        ctx,
        views[3].id,
        kind="cancellation",
        when=REGISTERED.isoformat(),
        text="Acte annulé par jugement.",
        authority="Tribunal de grande instance de Koudougou",
        reference="J-12/2025",
        today=REGISTERED,
    )
    return ctx, views


def _text(pdf: bytes | Path) -> str:
    import io

    src = io.BytesIO(pdf) if isinstance(pdf, bytes) else str(pdf)
    return "\n".join(p.extract_text() for p in PdfReader(src).pages)


def test_closing_stops_the_numbering_and_prints_the_closing_statement(year) -> None:
    from civreg.errors import Conflict
    from civreg.services.registers import close_register
    from civreg.services.year_end import annual_register

    ctx, _views = year
    draft = _birth("SOME", "Luc", 1, 18)
    open_register = annual_register(ctx, year=2025, kind="birth", today=CLOSED)
    text = _text(open_register.pdf)
    assert "Registre non clos" in text and "Arrêté le présent registre" not in text
    close_register(ctx, centre="01", kind="birth", year=2025, today=CLOSED)
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act

    pending = create_draft(ctx, draft, today=received_day(draft, REGISTERED))
    with pytest.raises(Conflict) as refused:
        register_act(ctx, pending.id, today=date(2025, 12, 31))
    assert "clos" in refused.value.message("fr")
    doc = annual_register(ctx, year=2025, kind="birth", today=CLOSED)
    assert doc.acts == len(NAMES)
    text = _text(doc.pdf)
    assert (
        f"Arrêté le présent registre à {len(NAMES)} actes, du n° 0001 au n° 00{len(NAMES)}" in text
    )
    assert "Officier Test" in text and "Sceau" in text
    # every act in number order, as entered, with its mentions (the cancelled one says so)
    positions = [text.index(f"N° {n:04d}") for n in range(1, len(NAMES) + 1)]
    assert positions == sorted(positions)
    assert "ACTE ANNULÉ" in text and "Acte annulé par jugement." in text
    # the register's alphabetical table follows
    assert "Table alphabétique" in text


def test_annual_and_ten_year_tables_list_every_act_once_in_french_order(year, tmp_path) -> None:
    from civreg.domain.collation import name_sort_key
    from civreg.services.year_end import alphabetical_tables

    ctx, views = year
    out = tmp_path / "tables.pdf"
    tables = alphabetical_tables(ctx, year=2025, out=out, today=CLOSED)
    births, marriages, deaths = tables.sections
    assert out.read_bytes() == tables.pdf and tables.pages >= 1
    main = [e for e in births.entries if e.main]
    assert sorted(e.act for e in main) == sorted(v.global_id for v in views)  # each act once
    assert len({e.act for e in main}) == len(main)
    got = [(e.family, e.given) for e in main]
    expected = sorted(
        ((f.upper(), g) for f, g, _s in NAMES), key=lambda n: name_sort_key(n[0], n[1])
    )
    assert got == expected
    # French order: accents, case and separators ignored, then the given names decide
    assert got[:2] == [("ELOI", "Luc"), ("ÉLOI", "Marc")]
    assert [normalize(f).replace(" ", "") for f, _g in got] == sorted(
        normalize(f).replace(" ", "") for f, _g in got
    )
    assert got.index(("NDRI", "Ama")) < got.index(("N'DRI", "Koffi"))
    assert got.index(("LEBLANC", "Anne")) < got.index(("LE BLANC", "Jean"))
    cancelled = next(e for e in main if e.act == views[3].global_id)
    assert cancelled.nature.endswith("annulé")
    assert [e.family for e in deaths.entries] == ["ZONGO"] and not marriages.entries
    text = _text(out)
    assert "TABLE ANNUELLE" in text and "OUEDRAOGO" in text
    decade = alphabetical_tables(ctx, decade=2021, kinds=("birth",), today=CLOSED)
    (section,) = decade.sections
    assert [e.act for e in section.entries] == [e.act for e in births.entries]
    assert section.entries[0].number.startswith("2025 / ")
    assert "TABLE DÉCENNALE" in _text(decade.pdf)


def test_marriage_tables_list_each_act_once_and_refer_from_the_second_spouse(login) -> None:
    from civreg.services.year_end import alphabetical_tables
    from tests.integration.transmission_support import marriage

    ctx = login("registrar")
    view = _register(ctx, marriage("", ""))
    (section,) = alphabetical_tables(ctx, year=2025, kinds=("marriage",), today=CLOSED).sections
    assert [(e.family, e.main) for e in section.entries] == [("KABORE", True), ("ZONGO", False)]
    assert {e.act for e in section.entries} == {view.global_id}
    assert section.entries[0].nature == "mariage avec ZONGO Alice"


def test_second_original_verifies_with_the_office_signature(year, tmp_path) -> None:
    from civreg.errors import CivregError
    from civreg.security.office_keys import TrustList, read_public_key_file
    from civreg.services.keys import export_public_key
    from civreg.services.registers import close_register
    from civreg.services.year_end_court import second_original
    from civreg.sync.second_original import verify_folder

    ctx, _views = year
    folder = tmp_path / "greffe-2025"
    with pytest.raises(CivregError) as not_closed:
        second_original(ctx, year=2025, out_dir=folder, today=CLOSED)
    assert "n'est pas clos" in not_closed.value.message("fr")
    assert not folder.exists()  # nothing half-written
    for kind in ("birth", "death"):
        close_register(ctx, centre="01", kind=kind, year=2025, today=CLOSED)
    result = second_original(ctx, year=2025, out_dir=folder, today=CLOSED)
    assert result.registers == (("birth", 2025, len(NAMES)), ("death", 2025, 1))
    from civreg.services.store_access import login as do_login

    admin = do_login(ctx.store.path, "admin", PASSWORDS["admin"])
    try:
        public = export_public_key(admin, tmp_path / "office-key.json")
    finally:
        admin.close()
    trust = TrustList([read_public_key_file(public)])
    verdict = verify_folder(folder, trust)
    assert verdict.ok, verdict.problems
    assert [
        (r["kind"], r["acts"], r["first_number"], r["last_number"]) for r in verdict.registers
    ] == [
        ("birth", len(NAMES), 1, len(NAMES)),
        ("death", 1, 1, 1),
    ]
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["withheld"] == ["details.cause"]
    # the machine-readable file: acts as batch records, mentions too; no medical cause
    records = [
        json.loads(line)
        for line in (folder / "BF-11-01-D-2025.records.jsonl")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    assert [r["type"] for r in records] == ["act"]
    assert "cause" not in records[0]["content"]["details"]
    assert "Paludisme" not in (folder / "BF-11-01-D-2025.pdf").read_bytes().decode("latin-1")
    births = (folder / "BF-11-01-N-2025.records.jsonl").read_text(encoding="utf-8")
    assert '"type":"mention"' in births and '"kind":"cancellation"' in births
    assert "Arrêté le présent registre" in _text(folder / "BF-11-01-N-2025.pdf")

    # an unknown key, a changed byte, a missing or an added file: not valid
    other = verify_folder(folder, TrustList())
    assert not other.ok and other.key_status == "unknown"
    pdf = folder / "BF-11-01-N-2025.pdf"
    original = pdf.read_bytes()
    pdf.write_bytes(original[:-10] + b"0" + original[-9:])
    assert "hash_mismatch:BF-11-01-N-2025.pdf" in verify_folder(folder, trust).problems
    pdf.write_bytes(original)
    jsonl = folder / "BF-11-01-N-2025.records.jsonl"
    kept = jsonl.read_bytes()
    jsonl.write_bytes(kept.replace(b"OUEDRAOGO", b"OUEDRAOGA", 1))
    assert not verify_folder(folder, trust).ok
    jsonl.write_bytes(kept)
    (folder / "extra.txt").write_text("x")
    assert "unlisted:extra.txt" in verify_folder(folder, trust).problems
    (folder / "extra.txt").unlink()
    assert verify_folder(folder, trust).ok
    manifest_file = folder / "manifest.json"
    manifest_file.write_bytes(manifest_file.read_bytes().replace(b'"acts":1,', b'"acts":2,'))
    assert not verify_folder(folder, trust).ok
    # a folder already used is refused
    with pytest.raises(CivregError):
        second_original(ctx, year=2025, out_dir=folder, today=CLOSED)


def test_command_line_year_end(year, tmp_path, capsys) -> None:
    from civreg.cli import main
    from civreg.services.registers import close_register

    ctx, _views = year
    store = str(ctx.store.path)
    for kind in ("birth", "death"):
        close_register(ctx, centre="01", kind=kind, year=2025, today=CLOSED)
    os.environ["CIVREG_PASSWORD"] = PASSWORDS["registrar"]
    try:
        out = tmp_path / "t.pdf"
        args = ["--store", store, "--user", "registrar"]
        assert main(["tables", *args, "--year", "2025", "--out", str(out)]) == 0
        assert out.read_bytes().startswith(b"%PDF")
        assert main(["tables", *args, "--out", str(out)]) == 1  # neither --year nor --decade
        reg = tmp_path / "n.pdf"
        assert (
            main(
                [
                    "register",
                    "annual",
                    *args,
                    "--year",
                    "2025",
                    "--kind",
                    "birth",
                    "--out",
                    str(reg),
                ]
            )
            == 0
        )
        so = tmp_path / "so"
        capsys.readouterr()
        cmd = ["--lang", "fr", "register", "second-original", *args, "--year", "2025"]
        assert main([*cmd, "--out", str(so)]) == 0
        said = capsys.readouterr().out
        assert "naissances 11, décès 1" in said and "birth" not in said  # in words
        os.environ["CIVREG_PASSWORD"] = PASSWORDS["admin"]
        key = tmp_path / "key.json"
        assert (
            main(["keys", "export-public", "--store", store, "--user", "admin", "--out", str(key)])
            == 0
        )
        capsys.readouterr()
        assert (
            main(
                ["--lang", "fr", "register", "verify-second-original", str(so), "--trust", str(key)]
            )
            == 0
        )
        said = capsys.readouterr().out
        assert "VALIDE" in said and "naissances 2025 (11 actes)" in said and "birth" not in said
        # a changed byte: the registrar reads which file and what is wrong, in words
        records = next(so.glob("*-N-2025.records.jsonl"))
        data = bytearray(records.read_bytes())
        data[200] = ord("X") if data[200] != ord("X") else ord("Y")
        records.write_bytes(bytes(data))
        assert (
            main(
                ["--lang", "fr", "register", "verify-second-original", str(so), "--trust", str(key)]
            )
            == 1
        )
        said = capsys.readouterr().out
        assert f"{records.name} : fichier modifié depuis sa signature" in said, said
        assert "mismatch" not in said and "trusted" not in said and "clé de confiance" in said
        (so / "manifest.json").write_text("{}")
        assert (
            main(
                ["--lang", "fr", "register", "verify-second-original", str(so), "--trust", str(key)]
            )
            == 1
        )
        assert "INVALIDE" in capsys.readouterr().out
    finally:
        os.environ.pop("CIVREG_PASSWORD", None)


def test_documents_asked_into_a_missing_folder_say_so_and_write_nothing(
    year, tmp_path, capsys
) -> None:
    """An output in a folder that does not exist (or a folder that is a file) gets a message
    naming it, before any work; nothing is written and nothing is audited."""
    from sqlalchemy import text

    from civreg.cli import main
    from civreg.services.registers import close_register

    ctx, _views = year
    for kind in ("birth", "death"):
        close_register(ctx, centre="01", kind=kind, year=2025, today=CLOSED)
    with ctx.store.read() as s:
        audited = s.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
    store = str(ctx.store.path)
    missing = tmp_path / "nowhere" / "x.pdf"
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    os.environ["CIVREG_PASSWORD"] = PASSWORDS["registrar"]
    args = ["--lang", "fr"]
    who = ["--store", store, "--user", "registrar", "--year", "2025"]
    try:
        for cmd in (
            ["stats", *who, "--pdf", str(missing)],
            ["stats", *who, "--dhis2", str(missing)],
            ["tables", *who, "--out", str(missing)],
            ["register", "annual", *who, "--kind", "birth", "--out", str(missing)],
            ["register", "second-original", *who, "--out", str(a_file)],
            ["stats", *who, "--tables", str(a_file)],
        ):
            capsys.readouterr()
            assert main([*args, *cmd]) == 1, cmd
            err = capsys.readouterr().err
            assert "inattendue" not in err and "Error" not in err, err
            named = "nowhere" if "a-file" not in cmd[-1] else "a-file"
            assert named in err and "dossier" in err, err
    finally:
        os.environ.pop("CIVREG_PASSWORD", None)
    assert not (tmp_path / "nowhere").exists()
    assert a_file.read_text() == ""
    with ctx.store.read() as s:
        after = s.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
    assert after == audited  # no export, no second original recorded
