"""What the window's commands and the store check may ask of the main window.

:mod:`civreg.ui.actions` and :mod:`civreg.ui.store_check` act on the main window (dialogs
parented to it, its status bar, its pages) while :mod:`civreg.ui.main_window` builds on
them; they name this base instead, so the imports run one way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QWidget

if TYPE_CHECKING:
    from civreg.domain.acts import ActKind, ActView
    from civreg.services.context import Ctx
    from civreg.ui import settings as S  # noqa: N812
    from civreg.ui.act_form import ActForm
    from civreg.ui.act_view import ActPage
    from civreg.ui.operations import Operations


class WindowBase(QMainWindow):
    """The main window as its commands see it: the session, the worker, the settings, the
    pages by key and the act screen shown, and the three ways to move between them."""

    language_requested = Signal(str)

    ctx: Ctx
    ops: Operations
    settings: S.Settings
    pages: dict[str, QWidget]
    detail: QWidget | None

    def show_page(self, key: str) -> None:
        raise NotImplementedError

    def open_act(self, act_id: int) -> ActPage:
        raise NotImplementedError

    def open_form(self, kind: ActKind, draft: ActView | None) -> ActForm:
        raise NotImplementedError
