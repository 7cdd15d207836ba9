"""Texts of Qt's own widgets that Qt's French catalogue (qtbase_fr.qm, as shipped in the
PySide6 wheel) does not translate: it predates Qt 6's file dialog, whose labels gained
shortcut letters ("&Look in:", "Files of &type:") and whose Type column names kinds through
QAbstractFileIconProvider ("Folder", "%1 File"). They are marked here under Qt's own
contexts so that lupdate puts them in civreg's catalogues; civreg's translator is installed
after Qt's (civreg.ui.translations) and so answers first for them.

Nothing here runs: the tuple only marks the texts (QT_TRANSLATE_NOOP returns its argument).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Shortcut"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Alias"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "%1 File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Unknown"),
    QT_TRANSLATE_NOOP("QSidebar", "Remove"),
)
