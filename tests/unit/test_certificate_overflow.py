"""Overflow: with long values in every field, every word of every rendered page stays inside
the page and its margins, and no two words overlap (poppler's ``pdftotext -bbox`` gives the
box of each word as drawn)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from civreg.certificates import samples
from civreg.certificates.data import CopyKind, Heading, Officer
from civreg.certificates.page_parts import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X
from civreg.certificates.qr_payload import QrSigner
from civreg.certificates.render import render_pdf
from civreg.domain.acts import ActInput, Judgment, Mention, Person
from civreg.security.office_keys import generate_office_key

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext missing: apt-get install poppler-utils"
)

LONG_FAMILY = "KIENDRÉBÉOGO-OUÉDRAOGO-SAWADOGO-" * 5 + "ZONGO"  # 165 characters
UNBROKEN = "W" * 120  # one word wider than any column
GIVEN = "Wendkouni Éléonore Marie-Thérèse Aïcha Pélagie Rasmata Bernadette " * 2
PLACE = "Centre médical avec antenne chirurgicale de Koudougou, secteur 4, " * 3
TEXT = "Lire « Wendkouni » au lieu de « Wenkouni » pour le prénom de l'enfant. " * 6


def _long(person: Person) -> Person:
    return replace(
        person,
        family_name=LONG_FAMILY,
        post_nom=UNBROKEN if person.role in ("child", "deceased", "spouse1") else "",
        given_names=GIVEN,
        birth_place=PLACE,
        profession="technicien supérieur de génie civil et d'hydraulique " * 2,
        domicile=PLACE,
        nationality="burkinabè par filiation et par naissance " * 2,
        id_document="CNIB B123456789 délivrée le 1er janvier 2020 à Ouagadougou " * 2,
    )


def _long_act(act: ActInput) -> ActInput:
    details = dict(act.details)
    if "health_facility_register_ref" in details:
        details["health_facility_register_ref"] = "512/2025 " * 12
    return replace(
        act,
        event_place=PLACE,
        persons=tuple(_long(p) for p in act.persons),
        details=details,
        judgment=Judgment("Tribunal de grande instance " * 4, "112/2025 " * 8, "2025-03-13")
        if act.judgment
        else None,
    )


def _long_mentions() -> tuple[Mention, ...]:
    return tuple(
        samples.mention(kind, dt.date(2025, 5, 1 + i), TEXT, "Procureur du Faso " * 8, "ord. " * 15,
                        related="BF-11-01-M-2025-000007", by="ZONGO-KABORÉ Aminata " * 4)
        for i, kind in enumerate(("rectification", "marriage", "divorce", "cancellation"))
    )  # fmt: skip


def _long_document(data, country: str):
    heading = Heading(
        country_lines=data.heading.country_lines,
        motto=data.heading.motto,
        admin_lines=("Région : Centre-Ouest " * 4, "Province : Boulkiemdé " * 4),
        office_line="Centre principal d'état civil : " + "Mairie de Koudougou " * 5,
    )
    officer = Officer("ZONGO-KABORÉ Aminata Pélagie " * 4, "Officier de l'état civil délégué " * 3)
    record = replace(
        data.record,
        act=_long_act(data.record.act),
        mentions=_long_mentions(),
        registrar=officer,
    )
    copy = replace(
        data.copy,
        signer=officer,
        requester="SAWADOGO-OUÉDRAOGO Paul " * 8,
        requester_reference="autorisation du procureur n° 1234/2025 " * 2,
    )
    return replace(data, heading=heading, record=record, copy=copy)


def _words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True)
    xml = out.stdout.decode("utf-8").split("<body>", 1)[1].rsplit("</body>", 1)[0]
    root = ET.fromstring(f"<body>{xml}</body>")
    pages = []
    for page in root.iter("page"):
        words = []
        for w in page.iter("word"):
            box = tuple(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            words.append((*box, w.text or ""))
        pages.append((float(page.get("width")), float(page.get("height")), words))
    assert pages and all(words for _w, _h, words in pages)  # the check is never vacuous
    return pages


def _overlap(a, b) -> float:
    dx = min(a[2], b[2]) - max(a[0], b[0])
    dy = min(a[3], b[3]) - max(a[1], b[1])
    return dx * dy if dx > 0.3 and dy > 0.3 else 0.0


CASES = [
    (maker, copy)
    for maker in ("sample_birth", "sample_marriage", "sample_death", "sample_cd_birth")
    for copy in (CopyKind.FULL, CopyKind.EXTRACT, CopyKind.REGISTER)
]


@pytest.mark.parametrize(("maker", "copy"), CASES)
def test_long_values_in_every_field_stay_on_the_page(tmp_path, maker, copy) -> None:
    data = getattr(samples, maker)(copy, specimen=False)
    if copy is CopyKind.REGISTER:
        data = replace(data, copy=replace(data.copy, number=None))
    data = _long_document(data, data.country)
    pdf = tmp_path / "long.pdf"
    pages = render_pdf([data], pdf, QrSigner("BF-11-01", generate_office_key()))
    assert pages >= 2
    problems = []
    for number, (width, height, words) in enumerate(_words(pdf), 1):
        visible = [w for w in words if w[3] - w[1] >= 3]  # markers and payload: size 1
        for x0, y0, x1, y1, text in words:
            if x0 < 0 or y0 < 0 or x1 > width or y1 > height:
                problems.append(f"page {number}: {text!r} outside the page")
        foot = []
        for x0, y0, x1, y1, text in visible:
            if x0 < MARGIN_X - 1 or x1 > width - MARGIN_X + 1:
                problems.append(f"page {number}: {text!r} in the side margins ({x0:.0f}-{x1:.0f})")
            if y0 < MARGIN_TOP - 1:
                problems.append(f"page {number}: {text!r} in the top margin")
            if y1 > height - MARGIN_BOTTOM + 1:
                foot.append(text)
        # only the page number lives in the bottom margin
        if not re.fullmatch(r"[A-Z]{2}-\S+ — page \d+( \(fin\))?", " ".join(foot)):
            problems.append(f"page {number}: {' '.join(foot)!r} in the bottom margin")
        for i, a in enumerate(visible):
            for b in visible[i + 1 :]:
                if _overlap(a, b) > 1.0:
                    problems.append(f"page {number}: {a[4]!r} overlaps {b[4]!r}")
    assert problems == []
