"""Where documents and exports are written: checked before any work (and before the audit
log says they were made), so that a folder that does not exist, or a file where a folder is
expected, gets a message naming it instead of an unexpected error after the work is done."""

from __future__ import annotations

from pathlib import Path

from civreg.errors import CivregError
from civreg.i18n import register

register(
    {
        "output.no_folder": {
            "fr": "Le dossier {folder} n'existe pas : choisissez un dossier existant pour "
            "{name}. Rien n'a été écrit.",
            "en": "The folder {folder} does not exist: choose an existing folder for {name}. "
            "Nothing was written.",
        },
        "output.is_folder": {
            "fr": "{name} est un dossier : indiquez un nom de fichier. Rien n'a été écrit.",
            "en": "{name} is a folder: give a file name. Nothing was written.",
        },
        "output.not_a_folder": {
            "fr": "{name} est un fichier, pas un dossier : indiquez un dossier nouveau ou "
            "vide. Rien n'a été écrit.",
            "en": "{name} is a file, not a folder: give a new or empty folder. Nothing was "
            "written.",
        },
    }
)


def output_file(path: Path | str) -> Path:
    """``path`` as a file to write: its folder must exist and it must not be a folder."""
    path = Path(path)
    if path.is_dir():
        raise CivregError("output.is_folder", name=path)
    folder = path.parent
    if not folder.is_dir():
        raise CivregError("output.no_folder", folder=folder, name=path.name)
    return path


def output_folder(path: Path | str) -> Path:
    """``path`` as a folder to write into (made when missing): it must not be a file."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise CivregError("output.not_a_folder", name=path)
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            raise CivregError("output.not_a_folder", name=parent)
    return path
