"""One act in full: its content, its marginal mentions as a timeline, its history (audit), and
the actions the user's role allows (register, edit the draft, add a mention, print)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.act_words import capitalised, mention_kind_label
from civreg.domain.acts import ActView, Person
from civreg.domain.bride_price import bride_price_text
from civreg.domain.corrections import apply_corrections
from civreg.services.audit_log import HistoryRow, act_history
from civreg.services.changes import Changes
from civreg.services.context import Ctx
from civreg.services.queries import get_act
from civreg.ui.act_extras import ActExtras, extras_labels
from civreg.ui.fields import ChoiceLabels
from civreg.ui.form_layout import SECTION_ROLES, Texts
from civreg.ui.locale_text import date_text
from civreg.ui.operations import Operations
from civreg.ui.register_model import display_date
from civreg.ui.tables import fit_columns


@dataclass(frozen=True)
class ActBundle:
    act: ActView
    history: list[HistoryRow]


def load_bundle(ctx: Ctx, ref: int) -> ActBundle:
    """Runs on the worker: the act and its history."""
    return ActBundle(get_act(ctx, ref), act_history(ctx, ref))


class ActPage(QWidget):
    edit_requested = Signal(object)  # ActView (draft)
    register_requested = Signal(int)
    mention_requested = Signal(object)  # ActView
    print_requested = Signal(int, str)  # act id, "full" | "extract"
    closed = Signal()

    def __init__(
        self, ctx: Ctx, ops: Operations, act_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("act-view")
        self.ctx, self.ops, self.act_id = ctx, ops, act_id
        self.bundle: ActBundle | None = None
        self.heading = QLabel(self.tr("Loading…"))
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.body = QTextBrowser()
        self.body.setObjectName("act-body")
        self.mentions = QListWidget()
        self.mentions.setObjectName("mentions")
        self.history = QTableWidget(0, 3)
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What")])
        self.history.horizontalHeader().setStretchLastSection(True)
        tabs = QTabWidget()
        tabs.addTab(self.mentions, self.tr("Marginal mentions"))
        tabs.addTab(self.history, self.tr("History"))
        split = QSplitter()
        split.addWidget(self.body)
        split.addWidget(tabs)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.edit_btn = QPushButton(self.tr("&Edit draft"))
        self.register_btn = QPushButton(self.tr("&Register"))
        self.mention_btn = QPushButton(self.tr("Add &mention…"))
        self.full_btn = QPushButton(self.tr("Print &full copy…"))
        self.extract_btn = QPushButton(self.tr("Print e&xtract…"))
        back = QPushButton(self.tr("&Back"))
        back.clicked.connect(self.closed.emit)
        self.edit_btn.clicked.connect(self._edit)
        self.register_btn.clicked.connect(lambda: self.register_requested.emit(self.act_id))
        self.mention_btn.clicked.connect(self._mention)
        self.full_btn.clicked.connect(lambda: self.print_requested.emit(self.act_id, "full"))
        self.extract_btn.clicked.connect(lambda: self.print_requested.emit(self.act_id, "extract"))
        from PySide6.QtGui import QKeySequence, QShortcut

        for seq, btn in (
            ("Ctrl+Return", self.register_btn),
            ("Ctrl+Enter", self.register_btn),
            ("Ctrl+P", self.full_btn),
            ("Ctrl+Shift+P", self.extract_btn),
            ("Ctrl+E", self.edit_btn),
            ("Ctrl+Shift+M", self.mention_btn),
        ):
            QShortcut(QKeySequence(seq), self, lambda b=btn: self._press(b))
        bar = QHBoxLayout()
        for b in (
            self.edit_btn,
            self.register_btn,
            self.mention_btn,
            self.full_btn,
            self.extract_btn,
        ):
            b.hide()
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(back)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addLayout(bar)
        lay.addWidget(split, 1)
        ops.changed.connect(self.on_changes)
        self.reload()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches_act(self.act_id):
            self.reload()

    # Slots return None (PySide6 6.12 has crashed at exit on slots returning bools).
    def _edit(self) -> None:
        if self.bundle is not None:
            self.edit_requested.emit(self.bundle.act)

    def _mention(self) -> None:
        if self.bundle is not None:
            self.mention_requested.emit(self.bundle.act)

    @staticmethod
    def _press(button: QPushButton) -> None:
        if button.isVisible():
            button.click()

    def reload(self) -> None:
        self.ops.run(load_bundle, self.ctx, self.act_id, owner=self, on_done=self.show_bundle)

    def show_bundle(self, bundle: ActBundle) -> None:
        self.bundle = bundle
        a = bundle.act
        kinds = {
            "birth": self.tr("Birth act"),
            "marriage": self.tr("Marriage act"),
            "death": self.tr("Death act"),
        }
        if a.status == "draft":
            self.heading.setText(kinds[a.kind] + " — " + self.tr("draft"))
        else:
            self.heading.setText(
                f"{kinds[a.kind]} n° {a.number:04d} / {a.year} — {a.global_id}"
                + (" — " + self.tr("CANCELLED") if a.cancelled else "")
            )
        self.body.setHtml(self.act_html(a))
        self.mentions.clear()
        for m in a.mentions:
            by = f" ({m.authority} {m.reference})".rstrip() if m.authority else ""
            corrected = ActExtras(self).mention_corrections(m)
            self.mentions.addItem(
                f"{display_date(m.date)} — {self.mention_kind(m.kind)}{by}\n"
                f"{m.text}\n" + (f"{corrected}\n" if corrected else "") + f"— {m.recorded_by}"
            )
        if not a.mentions:
            self.mentions.addItem(self.tr("No mention."))
        self.history.setRowCount(len(bundle.history))
        for i, h in enumerate(bundle.history):
            what = self.operation_name(h.operation)
            for j, v in enumerate((date_text(h.at), h.username, what)):
                self.history.setItem(i, j, QTableWidgetItem(v))
        fit_columns(self.history)
        draft = a.status == "draft"
        self.edit_btn.setVisible(draft and self.ctx.can("draft.edit"))
        self.register_btn.setVisible(draft and self.ctx.can("act.register"))
        self.mention_btn.setVisible(not draft and self.ctx.can("mention.add"))
        self.full_btn.setVisible(not draft and self.ctx.can("copy.issue"))
        self.extract_btn.setVisible(not draft and self.ctx.can("copy.issue"))

    def operation_name(self, operation: str) -> str:
        """What happened to the act, in words (the audit log's operation codes)."""
        return {
            "draft.create": self.tr("Declaration entered"),
            "draft.update": self.tr("Declaration corrected"),
            "act.register": self.tr("Registered"),
            "mention.add": self.tr("Marginal mention recorded"),
            "notice.apply": self.tr("Mention received from another centre"),
            "copy.issue": self.tr("Copy issued"),
            "mention.implied": self.tr("Mention added by another act"),
            "notice.queue": self.tr("Mention notice queued for another centre"),
            "duplicate.decide": self.tr("Possible duplicate examined"),
        }.get(operation) or ActExtras(self).operation_name(operation)

    def mention_kind(self, kind: str) -> str:
        """The kind's words (civreg.domain.act_words), as the CLI and the certificates say."""
        return capitalised(mention_kind_label(kind))

    def act_html(self, a: ActView) -> str:
        texts, labels = Texts(self), ChoiceLabels(self).labels()
        sections, fields = texts.sections(), texts.fields()
        labels |= extras_labels(self)  # the finder, the authority (a found child's declarants)
        current = apply_corrections(a.data, a.mentions)  # the act as it reads today
        d = current.data
        extras = ActExtras(self)
        e = html.escape

        def row(label: str, value: str) -> str:
            return (
                f"<tr><td style='color:#555;padding-right:12px'>{e(label)}</td>"
                f"<td><b>{e(value)}</b></td></tr>"
                if value
                else ""
            )

        out = [
            f"<h3>{e(sections['event'])}</h3><table>",
            row(fields[f"event_date.{a.kind}"], display_date(d.event_date)),
            row(fields["event_time"], d.event_time),
            row(fields["event_place"], d.event_place),
            row(fields["event_place_type"], labels.get(d.event_place_type, "")),
            "</table>",
        ]
        if d.declaration_date:
            out.insert(-1, row(fields["declaration_date"], display_date(d.declaration_date)))
        if d.judgment is not None:
            j = d.judgment
            out += [
                f"<h3>{e(sections['judgment'])}</h3><table>",
                row(fields["judgment.court"], j.court),
                row(fields["judgment.number"], j.number),
                row(fields["judgment.date"], display_date(j.date)),
                "</table>",
            ]
        if d.transcription is not None:
            tr = d.transcription
            out += [
                f"<h3>{e(sections['transcription'])}</h3><table>",
                row(fields["original_number"], str(tr.original_number or "")),
                row(fields["original_date"], display_date(tr.original_date)),
                row(fields["transcription_note"], tr.note),
                "</table>",
            ]
        order = {role: i for i, (role, _pos) in enumerate(SECTION_ROLES[a.kind])}
        for p in sorted(d.persons, key=lambda p: (order.get(p.role, 99), p.position)):
            key = f"witness{p.position}" if p.role == "witness" else p.role
            out.append(f"<h3>{e(sections.get(key, p.role))}</h3><table>")
            out.extend(self._person_rows(p, fields, labels, row))
            out.append("</table>")
        details = self._detail_rows(d.details, fields, labels, row)
        if details:
            out += [f"<h3>{e(sections['details'])}</h3><table>", *details, "</table>"]
        out.append(extras.report_html(d.details, row))  # found child, unidentified deceased
        out.append(extras.paper_html(a, row))
        out.append(extras.corrections_html(current, row, self.mention_kind))
        if a.registered_at:
            done = self.tr("Registered on {date} by {name}, {title}.")
            out.append(
                "<p>"
                + e(
                    done.format(
                        date=display_date(a.registered_at[:10]),
                        name=a.registrar_name,
                        title=a.registrar_title,
                    )
                )
                + "</p>"
            )
        return "".join(out)

    def _detail_rows(
        self, details: dict, fields: dict[str, str], labels: dict[str, str], row
    ) -> list[str]:
        """The kind's details that are stored (a birth's multiplicity, order and weight; a
        marriage's form and option; a death's medical cause, which no copy prints)."""
        out = []
        for name in (
            "multiplicity",
            "birth_order",
            "weight_grams",
            "mother_children_born_alive",
            "health_facility_register_ref",
            "form",
            "option",
            "property_regime",
            "power_of_attorney_ref",
        ):
            value = details.get(name)
            if value in (None, ""):
                continue
            text = labels.get(str(value), str(value))
            if name == "weight_grams":
                text = self.tr("{n} g").format(n=value)
            out.append(row(fields[name], text))
        if details.get("bride_price"):
            out.append(row(fields["bride_price"], bride_price_text(details["bride_price"])))
        cause = details.get("cause") or {}
        lines = [x.get("text", "") for part in ("part1", "part2") for x in cause.get(part, [])]
        if any(lines):
            out.append(
                row(self.tr("Medical cause (confidential, never printed)"), "; ".join(lines))
            )
        return out

    def _person_rows(
        self, p: Person, fields: dict[str, str], labels: dict[str, str], row
    ) -> list[str]:
        sex = labels.get(f"sex:{p.sex}", "") if p.sex else ""
        return [
            row(fields["family_name"], p.family_name.upper()),
            row(fields["post_nom"], p.post_nom.upper()),
            row(fields["given_names"], p.given_names),
            row(fields["sex"], sex),
            row(fields["birth_date"], display_date(p.birth_date)),
            row(fields["birth_place"], p.birth_place),
            row(fields["profession"], p.profession),
            row(fields["domicile"], p.domicile),
            row(fields["nationality"], p.nationality),
            row(fields["capacity"], labels.get(p.capacity, p.capacity)),
        ]
