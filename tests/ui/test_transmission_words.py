"""The Transmission screen explains itself (issue 11 item 9): what a batch holds — why its
record count exceeds the changes that were waiting — and, with no online sending configured,
says so in the Online column instead of "waiting"."""

from __future__ import annotations

import re

import pytest


@pytest.fixture(autouse=True)
def french():
    """Messages below the UI (civreg.i18n) in French too, whatever ran before."""
    from civreg.i18n import set_language

    set_language("fr")
    yield
    set_language("fr")


def test_batch_contents_and_online_column_in_words(login, tmp_path, qtbot) -> None:
    from civreg.services.outbox import outbox_status
    from civreg.services.transmission import export_batch
    from civreg.ui.operations import Operations
    from civreg.ui.outbox_runner import OutboxRunner
    from civreg.ui.transmission_page import TransmissionPage
    from tests.ui.screens import add_sample_acts

    ctx = login("registrar")
    add_sample_acts(ctx)
    ops = Operations()
    try:
        page = TransmissionPage(ctx, ops)
        qtbot.addWidget(page)
        runner = OutboxRunner(ctx, ops)  # not started: its status is emitted by hand below
        page.attach_outbox(runner)
        page.show()
        qtbot.waitUntil(lambda: page.pending.text() != "")
        assert page.pending.text() == "Changements en attente d'envoi : 2"
        export_batch(ctx, tmp_path / "lot.civreg-batch")
        page.load()
        qtbot.waitUntil(lambda: page.batches.rowCount() == 1)
        records = page.batches.item(0, 3).text()
        # 1 act + 1 mention were waiting; the batch also carries the audit journal.
        m = re.fullmatch(r"(\d+) \(1 acte, 1 mention, (\d+) entrées du journal d'audit\)", records)
        assert m, records
        assert int(m.group(1)) == 2 + int(m.group(2))
        assert "journal d'audit" in page.holds.text() and page.holds.isVisible()
        assert "plus d'éléments que de changements en attente" in page.holds.text()

        runner.changed.emit(outbox_status(ctx))  # no intake address configured
        qtbot.waitUntil(
            lambda: (
                page.batches.item(0, 5) is not None
                and page.batches.item(0, 5).text() == "Non configuré"
            )
        )
        assert "non configuré" in page.online.text()
    finally:
        ops.stop()
