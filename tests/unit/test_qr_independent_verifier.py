"""civreg's QR codes, as an outsider reads them: the verifier in tests/independent/ was
written from docs/qr-payload.md alone and imports nothing from civreg."""

from __future__ import annotations

import ast
import datetime as dt
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pypdf
import pytest

from civreg.certificates import samples
from civreg.certificates.data import CopyKind
from civreg.certificates.qr_payload import QrSigner
from civreg.certificates.render import render_pdf
from civreg.security.office_keys import generate_office_key, public_key_file
from tests.independent import qr_verifier as outsider

ROOT = Path(__file__).resolve().parents[2]
VECTORS = ROOT / "docs" / "test-vectors" / "qr"


def test_the_independent_verifier_imports_nothing_from_civreg() -> None:
    tree = ast.parse((ROOT / "tests" / "independent" / "qr_verifier.py").read_text())
    modules = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            modules.add(node.module or "")
    assert not any(m.split(".")[0] == "civreg" for m in modules), modules


def test_every_published_vector_gives_its_verdict_fields_and_content_check() -> None:
    trust = outsider.load_trust(VECTORS / "trust-bundle.json")
    doc = json.loads((VECTORS / "vectors.json").read_text(encoding="utf-8"))
    now = dt.date.fromisoformat(doc["verified_on"])
    versions = set()
    for vector in doc["vectors"]:
        status, fields, _warnings = outsider.verify(vector["payload"], trust, now)
        assert status == vector["expected"], vector["name"]
        assert fields == vector["fields"], vector["name"]
        if fields:
            versions.add(fields["v"])
        if "content_check" in vector:
            same = outsider.digest("\n".join(vector["content"])) == fields["h"]
            assert same == (vector["content_check"] == "match"), vector["name"]
        if "pdf" in vector:
            (copy,) = outsider.copies_of_pdf(VECTORS / vector["pdf"])
            assert outsider.digest(copy) == fields["h"]
    assert versions == {1, 2}


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    key = generate_office_key()
    signer = QrSigner("BF-11-01", key)
    bundle = tmp_path_factory.mktemp("trust") / "bundle.json"
    doc = public_key_file("BF-11-01", "BF", key.public_key(), dt.date(2025, 1, 1))
    bundle.write_text(json.dumps([doc]), encoding="utf-8")
    return signer, outsider.load_trust(bundle)


def _real(data):
    return replace(data, copy=replace(data.copy, specimen=False))


def test_fresh_copies_of_every_kind_verify_with_their_content(office, tmp_path) -> None:
    signer, trust = office
    many = tuple(
        samples.mention("rectification", dt.date(2025, 5, 1 + i), "texte " * 30) for i in range(20)
    )
    long_birth = samples.sample_birth()
    long_birth = replace(long_birth, record=replace(long_birth.record, mentions=many))
    items = [
        _real(samples.sample_birth(CopyKind.EXTRACT)),
        _real(long_birth),  # two pages: the content runs over the page break
        _real(samples.sample_marriage()),
        _real(samples.cancelled(samples.sample_death(CopyKind.EXTRACT))),
        _real(samples.sample_cd_birth(CopyKind.FULL)),
    ]
    pdf = tmp_path / "lot.pdf"
    pages = render_pdf(items, pdf, signer)
    _texts, code_pages = outsider.legal_content_of_pdf(pdf)
    assert pages >= 6 and code_pages[0] == 1 and code_pages[1] >= 3 and code_pages[-1] == pages
    codes = []
    for page in pypdf.PdfReader(pdf).pages:
        codes += re.findall(r"CR2:[0-9A-Z $%*+\-./:]+", page.extract_text())
    contents = outsider.copies_of_pdf(pdf)
    assert len(codes) == len(contents) == len(items)
    for data, code, content in zip(items, codes, contents, strict=True):
        status, fields, warnings = outsider.verify(code, trust, dt.date(2025, 6, 3))
        assert status == "VALID"
        assert fields["id"] == data.global_id and fields["c"] == data.copy.number
        assert outsider.digest(content) == fields["h"]
        last = data.record.mentions[-1] if data.record.mentions else None
        assert (fields["mk"], fields["md"]) == ((last.kind, last.date) if last else ("", ""))
        assert ("cancelled" in warnings) == (data.status == "cancelled")


def test_an_altered_document_does_not_match_its_code(office, tmp_path) -> None:
    """A forger reprints a genuine copy with another name, keeping the genuine QR code: the
    code still verifies, the content does not."""
    signer, trust = office
    genuine = _real(samples.sample_birth(CopyKind.EXTRACT))
    buf = io.BytesIO()
    render_pdf([genuine], buf, signer)
    (tmp_path / "genuine.pdf").write_bytes(buf.getvalue())
    text = pypdf.PdfReader(tmp_path / "genuine.pdf").pages[0].extract_text()
    code = re.search(r"CR2:[0-9A-Z $%*+\-./:]+", text).group(0)
    child = replace(genuine.record.act.persons[0], given_names="Ibrahima Wendkouni")
    act = replace(genuine.record.act, persons=(child, *genuine.record.act.persons[1:]))
    forged = replace(genuine, record=replace(genuine.record, act=act))
    render_pdf([forged], tmp_path / "forged.pdf", QrSigner("BF-11-01", generate_office_key()))
    (content,) = outsider.copies_of_pdf(tmp_path / "forged.pdf")
    status, fields, _ = outsider.verify(code, trust, dt.date(2025, 6, 3))
    assert status == "VALID" and outsider.digest(content) != fields["h"]
    (original,) = outsider.copies_of_pdf(tmp_path / "genuine.pdf")
    assert outsider.digest(original) == fields["h"]
