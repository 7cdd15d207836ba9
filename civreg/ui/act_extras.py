"""What the act view shows beyond the ordinary fields (issue 11 item 1): a found child's or an
unidentified deceased's report, the registrar's statement of a paper receipt, and the fields
rectified by marginal mentions (value now, value as registered, by which mention). Values are
said as on the form: dates in the user's format, the sex in words, family names in capitals.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from civreg.domain.acts import ActView, Mention
from civreg.domain.corrections import CurrentValues, parse_path
from civreg.domain.field_labels import field_label
from civreg.domain.special_acts import FOUND_CHILD, ITEMS, UNIDENTIFIED
from civreg.ui.fields import ChoiceLabels
from civreg.ui.form_special import SpecialTexts
from civreg.ui.register_model import display_date

Row = Callable[[str, str], str]


def value_text(path: str, value: Any, labels: dict[str, str]) -> str:
    """A field's value in words (``""`` for none)."""
    if value in (None, ""):
        return ""
    ref = parse_path(path)
    attr = ref.attr if ref is not None else path.rsplit(".", 1)[-1]
    if attr == "sex":
        return labels.get(f"sex:{value}", str(value))
    if attr.endswith("date"):
        return display_date(str(value))
    if attr in ("family_name", "post_nom"):
        return str(value).upper()
    return str(value)


def extras_labels(owner: QObject) -> dict[str, str]:
    """Labels of the codes only the special entries use (a found child's declarants)."""
    return SpecialTexts(owner).capacities()


class ActExtras(QObject):
    def report_html(self, details: dict, row: Row) -> str:
        """The report of a found child / an unidentified deceased, item by item."""
        texts = SpecialTexts(self)
        labels = texts.items()
        out = []
        for key in (FOUND_CHILD, UNIDENTIFIED):
            report = details.get(key)
            if not isinstance(report, dict) or not report:
                continue
            out.append(f"<h3>{html.escape(texts.title(key))}</h3><table>")
            for item in ITEMS[key]:
                value = str(report.get(item) or "")
                if item == "found_date":
                    value = display_date(value)
                out.append(row(labels[item], value))
            out.append("</table>")
        return "".join(out)

    def paper_html(self, a: ActView, row: Row) -> str:
        if not a.paper_receipt:
            return ""
        return (
            f"<h3>{html.escape(SpecialTexts(self).title('paper_receipt'))}</h3><table>"
            + row(self.tr("Registrar's statement"), a.paper_receipt)
            + "</table>"
        )

    def corrections_html(self, current: CurrentValues, row: Row, kind_name) -> str:
        """Each rectified field: its value now, as registered, and the mention."""
        if not current.corrected:
            return ""
        labels = ChoiceLabels(self).labels() | extras_labels(self)
        out = [f"<h3>{html.escape(self.tr('Rectified by marginal mention'))}</h3><table>"]
        for path, c in current.corrected.items():
            said = self.tr("{now} (registered: {then}; {kind} of {date}{reference})").format(
                now=value_text(path, c.value, labels) or "—",
                then=value_text(path, c.original, labels) or "—",
                kind=kind_name(c.mention_kind),
                date=display_date(c.date),
                reference=f", {c.reference}" if c.reference else "",
            )
            out.append(row(field_label(path), said))
        out.append("</table>")
        return "".join(out)

    def operation_name(self, operation: str) -> str:
        """History entries of the special entries, in words (else the code as is)."""
        return {
            "act.paper_receipt": self.tr("Receipt on paper stated by the registrar"),
        }.get(operation, operation)

    def mention_corrections(self, m: Mention) -> str:
        """« Enfant — nom : OUÉDRAOGO → OUEDRAOGO », one line per corrected field."""
        labels = ChoiceLabels(self).labels()
        return "\n".join(
            f"{field_label(c.field)} : {value_text(c.field, c.previous, labels) or '—'} → "
            f"{value_text(c.field, c.value, labels) or '—'}"
            for c in m.corrections
        )
