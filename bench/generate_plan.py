"""The skeleton of a synthetic register, planned in one pass (used by ``bench/generate.py``).

Everything that makes one act depend on another is decided here, sequentially and cheaply:
which kind each act is, its event and declaration dates, its row ids, its register and its
number in that register (numbers 1..n per register, in act id order), twins, births declared a
second time, and which earlier birth a death or a marriage refers to. What is left — names,
people, places, content hashes, rows — depends only on the plan of one event, so workers fill
chunks of the plan in parallel (:mod:`bench.generate_rows`).

A birth's child is named from a seed kept in the plan (:func:`child_names`): a death or a
marriage that refers to that birth names the person the same way without having seen the
birth's rows.
"""

from __future__ import annotations

import random
from array import array
from bisect import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

SHARE = {"birth": 0.78, "death": 0.12, "marriage": 0.10}
TWIN_RATE = 0.02
LATE_RATE = 0.08
VARIANT_RATE = 0.004  # births stored under another spelling (ground truth for recall)
DUPLICATE_RATE = 0.001  # births registered a second time
PERSONS = {"birth": 4, "death": 2, "marriage": 4}

_M64 = (1 << 64) - 1


def mix(seed: int, k: int) -> float:
    """A uniform number in [0, 1) from (seed, k): splitmix64, stateless."""
    x = (seed + (k + 1) * 0x9E3779B97F4A7C15) & _M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _M64
    return (x ^ (x >> 31)) / 18446744073709551616.0


@dataclass
class NamePools:
    """The country's names and a Zipf-like weighting of family names."""

    families: list[str]
    fam_cum: list[float]
    males: list[str]
    females: list[str]
    postnoms: list[str]

    @classmethod
    def of(cls, data: dict[str, Any], uses_post_nom: bool) -> NamePools:
        families = data["family"]
        cum, total = [], 0.0
        for i in range(len(families)):
            total += 1.0 / (i + 1) ** 0.8
            cum.append(total)
        return cls(
            families,
            cum,
            data["given_male"],
            data["given_female"],
            data.get("postnom", []) if uses_post_nom else [],
        )

    def family_at(self, u: float) -> str:
        i = bisect(self.fam_cum, u * self.fam_cum[-1])
        return self.families[min(len(self.families) - 1, i)]

    def given_at(self, sex: int, u1: float, u2: float, u3: float) -> str:
        pool = self.males if sex == 1 else self.females
        g = pool[int(u1 * len(pool))]
        if u2 < 0.2:
            h = pool[int(u3 * len(pool))]
            if h != g:
                g = f"{g} {h}"
        return g


def child_names(pools: NamePools, seed: int, twin: int, sex: int) -> tuple[str, str]:
    """(family, given names) of the child of a planned birth: the family is the event's, the
    given names are each twin's."""
    family = pools.family_at(mix(seed, 0))
    k = 1 + 3 * twin
    return family, pools.given_at(sex, mix(seed, k), mix(seed, k + 1), mix(seed, k + 2))


# A planned act: (act id, first person id, register id, number, declaration day ordinal).
Slot = tuple[int, int, int, int, int]
# A birth another act refers to: (event ordinal, register year, number, sex, seed, twin).
Link = tuple[int, int, int, int, int, int]


@dataclass
class Chunk:
    """Consecutive planned events; acts ``first_act``..``last_act`` (row ids) in them."""

    index: int
    events: list[tuple] = field(default_factory=list)
    first_act: int = 0
    last_act: int = 0
    acts: int = 0


