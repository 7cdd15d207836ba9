"""Transmission: batches sent to the district and their receipts, changes waiting to be sent,
and mention notices to and from other centres."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from civreg.domain.act_words import capitalised, mention_kind_label
from civreg.domain.batch_words import holds_text, records_text
from civreg.services.changes import Changes
from civreg.services.context import Ctx
from civreg.services.mentions import NoticeRow, list_notices
from civreg.ui import file_dialogs
from civreg.ui.lazy import LazyPage
from civreg.ui.locale_text import date_text, number_text, utc_time_text
from civreg.ui.operations import Operations
from civreg.ui.tables import fit_columns, read_only_table

SENT = Changes(transmission=True)  # batches written, receipts read


class TransmissionPage(LazyPage, QWidget):
    def __init__(self, ctx: Ctx, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transmission")
        self.ctx, self.ops = ctx, ops
        self.pending = QLabel()
        self.pending.setObjectName("pending")
        self.batches = read_only_table(
            [
                self.tr("Batch"),
                self.tr("Created"),
                self.tr("Status"),
                self.tr("Records"),
                self.tr("Acknowledged"),
                self.tr("Online"),
            ]
        )
        self.export_btn = QPushButton(self.tr("&Export the changes as a batch…"))
        self.export_btn.clicked.connect(self.export)
        self.receipt_btn = QPushButton(self.tr("Import a &receipt…"))
        self.receipt_btn.clicked.connect(self.import_receipt)
        self.export_btn.setVisible(ctx.can("batch.export"))
        self.receipt_btn.setVisible(ctx.can("receipt.import"))
        self.online = QLabel()
        self.online.setObjectName("online")
        self.online.setWordWrap(True)
        self.send_btn = QPushButton(self.tr("Send &now"))
        self.send_btn.setObjectName("send_now")
        self.send_btn.hide()
        self._delivery: dict[int, object] = {}
        self._configured: bool | None = None  # online sending; None until the sender reports
        self._acknowledged = -1
        headers = [self.tr("Date"), self.tr("Kind"), self.tr("Act to annotate"), self.tr("Status")]
        self.outgoing = read_only_table(headers)
        self.incoming = read_only_table(headers)
        bar = QHBoxLayout()
        bar.addWidget(self.pending, 1)
        bar.addWidget(self.export_btn)
        bar.addWidget(self.receipt_btn)
        online = QHBoxLayout()
        online.addWidget(self.online, 1)
        online.addWidget(self.send_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addLayout(online)
        lay.addWidget(QLabel(self.tr("Batches sent to the district")))
        self.holds = QLabel(holds_text())
        self.holds.setObjectName("batch_help")
        self.holds.setWordWrap(True)
        lay.addWidget(self.holds)
        lay.addWidget(self.batches, 2)
        lay.addWidget(QLabel(self.tr("Mention notices to send to other centres")))
        lay.addWidget(self.outgoing, 1)
        lay.addWidget(QLabel(self.tr("Mention notices received")))
        lay.addWidget(self.incoming, 1)
        self.follow_changes(ops)

    def concerns(self, changes: Changes) -> bool:
        return changes.transmission or changes.notices or changes.everything

    def fetch(self) -> None:
        if self.ctx.can("batch.export"):
            from civreg.services.transmission import transmission_status

            self.ops.run(transmission_status, self.ctx, owner=self, on_done=self._status)
        self.ops.run(
            list_notices,
            self.ctx,
            direction="outgoing",
            owner=self,
            on_done=lambda rows: self._fill(self.outgoing, rows),
        )
        self.ops.run(
            list_notices,
            self.ctx,
            direction="incoming",
            owner=self,
            on_done=lambda rows: self._fill(self.incoming, rows),
        )

    def _status(self, st) -> None:
        self.pending.setText(
            self.tr("Changes waiting to be sent: {n}").format(n=st.pending_changes)
        )
        names = {
            # Exported: written to a file; the Online column or the receipt says more.
            "sent": self.tr("Written to file"),
            "acknowledged": self.tr("Acknowledged"),
            "quarantined": self.tr("Partly quarantined"),
        }
        self.batches.setRowCount(len(st.batches))
        for i, b in enumerate(st.batches):
            values = (
                str(b.sequence),
                utc_time_text(b.created_at),
                names.get(b.status, b.status),
                self.tr("{total} ({contents})").format(
                    total=number_text(sum(b.counts.values())), contents=records_text(b.counts)
                ),
                utc_time_text(b.acknowledged_at or ""),
            )
            for j, v in enumerate(values):
                self.batches.setItem(i, j, QTableWidgetItem(v))
        self._show_delivery()
        fit_columns(self.batches)

    # -- online sending (civreg.ui.outbox_runner) ----------------------------------------
    def attach_outbox(self, runner) -> None:
        """Show the background sender's progress; "Send now" wakes it."""
        runner.changed.connect(self._outbox)
        self.send_btn.clicked.connect(runner.send_now)
        self.send_btn.show()

    def _state_text(self, state: str) -> str:
        return {
            "waiting": self.tr("Waiting"),
            "uploading": self.tr("Sending"),
            "delivered": self.tr("Delivered (receipt not verified)"),
            "acknowledged": self.tr("Delivered, receipt received"),
            "rejected": self.tr("Refused"),
        }.get(state, state)

    def _outbox(self, st) -> None:
        self._delivery = {d.sequence: d for d in st.deliveries}
        self._configured = bool(st.endpoint)
        if not st.endpoint:
            self.online.setText(
                self.tr("Online sending: not configured (batches travel on a USB stick).")
            )
        else:
            first = next(
                (d for d in reversed(st.deliveries) if d.state not in ("acknowledged",)), None
            )
            text = self.tr("Online sending to {address}: {n} batch(es) waiting.").format(
                address=st.endpoint, n=st.waiting
            )
            if first is not None and first.state == "uploading" and first.size:
                text += " " + self.tr("Batch {seq}: {pct} % sent.").format(
                    seq=first.sequence, pct=round(100 * first.sent_bytes / first.size)
                )
            if first is not None and first.last_error:
                problem = self._problem(first.state, first.last_error)
                text += " " + self.tr("Last problem: {error}.").format(error=problem)
            self.online.setText(text)
        acknowledged = sum(1 for d in st.deliveries if d.state == "acknowledged")
        if acknowledged != self._acknowledged:
            self._acknowledged = acknowledged
            self.load()  # receipts came back: statuses and dates change
        else:
            self._show_delivery()

    def _problem(self, state: str, code: str) -> str:
        """A reason code of the sender, in words a clerk can act on."""
        if code in ("unknown_office", "unknown_key", "revoked_key"):
            return self.tr("the district does not trust this office's key")
        if code.startswith("receipt."):
            return self.tr("the district's key is not trusted here, receipts cannot be checked")
        if code == "tls_untrusted":
            return self.tr("the server's certificate is not trusted")
        if code.startswith("http_"):
            return self.tr("the service is busy")
        if state == "rejected":
            return self.tr("refused by the district ({code})").format(code=code)
        return self.tr("connection lost or service unreachable")

    def _show_delivery(self) -> None:
        for i in range(self.batches.rowCount()):
            item = self.batches.item(i, 0)
            d = self._delivery.get(int(item.text())) if item is not None else None
            if self._configured is False and (d is None or d.state == "waiting"):  # type: ignore[attr-defined]
                text = self.tr("Not configured")  # not "waiting": nothing will send it
            else:
                text = self._state_text(d.state) if d is not None else ""  # type: ignore[attr-defined]
            self.batches.setItem(i, 5, QTableWidgetItem(text))

    def _fill(self, table: QTableWidget, rows: list[NoticeRow]) -> None:
        statuses = {
            "queued": self.tr("Waiting"),
            "sent": self.tr("Sent"),
            "applied": self.tr("Applied"),
        }
        table.setRowCount(len(rows))
        for i, n in enumerate(rows):
            values = (
                date_text(n.date),
                capitalised(mention_kind_label(n.kind)),
                n.target_ref,
                statuses.get(n.status, n.status),
            )
            for j, v in enumerate(values):
                table.setItem(i, j, QTableWidgetItem(v))

    def export(self) -> None:
        from civreg.services.transmission import export_batch

        office = self.ctx.office.office_id
        name = file_dialogs.save_file(
            self,
            self.tr("Save the batch as"),
            f"{office}-{date.today()}.civreg-batch",
            self.tr("civreg batches (*.civreg-batch)"),
        )
        if name:
            self.ops.mutate(
                export_batch, self.ctx, Path(name), owner=self, changes=SENT, on_done=self._exported
            )

    def _exported(self, result) -> None:
        self.pending.setText(
            self.tr("Batch {n} written to {path}.").format(
                n=getattr(result, "sequence", ""), path=getattr(result, "path", "")
            )
        )

    def import_receipt(self) -> None:
        from civreg.services.transmission import import_receipt

        name = file_dialogs.open_file(
            self, self.tr("Open a receipt"), "", self.tr("Receipts (*.json)")
        )
        if name:
            self.ops.mutate(import_receipt, self.ctx, Path(name), owner=self, changes=SENT)
