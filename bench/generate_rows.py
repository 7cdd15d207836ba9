"""Rows of a realistic synthetic register, made fast (used by ``bench/generate.py``).

Births (with twins, late registrations with a judgment, Zipf-like name frequencies), marriages
and deaths of persons born in the store (``birth_act_ref`` points at their birth act), and
planted ground truth: acts stored under another spelling of a name (what a clerk must still
find) and births registered twice (what the duplicate check must catch).
"""

from __future__ import annotations

import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from bench.name_variants import RULE_KINDS, TYPO_KINDS, variant_of_kind
from civreg.demo.synthetic import PROFESSIONS, TRIBUNALS, names_data
from civreg.domain.acts import ActKind
from civreg.domain.names import normalize, phonetic
from civreg.security.audit import content_hash

PERSON_COLS = (
    "id",
    "act_id",
    "role",
    "position",
    "family_name",
    "post_nom",
    "given_names",
    "sex",
    "birth_date",
    "approx_age",
    "birth_place",
    "profession",
    "domicile",
    "nationality",
    "id_document",
    "marital_status",
    "previous_marital_status",
    "capacity",
    "birth_act_ref",
)
ACT_COLS = (
    "id",
    "uuid",
    "kind",
    "status",
    "origin",
    "office_id",
    "country",
    "commune",
    "centre",
    "register_id",
    "year",
    "number",
    "global_id",
    "event_date",
    "event_from",
    "event_to",
    "event_time",
    "event_place",
    "event_place_type",
    "declaration_date",
    "details",
    "medical",
    "late",
    "judgment_court",
    "judgment_number",
    "judgment_date",
    "transcribed",
    "original_number",
    "original_date",
    "transcription_note",
    "registrar_id",
    "registrar_name",
    "registrar_title",
    "content_hash",
    "created_by",
    "created_at",
    "updated_at",
    "registered_at",
)
SEARCH_COLS = (
    "person_id",
    "act_id",
    "role",
    "norm_family",
    "phon_family",
    "norm_given",
    "phon_given",
    "norm_post_nom",
    "phon_post_nom",
)
SHARE = {"birth": 0.78, "death": 0.12, "marriage": 0.10}
TWIN_RATE = 0.02
LATE_RATE = 0.08
VARIANT_RATE = 0.004  # births stored under another spelling (ground truth for recall)
DUPLICATE_RATE = 0.001  # births registered a second time


@dataclass
class Office:
    country: str
    commune: str
    centre: str
    office_id: str
    registrar_id: int
    registrar_name: str
    registrar_title: str
    format_id: Any  # profile.format_identifier
    deadline_days: int
    uses_post_nom: bool
    places: list[str]


@dataclass
class Rows:
    acts: list[tuple] = field(default_factory=list)
    persons: list[tuple] = field(default_factory=list)
    search: list[tuple] = field(default_factory=list)

    def clear(self) -> None:
        self.acts.clear()
        self.persons.clear()
        self.search.clear()


