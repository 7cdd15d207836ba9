"""A store with varied acts for the statistics and year-end tests, made through the real
services (the demo generator), plus deaths with various ICD-10 codes and a few cancellations;
and an independent reading of it with plain SQL for the counts the tests compare."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text

from civreg.services.context import Ctx

TODAY = date(2026, 11, 20)
CODES = ("I21.9", "J18.9", "A09", "", "V89.2", "P07.3", "C50", "O72.1", "R99", "D50.9")


def fill_store(clerk: Ctx, registrar: Ctx, *, acts: int = 110, seed: int = 18) -> dict[str, Any]:
    """Registered acts of every kind over thirty years (the demo generator), deaths with
    varied causes, and three cancelled acts; returns what was cancelled."""
    from civreg.demo.build import _register, fill
    from civreg.demo.synthetic import Generator
    from civreg.services.mentions import add_mention

    fill(clerk, registrar, acts=acts, seed=seed, today=TODAY)
    rng = random.Random(seed)
    gen = Generator(registrar.profile, rng, TODAY)
    for i, code in enumerate(CODES):
        on = TODAY - timedelta(days=30 + 37 * i)
        data = gen.death(on)
        line = {"text": "Cause déclarée", "interval": "2 jours"}
        if code:
            line["icd10"] = code
        data = replace(data, details={"cause": {"part1": [line], "part2": []}})
        if i % 3 == 0:  # a newborn: under one year
            deceased = replace(
                data.persons[0],
                birth_date=(on - timedelta(days=40)).isoformat(),
                approx_age=None,
            )
            data = replace(data, persons=(deceased, *data.persons[1:]))
        _register(clerk, registrar, data, on)
    with registrar.store.read() as s:
        ids = {
            kind: s.execute(
                text(
                    "SELECT id FROM acts WHERE status = 'registered' AND kind = :k "
                    "ORDER BY id LIMIT 1"
                ),
                {"k": kind},
            ).scalar_one()
            for kind in ("birth", "death", "marriage")
        }
    for kind, act_id in ids.items():
        add_mention(
            registrar,
            act_id,
            kind="cancellation",
            when=TODAY.isoformat(),
            text=f"Acte annulé ({kind}) par jugement.",
            authority="Tribunal de grande instance de Koudougou",
            reference=f"J-{act_id}/2026",
            today=TODAY,
        )
    return {"cancelled": ids}


def _age(event: str, birth: str, approx: int | None) -> int | None:
    ev, bd = event.lstrip("~"), birth.lstrip("~")
    if len(bd) >= 4 and len(ev) >= 4:
        years = int(ev[:4]) - int(bd[:4])
        if len(ev) == 10 and len(bd) == 10 and ev[5:] < bd[5:]:
            years -= 1
        return years
    return approx


def plain_counts(ctx: Ctx, date_from: str | None = None, date_to: str | None = None) -> dict:
    """Counters per kind, computed from the rows read with plain SQL and Python (not the
    service's statements): totals, periods, sexes, timeliness, places, ages, causes."""
    from civreg.domain.vital_groups import AGE_GROUPS, age_group, icd10_chapter

    with ctx.store.read() as s:
        acts = s.execute(
            text(
                "SELECT id, kind, event_date, event_from, centre, late, transcribed, "
                "judgment_number, judgment_court, event_place_type, medical FROM acts "
                "WHERE status = 'registered' AND id NOT IN "
                "(SELECT act_id FROM mentions WHERE kind = 'cancellation')"
            )
        ).all()
        persons: dict[tuple[int, str], Any] = {
            (p.act_id, p.role): p
            for p in s.execute(
                text(
                    "SELECT act_id, role, sex, birth_date, approx_age FROM act_persons "
                    "WHERE position = 0"
                )
            )
        }
    out: dict[str, dict[str, Counter]] = {}
    subject = {"birth": "child", "death": "deceased", "marriage": "spouse1"}
    for a in acts:
        if date_from and (a.event_from or "") < date_from:
            continue
        if date_to and (a.event_from or "9999") > date_to:
            continue
        c = out.setdefault(a.kind, {k: Counter() for k in ("total", "period", "sex", "time")})
        for k in ("place", "age", "age2", "cause", "centre"):
            c.setdefault(k, Counter())
        ev = a.event_date.lstrip("~")
        c["total"]["all"] += 1
        c["period"][ev[:7] if len(ev) >= 7 else ev[:4]] += 1
        subj = persons.get((a.id, subject[a.kind]))
        c["sex"][
            subj.sex if subj is not None and subj.sex in (1, 2) and a.kind != "marriage" else 0
        ] += 1
        if a.transcribed:
            time = "transcribed"
        elif a.judgment_number or a.judgment_court:
            time = "judgment"
        elif a.late:
            time = "late"
        else:
            time = "on_time"
        c["time"][time] += 1
        c["place"][
            a.event_place_type
            if a.event_place_type in ("health_facility", "home", "other", "")
            else "other"
        ] += 1
        c["centre"][a.centre] += 1
        groups = AGE_GROUPS[a.kind]
        whose = {"birth": "mother", "death": "deceased", "marriage": "spouse1"}[a.kind]
        p = persons.get((a.id, whose))
        c["age"][
            age_group(groups, _age(a.event_date, p.birth_date, p.approx_age) if p else None)
        ] += 1
        if a.kind == "marriage":
            p2 = persons.get((a.id, "spouse2"))
            c["age2"][
                age_group(groups, _age(a.event_date, p2.birth_date, p2.approx_age) if p2 else None)
            ] += 1
        if a.kind == "death":
            medical = a.medical if isinstance(a.medical, dict) else json.loads(a.medical or "null")
            lines = ((medical or {}).get("cause") or {}).get("part1") or []
            c["cause"][icd10_chapter(lines[-1].get("icd10") if lines else None)] += 1
    return out


def all_registered(ctx: Ctx) -> int:
    with ctx.store.read() as s:
        return int(
            s.execute(text("SELECT count(*) FROM acts WHERE status = 'registered'")).scalar_one()
        )


def event_day(d: date) -> str:
    return d.isoformat()


def plain_cells(ctx: Ctx) -> Counter:
    """Counts per combination of every category (kind, commune, centre, period, sex,
    timeliness, place, age, age2, cause), from the acts read with plain SQL and Python: the
    joint counts, where :func:`plain_counts` gives each category alone."""
    from civreg.domain.vital_groups import AGE_GROUPS, age_group, icd10_chapter

    with ctx.store.read() as s:
        acts = s.execute(
            text(
                "SELECT id, kind, commune, centre, event_date, late, transcribed, "
                "judgment_number, judgment_court, event_place_type, medical FROM acts "
                "WHERE status = 'registered' AND id NOT IN "
                "(SELECT act_id FROM mentions WHERE kind = 'cancellation')"
            )
        ).all()
        persons = {
            (p.act_id, p.role): p
            for p in s.execute(
                text(
                    "SELECT act_id, role, sex, birth_date, approx_age FROM act_persons "
                    "WHERE position = 0"
                )
            )
        }
    out: Counter = Counter()
    for a in acts:
        ev = a.event_date.lstrip("~")
        groups = AGE_GROUPS[a.kind]

        def group(role: str, a=a, groups=groups) -> str:
            p = persons.get((a.id, role))
            age = _age(a.event_date, p.birth_date, p.approx_age) if p else None
            return age_group(groups, age)

        subject = persons.get((a.id, {"birth": "child", "death": "deceased"}.get(a.kind, "")))
        sex = subject.sex if subject is not None and subject.sex in (1, 2) else 0
        if a.transcribed:
            time = "transcribed"
        elif a.judgment_number or a.judgment_court:
            time = "judgment"
        else:
            time = "late" if a.late else "on_time"
        cause = ""
        if a.kind == "death":
            medical = a.medical if isinstance(a.medical, dict) else json.loads(a.medical or "null")
            lines = ((medical or {}).get("cause") or {}).get("part1") or []
            cause = icd10_chapter(lines[-1].get("icd10") if lines else None)
        place = a.event_place_type
        out[
            (
                a.kind,
                a.commune,
                a.centre,
                ev[:7] if len(ev) >= 7 else ev[:4],
                sex,
                time,
                place if place in ("health_facility", "home", "other", "") else "other",
                group({"birth": "mother", "death": "deceased"}.get(a.kind, "spouse1")),
                group("spouse2") if a.kind == "marriage" else "",
                cause,
            )
        ] += 1
    return out


def cells_of(stats: Any) -> Counter:
    """The statistics' counts per combination, in :func:`plain_cells`'s shape."""
    out: Counter = Counter()
    for c in stats.cells:
        key = (c.kind, c.commune, c.centre, c.period, c.sex, c.timeliness, c.place)
        out[(*key, c.age, c.age2, c.cause)] += c.n
    return out


def years_in_step(ctx) -> None:
    """The counts per year (``stats_cube_year``) are the counts per month summed by year."""
    from sqlalchemy import text

    dims = "kind, commune, centre, {period}, sex, timeliness, place, age, age2, cause"
    with ctx.store.read() as s:
        by_month = s.execute(
            text(
                f"SELECT {dims.format(period='substr(period, 1, 4)')}, sum(n) FROM stats_cube "
                f"GROUP BY {dims.format(period='substr(period, 1, 4)')}"
            )
        ).all()
        by_year = s.execute(text(f"SELECT {dims.format(period='period')}, n FROM stats_cube_year"))
        assert Counter({tuple(r[:-1]): r[-1] for r in by_year.all()}) == Counter(
            {tuple(r[:-1]): r[-1] for r in by_month if r[-1]}
        )
