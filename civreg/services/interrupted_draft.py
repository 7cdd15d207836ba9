"""The declaration a crash interrupted, offered back once, to whom can act on it.

The client remembers on this computer the id of the draft being entered (never its content);
when civreg did not close in an orderly way, the next login may offer it back. It is offered
to the person who was entering it, or to a registrar (who answers for the office's drafts and
can resume or discard it) with the name of who was entering it — not to another clerk, an
administrator or a district officer, who could do nothing with it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from civreg.domain.acts import ActView
from civreg.domain.roles import REGISTRAR
from civreg.models.act_repo import to_view
from civreg.models.users import User
from civreg.services.context import Ctx
from civreg.services.drafts import load_act


@dataclass(frozen=True)
class InterruptedDraft:
    draft: ActView | None  # None: no longer a draft (registered, deleted): forget it
    author: str  # the full name (or user name) of who was entering it
    by_this_user: bool  # the person logged in was entering it

    @property
    def gone(self) -> bool:
        return self.draft is None


def interrupted_draft(ctx: Ctx, draft_id: int) -> InterruptedDraft | None:
    """The interrupted draft ``draft_id`` if it is for this user to see, else None (then it
    waits for its author or a registrar)."""
    from civreg.errors import NotFound

    if not ctx.can("draft.edit"):
        return None
    with ctx.store.read() as s:
        try:
            row = load_act(s, draft_id)
        except NotFound:
            return InterruptedDraft(None, "", False)
        if row.status != "draft":
            return InterruptedDraft(None, "", False)
        mine = row.created_by == ctx.user.id
        if not mine and REGISTRAR not in ctx.user.roles:
            return None
        user = s.scalar(select(User).where(User.id == row.created_by)) if row.created_by else None
        author = (user.full_name or user.username) if user is not None else ""
        return InterruptedDraft(to_view(s, row, include_medical=True), author, mine)
