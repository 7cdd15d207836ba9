"""The store check of a store that cannot be opened because pages every open reads are
damaged (the open says "the store is damaged: run the store check")."""

from __future__ import annotations

from pathlib import Path

from civreg.i18n import register
from civreg.models.store import Store
from civreg.services.check import run_checks
from civreg.services.check_findings import FAIL, CheckReport, Finding

register(
    {
        "check.not_opened": {
            "fr": "le registre n'a pas pu être ouvert (pages lues à chaque ouverture "
            "endommagées) : les autres vérifications n'ont pas pu être faites ; restaurez la "
            "dernière sauvegarde",
            "en": "the store could not be opened (pages read at every open are damaged): the "
            "other checks could not run; restore the latest backup",
        },
    }
)


def check_unopened(path: Path, username: str, password: str) -> CheckReport:
    """The check of a store that cannot be opened because pages every open reads are
    damaged: the file's structure and every page's code, with the data key the user's
    password unlocks (page numbers only, nothing of the records); the rest is said not run."""
    from civreg.models.engine import sqlcipher_engine
    from civreg.services.store_access import unlock_data_key

    kf, data_key = unlock_data_key(path, username, password)
    store = Store(sqlcipher_engine(path, data_key), str(path), path, kf, data_key)
    try:
        report = run_checks(store, full=True, only=("integrity", "pages"))
    finally:
        store.close()
    return CheckReport((*report.findings, Finding("open", FAIL, "check.not_opened")), True)
