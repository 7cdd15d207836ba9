"""Fictitious sample copies (specimens) for previews, the demo store, tests and benchmarks.

Every name here is invented. Samples are marked ``is_specimen=True`` unless asked otherwise.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from civreg.certificates.data import (
    ActKind,
    ActStatus,
    CertificateData,
    CopyKind,
    Judgment,
    MarriageDetails,
    Mention,
    PartialDate,
    Person,
    Registrar,
    Role,
    Sex,
)

BF_HEADER = ("BURKINA FASO",)
BF_MOTTO = "Unité – Progrès – Justice"
CD_HEADER = ("RÉPUBLIQUE DÉMOCRATIQUE DU CONGO",)
CD_MOTTO = "Justice – Paix – Travail"


def _common(kind: ActKind, number: int, copy_kind: CopyKind, specimen: bool) -> dict:
    letter = kind.letter
    return {
        "header_lines": BF_HEADER,
        "motto": BF_MOTTO,
        "dates_in_words": True,
        "commune": "Koudougou",
        "centre": "Centre principal",
        "office_id": "BF-11-01",
        "kind": kind,
        "register_year": 2025,
        "act_number": number,
        "act_number_display": f"{number:04d}",
        "global_id": f"BF-11-01-{letter}-2025-{number:06d}",
        "status": ActStatus.REGISTERED,
        "drawn_up": dt.datetime(2025, 3, 14, 10, 30),
        "registrar": Registrar("ZONGO Aminata", "Officier de l'état civil"),
        "copy_kind": copy_kind,
        "copy_number": 1,
        "issue_date": dt.date(2025, 6, 2),
        "requester": "le père",
        "is_specimen": specimen,
    }


def sample_birth(copy_kind: CopyKind = CopyKind.FULL, specimen: bool = True) -> CertificateData:
    return CertificateData(
        **_common(ActKind.BIRTH, 38, copy_kind, specimen),
        persons=(
            Person(Role.SUBJECT, "SAWADOGO", "Ibrahim Wendkouni", sex=Sex.MALE),
            Person(
                Role.FATHER,
                "Sawadogo",
                "Paul",
                sex=Sex.MALE,
                birth_date=PartialDate.parse("1988-07"),
                birth_place="Réo",
                profession="cultivateur",
                domicile="Koudougou, secteur 4",
                nationality="burkinabè",
                identity_document="CNIB B1234567",
            ),
            Person(
                Role.MOTHER,
                "Kiendrébéogo-Ouédraogo",
                "Éléonore",
                sex=Sex.FEMALE,
                approximate_age=31,
                birth_place="Sabou",
                profession="commerçante",
                domicile="Koudougou, secteur 4",
                nationality="burkinabè",
            ),
            Person(Role.DECLARANT, "Sawadogo", "Paul", sex=Sex.MALE, capacity="père"),
        ),
        event_date=PartialDate(2025, 3, 12),
        event_hour=dt.time(14, 30),
        event_place="Centre médical avec antenne chirurgicale (CMA) de Koudougou",
        extra=(("Naissance", "simple"), ("Registre de la maternité", "n° 512/2025")),
        mentions=(
            Mention(
                dt.date(2025, 5, 20),
                "Rectification",
                "le prénom « Wendkuni » est rectifié en « Wendkouni »",
                "Procureur du Faso près le TGI de Koudougou",
                "ord. 45/2025",
            ),
        ),
    )


def sample_marriage(copy_kind: CopyKind = CopyKind.FULL, specimen: bool = True) -> CertificateData:
    return CertificateData(
        **_common(ActKind.MARRIAGE, 7, copy_kind, specimen),
        persons=(
            Person(
                Role.SUBJECT,
                "N'Dri",
                "Kouassi Jean-Baptiste",
                sex=Sex.MALE,
                birth_date=PartialDate(1994, 1, 1),
                birth_place="Bobo-Dioulasso",
                profession="instituteur",
                domicile="Koudougou",
                nationality="burkinabè",
                marital_status="célibataire",
            ),
            Person(
                Role.SUBJECT,
                "Ouédraogo",
                "Awa",
                sex=Sex.FEMALE,
                birth_date=PartialDate(1997),
                birth_place="Koudougou",
                profession="infirmière",
                domicile="Koudougou",
                nationality="burkinabè",
                marital_status="célibataire",
            ),
            Person(Role.FATHER, "N'Dri", "Yao", label="Père de l'époux"),
            Person(Role.MOTHER, "Koné", "Aya", label="Mère de l'époux"),
            Person(Role.FATHER, "Ouédraogo", "Salif", label="Père de l'épouse"),
            Person(Role.MOTHER, "Compaoré", "Mariam", label="Mère de l'épouse"),
            Person(Role.WITNESS, "Bamogo", "Issa", profession="commerçant", domicile="Koudougou"),
            Person(
                Role.WITNESS,
                "Yaméogo",
                "Clarisse",
                sex=Sex.FEMALE,
                profession="sage-femme",
                domicile="Réo",
            ),
        ),
        event_date=PartialDate(2025, 3, 8),
        event_hour=dt.time(9, 0),
        event_place="Mairie de Koudougou",
        marriage=MarriageDetails(regime="communauté de biens", option="monogamy"),
    )


def sample_death(copy_kind: CopyKind = CopyKind.FULL, specimen: bool = True) -> CertificateData:
    return CertificateData(
        **_common(ActKind.DEATH, 12, copy_kind, specimen),
        persons=(
            Person(
                Role.SUBJECT,
                "Kaboré",
                "Dieudonné",
                sex=Sex.MALE,
                birth_date=PartialDate(1950, approximate=True),
                birth_place="Yako",
                profession="retraité",
                domicile="Koudougou, secteur 2",
                nationality="burkinabè",
                marital_status="marié",
            ),
            Person(Role.FATHER, "Kaboré", "Tinga"),
            Person(Role.MOTHER, "Ilboudo", "Pauline"),
            Person(Role.SPOUSE, "Tapsoba", "Rasmata", sex=Sex.FEMALE),
            Person(
                Role.DECLARANT,
                "Kaboré",
                "Alain",
                sex=Sex.MALE,
                capacity="fils",
                domicile="Koudougou",
            ),
        ),
        event_date=PartialDate(2025, 3, 10),
        event_hour=dt.time(23, 15),
        event_place="Centre hospitalier régional de Koudougou",
        judgment=Judgment(
            "Tribunal de grande instance de Koudougou", "112/2025", dt.date(2025, 3, 13)
        ),
    )


def cancelled(data: CertificateData) -> CertificateData:
    """The same act, cancelled by a court judgment (the number is kept, copies say so)."""
    mention = Mention(
        dt.date(2025, 5, 28),
        "Annulation",
        "acte annulé par jugement (double déclaration)",
        "Tribunal de grande instance de Koudougou",
        "jgt 201/2025",
        is_cancellation=True,
    )
    return replace(data, status=ActStatus.CANCELLED, mentions=(*data.mentions, mention))


def sample_cd_birth(specimen: bool = True) -> CertificateData:
    """A DR Congo birth (nom + post-nom + prénom)."""
    base = sample_birth(CopyKind.EXTRACT, specimen)
    return replace(
        base,
        header_lines=CD_HEADER,
        motto=CD_MOTTO,
        commune="Lubumbashi",
        centre="Bureau principal",
        office_id="CD-HK-01",
        global_id="CD-HK-01-N-2025-000038",
        persons=(
            Person(Role.SUBJECT, "Mukendi", "Grâce", post_nom="Kabila", sex=Sex.FEMALE),
            Person(Role.FATHER, "Mukendi", "Joseph", post_nom="Tshibanda"),
            Person(Role.MOTHER, "Ilunga", "Marie", post_nom="Mwamba"),
        ),
        event_place="Lubumbashi",
        dates_in_words=False,
    )
