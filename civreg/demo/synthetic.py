"""Generate realistic synthetic acts for a country profile (pure: no database).

Names come from ``civreg/resources/names.json`` (common BF and DRC names), places from the profile's
geography, dates from plausible distributions: most births declared within the deadline,
some late with a court judgment, twins, marriages and deaths of persons born in the store.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from civreg.domain.acts import ActInput, ActKind, Judgment, Person
from civreg.domain.profile import CountryProfile
from civreg.resources import resource_path

NAMES_FILE = resource_path("names.json")
PROFESSIONS = {
    1: [
        "cultivateur",
        "commerçant",
        "enseignant",
        "éleveur",
        "mécanicien",
        "fonctionnaire",
        "chauffeur",
        "menuisier",
        "maçon",
        "infirmier",
        "orpailleur",
        "tailleur",
    ],
    2: [
        "cultivatrice",
        "commerçante",
        "ménagère",
        "enseignante",
        "infirmière",
        "couturière",
        "sage-femme",
        "coiffeuse",
        "fonctionnaire",
        "restauratrice",
    ],
}
FACILITY_PREFIXES = ("CSPS", "CMA", "CHR", "CHU", "Maternité", "Centre de santé", "Hôpital")
TRIBUNALS = {"BF": "Tribunal de grande instance de {place}", "CD": "Tribunal de paix de {place}"}


@lru_cache(maxsize=1)
def names_data() -> dict[str, Any]:
    return json.loads(NAMES_FILE.read_text(encoding="utf-8"))


@dataclass
class Generator:
    profile: CountryProfile
    rng: random.Random
    today: date = field(default_factory=date.today)

    def __post_init__(self) -> None:
        data = names_data()[self.profile.code]
        self.families: list[str] = data["family"]
        self.postnoms: list[str] = data.get("postnom", [])
        self.males: list[str] = data["given_male"]
        self.females: list[str] = data["given_female"]
        # Zipf-like weights: a few names are very common, as in real registers.
        self.family_weights = [1.0 / (i + 1) ** 0.8 for i in range(len(self.families))]
        geo = self.profile.geography
        places = [p.name for p in geo.communes()] or ["Centre"]
        localities = [p.name for p in getattr(geo, "_places", []) if p.level == "locality"]
        self.places = places
        self.localities = [n for n in localities if not n.startswith(FACILITY_PREFIXES)] or places
        self.facilities = [n for n in localities if n.startswith(FACILITY_PREFIXES)] or [
            f"CSPS de {n}" for n in self.localities[:20]
        ]
        self.home = self.rng.choice(places)

    # ---- persons --------------------------------------------------------------------------
    def family(self) -> str:
        return self.rng.choices(self.families, self.family_weights)[0]

    def given(self, sex: int) -> str:
        pool = self.males if sex == 1 else self.females
        first = self.rng.choice(pool)
        if self.rng.random() < 0.25:
            second = self.rng.choice(pool)
            if second != first:
                return f"{first} {second}"
        return first

    def postnom(self) -> str:
        return (
            self.rng.choice(self.postnoms) if self.profile.uses_post_nom and self.postnoms else ""
        )

    def adult(
        self,
        role: str,
        sex: int,
        on: date,
        *,
        family: str | None = None,
        min_age: int = 18,
        max_age: int = 45,
        position: int = 0,
    ) -> Person:
        age = self.rng.randint(min_age, max_age)
        birth = on - timedelta(days=age * 365 + self.rng.randint(0, 364))
        r = self.rng.random()
        if r < 0.6:
            bd, approx = birth.isoformat(), None
        elif r < 0.85:
            bd, approx = str(birth.year), None  # year only: very common
        else:
            bd, approx = "", age  # only an approximate age is known
        return Person(
            role=role,
            position=position,
            family_name=family or self.family(),
            post_nom=self.postnom(),
            given_names=self.given(sex),
            sex=sex,
            birth_date=bd,
            approx_age=approx,
            birth_place=self.rng.choice(self.places),
            profession=self.rng.choice(PROFESSIONS.get(sex, PROFESSIONS[1])),
            domicile=self.rng.choice(self.localities),
            nationality="burkinabè" if self.profile.code == "BF" else "congolaise",
        )

    # ---- acts -----------------------------------------------------------------------------
    def _declared(self, event: date, late_rate: float) -> tuple[str, Judgment | None]:
        deadline = self.profile.deadline(ActKind.BIRTH)
        last = deadline.last_day(event) or event + timedelta(days=60)
        if self.rng.random() < late_rate:
            declared = last + timedelta(days=self.rng.randint(30, 900))
            declared = min(declared, self.today)
            judged = declared - timedelta(days=self.rng.randint(1, 20))
            court = TRIBUNALS[self.profile.code].format(place=self.home)
            num = f"{self.rng.randint(1, 999)}/{judged.year}"
            return declared.isoformat(), Judgment(court, num, judged.isoformat())
        span = max(0, (last - event).days)
        declared = event + timedelta(days=self.rng.randint(0, span))
        return min(declared, self.today).isoformat(), None

    def birth(self, year: int | None = None, *, late_rate: float = 0.08) -> ActInput:
        year = year or self.today.year
        event = date(year, 1, 1) + timedelta(days=self.rng.randint(0, 364))
        if event > self.today - timedelta(days=1):
            event = self.today - timedelta(days=self.rng.randint(1, 40))
        declared, judgment = self._declared(event, late_rate)
        if judgment is not None and date.fromisoformat(judgment.date) < event:
            judgment = None
            declared = event.isoformat()
        father_family = self.family()
        sex = self.rng.choice((1, 2))
        mother = self.adult("mother", 2, event, min_age=17, max_age=42)
        father = self.adult("father", 1, event, family=father_family, min_age=20, max_age=55)
        child = Person(
            role="child",
            family_name=father_family,
            post_nom=self.postnom(),
            given_names=self.given(sex),
            sex=sex,
        )
        capacity = "father" if self.rng.random() < 0.7 else "mother"
        declarant = father if capacity == "father" else mother
        declarant = Person(
            role="declarant",
            family_name=declarant.family_name,
            post_nom=declarant.post_nom,
            given_names=declarant.given_names,
            sex=declarant.sex,
            birth_date=declarant.birth_date,
            approx_age=declarant.approx_age,
            profession=declarant.profession,
            domicile=declarant.domicile,
            capacity=capacity,
        )
        facility = self.rng.random() < 0.7
        hour = f"{self.rng.randint(0, 23):02d}:{self.rng.choice((0, 15, 30, 45)):02d}"
        return ActInput(
            kind=ActKind.BIRTH,
            event_date=event.isoformat(),
            event_time=hour if self.rng.random() < 0.8 else "",
            event_place=(
                self.rng.choice(self.facilities) if facility else self.rng.choice(self.localities)
            ),
            event_place_type="health_facility" if facility else "home",
            declaration_date=declared,
            persons=(child, father, mother, declarant),
            details={
                "multiplicity": "single",
                "weight_grams": int(self.rng.gauss(3100, 450)),
                "attendant": "midwife" if facility else "other",
                "mother_children_born_alive": self.rng.randint(1, 7),
            },
            judgment=judgment,
        )

    def marriage(
        self, on: date, spouse1: Person | None = None, spouse2: Person | None = None
    ) -> ActInput:
        s1 = spouse1 or self.adult("spouse1", 1, on, min_age=21, max_age=45)
        s2 = spouse2 or self.adult("spouse2", 2, on, min_age=18, max_age=35)
        witnesses = tuple(
            self.adult("witness", self.rng.choice((1, 2)), on, min_age=25, max_age=60, position=i)
            for i in (1, 2)
        )
        details: dict[str, Any] = {"form": "civil"}
        rules = self.profile.marriage
        if rules.options:
            details["option"] = "monogamy" if self.rng.random() < 0.7 else "polygamy"
        if rules.property_regimes:
            details["property_regime"] = self.rng.choice(rules.property_regimes)
        if rules.bride_price:
            details["bride_price"] = {  # structured dot (civreg.domain.bride_price)
                "amount": self.rng.randint(2, 30) * 50,
                "currency": "USD",
                "status": "paid" if self.rng.random() < 0.8 else "partly_paid",
            }
        return ActInput(
            kind=ActKind.MARRIAGE,
            event_date=on.isoformat(),
            event_time="10:00",
            event_place=f"Mairie de {self.home}",
            declaration_date=on.isoformat(),
            persons=(s1, s2, *witnesses),
            details=details,
        )

    def death(self, on: date, deceased: Person | None = None) -> ActInput:
        sex = deceased.sex if deceased else self.rng.choice((1, 2))
        d = deceased or self.adult("deceased", sex, on, min_age=30, max_age=85)
        declarant = self.adult("declarant", self.rng.choice((1, 2)), on, min_age=20, max_age=60)
        declarant = Person(**{**declarant.__dict__, "capacity": "relative"})
        return ActInput(
            kind=ActKind.DEATH,
            event_date=on.isoformat(),
            event_time=f"{self.rng.randint(0, 23):02d}:00",
            event_place=self.rng.choice(self.localities),
            declaration_date=on.isoformat(),
            persons=(d, declarant),
            details={
                "cause": {
                    "part1": [{"text": "Paludisme grave", "interval": "5 jours", "icd10": "B50.9"}],
                    "part2": [],
                }
            },
        )
