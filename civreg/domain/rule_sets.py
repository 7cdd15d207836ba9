"""Dated rule sets: the law in force on an event's date.

A country profile's top-level tables state the law as it stands today. Its ``[[rule_sets]]``
name each text that has governed civil status (BF: the 1989 and 2025 family codes; DRC: the
1987 family code and its 2016 amendment), the dates it was in force, its source, the article
behind each rule, and the values that differed (``marriage.min_age``, ``deadlines.birth``…),
merged over the top-level tables for acts whose event falls in its period.

:func:`parse_rule_sets` checks the entries that are not law values (ids, dates, articles);
the merged values are checked by :func:`civreg.domain.profile_schema.parse_profile_data` like
the rest of the profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from types import MappingProxyType
from typing import Any

from civreg.domain.dates import PartialDate
from civreg.domain.profile_reader import ProfileError

# Where a registered act records the rule set it was checked under (``details.rule_set``).
RULE_SET_KEY = "rule_set"
# Tables a rule set may restate; everything else in a profile is not law that changes by date.
OVERRIDABLE = ("deadlines", "declarants", "declarant_requirements", "marriage", "competence")
_META = {
    "id",
    "name",
    "short",
    "source",
    "effective_from",
    "effective_to",
    "to_confirm",
    "articles",
}


@dataclass(frozen=True, eq=False)
class RuleSet:
    """One text of law and the period it governs (``effective_to`` included; None: open)."""

    id: str
    name: str
    short: str  # how messages cite it: "CPF 2025"
    source: str  # the text itself: "Loi n° 012-2025/ALT du 1er septembre 2025"
    effective_from: date | None
    effective_to: date | None
    to_confirm: tuple[str, ...]
    articles: Mapping[str, str]  # rule id -> "art. 256" (possibly "art. 238 (to confirm)")
    overrides: Mapping[str, Any]

    def covers(self, day: date) -> bool:
        after_start = self.effective_from is None or day >= self.effective_from
        return after_start and (self.effective_to is None or day <= self.effective_to)

    def cite(self, rule: str) -> str:
        """``CPF 1989, art. 238`` for a rule the rule set lists; ``CPF 2025 ?`` when its
        article is not confirmed (a trailing ``?``, shown as "to confirm"); ``""`` when the
        rule set does not list the rule."""
        article = self.articles.get(rule)
        if not article:
            return ""
        if article.strip() == "?":
            return f"{self.short} ?"
        return f"{self.short}, {article}"

    def period(self) -> str:
        start = self.effective_from.isoformat() if self.effective_from else "…"
        end = self.effective_to.isoformat() if self.effective_to else "…"
        return f"{start} – {end}"


@dataclass(frozen=True)
class RuleSetChoice:
    """Which rule set an event falls under, and how sure that is."""

    rule_set: RuleSet | None
    status: str  # "exact", "ambiguous" (a partial date spans a change), "before_first", "none"


def parse_rule_sets(raw: Any, file: str) -> tuple[RuleSet, ...]:
    """Check the ``[[rule_sets]]`` entries; they must not overlap and are sorted by date."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(r, Mapping) for r in raw):
        raise ProfileError(file, "rule_sets", "wrong_type", expected="array of tables")
    out: list[RuleSet] = []
    seen: set[str] = set()
    for i, entry in enumerate(raw):
        rid = _text(entry, "id", f"rule_sets[{i}]", file)
        where = f"rule_sets[{rid}]"
        for key in entry:
            if key not in _META and key not in OVERRIDABLE:
                raise ProfileError(file, f"{where}.{key}", "unknown_key")
        if rid in seen:
            raise ProfileError(file, f"{where}.id", "bad_value")
        seen.add(rid)
        start = _day(entry, "effective_from", where, file)
        end = _day(entry, "effective_to", where, file)
        if start and end and end < start:
            raise ProfileError(file, f"{where}.effective_to", "bad_range")
        articles = entry.get("articles", {})
        if not isinstance(articles, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) and v for k, v in articles.items()
        ):
            raise ProfileError(file, f"{where}.articles", "wrong_type", expected="table of str")
        to_confirm = entry.get("to_confirm", [])
        if not isinstance(to_confirm, list) or not all(isinstance(v, str) for v in to_confirm):
            raise ProfileError(file, f"{where}.to_confirm", "wrong_type", expected="list[str]")
        out.append(
            RuleSet(
                id=rid,
                name=_text(entry, "name", where, file),
                short=_text(entry, "short", where, file),
                source=_text(entry, "source", where, file),
                effective_from=start,
                effective_to=end,
                to_confirm=tuple(to_confirm),
                articles=MappingProxyType(dict(articles)),
                overrides=MappingProxyType({k: entry[k] for k in OVERRIDABLE if k in entry}),
            )
        )
    out.sort(key=lambda r: r.effective_from or date.min)
    for before, after in pairwise(out):
        if before.effective_to is None or (
            after.effective_from is not None and before.effective_to >= after.effective_from
        ):
            raise ProfileError(file, f"rule_sets[{after.id}].effective_from", "overlap")
    return tuple(out)


def _text(entry: Mapping[str, Any], key: str, where: str, file: str) -> str:
    value = entry.get(key)
    if value is None:
        raise ProfileError(file, f"{where}.{key}", "missing")
    if not isinstance(value, str) or not value.strip():
        raise ProfileError(file, f"{where}.{key}", "wrong_type", expected="str")
    return value


def _day(entry: Mapping[str, Any], key: str, where: str, file: str) -> date | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, date):  # TOML local dates load as datetime.date
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise ProfileError(file, f"{where}.{key}", "wrong_type", expected="date (YYYY-MM-DD)")


def choose(
    rule_sets: tuple[RuleSet, ...], event: PartialDate | None, fallback: date
) -> RuleSetChoice:
    """The rule set in force on ``event`` (``fallback``, normally today, when the event date is
    unknown). A partial date that spans a change of law is read at its latest day and flagged
    ``ambiguous``; an event before the first known rule set gets the first one, flagged
    ``before_first``, so old registers are still checked and the clerk is told."""
    if not rule_sets:
        return RuleSetChoice(None, "none")
    if event is None:
        first, last = fallback, fallback
    else:
        first, last = event.earliest(), event.latest()
    at_last = next((r for r in rule_sets if r.covers(last)), None)
    at_first = next((r for r in rule_sets if r.covers(first)), None)
    if at_last is None:
        if rule_sets[0].effective_from and last < rule_sets[0].effective_from:
            return RuleSetChoice(rule_sets[0], "before_first")
        return RuleSetChoice(rule_sets[-1], "ambiguous")  # a gap between rule sets
    return RuleSetChoice(at_last, "exact" if at_first is at_last else "ambiguous")
