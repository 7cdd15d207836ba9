"""Golden content of every document, from real stores through the services: per country ×
kind of act × {full copy, extract} × {plain, with mentions, rectified, cancelled}, the PDF's
text (pypdf) holds the items the law requires and none of the forbidden ones (the medical
cause, internal identifiers, Python values), and its code verifies with its content."""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from civreg.certificates.verify import legal_text_by_page, verify_text
from civreg.domain.acts import ActInput, ActKind, Judgment, Person, Transcription
from civreg.security.keyfile import FAST_KDF
from civreg.services.certificates import issue_certificate
from civreg.services.copies import Requester
from civreg.services.drafts import create_draft
from civreg.services.mentions import add_mention
from civreg.services.registration import register_act
from civreg.services.store_access import create_store, login
from civreg.services.users import add_user

TODAY = dt.date.today()
PASSWORD = "Golden-Baobab-Fleuve-7"
OFFICES = {
    "BF": dict(commune="BLK01", centre="01", office_name="Mairie de Koudougou"),
    "CD": dict(commune="KN-V01-C04", centre="01", office_name="Maison communale de Gombe"),
}
HEADERS = {
    "BF": ["BURKINA FASO", "La Patrie ou la Mort, Nous Vaincrons", "Région : Centre-Ouest",
           "Province : Boulkiemdé", "Commune de Koudougou",
           "Centre principal d'état civil : Mairie de Koudougou"],
    "CD": ["RÉPUBLIQUE DÉMOCRATIQUE DU CONGO", "Justice – Paix – Travail", "Province : Kinshasa",
           "Ville de Kinshasa", "Commune de Gombe",
           "Bureau principal de l'état civil : Maison communale de Gombe"],
}  # fmt: skip
VARIANTS = ("plain", "mentions", "rectified", "cancelled")
HEIR = Requester("TRAORÉ Mariam", "descendant")
CAUSE = {"part1": [{"text": "Paludisme grave", "interval": "3 jours", "icd10": "B50.9"}]}
FORBIDDEN = [
    r"[0-9a-f]{8}-[0-9a-f]{4}-",  # uuid
    r"\b(spouse[12]|deceased|declarant|child|witness|father|mother)\b",  # role codes
    r"\w_\w",  # codes with underscores (customary_registration, present_at_birth…)
    r"[{}\[\]]|\bNone\b|\bTrue\b|\bFalse\b|'amount'",  # Python values
    r"(?i)paludisme|B50|cause du décès",  # the medical cause
]


def _old(years: int) -> str:
    return (TODAY.replace(day=1) - dt.timedelta(days=365 * years)).isoformat()[:7] + "-05"


def _birth(country: str) -> ActInput:
    post = "Kabila" if country == "CD" else ""
    # A paper act of 1990, transcribed: an adult whose birth act carries later mentions.
    return ActInput(
        kind=ActKind.BIRTH,
        event_date="1990-05-04",
        event_time="07:20",
        event_place="Maternité de Koudougou" if country == "BF" else "Hôpital du Cinquantenaire",
        declaration_date="1990-05-10",
        persons=(
            Person("child", family_name="Kaboré", post_nom=post, given_names="Aïcha", sex=2),
            Person(
                "father",
                family_name="Kaboré",
                given_names="Issa",
                sex=1,
                birth_date="1960-02",
                profession="menuisier",
                domicile="Secteur 2",
                nationality="burkinabè" if country == "BF" else "congolaise",
            ),
            Person("mother", family_name="Zongo", given_names="Awa", sex=2, approx_age=27),
            Person("declarant", family_name="Kaboré", given_names="Issa", sex=1, capacity="father"),
        ),
        transcription=Transcription(12, "1990-05-10", "registre papier"),
    )


def _marriage(country: str) -> ActInput:
    details: dict = {"form": "civil"}
    if country == "BF":
        details["option"] = "monogamy"
    else:
        details.update(
            property_regime="community_of_acquests",
            bride_price={"amount": 500, "currency": "USD", "status": "paid"},
        )
    return ActInput(
        kind=ActKind.MARRIAGE,
        event_date=(TODAY - dt.timedelta(days=400)).isoformat(),
        event_time="10:00",
        event_place="Mairie",
        declaration_date=(TODAY - dt.timedelta(days=400)).isoformat(),
        persons=(
            Person("spouse1", family_name="Ouédraogo", given_names="Paul", sex=1,
                   birth_date="1990-01-01", previous_marital_status="single"),
            Person("spouse2", family_name="Traoré", given_names="Mariam", sex=2,
                   birth_date="1992-06-01", previous_marital_status="divorced"),
            Person("spouse1_father", family_name="Ouédraogo", given_names="Salif", sex=1),
            Person("spouse2_mother", family_name="Sanou", given_names="Odile", sex=2),
            Person("witness", 1, family_name="Bamogo", given_names="Issa", sex=1,
                   birth_date="1980"),
            Person("witness", 2, family_name="Yaméogo", given_names="Clarisse", sex=2,
                   birth_date="1985"),
        ),
        details=details,
        transcription=Transcription(3, (TODAY - dt.timedelta(days=400)).isoformat(), ""),
    )  # fmt: skip


