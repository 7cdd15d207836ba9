"""Entry widgets for act forms: dates as clerks type them, places completed from the
geography, coded choices with translated labels. Each field shows its own problems."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLabel, QLineEdit, QWidget

from civreg.domain.act_words import MARITAL_WORDS, capitalised, marital_label
from civreg.domain.dates import DateParseError, PartialDate, parse_user_date
from civreg.domain.geography import Geography
from civreg.i18n import t
from civreg.ui.entry_text import date_as_typed, date_finished, time_text


class ChoiceLabels(QObject):
    """Translated labels of the coded values used in act forms."""

    def labels(self) -> dict[str, str]:
        return {
            "sex:1": self.tr("Male"),
            "sex:2": self.tr("Female"),
            "sex:0": self.tr("Unknown"),
            "father": self.tr("Father"),
            "mother": self.tr("Mother"),
            "ascendant": self.tr("Grandparent"),
            "relative": self.tr("Relative"),
            "present_at_birth": self.tr("Present at the birth"),
            "proxy": self.tr("Proxy"),
            "spouse": self.tr("Spouse"),
            "present_at_death": self.tr("Present at the death"),
            "informed_person": self.tr("Informed person"),
            "health_facility": self.tr("Health facility"),
            "home": self.tr("Home"),
            "other": self.tr("Other"),
            "monogamy": self.tr("Monogamy"),
            "polygamy": self.tr("Polygamy"),
            "separation": self.tr("Separate property"),
            "community": self.tr("Community"),
            "community_of_acquests": self.tr("Community of acquests"),
            "universal_community": self.tr("Universal community"),
            "civil": self.tr("Civil celebration"),
            "customary_registration": self.tr("Registration of a customary marriage"),
            "religious_registration": self.tr("Registration of a religious marriage"),
            "single": self.tr("Single birth"),
            "twin": self.tr("Twins"),
            "triplet": self.tr("Triplets"),
            "paid": self.tr("Paid"),
            "partly_paid": self.tr("Partly paid"),
            "unpaid": self.tr("Unpaid"),
            "divorce": self.tr("Divorce"),
            "death": self.tr("Death of the spouse"),
            "annulment": self.tr("Annulment"),
        } | {  # the statuses' words are the domain's (as the CLI and the certificates say)
            f"status:{code}": capitalised(marital_label(code)) for code in MARITAL_WORDS
        }


class ProblemLabel(QLabel):
    """Red for errors, amber for warnings, hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("problem")
        self.hide()
        self.severity = ""

    def show_problems(self, problems: Sequence[tuple[str, str]]) -> None:
        """``problems``: (severity, message) pairs."""
        if not problems:
            self.severity = ""
            self.clear()
            self.hide()
            return
        errors = [m for s, m in problems if s == "error"]
        self.severity = "error" if errors else "warning"
        color = "#b00020" if errors else "#8a5a00"
        marks = "✖ " if errors else "⚠ "
        self.setStyleSheet(f"color: {color};")
        self.setText("\n".join(marks + m for _, m in problems))
        self.show()


class EntryLine(QLineEdit):
    """A line edit where Enter moves to the next field (keyboard-first entry)."""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            popup = self.completer().popup() if self.completer() else None
            if popup is not None and popup.isVisible():
                super().keyPressEvent(event)
                return
            self.focusNextChild()
            return
        super().keyPressEvent(event)


class DateField(EntryLine):
    """Accepts ``12/03/2024``, ``12032024`` (slashes appear as the digits are typed),
    ``03/2024``, ``2024``, ``vers 1970``; the value is a partial ISO date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("DD/MM/YYYY"))
        self.setMaximumWidth(160)
        self.editingFinished.connect(self._tidy)
        self.textEdited.connect(self._format_typed)

    def _format_typed(self, text: str) -> None:
        if self.cursorPosition() != len(text):
            return  # editing inside the text: leave it as typed
        shown = date_as_typed(text.replace("/", "") if text.replace("/", "").isdigit() else text)
        if shown != text:
            self.setText(shown)

    def _text(self) -> str:
        return date_finished(self.text().strip())

    def parse_error(self) -> str:
        text = self._text()
        if not text:
            return ""
        try:
            parse_user_date(text)
        except DateParseError as exc:
            return t(exc.key)
        return ""

    def value(self) -> str:
        text = self._text()
        if not text:
            return ""
        try:
            return parse_user_date(text).iso()
        except DateParseError:
            return ""

    def set_value(self, iso: str) -> None:
        if not iso:
            self.clear()
            return
        try:
            self.setText(PartialDate.from_iso(iso).display())
        except DateParseError:
            self.setText(iso)

    def _tidy(self) -> None:
        iso = self.value()
        if iso:
            self.setText(PartialDate.from_iso(iso).display())


class TimeField(EntryLine):
    """An hour as the clerk types it: ``0830``, ``8h30``, ``8.30`` → ``08:30``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("HH:MM"))
        self.setMaximumWidth(100)
        self.editingFinished.connect(lambda: self.setText(time_text(self.text())))

    def value(self) -> str:
        return time_text(self.text())

    def set_value(self, text: str) -> None:
        self.setText(text)


