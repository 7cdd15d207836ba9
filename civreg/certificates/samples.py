"""Fictitious sample documents (specimens) for previews, tests and benchmarks.

Every name here is invented. Samples are marked as specimens unless asked otherwise. They use
the real country profiles, so headers, mottos, extract mentions and act models are the
profile's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from civreg.certificates.data import (
    CertificateData,
    CopyIssue,
    CopyKind,
    Heading,
    Officer,
    RegisteredAct,
)
from civreg.domain.acts import ActInput, ActKind, Judgment, Mention, Person
from civreg.domain.profile import load_profile

ISSUED = dt.date(2025, 6, 2)
REGISTRAR = Officer("ZONGO Aminata", "Officier de l'état civil")


def heading(country: str = "BF", on: dt.date = ISSUED) -> Heading:
    docs = load_profile(country).documents
    motto = docs.motto_on(on)
    if country == "BF":
        admin = ("Région : Centre-Ouest", "Province : Boulkiemdé", "Commune de Koudougou")
        office = "Centre principal d'état civil de Koudougou"
    else:
        admin = ("Province : Haut-Katanga", "Ville de Lubumbashi", "Commune de Lubumbashi")
        office = "Bureau principal de l'état civil de Lubumbashi"
    return Heading(
        country_lines=load_profile(country).header_lines,
        motto=motto.text if motto else "",
        admin_lines=admin,
        office_line=office,
    )


def mention(
    kind: str,
    day: dt.date,
    text: str,
    authority: str = "",
    reference: str = "",
    *,
    related: str = "",
    by: str = "ZONGO Aminata",
) -> Mention:
    recorded = dt.datetime.combine(day + dt.timedelta(days=2), dt.time(9, 15))
    return Mention(
        0, "", kind, day.isoformat(), text, authority, reference, related, by, recorded.isoformat()
    )


def make(
    act: ActInput,
    number: int,
    copy_kind: CopyKind = CopyKind.FULL,
    *,
    specimen: bool = True,
    country: str = "BF",
    mentions: tuple[Mention, ...] = (),
    copy_number: int | None = 1,
    drawn_up: dt.date = dt.date(2025, 3, 14),
    issue_date: dt.date = ISSUED,
) -> CertificateData:
    office = "BF-11-01" if country == "BF" else "CD-HK-01"
    letter = {ActKind.BIRTH: "N", ActKind.MARRIAGE: "M", ActKind.DEATH: "D"}[act.kind]
    profile = load_profile(country)
    return CertificateData(
        heading=heading(country, issue_date),
        record=RegisteredAct(
            act=act,
            register_year=drawn_up.year,
            number=number,
            number_display=f"{number:04d}",
            global_id=f"{office}-{letter}-{drawn_up.year}-{number:06d}",
            office_id=office,
            drawn_up=drawn_up,
            drawn_up_time=dt.time(10, 30),
            registered_on=drawn_up,
            registrar=REGISTRAR,
            mentions=mentions,
        ),
        copy=CopyIssue(
            kind=copy_kind,
            number=None if copy_kind is CopyKind.REGISTER else copy_number,
            issue_date=issue_date,
            issue_place="Koudougou" if country == "BF" else "Lubumbashi",
            signer=REGISTRAR,
            requester="SAWADOGO Paul" if copy_kind is not CopyKind.REGISTER else "",
            requester_capacity="un parent ou ascendant"
            if copy_kind is not CopyKind.REGISTER
            else "",
            specimen=specimen,
        ),
        rules=profile.documents,
        dates_in_words=profile.dates_in_words,
        country=country,
    )


def birth_act() -> ActInput:
    return ActInput(
        kind=ActKind.BIRTH,
        event_date="2025-03-12",
        event_time="14:30",
        event_place="Centre médical avec antenne chirurgicale (CMA) de Koudougou",
        event_place_type="health_facility",
        declaration_date="2025-03-14",
        persons=(
            Person("child", family_name="SAWADOGO", given_names="Ibrahim Wendkouni", sex=1),
            Person(
                "father",
                family_name="Sawadogo",
                given_names="Paul",
                sex=1,
                birth_date="1988-07",
                birth_place="Réo",
                profession="cultivateur",
                domicile="Koudougou, secteur 4",
                nationality="burkinabè",
                id_document="CNIB B1234567",
            ),
            Person(
                "mother",
                family_name="Kiendrébéogo-Ouédraogo",
                given_names="Éléonore",
                approx_age=31,
                birth_place="Sabou",
                profession="commerçante",
                domicile="Koudougou, secteur 4",
                nationality="burkinabè",
            ),
            Person(
                "declarant", family_name="Sawadogo", given_names="Paul", sex=1, capacity="father"
            ),
        ),
        details={"multiplicity": "single", "health_facility_register_ref": "512/2025"},
    )


def sample_birth(copy_kind: CopyKind = CopyKind.FULL, specimen: bool = True) -> CertificateData:
    rectification = mention(
        "rectification",
        dt.date(2025, 5, 20),
        "le prénom « Wendkuni » est rectifié en « Wendkouni »",
        "Procureur du Faso près le TGI de Koudougou",
        "ord. 45/2025",
    )
    return make(birth_act(), 38, copy_kind, specimen=specimen, mentions=(rectification,))


def marriage_act() -> ActInput:
    return ActInput(
        kind=ActKind.MARRIAGE,
        event_date="2025-03-08",
        event_time="09:00",
        event_place="Mairie de Koudougou",
        declaration_date="2025-03-08",
        persons=(
            Person(
                "spouse1",
                family_name="N'Dri",
                given_names="Kouassi Jean-Baptiste",
                sex=1,
                birth_date="1994-01-01",
                birth_place="Bobo-Dioulasso",
                profession="instituteur",
                domicile="Koudougou",
                nationality="burkinabè",
                previous_marital_status="single",
            ),
            Person(
                "spouse2",
                family_name="Ouédraogo",
                given_names="Awa",
                sex=2,
                birth_date="1997",
                birth_place="Koudougou",
                profession="infirmière",
                domicile="Koudougou",
                nationality="burkinabè",
                previous_marital_status="divorced",
            ),
            Person("spouse1_father", family_name="N'Dri", given_names="Yao", sex=1),
            Person("spouse1_mother", family_name="Koné", given_names="Aya", sex=2),
            Person("spouse2_father", family_name="Ouédraogo", given_names="Salif", sex=1),
            Person("spouse2_mother", family_name="Compaoré", given_names="Mariam", sex=2),
            Person(
                "witness",
                1,
                family_name="Bamogo",
                given_names="Issa",
                sex=1,
                profession="commerçant",
                domicile="Koudougou",
            ),
            Person(
                "witness",
                2,
                family_name="Yaméogo",
                given_names="Clarisse",
                sex=2,
                profession="sage-femme",
                domicile="Réo",
            ),
        ),
        details={"form": "civil", "option": "monogamy", "property_regime": "community"},
    )


def sample_marriage(copy_kind: CopyKind = CopyKind.FULL, specimen: bool = True) -> CertificateData:
    return make(marriage_act(), 7, copy_kind, specimen=specimen, drawn_up=dt.date(2025, 3, 8))


def death_act() -> ActInput:
    return ActInput(
        kind=ActKind.DEATH,
        event_date="2025-03-10",
        event_time="23:15",
        event_place="Centre hospitalier régional de Koudougou",
        declaration_date="2025-03-13",
        persons=(
            Person(
                "deceased",
                family_name="Kaboré",
                given_names="Dieudonné",
                sex=1,
                birth_date="~1950",
                birth_place="Yako",
                profession="retraité",
                domicile="Koudougou, secteur 2",
                nationality="burkinabè",
                marital_status="married",
            ),
            Person("father", family_name="Kaboré", given_names="Tinga", sex=1),
            Person("mother", family_name="Ilboudo", given_names="Pauline", sex=2),
            Person("spouse", family_name="Tapsoba", given_names="Rasmata", sex=2),
            Person(
                "declarant",
                family_name="Kaboré",
                given_names="Alain",
                sex=1,
                capacity="relative",
                domicile="Koudougou",
            ),
        ),
        judgment=Judgment("Tribunal de grande instance de Koudougou", "112/2025", "2025-03-13"),
    )


def sample_death(copy_kind: CopyKind = CopyKind.FULL, specimen: bool = True) -> CertificateData:
    return make(death_act(), 12, copy_kind, specimen=specimen)


def cancelled(data: CertificateData) -> CertificateData:
    """The same act, cancelled by a court judgment (the number is kept, copies say so)."""
    cancel = mention(
        "cancellation",
        dt.date(2025, 5, 28),
        "acte annulé par jugement (double déclaration)",
        "Tribunal de grande instance de Koudougou",
        "jgt 201/2025",
    )
    record = replace(data.record, mentions=(*data.record.mentions, cancel))
    return replace(data, record=record)


def sample_cd_birth(
    copy_kind: CopyKind = CopyKind.EXTRACT, specimen: bool = True
) -> CertificateData:
    """A DR Congo birth (nom + post-nom + prénom)."""
    act = replace(
        birth_act(),
        event_place="Lubumbashi",
        persons=(
            Person("child", family_name="Mukendi", post_nom="Kabila", given_names="Grâce", sex=2),
            Person("father", family_name="Mukendi", post_nom="Tshibanda", given_names="Joseph"),
            Person("mother", family_name="Ilunga", post_nom="Mwamba", given_names="Marie"),
            Person("declarant", family_name="Mukendi", given_names="Joseph", capacity="father"),
        ),
    )
    return make(act, 38, copy_kind, specimen=specimen, country="CD")
