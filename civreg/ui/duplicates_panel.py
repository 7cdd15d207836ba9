"""The entry form's possible-duplicates panel: the acts that may already record this birth or
death, the chosen one side by side with the declaration being entered (the fields the
duplicates service compared), and for a registrar the decision: not a duplicate, or the same
person (the existing act is opened instead of registering a second one)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.acts import ActInput, ActView
from civreg.services import drafts
from civreg.services.context import Ctx
from civreg.services.duplicates import (
    DuplicateDecisionView,
    Reason,
    decide_duplicate,
    find_duplicates,
)
from civreg.services.queries import act_rows
from civreg.ui.register_model import display_date


@dataclass(frozen=True)
class Candidate:
    act_id: int
    score: float
    subject: str
    event_date: str
    event_place: str
    reference: str  # "0012/2025", or "" for a draft
    cross_commune: bool
    reasons: tuple[Reason, ...]


def find_candidates(
    ctx: Ctx, data: ActInput, draft_id: int | None, limit: int = 10
) -> list[Candidate]:
    """Runs on the database worker: candidates with their reasons, best first."""
    if not ctx.can("search"):
        return []
    found = find_duplicates(ctx, data, exclude_act_id=draft_id)[:limit]
    rows = {r.id: r for r in act_rows(ctx, [c.act_id for c in found])}
    out = []
    for c in found:
        r = rows.get(c.act_id)
        if r is None:
            continue
        ref = f"{r.number:04d}/{r.year}" if r.number else ""
        out.append(
            Candidate(
                c.act_id,
                c.score,
                r.subject,
                r.event_date,
                r.event_place,
                ref,
                c.cross_commune,
                c.reasons,
            )
        )
    return out


def save_and_decide(
    ctx: Ctx, draft_id: int | None, data: ActInput, candidate_id: int, decision: str
) -> tuple[ActView, DuplicateDecisionView]:
    """Runs on the worker: save the draft (created if new) then record the decision on it."""
    view = (
        drafts.create_draft(ctx, data)
        if draft_id is None
        else drafts.update_draft(ctx, draft_id, data)
    )
    return view, decide_duplicate(ctx, view.id, candidate_id, decision)


class DuplicatesPanel(QWidget):
    decided = Signal(int, str)  # candidate act id, "not_duplicate" | "same_person"

    def __init__(self, ctx: Ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.candidates: list[Candidate] = []
        self.list = QListWidget()
        self.list.setObjectName("duplicates")
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.currentRowChanged.connect(self._select)
        self.compare = QLabel()
        self.compare.setObjectName("duplicate_compare")
        self.compare.setWordWrap(True)
        self.compare.setTextFormat(Qt.TextFormat.RichText)
        self.compare.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.not_dup = QPushButton(self.tr("Not a duplicate"))
        self.not_dup.setObjectName("not_duplicate")
        self.same = QPushButton(self.tr("Same person — open the existing act"))
        self.same.setObjectName("same_person")
        self.not_dup.clicked.connect(lambda: self._decide("not_duplicate"))
        self.same.clicked.connect(lambda: self._decide("same_person"))
        self.can_decide = ctx.can("duplicate.decide")
        buttons = QVBoxLayout()
        for b in (self.not_dup, self.same):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(b)
        self.note = QLabel()
        self.note.setObjectName("duplicate_note")
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(QLabel(self.tr("Possible duplicates")))
        lay.addWidget(self.list, 1)
        lay.addWidget(self.compare, 2)
        lay.addLayout(buttons)
        lay.addWidget(self.note)
        self.show_candidates([])

    def show_candidates(self, found: list[Candidate]) -> None:
        current = self.current()
        self.candidates = list(found)
        self.list.blockSignals(True)
        self.list.clear()
        for c in found:
            ref = c.reference or self.tr("draft")
            text = (
                f"{c.score:.0f} % — {c.subject}\n{display_date(c.event_date)}"
                f" — {c.event_place} — {ref}"
            )
            if c.cross_commune:
                text += "\n" + self.tr("held by another commune")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, c.act_id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [c.act_id for c in found]
        row = ids.index(current.act_id) if current and current.act_id in ids else 0
        self.list.setCurrentRow(row if found else -1)
        self._select(row if found else -1)

    def current(self) -> Candidate | None:
        row = self.list.currentRow()
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def field_name(self, field: str) -> str:
        return {
            "subject_name": self.tr("Name"),
            "event_date": self.tr("Date"),
            "mother_name": self.tr("Mother"),
            "event_place": self.tr("Place"),
        }.get(field, field)

    def _select(self, _row: int) -> None:
        c = self.current()
        for b in (self.not_dup, self.same):
            b.setEnabled(c is not None)
            b.setVisible(c is not None and self.can_decide)
        if c is None:
            self.compare.setText(self.tr("No similar act found."))
            return
        existing = (
            self.tr("Act n° {ref}").format(ref=c.reference) if c.reference else self.tr("Draft")
        )
        this = self.tr("This declaration")
        rows = [
            f"<tr><th></th><th align='left'>{escape(this)}</th>"
            f"<th align='left'>{escape(existing)}</th></tr>"
        ]
        for r in c.reasons:
            new, old = r.new, r.existing
            if r.field == "event_date":
                new, old = display_date(new), display_date(old)
            colour = "#0b5d1e" if r.score >= 90 else "#8a5a00" if r.score >= 60 else "#b00020"
            rows.append(
                f"<tr><td><b>{escape(self.field_name(r.field))}</b></td>"
                f"<td>{escape(new)}</td><td style='color:{colour}'>{escape(old)}"
                f" ({r.score:.0f} %)</td></tr>"
            )
        self.compare.setText("<table cellspacing='4'>" + "".join(rows) + "</table>")

    def _decide(self, decision: str) -> None:
        c = self.current()
        if c is not None:
            for b in (self.not_dup, self.same):
                b.setEnabled(False)
            self.decided.emit(c.act_id, decision)

    def recorded(self, decision: str) -> None:
        self.note.setText(
            self.tr("Recorded: not a duplicate.")
            if decision == "not_duplicate"
            else self.tr("Recorded: same person.")
        )