def _death(country: str) -> ActInput:
    when = (TODAY - dt.timedelta(days=90)).isoformat()
    return ActInput(
        kind=ActKind.DEATH,
        event_date=when,
        event_place="Centre hospitalier",
        declaration_date=TODAY.isoformat(),
        persons=(
            Person("deceased", family_name="Sawadogo", given_names="Boukary", sex=1,
                   birth_date="~1950", marital_status="married", domicile="Secteur 4"),
            Person("spouse", family_name="Tapsoba", given_names="Rasmata", sex=2),
            Person("father", family_name="Sawadogo", given_names="Tinga", sex=1),
            Person("mother", family_name="Ilboudo", given_names="Pauline", sex=2),
            Person("declarant", family_name="Sawadogo", given_names="Alain", sex=1,
                   capacity="relative"),
        ),
        details={"cause": CAUSE},
        judgment=Judgment("Tribunal de grande instance", f"55/{TODAY.year}", TODAY.isoformat()),
    )  # fmt: skip


MAKERS = {ActKind.BIRTH: _birth, ActKind.MARRIAGE: _marriage, ActKind.DEATH: _death}
# (kind, date, text) of the mentions of the "with mentions" variant, per act kind
STATUS_MENTIONS = {
    ActKind.BIRTH: [
        ("recognition", "1990-06-01", "Reconnue par KABORÉ Issa"),
        ("marriage", "2015-08-01", "Mariée avec OUÉDRAOGO Paul"),
        ("divorce", "2020-03-02", "Divorce prononcé"),
    ],
    ActKind.MARRIAGE: [("divorce", (TODAY - dt.timedelta(days=30)).isoformat(), "Divorce")],
    ActKind.DEATH: [("rectification", TODAY.isoformat(), "Lire « Centre hospitalier régional »")],
}
WORDS = {"recognition": "Reconnaissance", "marriage": "Mariage", "divorce": "Divorce",
         "rectification": "Rectification", "cancellation": "Annulation"}  # fmt: skip


@dataclass
class Store:
    country: str
    path: Path
    acts: dict[tuple[ActKind, str], int]


def _build(country: str, folder: Path) -> Store:
    path = folder / "store.db"
    created = create_store(path, country=country, admin="admin", password=PASSWORD,
                           kdf=FAST_KDF, **OFFICES[country])  # fmt: skip
    add_user(created.ctx, "registrar", PASSWORD, ["registrar"], full_name="ZONGO Aminata",
             title="Officier de l'état civil", kdf=FAST_KDF)  # fmt: skip
    created.ctx.close()
    reg = login(path, "registrar", PASSWORD)
    acts = {}
    number = 0
    for kind, make in MAKERS.items():
        for variant in VARIANTS:
            number += 1
            act = make(country)
            if act.transcription is not None:
                act = replace(act, transcription=replace(act.transcription, original_number=number))
            v = register_act(reg, create_draft(reg, act).id)
            decided = dict(authority="Tribunal de grande instance", reference=f"jgt {number}/25")
            if variant == "mentions":
                for mk, when, text in STATUS_MENTIONS[kind]:
                    extra = decided if mk in ("divorce", "rectification") else {}
                    if mk == "marriage":  # a marriage mention rests on the marriage act
                        extra = {"related_ref": f"{country}-99-01-M-2015-000007"}
                    add_mention(reg, v.id, kind=mk, when=when, text=text, **extra)
            elif variant == "rectified":
                add_mention(reg, v.id, kind="rectification", when=TODAY.isoformat(),
                            text="Lire « Rasmata » au lieu de « Rasmatta »", **decided)  # fmt: skip
            elif variant == "cancelled":
                add_mention(reg, v.id, kind="cancellation", when=TODAY.isoformat(),
                            text="Acte annulé (double déclaration)", **decided)  # fmt: skip
            acts[(kind, variant)] = v.id
    reg.close()
    return Store(country, path, acts)


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, Store]:
    return {c: _build(c, tmp_path_factory.mktemp(f"golden-{c}")) for c in ("BF", "CD")}


