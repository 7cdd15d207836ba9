"""What a marginal mention may say, where it may stand, and who may order it — checked against
the country profile (``[mentions.<kind>]`` and ``[authorities.<code>]``, see
``docs/country-profiles.md``).

Each mention kind declares, as profile data with its legal source:

- ``acts``: the act kinds it may stand on (a divorce is never written on a death act);
- ``needs`` / ``recommends``: ``related_ref`` (the act it refers to), ``authority``,
  ``reference``, ``corrections`` — missing needs are errors, missing recommendations warnings;
- ``related_kind``: the kind of act the reference must name (a death mention names a death act);
- ``authorities``: the competent authorities (codes of ``[authorities]``); ``"other"`` is
  accepted with a note and a warning;
- ``corrections``: the field paths it may correct (see :mod:`civreg.domain.corrections`);
- date bounds: ``not_before`` (``event``: the act's event; ``marriage``: the marriage the
  mention follows; ``related_event``: the referred act's event), ``not_after`` (``death``: the
  person's death mentioned on the act), never in the future; ``subject_min_age`` (the person of
  a birth act must have reached it on the mention's date);
- ``once``: at most one on an act; ``on_cancelled``: ``refuse`` (default) or
  ``about_cancellation`` (only a rectification of the cancellation itself).

:func:`check_mention` applies them to one request and returns the problems (``FieldProblem``:
errors and warnings; the key is the rule's id) plus what the service stores. Nothing here
touches the database: the service gathers the facts (:class:`MentionTarget`).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

import civreg.domain.mention_messages  # noqa: F401  (registers the messages)
from civreg.domain.acts import KIND_LETTER, ActInput, ActKind, Correction, Mention
from civreg.domain.corrections import check_corrections
from civreg.domain.dates import DateParseError, PartialDate, age_bounds
from civreg.domain.names import normalize
from civreg.errors import FieldProblem

NEEDS = frozenset({"related_ref", "authority", "reference", "corrections"})
NOT_BEFORE = frozenset({"event", "marriage", "related_event"})
NOT_AFTER = frozenset({"death"})
ON_CANCELLED = ("refuse", "about_cancellation")
OTHER = "other"
_CODE = re.compile(r"[a-z][a-z0-9_]*")
# Problems that concern the act's state rather than a field: the service raises Conflict.
STATE_KEYS = frozenset({"mention.act_cancelled", "mention.once"})


@dataclass(frozen=True)
class Authority:
    """An authority competent to order mentions (``label`` as printed on the act)."""

    code: str
    label: str
    source: str
    to_confirm: bool = False


@dataclass(frozen=True)
class MentionRule:
    kind: str
    acts: tuple[ActKind, ...]
    source: str
    needs: frozenset[str] = frozenset()
    recommends: frozenset[str] = frozenset()
    related_kind: ActKind | None = None
    authorities: tuple[str, ...] = ()
    corrections: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ("event",)
    not_after: tuple[str, ...] = ()
    subject_min_age: int | None = None
    once: bool = False
    on_cancelled: str = "refuse"
    to_confirm: bool = False


@dataclass(frozen=True)
class MentionRequest:
    """A mention as asked for by the registrar (or implied by another act)."""

    kind: str
    date: str
    text: str = ""
    authority: str = ""  # a code, "other", an authority's label, or free text
    authority_note: str = ""
    reference: str = ""
    related_ref: str = ""
    corrections: Mapping[str, Any] = field(default_factory=dict)
    rectifies: str = ""


@dataclass(frozen=True)
class RelatedAct:
    """The act a mention refers to, when this store holds it."""

    kind: ActKind
    event_date: str
    registered: bool


@dataclass(frozen=True)
class MentionTarget:
    """The act receiving the mention: its kind, its *current* values, its mentions."""

    kind: ActKind
    current: ActInput
    mentions: tuple[Mention, ...]
    related: RelatedAct | None = None


@dataclass
class CheckedMention:
    problems: list[FieldProblem] = field(default_factory=list)
    authority_code: str = ""
    authority: str = ""  # as printed
    authority_note: str = ""
    corrections: list[Correction] = field(default_factory=list)

    @property
    def errors(self) -> list[FieldProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def state_error(self) -> FieldProblem | None:
        return next((p for p in self.errors if p.key in STATE_KEYS), None)

    # ``rule``: the rule's stable id (the message key unless several messages share a rule)
    def error(self, path: str, key: str, *, rule: str = "", **params: Any) -> None:
        self.problems.append(FieldProblem(path, key, params, "error", rule or key))

    def warn(self, path: str, key: str, *, rule: str = "", **params: Any) -> None:
        self.problems.append(FieldProblem(path, key, params, "warning", rule or key))


def identifier_kind(identifier_format: str) -> Callable[[str], ActKind | None]:
    """A parser giving the act kind a global identifier names (by its kind letter), or None
    when the identifier does not follow ``identifier_format`` (an act of another system)."""
    pattern = ""
    for literal, name, spec, _conv in string.Formatter().parse(identifier_format):
        pattern += re.escape(literal)
        if name is None:
            continue
        if name == "letter":
            pattern += "(?P<letter>[A-Z])"
        elif name in ("year", "number") or (spec or "").endswith("d"):
            pattern += r"\d+"
        else:
            pattern += ".+?"
    compiled = re.compile(pattern)
    by_letter = {letter: kind for kind, letter in KIND_LETTER.items()}

    def kind_of(ref: str) -> ActKind | None:
        m = compiled.fullmatch(ref.strip())
        return by_letter.get(m["letter"]) if m else None

    return kind_of


def _date(text: str) -> PartialDate | None:
    try:
        return PartialDate.from_iso(text) if text else None
    except DateParseError:
        return None


def resolve_authority(
    req: MentionRequest,
    rule: MentionRule,
    authorities: Mapping[str, Authority],
    out: CheckedMention,
) -> None:
    """Which authority ordered the mention: a code of the profile's list (by code or label),
    ``other`` with a note (a warning), or free text for kinds without a list."""
    text, note = req.authority.strip(), req.authority_note.strip()
    if not rule.authorities:
        out.authority = f"{text}, {note}" if text and note else text or note
        if "authority" in rule.needs and not out.authority:
            out.error("authority", "mention.needs_authority")
        return
    if not text and not note:
        if "authority" in rule.needs:
            out.error(
                "authority",
                "mention.needs_authority_choice",
                rule="mention.needs_authority",
                choices=_labels(rule, authorities),
            )
        return
    code: str | None = None
    if text in authorities or text == OTHER:
        code = text
    elif text:
        code, rest = _by_label(text, authorities)
        if code is not None and rest:  # "Procureur du Faso près le TGI de Koudougou"
            out.authority_code, out.authority_note = code, f"{rest}, {note}" if note else rest
            if code not in rule.authorities:
                choices = _labels(rule, authorities)
                out.error("authority", "mention.authority_not_competent", choices=choices)
            out.authority = f"{text}, {note}" if note else text
            return
        if code is None and _CODE.fullmatch(text):
            out.error("authority", "mention.authority_unknown", choices=_labels(rule, authorities))
            return
        if code is None:  # free text: an authority outside the list
            code, note = OTHER, f"{text}, {note}" if note else text
    else:
        code = OTHER
    out.authority_code, out.authority_note = code, note
    if code == OTHER:
        if not note:
            out.error("authority", "mention.authority_other_needs_note")
        else:
            out.warn("authority", "mention.authority_other", choices=_labels(rule, authorities))
            out.authority = note
        return
    if code not in rule.authorities:
        out.error(
            "authority", "mention.authority_not_competent", choices=_labels(rule, authorities)
        )
        return
    label = authorities[code].label
    out.authority = f"{label}, {note}" if note else label


def _by_label(text: str, authorities: Mapping[str, Authority]) -> tuple[str | None, str]:
    """The authority whose label the text is, or begins with (the longest such label), and
    what follows the label (the seat: "près le TGI de Koudougou")."""
    wanted = normalize(text)
    best: tuple[str | None, str] = (None, "")
    best_len = -1
    for a in authorities.values():
        label = normalize(a.label)
        if (wanted == label or wanted.startswith(label + " ")) and len(label) > best_len:
            words = len(a.label.split())
            best, best_len = (a.code, " ".join(text.split()[words:])), len(label)
    return best


def _labels(rule: MentionRule, authorities: Mapping[str, Authority]) -> str:
    return ", ".join(authorities[c].label for c in rule.authorities if c in authorities)


def check_mention(
    rules: Mapping[str, MentionRule],
    authorities: Mapping[str, Authority],
    req: MentionRequest,
    target: MentionTarget,
    *,
    today: date,
    kind_of_identifier: Callable[[str], ActKind | None] = lambda _ref: None,
) -> CheckedMention:
    """Every problem with ``req`` on ``target`` under the profile's mention rules."""
    out = CheckedMention()
    rule = rules.get(req.kind)
    if rule is None:
        out.error("kind_of_mention", "mention.kind_not_in_profile")
        return out
    if target.kind not in rule.acts:
        out.error("kind_of_mention", f"mention.not_on.{target.kind}")
    _check_state(rule, req, target, out)
    when = _date(req.date)
    if when is None or not when.is_full or when.earliest() > today:
        out.error("date", "mention.bad_date")
        when = None
    resolve_authority(req, rule, authorities, out)
    if not req.reference.strip():
        if "reference" in rule.needs:
            out.error("reference", "mention.needs_reference")
        elif "reference" in rule.recommends:
            out.warn("reference", "mention.reference_recommended")
    _check_related(rule, req, target, out, kind_of_identifier)
    _check_corrections(rule, req, target, out, today)
    if not req.text.strip() and not req.corrections:  # else the text is made from them
        out.error("text", "mention.needs_text")
    if when is not None:
        _check_dates(rule, req, target, when, out)
    return out


