"""Fill a store with many registered acts fast (SQLAlchemy Core executemany, one
transaction), for the lazy-loading test and the start-up benchmark. Not the registration
path: this builds volume, the services are exercised elsewhere."""

from __future__ import annotations

import json
import random
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from civreg.domain.names import search_keys
from civreg.models.acts import Act, ActPerson, PersonSearch, Register
from civreg.models.base import utcnow

FAMILY = [
    "Ouédraogo",
    "Sawadogo",
    "Kaboré",
    "Zongo",
    "Compaoré",
    "Traoré",
    "Kiemdé",
    "Bationo",
    "Yaméogo",
    "Zoungrana",
    "Ilboudo",
    "Nikiéma",
    "Bamogo",
    "Tapsoba",
]
GIVEN = [
    "Aïcha",
    "Issa",
    "Mariam",
    "Salif",
    "Awa",
    "Boukary",
    "Fatimata",
    "Rasmané",
    "Adama",
    "Pauline",
    "Alizèta",
    "Hamidou",
    "Rokia",
    "Moussa",
]
DEFAULTS = dict(
    event_time="",
    event_place_type="",
    late=False,
    judgment_court="",
    judgment_number="",
    judgment_date="",
    transcribed=False,
    original_date="",
    transcription_note="",
    registrar_name="Officier",
    registrar_title="",
    content_hash="",
)
PERSON_DEFAULTS = dict(
    post_nom="",
    birth_date="",
    birth_place="",
    profession="",
    domicile="",
    nationality="",
    id_document="",
    marital_status="",
    previous_marital_status="",
    capacity="",
    birth_act_ref="",
)
PLACES = ["Koudougou", "Réo", "Sabou", "Imasgo", "Nanoro", "Ténado"]


def _raw_insert(conn, table: str, rows: list[dict]) -> None:
    """executemany straight on the driver (Core adds ~2x overhead per row here)."""
    cols = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    conn.exec_driver_sql(sql, [tuple(_plain(r[c]) for c in cols) for r in rows])


def _plain(v: object) -> object:
    if isinstance(v, dict):
        return json.dumps(v)
    if isinstance(v, datetime):
        return v.isoformat(sep=" ")
    return v


def add_births(
    store_path: Path,
    password: str,
    n: int,
    *,
    user: str = "admin",
    first_year: int = 2000,
    seed: int = 7,
    batch: int = 20_000,
) -> None:
    from civreg.services.store_access import login

    ctx = login(store_path, user, password)
    rnd = random.Random(seed)
    office = ctx.office
    per_year = max(1, n // 25)
    try:
        with ctx.store.write() as s:
            conn = s.connection()
            years = sorted({first_year + i // per_year for i in range(n)})
            conn.execute(
                insert(Register),
                [
                    dict(
                        centre=office.centre,
                        kind="birth",
                        year=y,
                        first_number=1,
                        next_number=per_year + 1,
                    )
                    for y in years
                ],
            )
            next_id = 1
            key_cache: dict[tuple[str, str], dict[str, str]] = {}
            now = utcnow()
            for start in range(0, n, batch):
                acts, persons, keys = [], [], []
                for i in range(start, min(n, start + batch)):
                    year = first_year + i // per_year
                    number = i % per_year + 1
                    day = date(year, 1, 1) + timedelta(days=rnd.randrange(365))
                    fam, given = rnd.choice(FAMILY), rnd.choice(GIVEN)
                    acts.append(
                        dict(
                            id=next_id,
                            uuid=str(uuid.UUID(int=(seed << 64) + next_id)),  # ordered
                            kind="birth",
                            status="registered",
                            origin="local",
                            office_id=office.office_id,
                            country=office.country,
                            commune=office.commune,
                            centre=office.centre,
                            year=year,
                            number=number,
                            global_id=f"{office.office_id}-N-{year}-{number:06d}",
                            event_date=day.isoformat(),
                            event_from=day.isoformat(),
                            event_to=day.isoformat(),
                            event_place=rnd.choice(PLACES),
                            declaration_date=day.isoformat(),
                            details={},
                            **DEFAULTS,
                            created_at=now,
                            updated_at=now,
                            registered_at=now,
                        )
                    )
                    persons.append(
                        dict(
                            id=next_id,
                            act_id=next_id,
                            role="child",
                            position=0,
                            family_name=fam,
                            given_names=given,
                            sex=rnd.choice((1, 2)),
                            **PERSON_DEFAULTS,
                        )
                    )
                    if (fam, given) not in key_cache:
                        key_cache[fam, given] = search_keys(fam, given)
                    keys.append(
                        dict(
                            person_id=next_id, act_id=next_id, role="child", **key_cache[fam, given]
                        )
                    )
                    next_id += 1
                for table, rows in (
                    (Act.__table__, acts),
                    (ActPerson.__table__, persons),
                    (PersonSearch.__table__, keys),
                ):
                    _raw_insert(conn, table.name, rows)
        ctx.store.checkpoint()
    finally:
        ctx.close()