@pytest.fixture(scope="module")
def registrars(stores):
    ctxs = {c: login(s.path, "registrar", PASSWORD) for c, s in stores.items()}
    yield ctxs
    for ctx in ctxs.values():
        ctx.close()


def _required(country: str, kind: ActKind, copy: str, variant: str) -> list[str]:
    full = copy == "full"
    letter = {"birth": "N", "marriage": "M", "death": "D"}[kind]
    req = [*HEADERS[country], "Acte n°", f"-{letter}-"]
    req.append(("COPIE INTÉGRALE" if full else "EXTRAIT") + " D'ACTE DE")
    req.append("délivrée à" if full else "délivré à")
    req += ["TRAORÉ Mariam (un descendant)", "Officier de l'état civil", "ZONGO Aminata"]
    req.append("MENTIONS MARGINALES")
    if kind is ActKind.BIRTH:
        child = "KABORÉ KABILA Aïcha" if country == "CD" else "KABORÉ Aïcha"
        req += [child, "le quatre mai mille neuf cent quatre-vingt-dix", "KABORÉ Issa",
                "ZONGO Awa", "Acte dressé le dix mai mille neuf cent quatre-vingt-dix",
                "acte n°"]  # fmt: skip
        if full:
            req += ["menuisier", "né en février mille neuf cent soixante",
                    "née vers mille neuf cent soixante-trois (âgée d'environ 27 ans)",
                    "père de l'enfant", "Déclaration reçue"]  # fmt: skip
        else:
            req += ["FILIATION"]
    if kind is ActKind.MARRIAGE:
        req += ["OUÉDRAOGO Paul", "TRAORÉ Mariam", "célébration civile"]
        req += ["monogamie"] if country == "BF" else ["communauté réduite aux acquêts", "500 USD"]
        if full:
            req += ["OUÉDRAOGO Salif", "SANOU Odile", "Situation avant le mariage", "divorcée"]
            req += ["Témoin 1", "BAMOGO Issa", "YAMÉOGO Clarisse", "CONSENTEMENT DES ÉPOUX"]
    if kind is ActKind.DEATH:
        req += ["SAWADOGO Boukary", "vers mille neuf cent cinquante", "Sur jugement"]
        if full:
            req += ["TAPSOBA Rasmata", "SAWADOGO Tinga", "ILBOUDO Pauline", "marié",
                    "SAWADOGO Alain"]  # fmt: skip
        else:
            req += ["Secteur 4"]
    if variant == "plain":
        req.append("Néant")
    if variant == "mentions":
        req += [WORDS[mk] for mk, _d, _t in STATUS_MENTIONS[kind]]
        req += [text for _k, _d, text in STATUS_MENTIONS[kind]]
        req.append("Mention inscrite le")
    if variant == "rectified":
        req += ["Rectification", "Lire « Rasmata » au lieu de « Rasmatta »"]
    if variant == "cancelled":
        req += ["ACTE ANNULÉ", "Acte annulé (double déclaration)"]
    return req


CASES = [
    (country, kind, copy, variant)
    for country in ("BF", "CD")
    for kind in ActKind
    for copy in ("full", "extract")
    for variant in VARIANTS
]


@pytest.mark.parametrize(("country", "kind", "copy", "variant"), CASES)
def test_golden_content(stores, registrars, tmp_path, country, kind, copy, variant) -> None:
    ctx = registrars[country]
    act_id = stores[country].acts[(kind, variant)]
    out = tmp_path / "copy.pdf"
    res = issue_certificate(ctx, act_id, copy, requester=HEIR, out=out)
    raw = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(res.pdf)).pages)
    payload = re.search(r"CR2:[0-9A-Z $%*+\-./:]+", raw).group(0)
    prose = " ".join(raw.replace(payload, " ").replace("<</CR-LEGAL>>", " ").split())
    prose = prose.replace("<<CR-LEGAL>>", " ")
    for item in _required(country, kind, copy, variant):
        assert item in prose, item
    for pattern in FORBIDDEN:
        assert not re.search(pattern, prose), (pattern, re.search(pattern, prose).group(0))
    if variant != "cancelled":
        assert "ANNULÉ" not in prose
    verdict = verify_text(payload, "".join(legal_text_by_page(out)), _trust(ctx))
    assert verdict.ok and verdict.content.value == "match"
    assert verdict.fields.status == ("A" if variant == "cancelled" else "R")


def _trust(ctx):
    from civreg.services.keys import verification_trust

    return verification_trust(ctx)
