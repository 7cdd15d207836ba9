"""Stores for the crash harness: built once per run in-process, then copied per operation."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.security.keyfile import FAST_KDF, keyfile_path

PW = "Karite-Moringa-Soleil-47"  # every account of the harness's stores
TODAY = date(2025, 6, 20)
RECEIVED = date(2025, 6, 19)  # the declaration reached the office the day it was made
FAMILIES = ("KABORE", "OUEDRAOGO", "ZONGO", "SAWADOGO", "COMPAORE", "TRAORE", "SOME")


def letters(i: int) -> str:
    """A name part from a number (names hold letters only): 0 -> "Aa", 27 -> "Bb"…"""
    out = ""
    i += 26
    while i:
        i, r = divmod(i, 26)
        out = "abcdefghijklmnopqrstuvwxyz"[r] + out
    return out.capitalize()


def act_input(i: int) -> ActInput:
    """A birth a registrar can register on TODAY; names vary with ``i``."""
    family = FAMILIES[i % len(FAMILIES)]
    return ActInput(
        kind=ActKind.BIRTH,
        event_date=f"2025-06-{1 + i % 18:02d}",
        event_time="08:15",
        event_place="CSPS",
        event_place_type="health_facility",
        declaration_date="2025-06-19",
        persons=(
            Person(
                role="child", family_name=family, given_names=f"Enfant {letters(i)}", sex=1 + i % 2
            ),
            Person(role="father", family_name=family, given_names="Issa", sex=1, birth_date="1990"),
            Person(role="mother", family_name="NANA", given_names="Awa", sex=2, birth_date="1995"),
            Person(
                role="declarant", family_name=family, given_names="Issa", sex=1, capacity="father"
            ),
        ),
        details={"multiplicity": "single"},
    )


def copy_store(src: Path, dst: Path) -> Path:
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)
    shutil.copy2(keyfile_path(src), keyfile_path(dst))
    return dst


def build_base(folder: Path) -> Path:
    """A commune store: admin, registrar (also clerk), clerk; every password ``PW``."""
    from civreg.services.store_access import create_store
    from civreg.services.users import add_user

    path = folder / "base" / "store.db"
    created = create_store(
        path, country="BF", commune="11", centre="01", office_name="Mairie de Koudougou",
        admin="admin", password=PW, kdf=FAST_KDF,
    )  # fmt: skip
    ctx = created.ctx
    add_user(ctx, "registrar", PW, ["registrar", "clerk"], full_name="Officier", title="OEC",
             kdf=FAST_KDF)  # fmt: skip
    add_user(ctx, "clerk", PW, ["clerk"], kdf=FAST_KDF)
    ctx.store.checkpoint()
    ctx.close()
    return path


def register_acts(store: Path, n: int, start: int = 0) -> list[int]:
    from civreg.services.drafts import create_draft
    from civreg.services.registration import register_act
    from civreg.services.store_access import login

    ctx = login(store, "registrar", PW)
    try:
        return [
            register_act(
                ctx, create_draft(ctx, act_input(start + i), today=RECEIVED).id, today=TODAY
            ).id
            for i in range(n)
        ]
    finally:
        ctx.store.checkpoint()
        ctx.close()


def prepare(op: str, base: Path, work: Path) -> None:
    """The starting state of ``op`` in ``work`` (its store is ``work/store.db``)."""
    work.mkdir(parents=True, exist_ok=True)
    store = work / "store.db"
    if op == "import":
        _prepare_import(work)
        return
    copy_store(base, store)
    if op == "mention":
        ids = register_acts(store, 3)
        (work / "acts.json").write_text(json.dumps(ids))
    elif op in ("export", "backup"):
        (work / "out").mkdir()
        if op == "backup":
            register_acts(store, 5)
    elif op == "restore":
        from civreg.services.backup import create_backup
        from civreg.services.store_access import login

        register_acts(store, 5)
        (work / "backups").mkdir()
        (work / "targets").mkdir()
        ctx = login(store, "admin", PW)
        try:
            create_backup(ctx, work / "backups")
        finally:
            ctx.close()
    elif op == "migrate":
        _prepare_migrate(store)


def _prepare_migrate(store: Path, acts: int = 300) -> None:
    from civreg.models import migrate
    from civreg.security.signing_power import office_signing_key
    from civreg.services.store_access import login
    from tests.integration.durability_support import downgrade_as_previous_version

    register_acts(store, acts)
    ctx = login(store, "admin", PW)
    try:
        with ctx.store.read() as s:
            key = office_signing_key(s)
        downgrade_as_previous_version(ctx.store.engine, key, migrate.REVISIONS[-2])
        ctx.store.checkpoint()
    finally:
        ctx.close()


def _prepare_import(work: Path, batches: int = 4, per_batch: int = 40) -> None:
    from civreg.services.drafts import create_draft
    from civreg.services.keys import export_public_key, trust_key
    from civreg.services.registration import register_act
    from civreg.services.store_access import create_store, login
    from civreg.services.transmission import export_batch
    from civreg.services.users import add_user

    src = work / "commune"
    commune = build_base(src)
    incoming = work / "incoming"
    incoming.mkdir()
    (work / "receipts").mkdir()
    ctx = login(commune, "registrar", PW)
    admin = login(commune, "admin", PW)
    try:
        for b in range(batches):
            for i in range(per_batch):
                register_act(
                    ctx,
                    create_draft(ctx, act_input(b * per_batch + i), today=RECEIVED).id,
                    today=TODAY,
                )
            export_batch(ctx, incoming / f"batch-{b + 1:03d}.civreg-batch")
        export_public_key(admin, work / "commune.pub.json")
    finally:
        ctx.close()
        admin.close()
    created = create_store(
        work / "store.db", country="BF", commune="D11", centre="00",
        office_name="District D11", admin="admin", password=PW, level="district", kdf=FAST_KDF,
    )  # fmt: skip
    add_user(created.ctx, "officer", PW, ["district"], kdf=FAST_KDF)
    trust_key(created.ctx, work / "commune.pub.json")
    created.ctx.store.checkpoint()
    created.ctx.close()
