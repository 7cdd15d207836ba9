"""What a mutating service changed, so that every screen showing those rows refreshes once
(Anki's ``OpChanges``): the client broadcasts one ``Changes`` after each operation and each
list asks whether it concerns it.

Services whose result says nothing of what they changed return a ``Changes`` (registers,
users); those that return a view of what they wrote (an ``ActView``) keep returning it, and the
function named after the operation below (``act_registered(view)``…) says what it touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from civreg.domain.acts import ActView

RegisterKey = tuple[str, str, int]  # (centre, kind, year)


@dataclass(frozen=True)
class Changes:
    acts: frozenset[int] = frozenset()  # ids of acts created, edited, registered, annotated
    kinds: frozenset[str] = frozenset()  # their kinds (birth, marriage, death)
    registers: frozenset[RegisterKey] = frozenset()  # acts or numbering of these registers
    drafts: bool = False  # the list of drafts changed
    mentions: bool = False
    notices: bool = False  # mention notices to or from other centres
    transmission: bool = False  # changes waiting to be sent, batches, receipts
    quarantine: bool = False
    users: bool = False
    everything: bool = False  # e.g. an import: any list may have changed

    def __or__(self, other: Changes) -> Changes:
        values = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            values[f.name] = a | b
        return Changes(**values)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def touches_kind(self, kind: str) -> bool:
        return self.everything or kind in self.kinds

    def touches_act(self, act_id: int) -> bool:
        return self.everything or act_id in self.acts


def _acts(views: Iterable[ActView]) -> Changes:
    out = Changes()
    for v in views:
        out = out | Changes(
            acts=frozenset({v.id}),
            kinds=frozenset({str(v.kind)}),
            registers=frozenset({(v.centre, str(v.kind), v.year)})
            if v.status == "registered" and v.year is not None
            else frozenset(),
        )
    return out


def draft_saved(*views: ActView) -> Changes:
    """A draft created or edited (``drafts.create_draft``, ``update_draft``)."""
    return _acts(views) | Changes(drafts=True)


def draft_deleted(act_id: int, kind: str) -> Changes:
    return Changes(acts=frozenset({act_id}), kinds=frozenset({kind}), drafts=True)


def act_registered(*views: ActView) -> Changes:
    """Drafts registered (``registration.register_act``): they leave the drafts, enter their
    register, wait to be sent, and may have added mentions (and notices) elsewhere."""
    return _acts(views) | Changes(drafts=True, mentions=True, notices=True, transmission=True)


def act_annotated(*views: ActView) -> Changes:
    """A marginal mention recorded (``mentions.add_mention``, ``apply_notice``)."""
    return _acts(views) | Changes(mentions=True, notices=True, transmission=True)


IMPORTED = Changes(everything=True)  # batches imported: any list may hold new rows


def changes_of(result: object) -> Changes:
    """The changes an operation's result describes (nothing if it describes none)."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else Changes()
