"""Office settings an administrator changes without a release: country profile overrides for
values the law leaves "to confirm" (deadlines, motto, identifier format…)."""

from __future__ import annotations

from typing import Any

from civreg.domain.profile import load_profile
from civreg.services.context import Ctx
from civreg.services.settings import PROFILE_OVERRIDES, get_setting, put_setting


def profile_overrides(ctx: Ctx) -> dict[str, Any]:
    ctx.require("act.view")
    with ctx.store.read() as s:
        return dict(get_setting(s, PROFILE_OVERRIDES, {}) or {})


def set_profile_overrides(ctx: Ctx, overrides: dict[str, Any]) -> None:
    """Replace the overrides; they are validated by loading the profile with them first."""
    ctx.require("office.settings")
    load_profile(ctx.office.country, overrides or None)  # raises ProfileError if invalid
    with ctx.store.write() as s:
        before = get_setting(s, PROFILE_OVERRIDES, {})
        put_setting(s, PROFILE_OVERRIDES, overrides)
        ctx.audit(
            s,
            "office.profile_overrides",
            before=before,
            after=overrides,
        )
    ctx._profile_overrides = dict(overrides)
    ctx.__dict__.pop("profile", None)  # reload on next use
