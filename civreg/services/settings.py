"""Office settings stored in the encrypted store (JSON values), incl. country profile overrides."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.models.office import Setting

PROFILE_OVERRIDES = "profile.overrides"


def get_setting(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return json.loads(row.value) if row else default


def put_setting(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    text = json.dumps(value, sort_keys=True)
    if row:
        row.value = text
    else:
        session.add(Setting(key=key, value=text))


def profile_overrides(session: Session) -> dict[str, Any]:
    return dict(get_setting(session, PROFILE_OVERRIDES, {}) or {})


def all_settings(session: Session) -> dict[str, Any]:
    return {r.key: json.loads(r.value) for r in session.scalars(select(Setting))}