def _check_state(
    rule: MentionRule, req: MentionRequest, target: MentionTarget, out: CheckedMention
) -> None:
    cancellation = next((m for m in target.mentions if m.kind == "cancellation"), None)
    if req.rectifies and not any(m.uuid == req.rectifies for m in target.mentions):
        out.error("rectifies", "mention.rectifies_unknown")
    if cancellation is not None and not (
        rule.on_cancelled == "about_cancellation" and req.rectifies == cancellation.uuid
    ):
        out.error("act", "mention.act_cancelled")
    elif rule.once and any(m.kind == req.kind for m in target.mentions):
        out.error("act", "mention.once")


def _check_related(
    rule: MentionRule,
    req: MentionRequest,
    target: MentionTarget,
    out: CheckedMention,
    kind_of_identifier: Callable[[str], ActKind | None],
) -> None:
    ref = req.related_ref.strip()
    if not ref:
        if "related_ref" in rule.needs:
            out.error("related_ref", f"mention.needs_related_ref.{rule.related_kind or 'act'}")
        return
    related = target.related
    if related is not None and not related.registered:
        out.error("related_ref", "mention.related_not_registered")
    kind = related.kind if related is not None else kind_of_identifier(ref)
    if rule.related_kind is not None and kind is not None and kind != rule.related_kind:
        out.error("related_ref", f"mention.related_wrong_kind.{rule.related_kind}")


