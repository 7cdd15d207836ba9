"""Who is doing what on which store: passed to every service call."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from sqlalchemy.orm import Session

import civreg.domain.role_words  # noqa: F401  (installs how a refusal is worded)
from civreg.domain.roles import allowed
from civreg.errors import PermissionDenied
from civreg.models.store import Store
from civreg.security import audit as audit_chain


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    title: str
    roles: frozenset[str]


@dataclass(frozen=True)
class OfficeInfo:
    office_id: str
    country: str
    commune: str
    centre: str
    name: str
    level: str
    is_demo: bool
    key_id: str


@dataclass
class Ctx:
    store: Store
    user: UserInfo
    office: OfficeInfo
    _profile_overrides: dict[str, object] = field(default_factory=dict)

    def require(self, operation: str) -> None:
        if not allowed(self.user.roles, operation):
            raise PermissionDenied(operation=operation)

    def can(self, operation: str) -> bool:
        return allowed(self.user.roles, operation)

    def audit(
        self,
        s: Session,
        operation: str,
        *,
        act_uuid: str = "",
        before: Any = None,
        after: Any = None,
        detail: str = "",
        at: datetime | None = None,
        after_hash: str | None = None,
    ) -> audit_chain.WrittenEntry:
        """Append this user's audit entry for ``operation`` (caller's write transaction)."""
        return audit_chain.append(
            s,
            user_id=self.user.id,
            username=self.user.username,
            operation=operation,
            act_uuid=act_uuid,
            before=before,
            after=after,
            detail=detail,
            at=at,
            after_hash=after_hash,
        )

    @cached_property
    def profile(self):
        from civreg.domain.profile import load_profile

        return load_profile(self.office.country, self._profile_overrides or None)

    def close(self) -> None:
        self.store.close()
