"""The main window: navigation, the search box always at hand, and the act screens."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.acts import ActKind, ActView
from civreg.services.changes import Changes
from civreg.services.context import Ctx
from civreg.services.interrupted_draft import InterruptedDraft
from civreg.services.queries import get_act
from civreg.ui import settings as S  # noqa: N812
from civreg.ui.act_form import ActForm
from civreg.ui.act_view import ActPage
from civreg.ui.actions import WindowActions
from civreg.ui.backup_page import BackupPage
from civreg.ui.import_page import ImportPage
from civreg.ui.locale_text import utc_time_text
from civreg.ui.operations import Operations
from civreg.ui.other_pages import (
    AdminPage,
    SearchController,
    SearchPage,
)
from civreg.ui.registers_admin import RegistersAdminPage
from civreg.ui.registers_page import RegistersPage
from civreg.ui.statistics_page import StatisticsPage
from civreg.ui.store_check import run_full_check
from civreg.ui.transmission_page import TransmissionPage
from civreg.ui.verify_page import VerifyPage
from civreg.ui.window_base import WindowBase


class MainWindow(WindowBase):
    lock_requested = Signal()
    logout_requested = Signal()

    def __init__(self, ctx: Ctx, ops: Operations, settings: S.Settings) -> None:
        super().__init__()
        self.setObjectName("main")
        self.ctx, self.ops, self.settings = ctx, ops, settings
        self.setWindowTitle(self.tr("civreg — {office}").format(office=ctx.office.name))
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setFixedWidth(170)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self.detail: QWidget | None = None
        self.commands = WindowActions(self)
        can = ctx.can
        entries: list[tuple[str, str, QWidget | None]] = [
            ("births", self.tr("Births"), RegistersPage(ctx, ops, "birth")),
            ("marriages", self.tr("Marriages"), RegistersPage(ctx, ops, "marriage")),
            ("deaths", self.tr("Deaths"), RegistersPage(ctx, ops, "death")),
            (
                "drafts",
                self.tr("Drafts"),
                RegistersPage(ctx, ops, "", status="draft") if can("draft.edit") else None,
            ),
            ("search", self.tr("Search"), SearchPage(ctx, ops)),
            (
                "transmission",
                self.tr("Transmission"),
                TransmissionPage(ctx, ops) if can("batch.export") or can("notice.apply") else None,
            ),
            (
                "import",
                self.tr("Import batches"),
                ImportPage(ctx, ops) if can("batch.import") else None,
            ),
            (
                "statistics",
                self.tr("Statistics"),
                StatisticsPage(ctx, ops) if can("stats.view") else None,
            ),
            ("verify", self.tr("Verify a certificate"), VerifyPage(ctx, ops)),
            (
                "registers",
                self.tr("Registers"),
                RegistersAdminPage(ctx, ops)
                if can("register.configure") or can("register.close")
                else None,
            ),
            (
                "backup",
                self.tr("Backup"),
                BackupPage(ctx, ops, settings) if can("store.backup") else None,
            ),
            (
                "administration",
                self.tr("Administration"),
                AdminPage(ctx, ops, settings)
                if can("user.manage") or can("office.settings")
                else None,
            ),
        ]
        for key, label, page in entries:
            if page is None:
                continue
            self.pages[key] = page
            self.nav.addItem(f"{label}")
            self.stack.addWidget(page)
            if hasattr(page, "open_act"):
                page.open_act.connect(self.open_act)
            if hasattr(page, "new_act"):
                page.new_act.connect(self._new_act_of)
        self.keys = list(self.pages)
        self.outbox = None
        if ctx.can("batch.export") and "transmission" in self.pages:
            from civreg.ui.outbox_runner import OutboxRunner

            self.outbox = OutboxRunner(ctx, ops, parent=self)
            self.pages["transmission"].attach_outbox(self.outbox)  # type: ignore[attr-defined]
            self.outbox.start_if_configured()
        self.nav.currentRowChanged.connect(self._nav_to)
        self.nav.itemClicked.connect(lambda _item: self._select(self.nav.currentRow()))
        if isinstance(self.pages.get("administration"), AdminPage):
            admin = self.pages["administration"]
            admin.settings_changed.connect(self.commands.settings_changed)  # type: ignore[attr-defined]
            admin.add_user.connect(self.commands.add_user)  # type: ignore[attr-defined]
            admin.backup.connect(self.commands.backup)  # type: ignore[attr-defined]
            admin.check.connect(lambda: run_full_check(self, ctx, ops))  # type: ignore[attr-defined]

        self.search_box = QLineEdit()
        self.search_box.setObjectName("global_search")
        self.search_box.setPlaceholderText(
            self.tr("Search: name, act number, identifier, date (Ctrl+F)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search = SearchController(ctx, ops, parent=self)
        self.search_box.textEdited.connect(self._search_typed)
        self.search_box.returnPressed.connect(self._search_enter)
        if "search" in self.pages:
            page = self.pages["search"]
            self.search.results.connect(page.show_results)  # type: ignore[attr-defined]
            self.search.failed.connect(page.show_failure)  # type: ignore[attr-defined]
        ops.changed.connect(self._changes)

        self.banner = QFrame()
        self.banner.setObjectName("recovery")
        self.banner.setStyleSheet("#recovery { background: #fff4c2; border: 1px solid #d9b300; }")
        self.banner_label = QLabel()
        self.banner_label.setWordWrap(True)  # a long message wraps; it never widens the window
        self.resume_btn = QPushButton(self.tr("&Resume the draft"))
        self.discard_btn = QPushButton(self.tr("Later"))
        bl = QHBoxLayout(self.banner)
        bl.addWidget(self.banner_label, 1)
        bl.addWidget(self.resume_btn)
        bl.addWidget(self.discard_btn)
        self.banner.hide()
        self.discard_btn.clicked.connect(self._dismiss_recovery)
        self.resume_btn.clicked.connect(self._resume)
        self._recovery: ActView | None = None

        header = QHBoxLayout()
        office = QLabel(f"<b>{ctx.office.name}</b> — {ctx.office.office_id}")
        header.addWidget(office)
        header.addStretch(1)
        header.addWidget(self.search_box, 2)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(6, 6, 6, 0)
        lay.addLayout(header)
        lay.addWidget(self.banner)
        lay.addLayout(body, 1)
        self.setCentralWidget(central)
        self._menus()
        user = ctx.user.full_name or ctx.user.username
        self.statusBar().showMessage(self.tr("Logged in as {user}").format(user=user))
        self.nav.setCurrentRow(0)
        self.resize(1366, 768)

    def stop_background(self) -> None:
        """Stop the background sender (before the session closes)."""
        if self.outbox is not None:
            self.outbox.stop()

    def release_detail(self) -> None:
        """Leaving the session in an orderly way: the form being entered is saved and offers
        no crash recovery at the next login."""
        if isinstance(self.detail, ActForm):
            self.detail.release()

    # -- menus and shortcuts -----------------------------------------------------------
    def _menus(self) -> None:
        m = self.menuBar().addMenu(self.tr("&File"))
        if self.ctx.can("draft.create"):
            for kind, text, seq in (
                (ActKind.BIRTH, self.tr("New &birth"), "Ctrl+N"),
                (ActKind.MARRIAGE, self.tr("New &marriage"), "Ctrl+M"),
                (ActKind.DEATH, self.tr("New &death"), "Ctrl+D"),
            ):
                a = QAction(text, self)
                a.setShortcut(QKeySequence(seq))
                a.triggered.connect(lambda _=False, k=kind: self._new_act_of(k))
                m.addAction(a)
            m.addSeparator()
        lock = QAction(self.tr("&Lock"), self)
        lock.setShortcut(QKeySequence("Ctrl+L"))
        lock.triggered.connect(self.lock_requested.emit)
        m.addAction(lock)
        logout = QAction(self.tr("Log &out"), self)
        logout.setShortcut(QKeySequence("Ctrl+Shift+L"))
        logout.triggered.connect(self.logout_requested.emit)
        m.addAction(logout)
        if self.ctx.can("copy.issue"):
            day = QAction(self.tr("&Print today's acts…"), self)
            day.triggered.connect(self.commands.print_day)
            m.addAction(day)
        backup = QAction(self.tr("&Back up the store…"), self)
        backup.triggered.connect(self.commands.backup)
        m.addAction(backup)
        quit_ = QAction(self.tr("&Quit"), self)
        quit_.setShortcut(QKeySequence("Ctrl+Q"))
        quit_.triggered.connect(self.close)
        m.addAction(quit_)
        lang = self.menuBar().addMenu(self.tr("&Language"))
        for code, name in (("fr", "Français"), ("en", "English")):
            a = QAction(name, self)
            a.triggered.connect(lambda _=False, c=code: self.language_requested.emit(c))
            lang.addAction(a)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        for i in range(min(len(self.keys), 10)):  # Alt+1 … Alt+9, Alt+0 for the tenth
            QShortcut(QKeySequence(f"Alt+{(i + 1) % 10}"), self, lambda i=i: self._go(i))

    # Slots return None (PySide6 6.12 has crashed at exit on slots returning values).
    def _go(self, row: int) -> None:
        self._select(row)
        self.nav.setFocus()

    def _select(self, row: int) -> None:
        """Show page ``row``, also when it is already selected behind an act or a form."""
        if row == self.nav.currentRow():
            self._nav_to(row)
        else:
            self.nav.setCurrentRow(row)

    def _new_act_of(self, kind: str) -> None:
        self.new_act(ActKind(kind))

    def _edit_view(self, view: ActView) -> None:
        self.open_form(ActKind(view.kind), view)

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _search_typed(self, text: str) -> None:
        if "search" in self.pages and self.stack.currentWidget() is not self.pages["search"]:
            self.show_page("search")
        self.search.text_changed(text)

    def _search_enter(self) -> None:
        self.search.run_now()
        page = self.pages.get("search")
        if page is not None:
            page.table.setFocus()  # type: ignore[attr-defined]
            page.table.selectRow(0)  # type: ignore[attr-defined]

    def _changes(self, changes: Changes) -> None:
        """Search results showing a changed act are searched again (lists stay true)."""
        page = self.pages.get("search")
        if page is None or not self.search_box.text().strip():
            return
        shown = {page.model.row_at(i).id for i in range(page.model.rowCount())}  # type: ignore[attr-defined]
        if changes.everything or changes.acts & shown or changes.drafts:
            self.search.run_now()

    # -- navigation --------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        self._select(self.keys.index(key))

    def _nav_to(self, row: int) -> None:
        if row < 0:
            return
        self._drop_detail()
        self.stack.setCurrentWidget(self.pages[self.keys[row]])

    def _show_detail(self, widget: QWidget) -> None:
        self._drop_detail()
        self.detail = widget
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def _drop_detail(self) -> None:
        if self.detail is not None:
            if isinstance(self.detail, ActForm):
                self.detail.release()
            self.stack.removeWidget(self.detail)
            self.detail.deleteLater()
            self.detail = None

    def back(self) -> None:
        self._drop_detail()
        self.stack.setCurrentWidget(self.pages[self.keys[max(self.nav.currentRow(), 0)]])

    def open_act(self, act_id: int) -> ActPage:
        page = ActPage(self.ctx, self.ops, act_id)
        page.closed.connect(self.back)
        page.edit_requested.connect(self._edit_view)
        page.register_requested.connect(self.commands.register_draft)
        page.mention_requested.connect(self.commands.add_mention)
        page.print_requested.connect(self.commands.print_copy)
        self._show_detail(page)
        return page

    def _open_existing(self, act_id: int) -> None:
        self.open_act(act_id)

    def new_act(self, kind: ActKind) -> ActForm | None:
        if not self.ctx.can("draft.create"):
            return None
        return self.open_form(kind, None)

    def open_form(self, kind: ActKind, draft: ActView | None) -> ActForm:
        form = ActForm(self.ctx, self.ops, self.settings, kind, draft)
        form.closed.connect(self.back)
        form.registered.connect(self.open_act)
        form.open_existing.connect(self._open_existing)
        self._show_detail(form)
        form.slots[0].widget.setFocus()
        return form

    def edit_draft(self, draft_id: int) -> None:
        self.ops.run(
            get_act,
            self.ctx,
            draft_id,
            owner=self,
            on_done=lambda v: self.open_form(ActKind(v.kind), v),
        )

    # -- crash recovery ----------------------------------------------------------------
    def offer_recovery(self, found: InterruptedDraft) -> None:
        """Once, after a crash: what happened, that nothing typed was lost, what to do."""
        draft = found.draft
        assert draft is not None
        kinds = {
            "birth": self.tr("birth"),
            "marriage": self.tr("marriage"),
            "death": self.tr("death"),
        }
        if found.by_this_user:
            text = self.tr(
                "civreg closed unexpectedly while you were entering a {kind} declaration. "
                "Everything typed up to {when} is saved in a draft: resume it now, or later "
                "from the Drafts list."
            )
        else:
            text = self.tr(
                "civreg closed unexpectedly while {who} was entering a {kind} declaration. "
                "Everything typed up to {when} is saved in a draft: resume it now, or later "
                "from the Drafts list."
            )
        self.banner_label.setText(
            text.format(
                kind=kinds[draft.kind],
                when=utc_time_text(draft.updated_at),
                who=found.author or self.tr("a user"),
            )
        )
        self._recovery = draft
        self.banner.show()

    def _resume(self) -> None:
        self.banner.hide()
        if self._recovery is not None:
            self.open_form(ActKind(self._recovery.kind), self._recovery)

    def _dismiss_recovery(self) -> None:
        self.banner.hide()
        self.settings.reset(S.OPEN_DRAFT)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape and isinstance(self.detail, ActPage):
            self.back()
            return
        super().keyPressEvent(event)
