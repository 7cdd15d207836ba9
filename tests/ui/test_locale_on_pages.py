"""Dates and decimals as the user writes them on the Backup and Transmission screens (issue
11 item 16): 30/11/2026 14:05, never 2026-11-30 14:05; mention kinds in words."""

from __future__ import annotations

import re

import pytest

ISO = re.compile(r"\d{4}-\d\d-\d\d")


@pytest.fixture(autouse=True)
def french():
    """Messages below the UI (civreg.i18n) in French too, whatever ran before."""
    from civreg.i18n import set_language

    set_language("fr")
    yield
    set_language("fr")


def test_backup_screen_says_the_last_backup_in_french(login, ui_settings, tmp_path, qtbot):
    from civreg.services.backup import create_backup
    from civreg.ui.backup_page import BackupPage
    from civreg.ui.operations import Operations

    ctx = login("admin")
    create_backup(ctx, tmp_path)
    ops = Operations()
    try:
        page = BackupPage(ctx, ops, ui_settings)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.last.text() != "")
        text = page.last.text()
        assert re.match(r"Dernière sauvegarde : \d\d/\d\d/\d{4} \d\d:\d\d \(aujourd'hui\)", text)
        assert not ISO.search(text.split(" — ")[0].split(", ")[0]), text
    finally:
        ops.stop()


def test_mention_notices_in_words_and_french_dates(login, qtbot) -> None:
    from civreg.services.mentions import NoticeRow
    from civreg.ui.operations import Operations
    from civreg.ui.transmission_page import TransmissionPage

    ctx = login("registrar")
    ops = Operations()
    try:
        page = TransmissionPage(ctx, ops)
        qtbot.addWidget(page)
        row = NoticeRow(
            1,
            "u",
            "outgoing",
            "BF-11-02-N-2001-000004",
            "marriage",
            "2026-11-28",
            "Marié le 28/11/2026",
            "BF-11-01-M-2026-000001",
            "BF-11-01",
            "queued",
        )
        page._fill(page.outgoing, [row])  # what list_notices returns, as the page shows it
        cells = [page.outgoing.item(0, j).text() for j in range(4)]
        assert cells == ["28/11/2026", "Mariage", "BF-11-02-N-2001-000004", "En attente"]
    finally:
        ops.stop()