class Synth:
    def __init__(
        self,
        office: Office,
        rng: random.Random,
        today: date,
        years: int,
        *,
        hashes: bool = True,
        total: int = 0,
    ) -> None:
        self.o, self.rng, self.today, self.hashes = office, rng, today, hashes
        self._keys: dict[str, tuple[str, str]] = {}
        self.total = total  # acts to make: events then follow the act ids
        data = names_data()[office.country]
        self.families = data["family"]
        self.fam_w = list(_cumulative([1.0 / (i + 1) ** 0.8 for i in range(len(self.families))]))
        self.postnoms = data.get("postnom", []) if office.uses_post_nom else []
        self.males, self.females = data["given_male"], data["given_female"]
        self.first_year = today.year - years
        self.span_days = (today - date(self.first_year, 1, 1)).days - 30
        self.next_act = 1
        self.next_person = 1
        self.numbers: dict[tuple[str, int], int] = {}
        self.register_ids: dict[tuple[str, int], int] = {}
        self.births: list[tuple[int, str, dict, str]] = []  # (act id, gid, child, event)
        self.truth: dict[str, list[dict[str, Any]]] = {
            "variants": [],
            "duplicates": [],
            "twins": [],
        }
        self.rows = Rows()

    def keys(self, name: str) -> tuple[str, str]:
        """(normalised, phonetic) as ``search_keys`` stores them, memoised (names repeat)."""
        k = self._keys.get(name)
        if k is None:
            k = self._keys[name] = (normalize(name), phonetic(name)) if name else ("", "")
        return k

    # ---- people ---------------------------------------------------------------------------
    def family(self) -> str:
        return self.rng.choices(self.families, cum_weights=self.fam_w)[0]

    def given(self, sex: int) -> str:
        pool = self.males if sex == 1 else self.females
        g = self.rng.choice(pool)
        if self.rng.random() < 0.2:
            h = self.rng.choice(pool)
            if h != g:
                g = f"{g} {h}"
        return g

    def person(
        self,
        role: str,
        sex: int,
        on: date,
        *,
        family: str | None = None,
        lo: int = 18,
        hi: int = 45,
        position: int = 0,
        **extra: Any,
    ) -> dict[str, Any]:
        age = self.rng.randint(lo, hi)
        r = self.rng.random()
        born = on - timedelta(days=age * 365 + self.rng.randint(0, 364))
        bd, approx = (
            (born.isoformat(), None)
            if r < 0.6
            else (str(born.year), None)
            if r < 0.85
            else ("", age)
        )
        p = dict(
            role=role,
            position=position,
            family_name=family or self.family(),
            post_nom=self.rng.choice(self.postnoms) if self.postnoms else "",
            given_names=self.given(sex),
            sex=sex,
            birth_date=bd,
            approx_age=approx,
            birth_place=self.rng.choice(self.o.places),
            profession=self.rng.choice(PROFESSIONS.get(sex, PROFESSIONS[1])),
            domicile=self.rng.choice(self.o.places),
            nationality="burkinabè" if self.o.country == "BF" else "congolaise",
            id_document="",
            marital_status="",
            previous_marital_status="",
            capacity="",
            birth_act_ref="",
        )
        p.update(extra)
        return p

    # ---- acts -----------------------------------------------------------------------------
    def _event(self) -> date:
        """Registers are written day after day: events follow the act ids (as in a real
        store, where acts are inserted in registration order), within a few weeks."""
        if self.total:
            day = int(self.span_days * min(1.0, self.next_act / self.total))
            day = max(0, day - self.rng.randint(0, 45))
        else:
            day = self.rng.randint(0, self.span_days)
        return date(self.first_year, 1, 1) + timedelta(days=day)

    def _declared(self, event: date, late: bool) -> tuple[date, tuple[str, str, str] | None]:
        if late:
            declared = min(
                event + timedelta(days=self.o.deadline_days + self.rng.randint(30, 900)), self.today
            )
            judged = declared - timedelta(days=self.rng.randint(1, 20))
            court = TRIBUNALS[self.o.country].format(place=self.o.places[0])
            return declared, (
                court,
                f"{self.rng.randint(1, 999)}/{judged.year}",
                judged.isoformat(),
            )
        return min(
            event + timedelta(days=self.rng.randint(0, self.o.deadline_days)), self.today
        ), None

    def add_act(
        self,
        kind: str,
        event: str,
        ev_range: tuple[str, str],
        place: str,
        declared: date,
        persons: list[dict[str, Any]],
        details: dict[str, Any],
        judgment: tuple[str, str, str] | None = None,
        medical: dict[str, Any] | None = None,
    ) -> tuple[int, str]:
        act_id = self.next_act
        self.next_act += 1
        year = declared.year
        key = (kind, year)
        number = self.numbers.get(key, 0) + 1
        self.numbers[key] = number
        register_id = self.register_ids.setdefault(key, len(self.register_ids) + 1)
        o = self.o
        gid = o.format_id(
            commune=o.commune, centre=o.centre, kind=ActKind(kind), year=year, number=number
        )
        uid = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        late = judgment is not None
        registered = f"{declared.isoformat()}T10:00:00"
        persons = sorted(persons, key=lambda p: (p["role"], p["position"]))
        legal = {
            "kind": kind,
            "event_date": event,
            "event_time": "",
            "event_place": place,
            "event_place_type": "",
            "declaration_date": declared.isoformat(),
            "persons": persons,
            "details": {**details, **(medical or {})},
            "judgment": dict(zip(("court", "number", "date"), judgment, strict=True))
            if judgment
            else None,
            "transcription": None,
            "centre": o.centre,
            "uuid": uid,
            "office_id": o.office_id,
            "country": o.country,
            "commune": o.commune,
            "year": year,
            "number": number,
            "global_id": gid,
            "late": late,
            "registrar_name": o.registrar_name,
            "registrar_title": o.registrar_title,
            "registered_at": registered,
        }
        at = f"{declared.isoformat()} 10:00:00"
        self.rows.acts.append(
            (
                act_id,
                uid,
                kind,
                "registered",
                "local",
                o.office_id,
                o.country,
                o.commune,
                o.centre,
                register_id,
                year,
                number,
                gid,
                event,
                ev_range[0],
                ev_range[1],
                "",
                place,
                "",
                declared.isoformat(),
                json.dumps(details),
                json.dumps(medical) if medical else None,
                late,
                judgment[0] if judgment else "",
                judgment[1] if judgment else "",
                judgment[2] if judgment else "",
                False,
                None,
                "",
                "",
                o.registrar_id,
                o.registrar_name,
                o.registrar_title,
                content_hash(legal) if self.hashes else "",
                o.registrar_id,
                at,
                at,
                at,
            )
        )
        for p in persons:
            pid = self.next_person
            self.next_person += 1
            self.rows.persons.append((pid, act_id, *(p[c] for c in PERSON_COLS[2:])))
            self.rows.search.append(
                (
                    pid,
                    act_id,
                    p["role"],
                    *self.keys(p["family_name"]),
                    *self.keys(p["given_names"]),
                    *self.keys(p["post_nom"]),
                )
            )
        return act_id, gid

    def birth(self) -> None:
        event = self._event()
        late = self.rng.random() < LATE_RATE
        declared, judgment = self._declared(event, late)
        fam = self.family()
        mother = self.person("mother", 2, event, lo=17, hi=42)
        father = self.person("father", 1, event, family=fam, lo=20, hi=55)
        place = self.rng.choice(self.o.places)
        twins = 2 if self.rng.random() < TWIN_RATE else 1
        made = []
        for _i in range(twins):
            sex = self.rng.choice((1, 2))
            child = self.person(
                "child",
                sex,
                event,
                family=fam,
                lo=0,
                hi=0,
                birth_date="",
                profession="",
                domicile="",
                nationality="",
            )
            decl = dict(
                father if self.rng.random() < 0.7 else mother, role="declarant", capacity="father"
            )
            details = {
                "multiplicity": "twins" if twins == 2 else "single",
                "weight_grams": int(self.rng.gauss(3100, 450)),
            }
            variant = None
            if twins == 1 and self.rng.random() < VARIANT_RATE:
                variant = self._variant(child)
            act_id, gid = self.add_act(
                "birth",
                event.isoformat(),
                (event.isoformat(),) * 2,
                place,
                declared,
                [child, father, mother, decl],
                details,
                judgment,
            )
            made.append(act_id)
            if variant:
                self.truth["variants"].append(
                    {"act_id": act_id, "global_id": gid, **variant, "event_date": event.isoformat()}
                )
            self.births.append((act_id, gid, child, event.isoformat()))
            if twins == 1 and self.rng.random() < DUPLICATE_RATE:
                self._duplicate(act_id, gid, child, father, mother, event, place)
        if twins == 2:
            self.truth["twins"].append({"act_ids": made})

    def _variant(self, child: dict[str, Any]) -> dict[str, str] | None:
        """Store the child under another spelling; the truth keeps the usual one."""
        usual = child["family_name"]
        kinds = list(RULE_KINDS + TYPO_KINDS)
        self.rng.shuffle(kinds)
        for kind in kinds:
            v = variant_of_kind(usual, kind, self.rng)
            if v:
                child["family_name"] = v
                return {
                    "query_family": usual,
                    "query_given": child["given_names"],
                    "stored_family": v,
                    "variant_kind": kind,
                }
        return None

    def _duplicate(
        self,
        act_id: int,
        gid: str,
        child: dict,
        father: dict,
        mother: dict,
        event: date,
        place: str,
    ) -> None:
        """The same birth declared again later, maybe spelled differently, maybe a day off."""
        again = dict(child)
        v = variant_of_kind(child["family_name"], self.rng.choice(RULE_KINDS), self.rng)
        if v and self.rng.random() < 0.6:
            again["family_name"] = v
        r = self.rng.random()
        if r < 0.2:
            ev, rng_ = str(event.year), (f"{event.year}-01-01", f"{event.year}-12-31")
        else:
            d = event + timedelta(days=self.rng.randint(-3, 3) if r < 0.5 else 0)
            ev, rng_ = d.isoformat(), (d.isoformat(), d.isoformat())
        declared, judgment = self._declared(event, True)
        dup_id, dup_gid = self.add_act(
            "birth",
            ev,
            rng_,
            place,
            declared,
            [again, dict(father), dict(mother), dict(father, role="declarant")],
            {"multiplicity": "single"},
            judgment,
        )
        self.truth["duplicates"].append(
            {"original": act_id, "duplicate": dup_id, "original_gid": gid, "duplicate_gid": dup_gid}
        )

    def death(self) -> None:
        on = self._event()
        linked = self._born_before(on, 1)
        if linked:
            _aid, bgid, child, ev = linked
            d = self.person(
                "deceased",
                child["sex"],
                on,
                family=child["family_name"],
                given_names=child["given_names"],
                birth_date=ev,
                birth_act_ref=bgid,
            )
        else:
            d = self.person("deceased", self.rng.choice((1, 2)), on, lo=30, hi=85)
        decl = self.person(
            "declarant", self.rng.choice((1, 2)), on, lo=20, hi=60, capacity="relative"
        )
        declared = min(on + timedelta(days=self.rng.randint(0, 15)), self.today)
        self.add_act(
            "death",
            on.isoformat(),
            (on.isoformat(),) * 2,
            self.rng.choice(self.o.places),
            declared,
            [d, decl],
            {},
            medical={
                "cause": {
                    "part1": [{"text": "Paludisme grave", "interval": "5 jours"}],
                    "part2": [],
                }
            },
        )

    def marriage(self) -> None:
        on = self._event()
        spouses = []
        for role, sex in (("spouse1", 1), ("spouse2", 2)):
            linked = self._born_before(on, 18)
            if linked and linked[2]["sex"] == sex:
                _aid, bgid, child, ev = linked
                spouses.append(
                    self.person(
                        role,
                        sex,
                        on,
                        family=child["family_name"],
                        given_names=child["given_names"],
                        birth_date=ev,
                        birth_act_ref=bgid,
                    )
                )
            else:
                spouses.append(self.person(role, sex, on, lo=18, hi=45))
        witnesses = [
            self.person("witness", self.rng.choice((1, 2)), on, lo=25, hi=60, position=i)
            for i in (1, 2)
        ]
        self.add_act(
            "marriage",
            on.isoformat(),
            (on.isoformat(),) * 2,
            f"Mairie de {self.o.places[0]}",
            on,
            [*spouses, *witnesses],
            {"form": "civil"},
        )

    def _born_before(self, on: date, years: int) -> tuple[int, str, dict, str] | None:
        """A birth of this store at least ``years`` before ``on`` (a few tries)."""
        if not self.births:
            return None
        limit = (on - timedelta(days=365 * years)).isoformat()
        for _ in range(3):
            b = self.births[self.rng.randrange(len(self.births))]
            if b[3] <= limit:
                return b
        return None

    def one(self) -> None:
        r = self.rng.random()
        if r < SHARE["birth"]:
            self.birth()
        elif r < SHARE["birth"] + SHARE["death"]:
            self.death()
        else:
            self.marriage()


def _cumulative(weights: list[float]) -> list[float]:
    total = 0.0
    out = []
    for w in weights:
        total += w
        out.append(total)
    return out
