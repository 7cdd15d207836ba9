"""Which problems the act form shows, and where — without Qt.

The form validates with the same domain rules as the services. A problem is *wrong* (a value
that cannot be: shown as soon as the field was typed in), *missing* (something still to enter:
shown only for fields the clerk has passed, and everywhere when registering) or a *warning*
(unusual but possible). Every problem lands on a visible field — the field it names, or the
nearest one of the same section (``judgment`` → the court, ``witness`` → the first witness) —
or else in a plain sentence naming the field in words: never on nothing, never a field path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from civreg.domain.acts import ActInput
from civreg.domain.profile import CountryProfile
from civreg.domain.validation import validate
from civreg.errors import FieldProblem

WRONG, MISSING, WARNING = "wrong", "missing", "warning"


@dataclass(frozen=True)
class Checked:
    problem: FieldProblem
    category: str  # WRONG, MISSING or WARNING

    @property
    def blocks(self) -> bool:
        return self.category != WARNING


@dataclass
class Shown:
    per_field: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # severity, text
    general: list[str] = field(default_factory=list)

    def add(self, path: str, severity: str, text: str) -> None:
        entries = self.per_field.setdefault(path, [])
        if (severity, text) not in entries:
            entries.append((severity, text))


def check(
    data: ActInput,
    profile: CountryProfile,
    today: date,
    office_commune: str = "",
    *,
    received_on: date | None = None,
    paper_receipt: bool = False,
) -> list[Checked]:
    """Every problem of ``data``, each with its category (``office_commune``: the office's
    geography code, for the territorial competence; ``received_on`` and ``paper_receipt``:
    a typed declaration date is checked against the day the office received it, as
    registration does)."""
    how = dict(office_commune=office_commune, received_on=received_on, paper_receipt=paper_receipt)
    draft = validate(data, profile, today=today, for_registration=False, **how)  # type: ignore[arg-type]
    final = validate(data, profile, today=today, for_registration=True, **how)  # type: ignore[arg-type]
    wrong = {(p.path, p.key) for p in draft if p.severity == "error"}
    out: list[Checked] = []
    for p in final:
        if p.severity != "error":
            out.append(Checked(p, WARNING))
        elif (p.path, p.key) in wrong:
            out.append(Checked(p, WRONG))
        else:
            out.append(Checked(p, MISSING))
    return out


def judgment_needed(
    data: ActInput,
    profile: CountryProfile,
    today: date,
    office_commune: str = "",
    *,
    received_on: date | None = None,
    paper_receipt: bool = False,
) -> FieldProblem | None:
    """Why this declaration needs a court judgment (its dates put it past the legal
    deadline), whatever judgment the form holds now; None when it does not."""
    bare = replace(data, judgment=None, transcription=None)
    problems = validate(
        bare,
        profile,
        today=today,
        for_registration=True,
        office_commune=office_commune,
        received_on=received_on,
        paper_receipt=paper_receipt,
    )
    return next((p for p in problems if p.path == "judgment"), None)


def slot_for(path: str, paths: Sequence[str]) -> str | None:
    """The form field a problem about ``path`` is shown on, or None."""
    if path in paths:
        return path
    probe = path
    while probe:
        for candidate in paths:
            if candidate.startswith((probe + ".", probe + "[")):
                return candidate
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    return None


def shown_problems(
    checked: Iterable[Checked],
    *,
    paths: Sequence[str],
    passed: Callable[[str], bool],
    touched: Callable[[str], bool],
    show_all: bool,
    sentence: Callable[[str, str], str],
    typing_errors: Mapping[str, str] | None = None,
) -> Shown:
    """What to show next to each field and below the title.

    ``passed(path)``: the clerk went past this field; ``touched(path)``: they typed in it;
    ``show_all``: registering (every blocking problem is shown, in red);
    ``typing_errors``: fields whose text cannot be read at all (say that, not "missing");
    ``sentence(path, message)``: the plain sentence for a problem with no field in the form
    (it names the field in words)."""
    out = Shown()
    typing_errors = typing_errors or {}
    for path, text in typing_errors.items():
        out.add(path, "error", text)
    for c in checked:
        p = c.problem
        target = slot_for(p.path, paths)
        if target in typing_errors:
            continue  # the typed text itself is wrong: say that only
        if target is None:
            if (show_all and c.blocks) or c.category == WRONG:
                text = sentence(p.path, p.message())
                if text not in out.general:
                    out.general.append(text)
            continue
        severity = "warning" if c.category == WARNING else "error"
        if c.category == MISSING:
            if not (show_all or passed(target)):
                continue
            if not show_all:
                severity = "warning"  # not blocking while drafting
        elif not (show_all or touched(target) or passed(target)):
            continue
        out.add(target, severity, p.message())
    return out