class Planner:
    """Plans ``total`` acts (a few more at most: twins and second declarations come whole)."""

    def __init__(
        self,
        rng: random.Random,
        today: date,
        years: int,
        deadline_days: int,
        total: int,
        *,
        first_act: int = 1,
        first_person: int = 1,
        register_ids: dict[tuple[str, int], int] | None = None,
        numbers: dict[tuple[str, int], int] | None = None,
    ) -> None:
        self.rng = rng
        self.today = today.toordinal()
        self.first_day = date(today.year - years, 1, 1).toordinal()
        self.span_days = (today - date(today.year - years, 1, 1)).days - 30
        self.deadline = deadline_days
        self.total = total
        self.next_act = first_act
        self.next_person = first_person
        self.numbers: dict[tuple[str, int], int] = numbers if numbers is not None else {}
        self.register_ids: dict[tuple[str, int], int] = (
            register_ids if register_ids is not None else {}
        )
        # The births planned so far, for deaths and marriages to refer to.
        self._b_event = array("i")
        self._b_year = array("H")
        self._b_number = array("I")
        self._b_sex = array("b")
        self._b_seed = array("Q")
        self._b_twin = array("b")
        self.duplicates: list[dict[str, int]] = []
        self.twins: list[dict[str, list[int]]] = []
        self._year_of: dict[int, int] = {}

    # ---- helpers -------------------------------------------------------------------------
    def _year(self, ordinal: int) -> int:
        y = self._year_of.get(ordinal)
        if y is None:
            y = self._year_of[ordinal] = date.fromordinal(ordinal).year
        return y

    def _slot(self, kind: str, declared: int) -> Slot:
        key = (kind, self._year(declared))
        number = self.numbers.get(key, 0) + 1
        self.numbers[key] = number
        reg = self.register_ids.get(key)
        if reg is None:
            reg = self.register_ids[key] = len(self.register_ids) + 1
        act, pid = self.next_act, self.next_person
        self.next_act += 1
        self.next_person += PERSONS[kind]
        return (act, pid, reg, number, declared)

    def _event_day(self) -> int:
        """Registers are written day after day: events follow the act ids (as in a real store,
        where acts are inserted in registration order), within a few weeks."""
        rnd = self.rng.random
        if self.total:
            day = int(self.span_days * min(1.0, self.next_act / self.total))
            day = max(0, day - int(rnd() * 46))
        else:
            day = int(rnd() * (self.span_days + 1))
        return self.first_day + day

    def _declared(self, event: int, late: bool) -> int:
        rnd = self.rng.random
        if late:
            return min(event + self.deadline + 30 + int(rnd() * 871), self.today)
        return min(event + int(rnd() * (self.deadline + 1)), self.today)

    def _born_before(self, on: int, years: int) -> Link | None:
        """A birth planned at least ``years`` before ``on`` (a few tries)."""
        n = len(self._b_event)
        if not n:
            return None
        limit = on - 365 * years
        rnd = self.rng.random
        for _ in range(3):
            i = int(rnd() * n)
            if self._b_event[i] <= limit:
                return (
                    self._b_event[i],
                    self._b_year[i],
                    self._b_number[i],
                    self._b_sex[i],
                    self._b_seed[i],
                    self._b_twin[i],
                )
        return None

    # ---- events --------------------------------------------------------------------------
    def birth(self) -> tuple:
        rnd = self.rng.random
        event = self._event_day()
        late = rnd() < LATE_RATE
        declared = self._declared(event, late)
        seed = self.rng.getrandbits(63)
        twins = 2 if rnd() < TWIN_RATE else 1
        slots = []
        for twin in range(twins):
            sex = 1 if rnd() < 0.5 else 2
            slot = self._slot("birth", declared)
            slots.append((*slot, sex))
            self._b_event.append(event)
            self._b_year.append(self._year(declared))
            self._b_number.append(slot[3])
            self._b_sex.append(sex)
            self._b_seed.append(seed)
            self._b_twin.append(twin)
        dup = None
        if twins == 1 and rnd() < DUPLICATE_RATE:
            dup = self._slot("birth", self._declared(event, True))
            self.duplicates.append({"original": slots[0][0], "duplicate": dup[0]})
        if twins == 2:
            self.twins.append({"act_ids": [s[0] for s in slots]})
        return ("B", event, declared, late, seed, tuple(slots), dup)

    def death(self) -> tuple:
        on = self._event_day()
        link = self._born_before(on, 1)
        declared = min(on + int(self.rng.random() * 16), self.today)
        return ("D", on, self._slot("death", declared), link)

    def marriage(self) -> tuple:
        on = self._event_day()
        links = []
        for sex in (1, 2):
            link = self._born_before(on, 18)
            links.append(link if link and link[3] == sex else None)
        return ("M", on, self._slot("marriage", on), links[0], links[1])

    def event(self) -> tuple:
        r = self.rng.random()
        if r < SHARE["birth"]:
            return self.birth()
        if r < SHARE["birth"] + SHARE["death"]:
            return self.death()
        return self.marriage()

    def chunks(self, acts_per_chunk: int) -> Iterator[Chunk]:
        """The plan of every act, ``acts_per_chunk`` acts at a time (events are not split)."""
        index = 0
        while self.next_act <= self.total:
            chunk = Chunk(index, first_act=self.next_act)
            while self.next_act <= self.total and self.next_act - chunk.first_act < acts_per_chunk:
                chunk.events.append(self.event())
            chunk.last_act = self.next_act - 1
            chunk.acts = chunk.last_act - chunk.first_act + 1
            index += 1
            yield chunk
