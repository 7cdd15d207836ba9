"""Rendered PDFs: every field and mention is printed, and what must never be printed is not."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from dataclasses import replace

import pypdf
import pytest

from civreg.certificates import data as certdata
from civreg.certificates import samples
from civreg.certificates.data import (
    ActKind,
    CertificateData,
    CertificateDataError,
    CopyKind,
    PartialDate,
    Person,
    Role,
    Sex,
)
from civreg.certificates.fonts import SANS
from civreg.certificates.qr_payload import QrSigner
from civreg.certificates.render import render_one, render_pdf
from civreg.certificates.text_wrap import wrap_text
from civreg.security.office_keys import generate_office_key


@pytest.fixture(scope="module")
def signer() -> QrSigner:
    return QrSigner("BF-11-01", generate_office_key())


def pages_text(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages]


def text_of(data: CertificateData, signer: QrSigner | None = None) -> str:
    return " ".join(pages_text(render_one(data, signer)))


def test_full_birth_copy_prints_every_field_and_mention(signer):
    data = samples.sample_birth()
    text = text_of(data, signer)
    for expected in (
        "BURKINA FASO", "Unité – Progrès – Justice", "Commune de Koudougou",
        "Centre principal", "année 2025", "Acte n° 0038", "BF-11-01-N-2025-000038",
        "COPIE INTÉGRALE D'ACTE DE NAISSANCE", "SAWADOGO Ibrahim Wendkouni", "masculin",
        "le douze mars deux mille vingt-cinq à quatorze heures trente",
        "Centre médical avec antenne chirurgicale (CMA) de Koudougou", "simple",
        "n° 512/2025", "SAWADOGO Paul", "né en juillet mille neuf cent quatre-vingt-huit à Réo",
        "cultivateur", "Koudougou, secteur 4", "burkinabè", "CNIB B1234567",
        "KIENDRÉBÉOGO-OUÉDRAOGO Éléonore", "née vers mille neuf cent quatre-vingt-quatorze",
        "commerçante", "père", "le quatorze mars deux mille vingt-cinq à dix heures trente",
        "ZONGO Aminata", "Officier de l'état civil", "Rectification",
        "le prénom « Wendkuni » est rectifié en « Wendkouni »", "ord. 45/2025",
        "Pour copie conforme, délivré à Koudougou le 2 juin 2025", "Copie n° 1",
        "à la demande de : le père", "Sceau", "CR1:",
    ):  # fmt: skip
        assert expected in text, expected


def test_extract_omits_parent_details_and_declarant(signer):
    text = text_of(samples.sample_birth(CopyKind.EXTRACT), signer)
    assert "EXTRAIT D'ACTE DE NAISSANCE" in text
    assert "SAWADOGO Paul" in text and "KIENDRÉBÉOGO-OUÉDRAOGO Éléonore" in text
    for detail in ("cultivateur", "commerçante", "CNIB", "Koudougou, secteur 4", "LE DÉCLARANT"):
        assert detail not in text, detail
    assert "1 autre(s) mention(s) : voir la copie intégrale" in text
    assert "Pour extrait conforme" in text


def test_marriage_copies(signer):
    full = text_of(samples.sample_marriage(), signer)
    for expected in (
        "COPIE INTÉGRALE D'ACTE DE MARIAGE", "N'DRI Kouassi Jean-Baptiste", "OUÉDRAOGO Awa",
        "monogamie", "communauté de biens", "le huit mars deux mille vingt-cinq à neuf heures",
        "Mairie de Koudougou", "BAMOGO Issa", "YAMÉOGO Clarisse", "Père de l'épouse",
        "OUÉDRAOGO Salif", "née en mille neuf cent quatre-vingt-dix-sept à Koudougou", "Néant",
    ):  # fmt: skip
        assert expected in full, expected
    extract = text_of(samples.sample_marriage(CopyKind.EXTRACT), signer)
    assert "EXTRAIT D'ACTE DE MARIAGE" in extract and "monogamie" in extract
    assert "BAMOGO" not in extract  # witnesses only on the full copy


def test_death_copy_never_prints_a_cause_of_death(signer):
    for copy in CopyKind:
        text = text_of(samples.sample_death(copy, specimen=False), signer)
        assert "KABORÉ Dieudonné" in text and "vers mille neuf cent cinquante" in text
        assert "n° 112/2025 du 13 mars 2025, Tribunal de grande instance" in text
        words = re.sub(r"CR1:\S+", "", text)  # the base45 payload is not prose
        assert not re.search(r"\b(cause|CIM-?10|ICD-?10|médical)", words, re.IGNORECASE)


def test_the_data_model_cannot_hold_a_cause_of_death():
    types = [certdata.CertificateData, certdata.Person, certdata.Mention, certdata.Judgment,
             certdata.Transcription, certdata.MarriageDetails, certdata.Registrar]  # fmt: skip
    names = {f.name for cls in types for f in dataclasses.fields(cls)}
    assert not {n for n in names if "cause" in n or "icd" in n or "medical" in n}
    with pytest.raises(TypeError):
        replace(samples.sample_death(), cause_of_death="x")


def test_specimen_on_every_page_and_not_on_real_copies(signer):
    long_act = replace(
        samples.sample_birth(),
        mentions=tuple(
            certdata.Mention(dt.date(2025, 5, 1 + i % 28), "Rectification", "texte " * 40)
            for i in range(25)
        ),
    )
    pdf = render_one(long_act, signer)
    pages = pages_text(pdf)
    assert len(pages) >= 2
    assert all("SPECIMEN" in p for p in pages)
    assert "(suite)" in pages[1] and "CR1:" in pages[-1] and "CR1:" not in pages[0]
    # Text continued after a page break keeps its size (the canvas resets fonts per page).
    sizes: set[float] = set()

    def visit(text, cm, tm, font, size):
        if "texte" in text:
            sizes.add(round(size * tm[0], 1))

    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    assert sizes == {9.5}
    real = pages_text(render_one(samples.sample_birth(specimen=False), signer))
    assert not any("SPECIMEN" in p for p in real)


def test_cancelled_act_is_marked_with_its_mention(signer):
    for copy in CopyKind:
        text = text_of(samples.cancelled(samples.sample_death(copy, specimen=False)), signer)
        assert "ACTE ANNULÉ" in text
        assert "acte annulé par jugement (double déclaration)" in text and "jgt 201/2025" in text
    assert "ANNULÉ" not in text_of(samples.sample_death(specimen=False), signer)
    with pytest.raises(CertificateDataError):
        replace(samples.sample_death(), status=certdata.ActStatus.CANCELLED)


def test_names_with_accents_apostrophes_hyphens_and_drc_post_nom(signer):
    text = text_of(samples.sample_cd_birth(), signer)
    assert "RÉPUBLIQUE DÉMOCRATIQUE DU CONGO" in text and "Justice – Paix – Travail" in text
    assert "MUKENDI KABILA Grâce" in text and "le 12 mars 2025 à 14 h 30" in text


def test_very_long_name_wraps_inside_its_column(signer):
    family = "KIENDRÉBÉOGO-OUÉDRAOGO-" * 6 + "SAWADOGO"
    given = "Wendkouni Éléonore Marie-Thérèse Aïcha Pélagie Rasmata Bernadette Jeanne"
    child = Person(Role.SUBJECT, family, given, sex=Sex.FEMALE)
    data = replace(samples.sample_birth(CopyKind.EXTRACT), persons=(child,))
    width = 300
    lines = wrap_text(f"{family} {given}", SANS, 11.5, width)
    assert len(lines) > 2
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert all(stringWidth(line, SANS, 11.5) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == f"{family}{given}".replace(" ", "")
    text = text_of(data, signer).replace(" ", "")
    for piece in ("KIENDRÉBÉOGO-OUÉDRAOGO-", "SAWADOGOWendkouni", "Marie-Thérèse", "Jeanne"):
        assert piece in text


def test_partial_birth_dates_are_never_completed(signer):
    father = Person(Role.FATHER, "Zongo", "Issa", sex=Sex.MALE, birth_date=PartialDate(1980, 4))
    mother = Person(Role.MOTHER, "Bara", "Awa", sex=Sex.FEMALE, birth_date=PartialDate(1985))
    base = samples.sample_birth()
    data = replace(base, dates_in_words=False, persons=(base.persons[0], father, mother))
    text = text_of(data, signer)
    assert "né en avril 1980" in text and "née en 1985" in text
    assert not re.search(r"\d{1,2} avril 1980|1er avril 1980|janvier 1985", text)


def test_bulk_pdf_has_one_copy_after_another_and_is_written_atomically(tmp_path, signer):
    items = [samples.sample_birth(), samples.sample_marriage(), samples.sample_death(),
             samples.sample_birth(CopyKind.EXTRACT)]  # fmt: skip
    target = tmp_path / "lot.pdf"
    pages = render_pdf(items, target, signer)
    assert pages == len(pypdf.PdfReader(target).pages) == 4
    assert [p.name for p in tmp_path.iterdir()] == ["lot.pdf"]
    texts = pages_text(target.read_bytes())
    assert ["NAISSANCE" in texts[0], "MARIAGE" in texts[1], "DÉCÈS" in texts[2]] == [True] * 3
    with pytest.raises(ValueError):
        render_pdf([], tmp_path / "empty.pdf", signer)
    assert not (tmp_path / "empty.pdf").exists()


def test_without_signer_there_is_no_qr_payload():
    text = text_of(samples.sample_birth(specimen=False), None)
    assert "CR1:" not in text and "Copie non signée électroniquement" in text


def test_inconsistent_data_is_refused():
    base = samples.sample_birth()
    with pytest.raises(CertificateDataError):
        replace(base, persons=base.persons[1:])  # no subject
    with pytest.raises(CertificateDataError):
        replace(base, kind=ActKind.MARRIAGE)  # a marriage needs two spouses
    with pytest.raises(CertificateDataError):
        replace(base, issue_date=dt.date(2024, 1, 1))  # issued before it was drawn up


def test_transcription_and_late_registration_judgment_are_printed(signer):
    data = replace(
        samples.sample_marriage(specimen=False),
        transcription=certdata.Transcription(
            "mariage coutumier célébré à Tenkodogo", dt.date(2025, 3, 14), "T-12/2025"
        ),
        judgment=certdata.Judgment(
            "Tribunal de grande instance de Koudougou", "77/2025", dt.date(2025, 3, 1)
        ),
    )
    for copy in CopyKind:
        text = text_of(replace(data, copy_kind=copy), signer)
        assert "mariage coutumier célébré à Tenkodogo, transcrit le 14 mars 2025" in text
        assert "(réf. T-12/2025)" in text
        assert "n° 77/2025 du 1er mars 2025, Tribunal de grande instance de Koudougou" in text


def test_numeric_dates_when_the_profile_does_not_ask_for_words(signer):
    text = text_of(replace(samples.sample_death(specimen=False), dates_in_words=False), signer)
    assert "le 10 mars 2025 à 23 h 15" in text and "le 14 mars 2025 à 10 h 30" in text
    assert "né vers 1950 à Yako" in text and "deux mille" not in text
