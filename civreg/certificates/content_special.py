"""The report of a found child or of an unidentified deceased, as a full copy prints it
(issue 10 item 7; the data: :mod:`civreg.domain.special_acts`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

UNIDENTIFIED = "unidentified_deceased"
TITLES = {
    "found_child": "ENFANT TROUVÉ — PROCÈS-VERBAL DE DÉCOUVERTE",
    "unidentified_deceased": "DÉFUNT NON IDENTIFIÉ — PROCÈS-VERBAL",
}
# (item of the report, label printed); dates are printed in words by the caller's function
_ROWS = (
    ("report_ref", "Procès-verbal n°"),
    ("report_authority", "Dressé par"),
    ("found_date", "Découverte"),
    ("found_place", "Lieu de la découverte"),
    ("apparent_age", "Âge apparent"),
    ("description", "Signalement"),
    ("circumstances", "Circonstances"),
    ("particulars", "Signes particuliers"),
    ("entrusted_to", "Confié à"),
)


def report_rows(
    details: Mapping[str, Any], when: Callable[[str], str]
) -> tuple[str, list[tuple[str, str]]] | None:
    """The title and the (label, value) rows of the act's report, or None when it has none.
    ``when`` writes a stored date as the copy prints dates (« le vingt juin … »)."""
    for key, title in TITLES.items():
        report = details.get(key)
        if not isinstance(report, Mapping) or not report:
            continue
        rows = []
        for item, label in _ROWS:
            value = report.get(item)
            if value is None or not str(value).strip():
                continue
            text = " ".join(str(value).split())
            rows.append((label, when(text) if item == "found_date" else text))
        return title, rows
    return None
