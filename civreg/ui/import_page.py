"""Import screen of a district (or national) office: import the communes' batch files, read
the report (batches imported or already imported, gaps in each office's numbering, where the
signed receipt was written), review the quarantined records and forward the batches received
to the next level."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.quarantine_words import reason_label, record_label
from civreg.errors import CivregError
from civreg.services.changes import IMPORTED, Changes
from civreg.services.context import Ctx
from civreg.services.transmission import (
    ImportReport,
    QuarantineView,
    forward_batches,
    import_batches,
    list_quarantine,
    resolve_quarantine,
)
from civreg.ui import file_dialogs
from civreg.ui.lazy import LazyPage
from civreg.ui.locale_text import utc_time_text
from civreg.ui.operations import Cancelled, Operations
from civreg.ui.tables import read_only_table


def import_job(ctx: Ctx, paths: list[Path], cancelled) -> ImportReport | CivregError:
    """Runs on the worker. A refused batch comes back as the error (nothing was imported) so
    that the screen can both show it and say so in the report."""
    if cancelled():
        raise Cancelled()
    try:
        return import_batches(ctx, paths)
    except CivregError as exc:
        return exc


class ImportPage(LazyPage, QWidget):
    def __init__(self, ctx: Ctx, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import")
        self.ctx, self.ops = ctx, ops
        self.import_btn = QPushButton(self.tr("&Import batch files…"))
        self.import_btn.clicked.connect(self.choose_batches)
        self.forward_btn = QPushButton(self.tr("&Forward to the national level…"))
        self.forward_btn.clicked.connect(self.choose_forward_folder)
        self.forward_btn.setVisible(ctx.can("batch.export"))
        self.summary = QLabel(self.tr("Choose the batch files received from the communes."))
        self.summary.setObjectName("import_summary")
        self.summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.import_btn)
        bar.addWidget(self.forward_btn)
        self.report = read_only_table(
            [
                self.tr("File"),
                self.tr("Office"),
                self.tr("Batch"),
                self.tr("Result"),
                self.tr("Records"),
                self.tr("Quarantined"),
            ],
            stretch=3,
        )
        self.gaps = QLabel()
        self.gaps.setObjectName("import_gaps")
        self.gaps.setWordWrap(True)
        self.receipt = QLabel()
        self.receipt.setObjectName("import_receipt")
        self.receipt.setWordWrap(True)
        self.receipt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        report_box = QGroupBox(self.tr("Last import"))
        rl = QVBoxLayout(report_box)
        rl.addWidget(self.report, 1)
        rl.addWidget(self.gaps)
        rl.addWidget(self.receipt)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(report_box, 1)
        self.quarantine: QTableWidget | None = None
        if ctx.can("quarantine.review"):
            self.quarantine = read_only_table(
                [
                    self.tr("Office"),
                    self.tr("Batch"),
                    self.tr("Record"),
                    self.tr("Reason"),
                    self.tr("Received"),
                ],
                stretch=3,
            )
            self.quarantine.setObjectName("quarantine")
            self.resolution = QLineEdit()
            self.resolution.setObjectName("resolution")
            self.resolution.setPlaceholderText(
                self.tr("What was done (e.g. commune called, correct act confirmed)")
            )
            self.resolve_btn = QPushButton(self.tr("&Close the selected item"))
            self.resolve_btn.clicked.connect(self.resolve_selected)
            q_box = QGroupBox(self.tr("Quarantined records to review"))
            ql = QVBoxLayout(q_box)
            ql.addWidget(self.quarantine, 1)
            row = QHBoxLayout()
            row.addWidget(self.resolution, 1)
            row.addWidget(self.resolve_btn)
            ql.addLayout(row)
            lay.addWidget(q_box, 1)
        self.items: list[QuarantineView] = []
        self.last: ImportReport | None = None
        self.follow_changes(ops)

    # -- quarantine -------------------------------------------------------------------
    def concerns(self, changes: Changes) -> bool:
        return changes.quarantine or changes.everything

    def fetch(self) -> None:
        if self.quarantine is not None:
            self.ops.run(list_quarantine, self.ctx, owner=self, on_done=self._show_quarantine)

    def reason_text(self, reason: str) -> str:
        return reason_label(reason)  # the domain's words, as the command line says them

    def record_type(self, kind: str) -> str:
        return record_label(kind)

    def _show_quarantine(self, items: list[QuarantineView]) -> None:
        assert self.quarantine is not None
        self.items = items
        self.quarantine.setRowCount(len(items))
        for i, q in enumerate(items):
            record = f"{self.record_type(q.record_type)} {q.record_id}"
            values = (
                q.office_id,
                str(q.batch_sequence),
                record,
                self.reason_text(q.reason),
                utc_time_text(q.created_at),
            )
            for j, v in enumerate(values):
                self.quarantine.setItem(i, j, QTableWidgetItem(v))

    def resolve_selected(self) -> None:
        assert self.quarantine is not None
        row = self.quarantine.currentRow()
        note = self.resolution.text().strip()
        if not 0 <= row < len(self.items):
            return
        if not note:
            self.resolution.setFocus()
            self.resolution.setPlaceholderText(self.tr("Write what was done before closing"))
            return
        self.ops.mutate(
            resolve_quarantine,
            self.ctx,
            self.items[row].id,
            note,
            owner=self,
            changes=Changes(quarantine=True),
            on_done=lambda _v: self.resolution.clear(),
        )

    # -- import -----------------------------------------------------------------------
    def choose_batches(self) -> None:
        names = file_dialogs.open_files(
            self,
            self.tr("Batch files to import"),
            "",
            self.tr("civreg batches (*.civreg-batch *.civbatch);;All files (*)"),
        )
        if names:
            self.import_files([Path(n) for n in names])

    def import_files(self, paths: list[Path]) -> None:
        from civreg.ui.long_ops import run_with_progress

        n = len(paths)
        run_with_progress(
            self,
            self.ops,
            self.tr("Importing {n} batch file(s)…").format(n=n),
            lambda report, cancelled: _started_import(report, n, self.ctx, paths, cancelled),
            on_done=self.show_result,
            changes=lambda r: IMPORTED if isinstance(r, ImportReport) else Changes(),
        )

    def show_result(self, result: ImportReport | CivregError) -> None:
        if isinstance(result, CivregError):
            from civreg.ui.errors import error_text, show_error

            self.last = None
            self.report.setRowCount(0)
            file = str(result.params.get("file", ""))
            text = (
                self.tr("Refused: {file}: {reason} Nothing was imported.")
                if file
                else self.tr("Refused: {reason} Nothing was imported.")
            )
            self.summary.setText(text.format(file=file, reason=error_text(result)))
            self.summary.setStyleSheet("color: #b00020;")
            self.gaps.clear()
            self.receipt.clear()
            show_error(self, result)
            return
        self.last = result
        self.summary.setStyleSheet("")
        names = {
            "imported": self.tr("Imported"),
            "sealed": self.tr("Kept sealed (encrypted for another level)"),
            "already_imported": self.tr("Already imported"),
        }
        self.report.setRowCount(len(result.batches))
        records = 0
        for i, b in enumerate(result.batches):
            n = sum(b.counts.values())
            records += n if b.status != "already_imported" else 0
            values = (
                b.file,
                b.office_id,
                str(b.sequence),
                names.get(b.status, b.status),
                str(n),
                str(len(b.quarantined)),
            )
            for j, v in enumerate(values):
                self.report.setItem(i, j, QTableWidgetItem(v))
        new = sum(1 for b in result.batches if b.status != "already_imported")
        self.summary.setText(
            self.tr(
                "{new} batch(es) accepted, {old} already imported; {records} record(s) received, "
                "{q} quarantined."
            ).format(new=new, old=len(result.batches) - new, records=records, q=result.quarantined)
        )
        gaps = [
            self.tr("{office}: batch(es) {numbers} missing").format(
                office=office, numbers=", ".join(str(n) for n in missing)
            )
            for office, missing in sorted(result.gaps.items())
            if missing
        ]
        self.gaps.setText("\n".join(gaps) if gaps else self.tr("No batch missing."))
        self.gaps.setStyleSheet("color: #8a5a00;" if gaps else "")
        if result.receipt_path:
            self.receipt.setText(
                self.tr("Signed receipt written to {path}: send it back to the communes.").format(
                    path=result.receipt_path
                )
            )

    # -- forward ----------------------------------------------------------------------
    def choose_forward_folder(self) -> None:
        folder = file_dialogs.folder(self, self.tr("Forward the batches into which folder?"))
        if folder:
            self.forward(Path(folder))

    def forward(self, folder: Path) -> None:
        self.ops.run(
            forward_batches,
            self.ctx,
            folder,
            owner=self,
            on_done=lambda written: self.summary.setText(
                self.tr("{n} batch(es) copied to {path} for the national level.").format(
                    n=len(written), path=folder
                )
            ),
        )


def _started_import(
    report: Callable[[int, int], object],
    n: int,
    ctx: Ctx,
    paths: list[Path],
    cancelled: Callable[[], bool],
) -> ImportReport | CivregError:
    """The import job on the worker: the progress shown at 0 of ``n`` first."""
    report(0, n)
    return import_job(ctx, paths, cancelled)
