"""Rows of a realistic synthetic register, made fast (used by ``bench/generate.py``).

:mod:`bench.generate_plan` decides kinds, dates, ids, numbers and links; :class:`RowMaker`
turns the plan of a chunk of events into rows — births (twins, late registrations with a
judgment, Zipf-like name frequencies), marriages and deaths of persons born in the store
(``birth_act_ref`` points at their birth act) — and the planted ground truth: acts stored under
another spelling of a name (what a clerk must still find). Each chunk depends only on its plan
and its seed, so chunks are made in parallel and the store is the same whatever the number of
workers.
"""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any

from bench.generate_plan import VARIANT_RATE, Chunk, Link, NamePools, Planner, child_names
from bench.name_variants import ORTHO_KINDS, RULE_KINDS, TYPO_KINDS, variant_of_kind
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
# content_hash's canonical JSON, with one encoder built once (the same bytes: checked on the
# first act of every chunk).
_CANONICAL = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
).encode
_PERSON_VALUES = itemgetter(*PERSON_COLS[2:])
_NATIONALITY = {"BF": "burkinabè", "CD": "congolaise"}


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


class RowMaker:
    """Rows of planned events (see :mod:`bench.generate_plan`), with one random stream."""

    def __init__(
        self, office: Office, rng: random.Random, today: date, *, hashes: bool = True
    ) -> None:
        self.o, self.rng, self.hashes = office, rng, hashes
        self.today = today.toordinal()
        self.pools = NamePools.of(names_data()[office.country], office.uses_post_nom)
        self.nationality = _NATIONALITY.get(office.country, "")
        self.professions = {s: PROFESSIONS.get(s, PROFESSIONS[1]) for s in (1, 2)}
        self.court = TRIBUNALS[office.country].format(place=office.places[0])
        self._keys: dict[str, tuple[str, str]] = {"": ("", "")}
        self._iso: dict[int, str] = {}
        self._gids: dict[tuple[ActKind, int, int], str] = {}
        self.rows = Rows()
        self.variants: list[dict[str, Any]] = []
        self.checked = False

    # ---- small things, memoised ------------------------------------------------------------
    def keys(self, name: str) -> tuple[str, str]:
        """(normalised, phonetic) as ``search_keys`` stores them, memoised (names repeat)."""
        k = self._keys.get(name)
        if k is None:
            k = self._keys[name] = (normalize(name), phonetic(name))
        return k

    def iso(self, ordinal: int) -> str:
        s = self._iso.get(ordinal)
        if s is None:
            s = self._iso[ordinal] = date.fromordinal(ordinal).isoformat()
        return s

    def gid(self, kind: ActKind, year: int, number: int) -> str:
        o = self.o
        return o.format_id(commune=o.commune, centre=o.centre, kind=kind, year=year, number=number)

    def pick(self, pool: list[str]) -> str:
        return pool[int(self.rng.random() * len(pool))]

    # ---- people ------------------------------------------------------------------------------
    def person(
        self,
        role: str,
        sex: int,
        on: int,
        family: str | None = None,
        given: str | None = None,
        lo: int = 18,
        hi: int = 45,
        position: int = 0,
    ) -> dict[str, Any]:
        rnd = self.rng.random
        pools = self.pools
        age = lo + int(rnd() * (hi - lo + 1))
        r = rnd()
        if r < 0.85:
            born = self.iso(on - age * 365 - int(rnd() * 365))
            bd, approx = (born, None) if r < 0.6 else (born[:4], None)
        else:
            bd, approx = "", age
        places = self.o.places
        return {
            "role": role,
            "position": position,
            "family_name": family or pools.family_at(rnd()),
            "post_nom": self.pick(pools.postnoms) if pools.postnoms else "",
            "given_names": given or pools.given_at(sex, rnd(), rnd(), rnd()),
            "sex": sex,
            "birth_date": bd,
            "approx_age": approx,
            "birth_place": places[int(rnd() * len(places))],
            "profession": self.pick(self.professions[sex]),
            "domicile": places[int(rnd() * len(places))],
            "nationality": self.nationality,
            "id_document": "",
            "marital_status": "",
            "previous_marital_status": "",
            "capacity": "",
            "birth_act_ref": "",
        }

    def linked(self, role: str, on: int, link: Link) -> dict[str, Any]:
        """The person of an earlier planned birth (a death, a spouse)."""
        b_event, b_year, b_number, sex, seed, twin = link
        family, given = child_names(self.pools, seed, twin, sex)
        p = self.person(role, sex, on, family, given)
        p["birth_date"] = self.iso(b_event)
        p["approx_age"] = None
        p["birth_act_ref"] = self.gid(ActKind.BIRTH, b_year, b_number)
        return p

    def judgment(self, declared: int) -> tuple[str, str, str]:
        judged = declared - 1 - int(self.rng.random() * 20)
        iso = self.iso(judged)
        return self.court, f"{1 + int(self.rng.random() * 999)}/{iso[:4]}", iso

    # ---- acts --------------------------------------------------------------------------------
    def add_act(
        self,
        kind: ActKind,
        slot: tuple,
        event: str,
        ev_range: tuple[str, str],
        place: str,
        persons: list[dict[str, Any]],
        details: dict[str, Any],
        judgment: tuple[str, str, str] | None = None,
        medical: dict[str, Any] | None = None,
    ) -> str:
        act_id, pid, register_id, number, declared_ord = slot[:5]
        declared = self.iso(declared_ord)
        year = int(declared[:4])
        gid = self.gid(kind, year, number)
        o = self.o
        uid = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        registered = f"{declared}T10:00:00"
        persons.sort(key=lambda p: (p["role"], p["position"]))
        digest = ""
        if self.hashes:
            legal = {
                "kind": str(kind),
                "event_date": event,
                "event_time": "",
                "event_place": place,
                "event_place_type": "",
                "declaration_date": declared,
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
                "late": judgment is not None,
                "registrar_name": o.registrar_name,
                "registrar_title": o.registrar_title,
                "registered_at": registered,
            }
            digest = hashlib.sha256(_CANONICAL(legal).encode("utf-8")).hexdigest()
            if not self.checked:
                assert digest == content_hash(legal), "canonical JSON differs from content_hash"
                self.checked = True
        at = f"{declared} 10:00:00"
        rows = self.rows
        rows.acts.append(
            (
                act_id,
                uid,
                str(kind),
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
                declared,
                json.dumps(details),
                json.dumps(medical) if medical else None,
                judgment is not None,
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
                digest,
                o.registrar_id,
                at,
                at,
                at,
            )
        )
        keys = self.keys
        for p in persons:
            rows.persons.append((pid, act_id, *_PERSON_VALUES(p)))
            rows.search.append(
                (
                    pid,
                    act_id,
                    p["role"],
                    *keys(p["family_name"]),
                    *keys(p["given_names"]),
                    *keys(p["post_nom"]),
                )
            )
            pid += 1
        return gid

    def birth(self, ev: tuple, names: tuple[str, str] | None = None) -> None:
        """One planned birth event; ``names`` (family, given names) replaces the child's
        planned names (held-out spellings planted by ``bench/heldout.py``)."""
        _b, event_ord, declared, late, seed, slots, dup = ev
        rnd = self.rng.random
        event = self.iso(event_ord)
        judgment = self.judgment(declared) if late else None
        fam = names[0] if names else child_names(self.pools, seed, 0, 1)[0]
        mother = self.person("mother", 2, event_ord, lo=17, hi=42)
        father = self.person("father", 1, event_ord, family=fam, lo=20, hi=55)
        place = self.pick(self.o.places)
        twins = len(slots)
        for twin, slot in enumerate(slots):
            sex = slot[5]
            child = self.person(
                "child", sex, event_ord, *(names or child_names(self.pools, seed, twin, sex))
            )
            child.update(birth_date="", approx_age=None, profession="", domicile="", nationality="")
            parent = father if rnd() < 0.7 else mother
            decl = dict(parent, role="declarant", capacity=parent["role"])
            details = {
                "multiplicity": "twins" if twins == 2 else "single",
                "weight_grams": int(self.rng.gauss(3100, 450)),
            }
            variant = self._variant(child) if twins == 1 and rnd() < VARIANT_RATE else None
            gid = self.add_act(
                ActKind.BIRTH,
                slot,
                event,
                (event, event),
                place,
                [child, father, mother, decl],
                details,
                judgment,
            )
            if variant:
                self.variants.append(
                    {"act_id": slot[0], "global_id": gid, **variant, "event_date": event}
                )
            if dup is not None:
                self._duplicate(dup, child, father, mother, event_ord, place)

    def _variant(self, child: dict[str, Any]) -> dict[str, str] | None:
        """Store the child under another spelling of the family name and, half the time, of
        the given names too (a person coming back spells both from memory; the names may
        come in another order); the truth keeps what the person would say."""
        usual = child["family_name"]
        given = child["given_names"]
        kinds = list(RULE_KINDS + ORTHO_KINDS + TYPO_KINDS)
        self.rng.shuffle(kinds)
        for kind in kinds:
            v = variant_of_kind(usual, kind, self.rng)
            if v:
                break
        else:
            return None
        child["family_name"] = v
        out = {
            "query_family": usual,
            "query_given": given,
            "stored_family": v,
            "variant_kind": kind,
        }
        if self.rng.random() < 0.5:
            g_kinds = list(RULE_KINDS + ORTHO_KINDS)
            self.rng.shuffle(g_kinds)
            words = given.split()
            i = int(self.rng.random() * len(words))
            for g_kind in g_kinds:
                w = variant_of_kind(words[i], g_kind, self.rng)
                if w:
                    words[i] = w
                    out["given_kind"] = g_kind
                    break
            if len(words) > 1 and self.rng.random() < 0.5:
                words.reverse()
                out["given_order"] = "reversed"
            child["given_names"] = " ".join(words)
            out["stored_given"] = child["given_names"]
        return out

    def _duplicate(
        self, slot: tuple, child: dict, father: dict, mother: dict, event: int, place: str
    ) -> None:
        """The same birth declared again later, maybe spelled differently, maybe a day off."""
        rnd = self.rng.random
        again = dict(child)
        kind = RULE_KINDS[int(rnd() * len(RULE_KINDS))]
        v = variant_of_kind(child["family_name"], kind, self.rng)
        if v and rnd() < 0.6:
            again["family_name"] = v
        r = rnd()
        if r < 0.2:
            y = self.iso(event)[:4]
            ev, rng_ = y, (f"{y}-01-01", f"{y}-12-31")
        else:
            d = self.iso(event + (int(rnd() * 7) - 3 if r < 0.5 else 0))
            ev, rng_ = d, (d, d)
        self.add_act(
            ActKind.BIRTH,
            slot,
            ev,
            rng_,
            place,
            [again, dict(father), dict(mother), dict(father, role="declarant", capacity="father")],
            {"multiplicity": "single"},
            self.judgment(slot[4]),
        )

    def death(self, ev: tuple) -> None:
        _d, on, slot, link = ev
        rnd = self.rng.random
        if link:
            d = self.linked("deceased", on, link)
        else:
            d = self.person("deceased", 1 if rnd() < 0.5 else 2, on, lo=30, hi=85)
        decl = self.person("declarant", 1 if rnd() < 0.5 else 2, on, lo=20, hi=60)
        decl["capacity"] = "relative"
        day = self.iso(on)
        self.add_act(
            ActKind.DEATH,
            slot,
            day,
            (day, day),
            self.pick(self.o.places),
            [d, decl],
            {},
            medical={
                "cause": {
                    "part1": [{"text": "Paludisme grave", "interval": "5 jours"}],
                    "part2": [],
                }
            },
        )

    def marriage(self, ev: tuple) -> None:
        _m, on, slot, link1, link2 = ev
        rnd = self.rng.random
        spouses = [
            self.linked(role, on, link) if link else self.person(role, sex, on, lo=18, hi=45)
            for role, sex, link in (("spouse1", 1, link1), ("spouse2", 2, link2))
        ]
        witnesses = [
            self.person("witness", 1 if rnd() < 0.5 else 2, on, lo=25, hi=60, position=i)
            for i in (1, 2)
        ]
        day = self.iso(on)
        self.add_act(
            ActKind.MARRIAGE,
            slot,
            day,
            (day, day),
            f"Mairie de {self.o.places[0]}",
            [*spouses, *witnesses],
            {"form": "civil"},
        )

    def make(self, events: list[tuple]) -> None:
        for ev in events:
            tag = ev[0]
            if tag == "B":
                self.birth(ev)
            elif tag == "D":
                self.death(ev)
            else:
                self.marriage(ev)


def make_chunk(office: Office, chunk: Chunk, seed: int, today: date, hashes: bool) -> RowMaker:
    """The rows of one planned chunk; its random stream depends only on (seed, chunk index)."""
    maker = RowMaker(office, random.Random(seed * 1_000_003 + chunk.index), today, hashes=hashes)
    maker.make(chunk.events)
    return maker


class Synth:
    """Planner and row maker in one process, for benchmarks that need a few realistic acts
    (``bench_register.py``): ``birth()`` appends one birth's rows to ``rows``."""

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
        self.planner = Planner(rng, today, years, office.deadline_days, total)
        self.maker = RowMaker(office, rng, today, hashes=hashes)
        self.rows = self.maker.rows

    @property
    def next_act(self) -> int:
        return self.planner.next_act

    @next_act.setter
    def next_act(self, value: int) -> None:
        self.planner.next_act = value

    @property
    def next_person(self) -> int:
        return self.planner.next_person

    @next_person.setter
    def next_person(self, value: int) -> None:
        self.planner.next_person = value

    def birth(self) -> None:
        self.maker.birth(self.planner.birth())
