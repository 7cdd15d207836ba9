"""Build a demo store: four users (one per role, password ``demo``) and realistic acts,
all through the real services, so a demo store obeys every rule a real one does."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from civreg.domain.acts import Person
from civreg.errors import CivregError
from civreg.security.keyfile import DEMO_KDF
from civreg.services.context import Ctx
from civreg.services.drafts import create_draft
from civreg.services.mentions import add_mention
from civreg.services.registration import register_act
from civreg.services.store_access import create_store, login
from civreg.services.users import add_user

DEMO_PASSWORD = "demo"
DEMO_OFFICES = {
    "BF": dict(
        commune="BLK01", centre="01", office_name="Centre principal d'état civil de Koudougou"
    ),
    "CD": dict(
        commune="KN-V01-C04", centre="01", office_name="Bureau principal de l'état civil de Gombe"
    ),
}
# The demo's accounts, named as people of the country are (a Gombe counter's clerk is not
# "Awa KABORE").
DEMO_USERS = {
    "BF": (
        ("clerk", ["clerk"], "Awa KABORE", ""),
        ("registrar", ["registrar"], "Issa SAWADOGO", "Officier de l'état civil"),
        ("district", ["district"], "Paul ZONGO", ""),
    ),
    "CD": (
        ("clerk", ["clerk"], "Grâce MUJINGA", ""),
        ("registrar", ["registrar"], "Jean-Pierre KABONGO", "Officier de l'état civil"),
        ("district", ["district"], "Paul ILUNGA", ""),
    ),
}


@dataclass(frozen=True)
class DemoResult:
    path: Path
    created: bool
    acts: int
    recovery_key: str


def _subject(view, role: str) -> Person | None:
    return view.data.person(role)


def build_demo(
    path: Path,
    *,
    country: str = "BF",
    acts: int = 300,
    seed: int = 1,
    kdf: dict[str, object] | None = None,
    progress: Callable[[int, int], None] | None = None,
    today: date | None = None,
) -> DemoResult:
    """Create the demo store at ``path`` if absent and fill it with ``acts`` acts."""
    if path.exists():
        return DemoResult(path, False, 0, "")
    kdf = kdf or DEMO_KDF  # the password is the documented "demo": cost protects nothing
    created = create_store(
        path,
        country=country,
        admin="admin",
        password=DEMO_PASSWORD,
        admin_full_name="Administrateur",
        is_demo=True,
        kdf=kdf,
        **DEMO_OFFICES[country],
    )
    admin = created.ctx
    for username, roles, full, title in DEMO_USERS[country]:
        add_user(admin, username, DEMO_PASSWORD, roles, full_name=full, title=title, kdf=kdf)
    admin.close()
    clerk = login(path, "clerk", DEMO_PASSWORD)
    registrar = login(path, "registrar", DEMO_PASSWORD)
    try:
        n = fill(
            clerk, registrar, acts=acts, seed=seed, progress=progress, today=today or date.today()
        )
    finally:
        clerk.close()
        registrar.close()
    return DemoResult(path, True, n, created.recovery_key)


def fill(
    clerk: Ctx,
    registrar: Ctx,
    *,
    acts: int,
    seed: int,
    today: date,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    from civreg.demo.synthetic import Generator

    rng = random.Random(seed)
    gen = Generator(registrar.profile, rng, today)
    births: list = []
    done = refused = 0
    n_drafts = min(5, max(1, acts // 50))
    target = max(0, acts - n_drafts)
    first_year = today.year - 30
    while done < target:
        roll = rng.random()
        try:
            if roll < 0.72 or len(births) < 10:
                year = rng.randint(first_year, today.year)
                data = gen.birth(year)
                declared = date.fromisoformat(data.declaration_date)
                view = _register(clerk, registrar, data, declared)
                births.append(view)
            elif roll < 0.9:
                view = _marriage(clerk, registrar, gen, rng, births, today)
            else:
                view = _death(clerk, registrar, gen, rng, births, today)
        except CivregError:
            refused += 1  # a generated combination the profile refuses: draw another
            if refused > 50 + acts:  # the profile refuses everything: say why, don't spin
                raise
            continue
        done += 1
        if rng.random() < 0.02 and view.global_id:
            add_mention(
                registrar,
                view.id,
                kind="rectification",
                when=today.isoformat(),
                text="Lire « Wendkouni » au lieu de « Wenkouni » pour le prénom.",
                authority="Procureur du Faso",
                reference=f"RQ-{done}/{today.year}",
                today=today,
            )
        if progress:
            progress(done, acts)
    for _ in range(n_drafts):
        draft = gen.birth(today.year, late_rate=0.0)
        create_draft(clerk, replace(draft, declaration_date=""))
        done += 1
    return done


def _register(clerk: Ctx, registrar: Ctx, data, on: date):
    draft = create_draft(clerk, data, today=on)  # received the day it was declared
    return register_act(registrar, draft.id, today=on)


def _marriage(clerk, registrar, gen, rng, births, today):
    on = today - timedelta(days=rng.randint(1, 3000))
    candidates = [
        b
        for b in births
        if b.data.event_date and date.fromisoformat(b.data.event_date[:10]).year <= on.year - 20
    ]
    s1 = s2 = None
    if candidates and rng.random() < 0.6:
        b = rng.choice(candidates)
        child = _subject(b, "child")
        assert child is not None
        role = "spouse1" if child.sex == 1 else "spouse2"
        spouse = replace(
            child,
            role=role,
            birth_date=b.data.event_date,
            birth_act_ref=b.global_id or "",
            profession="commerçant",
            domicile=gen.rng.choice(gen.localities),
        )
        s1, s2 = (spouse, None) if role == "spouse1" else (None, spouse)
    return _register(clerk, registrar, gen.marriage(on, s1, s2), on)


def _death(clerk, registrar, gen, rng, births, today):
    on = today - timedelta(days=rng.randint(1, 2000))
    deceased = None
    if births and rng.random() < 0.3:
        b = rng.choice(births)
        child = _subject(b, "child")
        if child is not None and b.data.event_date[:10] < on.isoformat():
            deceased = replace(
                child,
                role="deceased",
                birth_date=b.data.event_date,
                birth_act_ref=b.global_id or "",
                domicile=gen.home,
            )
    return _register(clerk, registrar, gen.death(on, deceased), on)