def _check_corrections(
    rule: MentionRule, req: MentionRequest, target: MentionTarget, out: CheckedMention, today: date
) -> None:
    if req.corrections:
        if not rule.corrections:
            out.error("corrections", "mention.corrections_not_allowed")
            return
        out.corrections, problems = check_corrections(
            target.current, req.corrections, rule.corrections, today=today
        )
        out.problems.extend(problems)
        return
    if req.rectifies:
        return  # rectifying another mention, not a field of the act
    if "corrections" in rule.needs:
        out.error("corrections", "mention.corrections_required")
    elif "corrections" in rule.recommends:
        out.warn("corrections", "mention.corrections_recommended")


def _check_dates(
    rule: MentionRule,
    req: MentionRequest,
    target: MentionTarget,
    when: PartialDate,
    out: CheckedMention,
) -> None:
    day = when.earliest()
    event = _date(target.current.event_date)
    if "event" in rule.not_before and event is not None and day < event.earliest():
        out.error("date", "mention.before_event")
    if "marriage" in rule.not_before:
        married = _marriage_date(target)
        if married is None and target.kind is ActKind.BIRTH:
            out.error("date", "mention.needs_prior_marriage")
        elif married is not None and day < married:
            out.error("date", "mention.before_marriage")
    related = target.related
    if "related_event" in rule.not_before and related is not None:
        rel = _date(related.event_date)
        if rel is not None and day < rel.earliest():
            out.error("date", "mention.before_related_event")
    if "death" in rule.not_after:
        deaths = [d for m in target.mentions if m.kind == "death" if (d := _date(m.date))]
        if deaths and day > max(d.latest() for d in deaths):
            out.error("date", "mention.after_death")
    if rule.subject_min_age is not None and target.kind is ActKind.BIRTH and event is not None:
        _young, oldest = age_bounds(event, day)
        if oldest < rule.subject_min_age:
            out.error("date", "mention.subject_too_young", min_age=rule.subject_min_age)


def _marriage_date(target: MentionTarget) -> date | None:
    """When the marriage a divorce ends was celebrated: the act itself for a marriage act,
    else the referred marriage act held here, else the latest marriage mention."""
    if target.kind is ActKind.MARRIAGE:
        d = _date(target.current.event_date)
        return d.earliest() if d else None
    related = target.related
    if related is not None and related.kind is ActKind.MARRIAGE:
        d = _date(related.event_date)
        if d is not None:
            return d.earliest()
    dates = [d.earliest() for m in target.mentions if m.kind == "marriage" if (d := _date(m.date))]
    return max(dates) if dates else None


def frozen_rules(rules: Mapping[str, MentionRule]) -> Mapping[str, MentionRule]:
    return MappingProxyType(dict(rules))
