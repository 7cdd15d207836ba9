"""Rendered PDFs: every field and mention is printed, and what must never be printed is not."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import replace

import pypdf
import pytest

from civreg.certificates import samples
from civreg.certificates.content import build, legal_strings
from civreg.certificates.data import CertificateDataError, CopyKind
from civreg.certificates.fonts import SANS
from civreg.certificates.qr_payload import QrSigner, canonical_content
from civreg.certificates.render import render_into, render_one, render_pdf
from civreg.certificates.text_wrap import wrap_text
from civreg.domain.acts import ActKind, Judgment, Person, Transcription
from civreg.security.office_keys import generate_office_key

COPIES = (CopyKind.FULL, CopyKind.EXTRACT)


@pytest.fixture(scope="module")
def signer() -> QrSigner:
    return QrSigner("BF-11-01", generate_office_key())


def pages_text(pdf: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", p.extract_text()) for p in reader.pages]


def text_of(data, signer: QrSigner | None = None) -> str:
    return " ".join(pages_text(render_one(data, signer)))


def with_act(data, **changes):
    return replace(data, record=replace(data.record, act=replace(data.record.act, **changes)))


def test_full_birth_copy_prints_every_field_and_mention(signer):
    data = samples.sample_birth()
    text = text_of(data, signer)
    for expected in (
        "BURKINA FASO", "La Patrie ou la Mort, Nous Vaincrons", "Région : Centre-Ouest",
        "Province : Boulkiemdé", "Commune de Koudougou",
        "Centre principal d'état civil de Koudougou", "année 2025", "Acte n° 0038",
        "BF-11-01-N-2025-000038", "COPIE INTÉGRALE D'ACTE DE NAISSANCE",
        "SAWADOGO Ibrahim Wendkouni", "masculin",
        "le douze mars deux mille vingt-cinq à quatorze heures trente",
        "Centre médical avec antenne chirurgicale (CMA) de Koudougou", "n° 512/2025",
        "SAWADOGO Paul", "né en juillet mille neuf cent quatre-vingt-huit à Réo",
        "cultivateur", "Koudougou, secteur 4", "burkinabè", "CNIB B1234567",
        "KIENDRÉBÉOGO-OUÉDRAOGO Éléonore", "née vers mille neuf cent quatre-vingt-quatorze",
        "(âgée d'environ 31 ans)", "commerçante", "LE DÉCLARANT", "père de l'enfant",
        "le quatorze mars deux mille vingt-cinq à dix heures trente",
        "Déclaration reçue", "ZONGO Aminata", "Officier de l'état civil", "1. Rectification",
        "le prénom « Wendkuni » est rectifié en « Wendkouni »", "ord. 45/2025",
        "Mention inscrite le vingt-deux mai deux mille vingt-cinq par ZONGO Aminata",
        "Pour copie conforme au registre, délivrée à Koudougou le deux juin deux mille",
        "Copie n° 1, délivrée à la demande de SAWADOGO Paul (un parent ou ascendant)",
        "Sceau", "CR2:",
    ):  # fmt: skip
        assert expected in text, expected


def test_extract_carries_the_status_mentions_the_profile_lists(signer):
    """Regression: an extract printed only "N autre(s) mention(s) : voir la copie intégrale":
    a divorced spouse's extract showed a valid marriage."""
    divorce = samples.mention(
        "divorce", dt.date(2025, 11, 3), "divorce prononcé", "TGI de Koudougou", "jgt 88/2025"
    )
    data = samples.sample_marriage(CopyKind.EXTRACT)
    data = replace(data, record=replace(data.record, mentions=(divorce,)))
    text = text_of(data, signer)
    assert "EXTRAIT D'ACTE DE MARIAGE" in text
    assert "1. Divorce" in text and "divorce prononcé" in text and "jgt 88/2025" in text
    assert "le trois novembre deux mille vingt-cinq" in text
    assert "voir la copie intégrale" not in text
    recognition = samples.mention("recognition", dt.date(2025, 4, 1), "reconnu par le père")
    birth = samples.sample_birth(CopyKind.EXTRACT)
    birth = replace(birth, record=replace(birth.record, mentions=(recognition,)))
    assert "1. Reconnaissance" in text_of(birth, signer)


def test_extract_keeps_the_essentials_only(signer):
    text = text_of(samples.sample_birth(CopyKind.EXTRACT), signer)
    assert "EXTRAIT D'ACTE DE NAISSANCE" in text and "FILIATION" in text
    assert "SAWADOGO Paul" in text and "KIENDRÉBÉOGO-OUÉDRAOGO Éléonore" in text
    for detail in ("cultivateur", "commerçante", "CNIB", "Koudougou, secteur 4", "DÉCLARANT"):
        assert detail not in text, detail
    assert "Pour extrait conforme au registre, délivré à Koudougou" in text
    assert "Extrait n° 1, délivré à la demande" in text


