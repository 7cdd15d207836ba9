"""Qt Linguist catalogues: where they are, and installing one at run time."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from civreg.resources import resource_path

log = logging.getLogger(__name__)
TRANSLATIONS = resource_path("translations")
LANGUAGES = ("fr", "en")


def qm_path(lang: str) -> Path:
    return TRANSLATIONS / f"civreg_{lang}.qm"


class Translations:
    """Holds the installed translators so that switching language replaces them."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = ""

    def install(self, lang: str) -> bool:
        """Install civreg's and Qt's own catalogues for ``lang``; False if civreg's is missing
        (build it with ``python -m civreg.ui.build_translations``)."""
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication exists before translations are installed"
        for tr in self._installed:
            app.removeTranslator(tr)
        self._installed = []
        self.language = lang
        # Qt's own texts that are not in a catalogue follow the default locale: the kinds
        # of file in the file dialog ("document PDF"), numbers in spin boxes.
        QLocale.setDefault(QLocale(lang))
        ok = True
        qt = QTranslator()
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            self._installed.append(qt)
        ours = QTranslator()
        path = qm_path(lang)
        if path.exists() and ours.load(str(path)):
            app.installTranslator(ours)
            self._installed.append(ours)
        elif lang != "en":
            log.warning(
                "translation catalogue %s missing: run civreg.ui.build_translations", path.name
            )
            ok = False
        return ok
