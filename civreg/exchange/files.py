"""Reading and writing the files that travel (batches, receipts), with errors a clerk can act on.

Files that leave the program are written atomically (``civreg.security.atomic``): a reader
sees the old content or the complete new one, never half a batch.
"""

from __future__ import annotations

from pathlib import Path

from civreg.errors import TransmissionError
from civreg.i18n import register
from civreg.security.atomic import atomic_write_bytes

register(
    {
        "sync.cannot_read_file": {
            "fr": "Impossible de lire le fichier {name}.",
            "en": "Cannot read the file {name}.",
        },
        "sync.cannot_write_file": {
            "fr": "Impossible d'écrire le fichier {name} ({detail}).",
            "en": "Cannot write the file {name} ({detail}).",
        },
    }
)


def read_file(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        raise TransmissionError("sync.cannot_read_file", name=Path(path).name) from None


def write_file(path: Path, data: bytes) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise TransmissionError(
            "sync.cannot_write_file", name=path.name, detail=exc.strerror or type(exc).__name__
        ) from None