def test_marriage_copies_show_form_option_parents_status_and_consent(signer):
    full = text_of(samples.sample_marriage(), signer)
    for expected in (
        "COPIE INTÉGRALE D'ACTE DE MARIAGE", "N'DRI Kouassi Jean-Baptiste", "OUÉDRAOGO Awa",
        "Forme du mariage", "célébration civile", "Option", "monogamie",
        "communauté de biens", "le huit mars deux mille vingt-cinq à neuf heures",
        "Mairie de Koudougou", "Situation avant le mariage", "célibataire", "divorcée",
        "N'DRI Yao", "KONÉ Aya", "OUÉDRAOGO Salif", "COMPAORÉ Mariam",
        "Témoin 1", "BAMOGO Issa", "YAMÉOGO Clarisse, sage-femme, domiciliée à Réo",
        "CONSENTEMENT DES ÉPOUX", "vouloir se prendre pour époux",
        "née en mille neuf cent quatre-vingt-dix-sept à Koudougou", "Néant",
    ):  # fmt: skip
        assert expected in full, expected
    extract = text_of(samples.sample_marriage(CopyKind.EXTRACT), signer)
    assert "EXTRAIT D'ACTE DE MARIAGE" in extract and "monogamie" in extract
    for absent in ("BAMOGO", "KONÉ Aya", "CONSENTEMENT"):
        assert absent not in extract, absent
    customary = with_act(samples.sample_marriage(), details={"form": "customary_registration"})
    text = text_of(customary, signer)
    assert "enregistrement d'un mariage coutumier" in text and "selon la coutume" in text


def test_drc_dot_is_printed_in_words(signer):
    data = samples.sample_marriage()
    data = replace(data, country="CD")
    dot = {"amount": 500, "currency": "USD", "paid": True}
    text = text_of(with_act(data, details={"form": "civil", "bride_price": dot}), signer)
    assert "Dot 500 USD, versée" in text
    assert "{" not in text and "'amount'" not in text and "True" not in text


def test_death_copy_shows_parents_status_spouse_and_never_a_cause(signer):
    full = text_of(samples.sample_death(specimen=False), signer)
    for expected in (
        "LE DÉFUNT", "KABORÉ Dieudonné", "Situation matrimoniale marié", "Conjointe",
        "TAPSOBA Rasmata", "KABORÉ Tinga", "ILBOUDO Pauline", "vers mille neuf cent cinquante",
        "jugement n° 112/2025 rendu le treize mars deux mille vingt-cinq — Tribunal de grande",
    ):  # fmt: skip
        assert expected in full, expected
    for copy in COPIES:
        text = text_of(samples.sample_death(copy, specimen=False), signer)
        words = re.sub(r"CR2:\S+", "", text)
        assert not re.search(r"\b(cause|CIM-?10|ICD-?10|médical)", words, re.IGNORECASE)


def test_the_medical_cause_is_refused_not_printed():
    cause = {"part1": [{"text": "Insuffisance cardiaque", "icd10": "I50.9"}], "part2": []}
    with pytest.raises(CertificateDataError):
        with_act(samples.sample_death(), details={"cause": cause})


def test_specimen_on_every_page_and_not_on_real_copies(signer):
    many = tuple(
        samples.mention("rectification", dt.date(2025, 5, 1 + i % 28), "texte " * 40)
        for i in range(25)
    )
    data = samples.sample_birth()
    long_act = replace(data, record=replace(data.record, mentions=many))
    pdf = render_one(long_act, signer)
    pages = pages_text(pdf)
    assert len(pages) >= 2
    assert all("SPECIMEN" in p for p in pages)
    assert "(suite)" in pages[1] and "CR2:" in pages[-1] and "CR2:" not in pages[0]
    sizes: set[float] = set()

    def visit(text, cm, tm, font, size):
        if "texte" in text:
            sizes.add(round(size * tm[0], 1))

    for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    assert sizes == {9.5}  # text continued after a page break keeps its size
    real = pages_text(render_one(samples.sample_birth(specimen=False), signer))
    assert not any("SPECIMEN" in p for p in real)


def test_cancelled_act_is_marked_with_its_mention(signer):
    for copy in COPIES:
        text = text_of(samples.cancelled(samples.sample_death(copy, specimen=False)), signer)
        assert "ACTE ANNULÉ" in text
        assert "acte annulé par jugement (double déclaration)" in text and "jgt 201/2025" in text
    assert "ANNULÉ" not in text_of(samples.sample_death(specimen=False), signer)


def test_drc_header_office_and_post_nom(signer):
    text = text_of(samples.sample_cd_birth(), signer)
    for expected in (
        "RÉPUBLIQUE DÉMOCRATIQUE DU CONGO", "Justice – Paix – Travail",
        "Province : Haut-Katanga", "Ville de Lubumbashi",
        "Bureau principal de l'état civil de Lubumbashi", "MUKENDI KABILA Grâce",
    ):  # fmt: skip
        assert expected in text, expected