class PlaceField(EntryLine):
    """Completes from the country geography with an indexed prefix search (fast on 10,000+
    localities: the completer only ever holds the 15 best matches)."""

    def __init__(self, geography: Geography, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._geo = geography
        self._model = QStringListModel(self)
        comp = QCompleter(self._model, self)
        comp.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        comp.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(comp)
        self.textEdited.connect(self._refresh)
        # Installed after the completer's own filter, so it sees the popup's keys first.
        popup = comp.popup()
        assert popup is not None
        popup.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Enter in the list takes the highlighted place (or the first) and moves on."""
        popup = self.completer().popup()
        if (
            watched is popup
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
            and self._model.rowCount() > 0
        ):
            index = popup.currentIndex()
            row = index.row() if index.isValid() else 0
            chosen = self._model.index(row, 0).data()
            popup.hide()
            self.setText(chosen)
            self._code = self._codes.get(chosen, "")
            self._choosing = True
            self.textEdited.emit(chosen)  # the form records the change like a typed one
            self._choosing = False
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    def suggestions(self, text: str) -> list[str]:
        places = self._geo.search(text, 15)
        out = []
        self._codes = {}
        for p in places:
            parent = self._geo.find(p.parent_code) if p.parent_code else None
            shown = f"{p.name} ({parent.name})" if parent else p.name
            out.append(shown)
            self._codes[shown] = p.code
        return out

    _codes: dict[str, str] = {}  # replaced per instance by suggestions()
    _code = ""

    def code(self) -> str:
        """The geography code of the place chosen from the list ("" when typed freely)."""
        return self._code

    def set_code(self, code: str) -> None:
        self._code = code if code and code in self._geo else ""

    _choosing = False

    def _refresh(self, text: str) -> None:
        if self._choosing:
            return
        self._code = ""  # typed by hand: no longer the place chosen from the list
        if len(text.strip()) < 2:
            self._model.setStringList([])
            return
        self._model.setStringList(self.suggestions(text))
        self.completer().complete()

    def value(self) -> str:
        return self.text().strip()

    def set_value(self, text: str) -> None:
        self.setText(text)


class CodedPlaceField(PlaceField):
    """A place whose value is its geography code (the name is shown)."""

    def value(self) -> str:
        return self.code()

    def set_value(self, code: str) -> None:
        place = self._geo.find(code) if code else None
        self.setText(place.name if place else "")
        self.set_code(code)


class TextField(EntryLine):
    def value(self) -> str:
        return self.text().strip()

    def set_value(self, text: str) -> None:
        self.setText(text)


class ChoiceField(QComboBox):
    """Coded values with translated labels; typing the first letters selects (keyboard)."""

    changed = Signal()

    def __init__(
        self,
        codes: Sequence[str],
        label: Callable[[str], str],
        *,
        blank: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if blank:
            self.addItem("", "")
        for code in codes:
            self.addItem(label(code), code)
        self.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def value(self) -> str:
        return str(self.currentData() or "")

    def set_value(self, code: str) -> None:
        i = self.findData(code)
        self.setCurrentIndex(max(i, 0))

    def set_codes(self, codes: Sequence[str], label: Callable[[str], str]) -> None:
        """Offer ``codes`` instead (the blank entry stays); the value stays if still offered."""
        current = self.value()
        self.blockSignals(True)
        while self.count() > (1 if self.itemData(0) == "" else 0):
            self.removeItem(self.count() - 1)
        for code in codes:
            self.addItem(label(code), code)
        self.set_value(current)
        self.blockSignals(False)
        if self.value() != current:
            self.changed.emit()
