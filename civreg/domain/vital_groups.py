"""The categories vital statistics are tabulated by: timeliness of registration, age groups
(mother at the birth, deceased at death, spouses at marriage), ICD-10 chapters of the
underlying cause of death, place of occurrence, sex.

Each category has a stable code (used in exports and in the DHIS2 mapping,
docs/statistics.md) and a French and English label. Age groups follow the UN *Principles and
Recommendations for a Vital Statistics System* (five-year groups; under one year apart for
deaths); the ICD-10 chapters are WHO's (2019 edition, chapters I–XXII).
"""

from __future__ import annotations

from dataclasses import dataclass

from civreg.i18n import register, t

SEXES = (1, 2, 0)  # ISO/IEC 5218 male, female, unknown (9 "not applicable" folds into 0)
SEX_CODES = {1: "male", 2: "female", 0: "unknown"}

# How an act came to be registered (docs/statistics.md "Timeliness"):
#   on_time     declared within the deadline in force on the event (profile [deadlines])
#   late        declared after it, without a court judgment (old registers, profiles that
#               allow it)
#   judgment    drawn up on a court judgment (jugement supplétif / déclaratif)
#   transcribed a paper act or an act made elsewhere, transcribed into this register
TIMELINESS = ("on_time", "late", "judgment", "transcribed")

PLACES = ("health_facility", "home", "other", "")  # "" = not stated


@dataclass(frozen=True)
class AgeGroup:
    code: str
    low: int | None  # completed years, inclusive; None = no lower bound
    high: int | None  # exclusive; None = no upper bound

    def holds(self, age: int) -> bool:
        return (self.low is None or age >= self.low) and (self.high is None or age < self.high)


def _five_years(first: int, last: int) -> list[AgeGroup]:
    return [AgeGroup(f"{a}-{a + 4}", a, a + 5) for a in range(first, last, 5)]


UNKNOWN_AGE = "unknown"
MOTHER_AGE_GROUPS: tuple[AgeGroup, ...] = (
    AgeGroup("lt15", None, 15),
    *_five_years(15, 50),
    AgeGroup("50+", 50, None),
)
DEATH_AGE_GROUPS: tuple[AgeGroup, ...] = (
    AgeGroup("lt1", None, 1),
    AgeGroup("1-4", 1, 5),
    *_five_years(5, 85),
    AgeGroup("85+", 85, None),
)
SPOUSE_AGE_GROUPS: tuple[AgeGroup, ...] = (
    AgeGroup("lt15", None, 15),
    AgeGroup("15-17", 15, 18),
    AgeGroup("18-19", 18, 20),
    *_five_years(20, 60),
    AgeGroup("60+", 60, None),
)
AGE_GROUPS = {"birth": MOTHER_AGE_GROUPS, "death": DEATH_AGE_GROUPS, "marriage": SPOUSE_AGE_GROUPS}


def age_group(groups: tuple[AgeGroup, ...], age: int | None) -> str:
    if age is None or age < 0:
        return UNKNOWN_AGE
    for g in groups:
        if g.holds(age):
            return g.code
    return UNKNOWN_AGE


def group_codes(groups: tuple[AgeGroup, ...]) -> tuple[str, ...]:
    return (*(g.code for g in groups), UNKNOWN_AGE)


@dataclass(frozen=True)
class Chapter:
    code: str  # roman numeral
    first: str  # first three-character category, e.g. "A00"
    last: str  # last one, e.g. "B99"
    fr: str
    en: str