def test_motto_in_force_on_the_issue_date(signer):
    act = replace(samples.birth_act(), event_date="2024-10-30", declaration_date="2024-11-01")
    before = samples.make(act, 5, drawn_up=dt.date(2024, 11, 1), issue_date=dt.date(2024, 11, 2))
    text = text_of(before, signer)
    assert "Unité – Progrès – Justice" in text and "Nous Vaincrons" not in text


def test_very_long_name_wraps_inside_its_column(signer):
    family = "KIENDRÉBÉOGO-OUÉDRAOGO-" * 6 + "SAWADOGO"
    given = "Wendkouni Éléonore Marie-Thérèse Aïcha Pélagie Rasmata Bernadette Jeanne"
    child = Person("child", family_name=family, given_names=given, sex=2)
    data = with_act(samples.sample_birth(CopyKind.EXTRACT), persons=(child,))
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
    base = samples.sample_birth()
    father = Person("father", family_name="Zongo", given_names="Issa", sex=1, birth_date="1980-04")
    mother = Person("mother", family_name="Bara", given_names="Awa", sex=2, birth_date="1985")
    data = replace(with_act(base, persons=(base.record.act.persons[0], father, mother)))
    data = replace(data, dates_in_words=False)
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


def test_preview_and_register_page_carry_no_signature(signer):
    base = samples.sample_birth()
    preview = replace(base, copy=replace(base.copy, number=None))
    text = text_of(preview, signer)
    assert "APERÇU" in text and "CR2:" not in text and "Copie n°" not in text
    assert build(preview).watermark == "APERÇU"  # even on a specimen (demo) store
    assert build(base).watermark == "SPECIMEN"
    register = text_of(samples.sample_marriage(CopyKind.REGISTER), signer)
    for expected in ("ACTE DE MARIAGE", "Page du registre", "Après lecture faite, ont signé",
                     "L'époux", "L'épouse", "Témoin 1", "Témoin 2", "ZONGO Aminata"):  # fmt: skip
        assert expected in register, expected
    for absent in ("CR2:", "conforme", "Copie n°", "MENTIONS MARGINALES"):
        assert absent not in register, absent


def test_without_signer_there_is_no_qr_payload():
    text = text_of(samples.sample_birth(specimen=False), None)
    assert "CR2:" not in text and "Document non signé électroniquement" in text


def test_inconsistent_data_is_refused():
    base = samples.sample_birth()
    with pytest.raises(CertificateDataError):
        with_act(base, persons=base.record.act.persons[1:])  # no subject
    with pytest.raises(CertificateDataError):
        with_act(base, kind=ActKind.MARRIAGE)  # a marriage needs two spouses
    with pytest.raises(CertificateDataError):
        replace(base, copy=replace(base.copy, issue_date=dt.date(2024, 1, 1)))


def test_transcription_prints_the_original_date_and_judgment_the_late_registration(signer):
    """Regression: « Acte dressé le » printed the day the software registered the act, even
    for a paper act of 1998 transcribed in 2025."""
    base = samples.make(
        replace(
            samples.birth_act(),
            event_date="1998-02-03",
            declaration_date="1998-02-10",
            transcription=Transcription(17, "1998-02-10", "registre papier de Koudougou"),
        ),
        17,
        drawn_up=dt.date(1998, 2, 10),
    )
    data = replace(
        base,
        record=replace(base.record, drawn_up_time=None, registered_on=dt.date(2025, 3, 14)),
    )
    text = text_of(data, signer)
    assert "Acte dressé le dix février mille neuf cent quatre-vingt-dix-huit" in text
    assert "acte n° 17 du registre papier de 1998, reporté au registre informatisé le" in text
    late = with_act(
        samples.sample_birth(),
        judgment=Judgment("Tribunal de grande instance de Koudougou", "77/2025", "2025-03-01"),
    )
    text = text_of(late, signer)
    assert "jugement n° 77/2025 rendu le premier mars deux mille vingt-cinq" in text


def test_numeric_dates_when_the_profile_does_not_ask_for_words(signer):
    text = text_of(replace(samples.sample_death(specimen=False), dates_in_words=False), signer)
    assert "le 10 mars 2025 à 23 h 15" in text and "le 14 mars 2025 à 10 h 30" in text
    assert "né vers 1950 à Yako" in text and "deux mille" not in text


@pytest.mark.parametrize(
    "data",
    [
        samples.sample_birth(),
        samples.sample_marriage(CopyKind.EXTRACT),
        samples.cancelled(samples.sample_death()),
        samples.sample_cd_birth(),
    ],
    ids=["birth", "marriage-extract", "death-cancelled", "cd-birth"],
)
def test_the_renderer_draws_exactly_the_legal_content_the_digest_signs(data, signer):
    pdf = io.BytesIO()
    _pages, drawn = render_into([data], pdf, signer)
    assert canonical_content("".join(drawn[0])) == canonical_content(
        "".join(legal_strings(build(data)))
    )
