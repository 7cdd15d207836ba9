"""The register of issued copies: every certified copy or extract is counted and recorded,
with who asked for it and in which capacity.

Who may have which document is country data (``[documents.requesters]`` of the profile): a
full copy of a birth act, for instance, goes to the person, a parent, a spouse, a descendant,
a legal representative or an authority; anyone else needs the prosecutor's authorisation,
whose reference is then recorded.
"""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass

from sqlalchemy import func, select

from civreg.domain.acts import ActKind
from civreg.errors import CivregError, Conflict, FieldProblem, ValidationError
from civreg.i18n import register, t
from civreg.models.acts import Act, ChangeLog, IssuedCopy
from civreg.services.context import Ctx
from civreg.services.drafts import load_act

register(
    {
        "copy.bad_kind": {
            "fr": "Type de copie inconnu : « full » (copie intégrale) ou « extract » (extrait).",
            "en": "Unknown copy kind: 'full' (full copy) or 'extract'.",
        },
        "copy.not_registered": {
            "fr": "Seul un acte enregistré peut être délivré en copie.",
            "en": "Only a registered act can be issued as a copy.",
        },
        "copy.requester_missing": {
            "fr": "Indiquez le nom du demandeur.",
            "en": "Give the requester's name.",
        },
        "copy.requester_too_long": {
            "fr": "Le nom du demandeur dépasse 200 caractères.",
            "en": "The requester's name is longer than 200 characters.",
        },
        "copy.capacity_missing": {
            "fr": "Indiquez en quelle qualité le demandeur agit.",
            "en": "Say in which capacity the requester acts.",
        },
        "copy.capacity_unknown": {
            "fr": "Qualité de demandeur inconnue ({capacity}) : choisissez-en une de la liste.",
            "en": "Unknown requester capacity ({capacity}): choose one from the list.",
        },
        "copy.capacity_refused.full": {
            "fr": (
                "La copie intégrale ne peut pas être délivrée à {capacity}. Délivrez un "
                "extrait, ou demandez l'autorisation du procureur."
            ),
            "en": (
                "A full copy cannot be issued to {capacity}. Issue an extract, or ask for the "
                "prosecutor's authorisation."
            ),
        },
        "copy.capacity_refused.extract": {
            "fr": "L'extrait ne peut pas être délivré à {capacity}.",
            "en": "An extract cannot be issued to {capacity}.",
        },
        "copy.reference_missing": {
            "fr": "Indiquez la référence de l'autorisation ou de la réquisition.",
            "en": "Give the reference of the authorisation or of the written request.",
        },
        "copy.reference_too_long": {
            "fr": "La référence dépasse 100 caractères.",
            "en": "The reference is longer than 100 characters.",
        },
        "copy.capacity.person": {
            "fr": "la personne concernée par l'acte",
            "en": "the person the act is about",
        },
        "copy.capacity.parent": {
            "fr": "un parent ou ascendant",
            "en": "a parent or ascendant",
        },
        "copy.capacity.spouse": {"fr": "le conjoint", "en": "the spouse"},
        "copy.capacity.descendant": {"fr": "un descendant", "en": "a descendant"},
        "copy.capacity.legal_representative": {
            "fr": "le représentant légal",
            "en": "the legal representative",
        },
        "copy.capacity.authority": {
            "fr": "une autorité (juridiction, administration habilitée)",
            "en": "an authority (court, authorised administration)",
        },
        "copy.capacity.authorised_third_party": {
            "fr": "un tiers autorisé par le procureur",
            "en": "a third party authorised by the prosecutor",
        },
        "copy.capacity.third_party": {"fr": "un tiers", "en": "a third party"},
    }
)

COPY_KINDS = ("full", "extract")


class RequesterRefused(ValidationError):
    """The requester cannot have this document, or is incompletely described."""

    def message(self, lang: str | None = None) -> str:
        return "\n".join(p.message(lang) for p in self.problems)


@dataclass(frozen=True)
class Requester:
    """Who asks for a copy: a name, a capacity code from the profile, and the reference of the
    authorisation or written request when the capacity needs one."""

    name: str
    capacity: str
    reference: str = ""


@dataclass(frozen=True)
class CapacityChoice:
    """One capacity the issue dialog offers for an act and a copy kind."""

    code: str
    label: str  # in the user's language
    needs_reference: bool