ICD10_CHAPTERS: tuple[Chapter, ...] = (
    Chapter(
        "I",
        "A00",
        "B99",
        "Certaines maladies infectieuses et parasitaires",
        "Certain infectious and parasitic diseases",
    ),
    Chapter("II", "C00", "D48", "Tumeurs", "Neoplasms"),
    Chapter(
        "III",
        "D50",
        "D89",
        "Maladies du sang et certains troubles du système immunitaire",
        "Diseases of the blood and certain disorders involving the immune mechanism",
    ),
    Chapter(
        "IV",
        "E00",
        "E90",
        "Maladies endocriniennes, nutritionnelles et métaboliques",
        "Endocrine, nutritional and metabolic diseases",
    ),
    Chapter(
        "V",
        "F00",
        "F99",
        "Troubles mentaux et du comportement",
        "Mental and behavioural disorders",
    ),
    Chapter("VI", "G00", "G99", "Maladies du système nerveux", "Diseases of the nervous system"),
    Chapter(
        "VII", "H00", "H59", "Maladies de l'œil et de ses annexes", "Diseases of the eye and adnexa"
    ),
    Chapter(
        "VIII",
        "H60",
        "H95",
        "Maladies de l'oreille et de l'apophyse mastoïde",
        "Diseases of the ear and mastoid process",
    ),
    Chapter(
        "IX",
        "I00",
        "I99",
        "Maladies de l'appareil circulatoire",
        "Diseases of the circulatory system",
    ),
    Chapter(
        "X",
        "J00",
        "J99",
        "Maladies de l'appareil respiratoire",
        "Diseases of the respiratory system",
    ),
    Chapter(
        "XI", "K00", "K93", "Maladies de l'appareil digestif", "Diseases of the digestive system"
    ),
    Chapter(
        "XII",
        "L00",
        "L99",
        "Maladies de la peau et du tissu cellulaire sous-cutané",
        "Diseases of the skin and subcutaneous tissue",
    ),
    Chapter(
        "XIII",
        "M00",
        "M99",
        "Maladies du système ostéo-articulaire, des muscles et du tissu conjonctif",
        "Diseases of the musculoskeletal system and connective tissue",
    ),
    Chapter(
        "XIV",
        "N00",
        "N99",
        "Maladies de l'appareil génito-urinaire",
        "Diseases of the genitourinary system",
    ),
    Chapter(
        "XV",
        "O00",
        "O99",
        "Grossesse, accouchement et puerpéralité",
        "Pregnancy, childbirth and the puerperium",
    ),
    Chapter(
        "XVI",
        "P00",
        "P96",
        "Certaines affections dont l'origine se situe dans la période périnatale",
        "Certain conditions originating in the perinatal period",
    ),
    Chapter(
        "XVII",
        "Q00",
        "Q99",
        "Malformations congénitales et anomalies chromosomiques",
        "Congenital malformations, deformations and chromosomal abnormalities",
    ),
    Chapter(
        "XVIII",
        "R00",
        "R99",
        "Symptômes, signes et résultats anormaux non classés ailleurs",
        "Symptoms, signs and abnormal findings, not elsewhere classified",
    ),
    Chapter(
        "XIX",
        "S00",
        "T98",
        "Lésions traumatiques, empoisonnements et autres conséquences de causes externes",
        "Injury, poisoning and certain other consequences of external causes",
    ),
    Chapter(
        "XX",
        "V01",
        "Y98",
        "Causes externes de morbidité et de mortalité",
        "External causes of morbidity and mortality",
    ),
    Chapter(
        "XXI",
        "Z00",
        "Z99",
        "Facteurs influant sur l'état de santé",
        "Factors influencing health status and contact with health services",
    ),
    Chapter("XXII", "U00", "U85", "Codes d'utilisation particulière", "Codes for special purposes"),
)
NOT_CODED = "not_coded"
CAUSE_CODES = (*(c.code for c in ICD10_CHAPTERS), NOT_CODED)


def icd10_chapter(code: str | None) -> str:
    """The chapter of an ICD-10 code (``"I21.9"`` → ``"IX"``); ``not_coded`` when the cause
    carries no code or one outside every chapter."""
    if not code:
        return NOT_CODED
    head = code.strip().upper()[:3]
    for ch in ICD10_CHAPTERS:
        if ch.first <= head <= ch.last:
            return ch.code
    return NOT_CODED


