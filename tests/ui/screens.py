"""Build every main screen over a store with a few acts (used by the translation test and by
``civreg.ui.shots``-like checks in tests)."""

from __future__ import annotations

from datetime import date, timedelta

from civreg.domain.acts import ActInput, ActKind, Person


def sample_birth(days_ago: int = 6) -> ActInput:
    born = (date.today() - timedelta(days=days_ago)).isoformat()
    return ActInput(
        kind=ActKind.BIRTH,
        event_date=born,
        event_time="08:30",
        event_place="Koudougou",
        event_place_type="health_facility",
        persons=(
            Person("child", family_name="Ouédraogo", given_names="Aïcha", sex=2),
            Person("mother", family_name="Sawadogo", given_names="Mariam", birth_date="~1995"),
            Person("father", family_name="Ouédraogo", given_names="Issa"),
            Person("declarant", family_name="Ouédraogo", given_names="Issa", capacity="father"),
        ),
    )


def add_sample_acts(registrar_ctx) -> int:
    """One registered birth with a mention, one draft; returns the registered act's id."""
    from civreg.services.drafts import create_draft
    from civreg.services.mentions import add_mention
    from civreg.services.registration import register_act

    view = register_act(registrar_ctx, create_draft(registrar_ctx, sample_birth()).id)
    add_mention(
        registrar_ctx,
        view.id,
        kind="recognition",
        when=date.today().isoformat(),
        text="Reconnaissance par le père.",
    )
    create_draft(registrar_ctx, sample_birth(3))
    return view.id
