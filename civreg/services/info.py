"""Store information without personal data: revision, office, counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from civreg.models import migrate
from civreg.models.acts import Act, IssuedCopy, Mention
from civreg.models.audit import AuditEntry
from civreg.models.users import User
from civreg.services.context import Ctx


def store_info(ctx: Ctx) -> dict[str, Any]:
    ctx.require("act.view")
    with ctx.store.read() as s:
        acts: dict[str, dict[str, int]] = {}
        for kind, status, n in s.execute(
            select(Act.kind, Act.status, func.count()).group_by(Act.kind, Act.status)
        ):
            acts.setdefault(kind, {})[status] = n
        counts = {
            "acts": acts,
            "mentions": s.scalar(select(func.count()).select_from(Mention)) or 0,
            "copies_issued": s.scalar(select(func.count()).select_from(IssuedCopy)) or 0,
            "users": s.scalar(select(func.count()).select_from(User)) or 0,
            "audit_entries": s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        }
    o = ctx.office
    return {
        "schema_revision": migrate.current_revision(ctx.store.engine),
        "schema_head": migrate.head_revision(),
        "backend": ctx.store.dialect,
        "office": {
            "office_id": o.office_id,
            "country": o.country,
            "commune": o.commune,
            "centre": o.centre,
            "name": o.name,
            "level": o.level,
            "demo": o.is_demo,
            "key_id": o.key_id,
        },
        "counts": counts,
    }
