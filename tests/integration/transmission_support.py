"""Shared set-up for the transmission tests: communes with acts, districts (SQLite or
PostgreSQL), and a snapshot that proves a refused input changed nothing."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import text

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.security.keyfile import FAST_KDF
from civreg.services.context import Ctx
from civreg.services.drafts import create_draft
from civreg.services.keys import export_public_key, trust_key
from civreg.services.registration import register_act
from civreg.services.store_access import create_store, init_postgres, login
from civreg.services.users import add_user
from tests.integration.acts_support import received_day

TODAY = date(2025, 6, 20)
PW = "Secret-Baobab-Fleuve-24"


def birth(family: str, given: str, day: int, *, mother: str = "OUEDRAOGO") -> ActInput:
    return ActInput(
        kind=ActKind.BIRTH,
        event_date=f"2025-06-{day:02d}",
        event_time="08:15",
        event_place="CSPS",
        event_place_type="health_facility",
        declaration_date="2025-06-19",
        persons=(
            Person(role="child", family_name=family, given_names=given, sex=1),
            Person(role="father", family_name=family, given_names="Issa", sex=1, birth_date="1990"),
            Person(
                role="mother", family_name=mother, given_names="Awa", sex=2, birth_date="1995-04-02"
            ),
            Person(
                role="declarant", family_name=family, given_names="Issa", sex=1, capacity="father"
            ),
        ),
        details={"multiplicity": "single"},
    )


def marriage(s1_ref: str, s2_ref: str) -> ActInput:
    return ActInput(
        kind=ActKind.MARRIAGE,
        event_date="2025-06-14",
        event_time="10:00",
        event_place="Mairie",
        declaration_date="2025-06-14",
        persons=(
            Person(
                role="spouse1",
                family_name="KABORE",
                given_names="Paul",
                sex=1,
                birth_date="1990-01-01",
                birth_act_ref=s1_ref,
            ),
            Person(
                role="spouse2",
                family_name="ZONGO",
                given_names="Alice",
                sex=2,
                birth_date="1992-02-02",
                birth_act_ref=s2_ref,
            ),
            Person(
                role="witness",
                position=1,
                family_name="SOME",
                given_names="Jean",
                sex=1,
                birth_date="1980",
            ),
            Person(
                role="witness",
                position=2,
                family_name="SOME",
                given_names="Luc",
                sex=1,
                birth_date="1981",
            ),
        ),
        details={"form": "civil", "option": "monogamy"},
    )


@dataclass
class Office:
    path: Path | str
    admin: Ctx
    registrar: Ctx | None = None
    officer: Ctx | None = None  # a district officer (quarantine review)

    @property
    def office_id(self) -> str:
        return self.admin.office.office_id

    def close(self) -> None:
        for ctx in (self.admin, self.registrar, self.officer):
            if ctx is not None and ctx is not self.admin:
                ctx.close()
        self.admin.close()


def new_commune(folder: Path, commune: str) -> Office:
    path = folder / f"commune-{commune}.db"
    created = create_store(
        path,
        country="BF",
        commune=commune,
        centre="01",
        office_name=f"Mairie {commune}",
        admin="admin",
        password=PW,
        kdf=FAST_KDF,
    )
    add_user(
        created.ctx,
        "registrar",
        PW,
        ["registrar", "clerk"],
        full_name="Officier",
        title="OEC",
        kdf=FAST_KDF,
    )
    return Office(path, created.ctx, login(path, "registrar", PW))


def new_district(folder: Path, pg_url: str | None = None, office: str = "D11") -> Office:
    if pg_url:
        ctx = init_postgres(
            pg_url,
            country="BF",
            office_id=f"BF-{office}",
            office_name=f"District {office}",
            level="district",
            admin="admin",
            password=PW,
            kdf=FAST_KDF,
        )
        return Office(pg_url, ctx, officer=ctx)
    path = folder / f"district-{office}.db"
    created = create_store(
        path,
        country="BF",
        commune=office,
        centre="00",
        office_name=f"District {office}",
        admin="admin",
        password=PW,
        level="district",
        kdf=FAST_KDF,
    )
    add_user(created.ctx, "officer", PW, ["district"], kdf=FAST_KDF)
    return Office(path, created.ctx, officer=login(path, "officer", PW))


def register(office: Office, data: ActInput) -> str:
    assert office.registrar is not None
    draft = create_draft(office.registrar, data, today=received_day(data))
    return register_act(office.registrar, draft.id, today=TODAY).global_id or ""


def trust(importer: Office, sender: Office, folder: Path) -> None:
    key = folder / f"{sender.office_id}.pub.json"
    export_public_key(sender.admin, key)
    trust_key(importer.admin, key)


def snapshot(ctx: Ctx) -> Any:
    """Every row of every table, plus the file bytes for SQLite (after a checkpoint)."""
    store = ctx.store
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with store.engine.connect() as conn:
        if store.is_sqlite:
            names = conn.execute(
                text("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            ).scalars()
        else:
            names = conn.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname='public' ORDER BY 1")
            ).scalars()
        for name in list(names):
            rows[name] = [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}"'))]
            rows[name].sort(key=repr)
    files: list[str] = []
    if store.path is not None:
        for p in (store.path, Path(f"{store.path}-wal")):
            files.append(hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "")
    return rows, files


def prepare_snapshot(ctx: Ctx) -> None:
    ctx.store.checkpoint()