register(
    {
        "stats.kind.birth": {"fr": "Naissances", "en": "Births"},
        "stats.kind.death": {"fr": "Décès", "en": "Deaths"},
        "stats.kind.marriage": {"fr": "Mariages", "en": "Marriages"},
        "stats.sex.male": {"fr": "Masculin", "en": "Male"},
        "stats.sex.female": {"fr": "Féminin", "en": "Female"},
        "stats.sex.unknown": {"fr": "Sexe non précisé", "en": "Sex not stated"},
        "stats.timeliness.on_time": {
            "fr": "Dans le délai légal",
            "en": "Within the legal deadline",
        },
        "stats.timeliness.late": {
            "fr": "Hors délai, sans jugement",
            "en": "Late, without a judgment",
        },
        "stats.timeliness.judgment": {"fr": "Sur jugement", "en": "By court judgment"},
        "stats.timeliness.transcribed": {"fr": "Transcrits", "en": "Transcribed"},
        "stats.place.health_facility": {"fr": "Formation sanitaire", "en": "Health facility"},
        "stats.place.home": {"fr": "Domicile", "en": "Home"},
        "stats.place.other": {"fr": "Autre lieu", "en": "Other place"},
        "stats.place.": {"fr": "Lieu non précisé", "en": "Place not stated"},
        "stats.age.unknown": {"fr": "Âge inconnu", "en": "Age unknown"},
        "stats.age.lt1": {"fr": "Moins d'un an", "en": "Under 1 year"},
        "stats.age.lt15": {"fr": "Moins de 15 ans", "en": "Under 15"},
        "stats.age.range": {"fr": "{low} à {high} ans", "en": "{low}–{high}"},
        "stats.age.plus": {"fr": "{low} ans et plus", "en": "{low} and over"},
        "stats.cause.not_coded": {"fr": "Cause non codée", "en": "Cause not coded"},
        "stats.cause.chapter": {
            "fr": "Chapitre {code} — {label}",
            "en": "Chapter {code} — {label}",
        },
        "stats.month.unknown": {"fr": "Mois inconnu", "en": "Month unknown"},
    }
)

MONTHS_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def kind_label(kind: str, lang: str | None = None) -> str:
    return t(f"stats.kind.{kind}", lang)


def sex_label(sex: int, lang: str | None = None) -> str:
    return t(f"stats.sex.{SEX_CODES.get(sex, 'unknown')}", lang)


def timeliness_label(code: str, lang: str | None = None) -> str:
    return t(f"stats.timeliness.{code}", lang)


def place_label(code: str, lang: str | None = None) -> str:
    return t(f"stats.place.{code}", lang)


def age_label(code: str, lang: str | None = None) -> str:
    if code in ("unknown", "lt1", "lt15"):
        return t(f"stats.age.{code}", lang)
    if code.endswith("+"):
        return t("stats.age.plus", lang, low=code[:-1])
    low, high = code.split("-")
    return t("stats.age.range", lang, low=low, high=high)


def cause_label(code: str, lang: str | None = None) -> str:
    for ch in ICD10_CHAPTERS:
        if ch.code == code:
            return t("stats.cause.chapter", lang, code=code, label=ch.en if lang == "en" else ch.fr)
    return t("stats.cause.not_coded", lang)


def month_label(period: str, lang: str | None = None) -> str:
    """``"2025-03"`` → ``"mars 2025"``; ``"2025"`` (month unknown) → ``"2025, mois inconnu"``."""
    from civreg.i18n import get_language

    language = lang or get_language()
    if len(period) >= 7:
        names = MONTHS_EN if language == "en" else MONTHS_FR
        return f"{names[int(period[5:7]) - 1]} {period[:4]}"
    return f"{period}, {t('stats.month.unknown', lang).lower()}"