@dataclass(frozen=True)
class IssuedCopyRow:
    id: int
    uuid: str
    act_id: int
    kind: str
    copy_number: int
    requester: str
    requester_capacity: str
    requester_reference: str
    issued_by: int | None
    issued_at: str


def capacity_label(code: str, lang: str | None = None) -> str:
    """The capacity in words (``"un parent ou ascendant"``); the code itself when unknown."""
    key = f"copy.capacity.{code}"
    label = t(key, lang)
    return code if label == key else label


def capacities(ctx: Ctx, act_kind: ActKind | str, copy_kind: str) -> list[CapacityChoice]:
    """The capacities in which a copy of this kind of act may be asked for (profile data)."""
    kind = ActKind(act_kind)
    return [
        CapacityChoice(c.code, capacity_label(c.code), c.needs_reference)
        for c in ctx.profile.documents.capacities_for(kind, copy_kind)
    ]


def check_requester(ctx: Ctx, act_kind: ActKind | str, copy_kind: str, who: Requester) -> Requester:
    """The requester, trimmed, if the profile lets that capacity have this document; otherwise
    a :class:`ValidationError` naming what to fix (nothing is recorded)."""
    if copy_kind not in COPY_KINDS:
        raise CivregError("copy.bad_kind")
    name, capacity, reference = who.name.strip(), who.capacity.strip(), who.reference.strip()
    problems: list[FieldProblem] = []
    if not name:
        problems.append(FieldProblem("requester", "copy.requester_missing"))
    elif len(name) > 200:
        problems.append(FieldProblem("requester", "copy.requester_too_long"))
    rules = ctx.profile.documents.capacity(capacity) if capacity else None
    if not capacity:
        problems.append(FieldProblem("capacity", "copy.capacity_missing"))
    elif rules is None:
        problems.append(FieldProblem("capacity", "copy.capacity_unknown", {"capacity": capacity}))
    elif not rules.may_have(ActKind(act_kind), copy_kind):
        problems.append(
            FieldProblem(
                "capacity",
                f"copy.capacity_refused.{copy_kind}",
                {"capacity": capacity_label(capacity)},
            )
        )
    elif rules.needs_reference and not reference:
        problems.append(FieldProblem("reference", "copy.reference_missing"))
    if len(reference) > 100:
        problems.append(FieldProblem("reference", "copy.reference_too_long"))
    if problems:
        raise RequesterRefused(problems)
    return Requester(name, capacity, reference)


def _row(c: IssuedCopy) -> IssuedCopyRow:
    return IssuedCopyRow(
        c.id,
        c.uuid,
        c.act_id,
        c.kind,
        c.copy_number,
        c.requester,
        c.requester_capacity,
        c.requester_reference,
        c.issued_by,
        c.issued_at.isoformat(timespec="seconds"),
    )


def record_copy_in(ctx: Ctx, s, row: Act, kind: str, who: Requester) -> IssuedCopyRow:
    """Record one issued copy inside the caller's write transaction (``who`` already
    checked by :func:`check_requester`)."""
    if kind not in COPY_KINDS:
        raise CivregError("copy.bad_kind")
    if row.status != "registered":
        raise Conflict("copy.not_registered")
    last = s.scalar(select(func.max(IssuedCopy.copy_number)).where(IssuedCopy.act_id == row.id))
    c = IssuedCopy(
        uuid=str(uuidlib.uuid4()),
        act_id=row.id,
        kind=kind,
        copy_number=(last or 0) + 1,
        requester=who.name,
        requester_capacity=who.capacity,
        requester_reference=who.reference,
        issued_by=ctx.user.id,
    )
    s.add(c)
    s.flush()
    s.add(ChangeLog(entity="copy", entity_uuid=c.uuid))
    ctx.audit(
        s,
        "copy.issue",
        act_uuid=row.uuid,
        detail=f"{kind} #{c.copy_number} ({who.capacity})",
    )
    return _row(c)


def copies_of(ctx: Ctx, act_ref: int | str) -> list[IssuedCopyRow]:
    ctx.require("act.view")
    with ctx.store.read() as s:
        row = load_act(s, act_ref)
        return [
            _row(c)
            for c in s.scalars(
                select(IssuedCopy).where(IssuedCopy.act_id == row.id).order_by(IssuedCopy.id)
            )
        ]
