"""Type like a clerk: every key goes to the focused widget, and every key is counted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


class Keyboard:
    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.keys = 0  # every key press, including Tab, Enter and shortcuts
        self.data_chars = 0  # characters of data typed

    def focus(self) -> QWidget:
        # Keys go to an open popup first (a completer list), as with a real keyboard.
        w = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert w is not None, "no widget has the keyboard focus"
        return w

    def type(self, text: str) -> None:
        for ch in text:
            w = self.focus()
            if ch.isascii():
                self.qtbot.keyClick(w, ch)
            else:  # qtbot.keyClicks aborts on non-ASCII: send the character itself
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(
                        w, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
                    )
            self.keys += 1
            self.data_chars += 1

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus(), key, modifier)
            self.keys += 1

    def enter(self, times: int = 1) -> None:
        self.press(Qt.Key.Key_Return, times=times)

    def field(self, text: str) -> None:
        """Type a value then Enter to move to the next field."""
        self.type(text)
        self.enter()
