"""UI fixtures: built translation catalogues, per-test settings, the desktop app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def translations_built() -> None:
    from civreg.ui.build_translations import build
    from civreg.ui.translations import TRANSLATIONS

    stale = any(
        not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
        for ts in TRANSLATIONS.glob("civreg_*.ts")
    )
    if stale:
        build()


@pytest.fixture(scope="session", autouse=True)
def french_catalogue(translations_built, qapp):
    """French by default, as at a BF or CD counter (apps may install others on top)."""
    from civreg.ui.translations import Translations

    tr = Translations()
    assert tr.install("fr")
    yield tr


@pytest.fixture(autouse=True)
def no_modal_errors() -> Iterator[list[str]]:
    from civreg.ui import errors

    errors.modal = False
    errors.shown.clear()
    yield errors.shown
    errors.shown.clear()


@pytest.fixture
def ui_settings(tmp_path: Path):
    from civreg.ui.settings import AUTOSAVE_SECONDS, Settings

    s = Settings(tmp_path / "settings.ini")
    s.set(AUTOSAVE_SECONDS, 1)
    return s


@pytest.fixture
def desktop(store_path: Path, ui_settings, qtbot):
    from civreg.i18n import set_language
    from civreg.ui.app import DesktopApp

    app = DesktopApp(store_path, ui_settings, delay_base=0.05)
    yield app
    if app.main is not None:
        app.main.close()
    app.shutdown()
    set_language("fr")
