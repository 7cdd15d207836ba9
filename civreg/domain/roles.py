"""Which role may do what. Services check this before doing anything."""

from __future__ import annotations

CLERK, REGISTRAR, DISTRICT, ADMIN = "clerk", "registrar", "district", "admin"
ALL_ROLES = (CLERK, REGISTRAR, DISTRICT, ADMIN)

# operation -> roles allowed to perform it
PERMISSIONS: dict[str, frozenset[str]] = {
    "act.view": frozenset({CLERK, REGISTRAR, DISTRICT, ADMIN}),
    "search": frozenset({CLERK, REGISTRAR, DISTRICT}),
    "draft.create": frozenset({CLERK, REGISTRAR}),
    "draft.edit": frozenset({CLERK, REGISTRAR}),
    "draft.delete": frozenset({CLERK, REGISTRAR}),
    "act.register": frozenset({REGISTRAR}),
    "mention.add": frozenset({REGISTRAR}),
    "notice.apply": frozenset({REGISTRAR}),
    "copy.issue": frozenset({REGISTRAR}),
    "duplicate.decide": frozenset({REGISTRAR}),
    "register.configure": frozenset({REGISTRAR, ADMIN}),
    "register.close": frozenset({REGISTRAR}),
    "register.print": frozenset({CLERK, REGISTRAR}),
    "register.second_original": frozenset({REGISTRAR}),
    "session.close": frozenset({REGISTRAR}),
    "batch.export": frozenset({REGISTRAR, ADMIN, DISTRICT}),
    "batch.import": frozenset({DISTRICT, ADMIN}),
    "receipt.import": frozenset({REGISTRAR, ADMIN}),
    "quarantine.review": frozenset({DISTRICT}),
    "stats.view": frozenset({REGISTRAR, DISTRICT, ADMIN}),
    "stats.configure": frozenset({DISTRICT, ADMIN}),
    "user.manage": frozenset({ADMIN}),
    "office.settings": frozenset({ADMIN}),
    "keys.manage": frozenset({ADMIN}),
    "audit.verify": frozenset({ADMIN, REGISTRAR, DISTRICT}),
    "store.backup": frozenset({ADMIN, REGISTRAR}),
    "store.check": frozenset({ADMIN, REGISTRAR, DISTRICT}),
}


def allowed(roles: frozenset[str] | set[str], operation: str) -> bool:
    return bool(PERMISSIONS[operation] & set(roles))
