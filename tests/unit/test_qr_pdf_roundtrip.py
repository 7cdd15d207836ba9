"""The printed QR code itself: rasterise the PDF, decode it optically, verify the signature."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from civreg.certificates import samples
from civreg.certificates.data import CopyKind
from civreg.certificates.qr_payload import QrSigner, make_payload
from civreg.certificates.render import render_pdf
from civreg.certificates.verify import (
    CertificateUnreadable,
    ContentCheck,
    pdftoppm_available,
    verify_pdf,
)
from civreg.certificates.verify import VerificationStatus as S
from civreg.security.office_keys import (
    TrustList,
    generate_office_key,
    read_public_key_file,
    write_public_key_file,
)

needs_pdftoppm = pytest.mark.skipif(
    not pdftoppm_available(), reason="pdftoppm missing: apt-get install poppler-utils"
)


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    key = generate_office_key()
    folder = tmp_path_factory.mktemp("keys")
    write_public_key_file(folder / "BF-11-01.json", "BF-11-01", "BF", key.public_key(),
                          dt.date(2025, 1, 1))  # fmt: skip
    return QrSigner("BF-11-01", key), TrustList.from_directory(folder), folder


@needs_pdftoppm
def test_printed_code_decodes_and_verifies(tmp_path, office):
    signer, trust, _ = office
    items = [samples.sample_birth(), samples.sample_marriage(CopyKind.EXTRACT),
             samples.cancelled(samples.sample_death(specimen=False))]  # fmt: skip
    pdf = tmp_path / "lot.pdf"
    render_pdf(items, pdf, signer)
    results = verify_pdf(pdf, trust, method="image")
    assert [r.status for r in results] == [S.VALID] * 3
    assert [r.fields.global_id for r in results] == [d.global_id for d in items]
    assert [r.page for r in results] == [1, 2, 3]
    assert results[0].fields.names == ("SAWADOGO Ibrahim Wendkouni",)
    assert results[1].fields.names == ("N'DRI Kouassi Jean-Baptiste", "OUÉDRAOGO Awa")
    assert "act_cancelled" in results[2].warnings and results[2].fields.status == "A"
    # the text of each copy's pages gives the digest its printed code signs
    assert [r.content for r in results] == [ContentCheck.MATCH] * 3


@needs_pdftoppm
def test_printed_code_at_low_resolution_matches_the_payload(tmp_path, office):
    """At 100 dpi (a cheap scan) the code still decodes to exactly the signed text."""
    signer, _, _ = office
    data = samples.sample_birth(CopyKind.EXTRACT)
    pdf = tmp_path / "one.pdf"
    render_pdf([data], pdf, signer)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), f"{tmp}/p"], check=True)
        with Image.open(Path(tmp) / "p-1.png") as image:
            codes = zxingcpp.read_barcodes(image)
    assert [c.text for c in codes] == [make_payload(data, signer)]


@needs_pdftoppm
def test_unknown_and_revoked_keys_from_the_pdf(tmp_path, office):
    signer, _, folder = office
    pdf = tmp_path / "one.pdf"
    render_pdf([samples.sample_death()], pdf, signer)
    stranger = generate_office_key()
    other = tmp_path / "other"
    other.mkdir()
    write_public_key_file(other / "x.json", "BF-11-02", "BF", stranger.public_key(),
                          dt.date(2025, 1, 1))  # fmt: skip
    assert verify_pdf(pdf, TrustList.from_directory(other))[0].status is S.UNKNOWN_OFFICE
    from dataclasses import replace

    key = read_public_key_file(folder / "BF-11-01.json")
    revoked = TrustList([replace(key, revoked=True)])
    assert verify_pdf(pdf, revoked)[0].status is S.REVOKED_KEY


def test_text_layer_fallback_reads_the_same_payloads(tmp_path, office):
    signer, trust, _ = office
    items = [samples.sample_birth(), samples.sample_death(CopyKind.EXTRACT)]
    pdf = tmp_path / "lot.pdf"
    render_pdf(items, pdf, signer)
    results = verify_pdf(pdf, trust, method="text")
    assert [r.status for r in results] == [S.VALID, S.VALID]
    assert [r.fields.global_id for r in results] == [d.global_id for d in items]


def test_pdf_without_code_or_not_a_pdf_is_refused(tmp_path, office):
    _, trust, _ = office
    unsigned = tmp_path / "draft.pdf"
    render_pdf([samples.sample_birth()], unsigned, None)
    with pytest.raises(CertificateUnreadable):
        verify_pdf(unsigned, trust, method="text")
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf at all")
    with pytest.raises(CertificateUnreadable):
        verify_pdf(junk, trust, method="text")


@needs_pdftoppm
def test_segno_fallback_draws_a_code_that_reads_the_same(tmp_path, office, monkeypatch):
    """Without zxing-cpp's encoder the code is drawn from segno's matrix: same payload."""
    from civreg.certificates import qr_draw

    signer, trust, _ = office
    data = samples.sample_death(CopyKind.EXTRACT)
    zxing = qr_draw.qr_matrix(make_payload(data, signer))
    monkeypatch.setattr(qr_draw, "_zxing_rows", lambda text: None)
    segno = qr_draw.qr_matrix(make_payload(data, signer))
    assert len(segno) == len(zxing) and all(set(row) <= {0, 1} for row in segno + zxing)
    pdf = tmp_path / "segno.pdf"
    render_pdf([data], pdf, signer)
    (result,) = verify_pdf(pdf, trust, method="image")
    assert result.status is S.VALID and result.content is ContentCheck.MATCH
