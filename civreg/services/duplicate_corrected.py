"""Duplicate candidates found by the names as corrected by marginal mentions (rectification,
change of name; issue 12 item 2): ``person_search_corrected`` holds one row per corrected
person, beside the registered names the main lookup reads (:mod:`duplicate_match`)."""

from __future__ import annotations

from typing import Any

from civreg.domain.names import SIMILAR_THRESHOLD
from civreg.services.search_match import Db
from civreg.services.search_score import PersonRow, Scorer

CORRECTED = "person_search_corrected"


def add_corrected(
    db: Db,
    role: str,
    window: tuple[str, str, str] | None,
    exclude: set[int],
    scorer: Scorer,
    near: dict[int, tuple[float, tuple[Any, ...]]],
) -> None:
    """Add to ``near`` the acts whose subject's corrected name sounds like the new one:
    looked up by the family name's compact key (indexed), then filtered by the date
    ``window`` (precision, first day, last day) and scored like the registered names."""
    if not scorer.q.family:
        return
    sql = (
        "SELECT ps.person_id, ps.act_id, ps.role, ps.norm_family, ps.phon_family,"
        " ps.norm_given, ps.phon_given, ps.norm_post_nom, ps.phon_post_nom"
        f" FROM {CORRECTED} ps JOIN acts a ON a.id = ps.act_id"
        " WHERE replace(ps.phon_family, ' ', '') = ? AND ps.role = ?"
    )
    params: list[Any] = [scorer.q.family.compact, role]
    if window is not None:
        sql += " AND a.event_from <= ? AND a.event_to >= ?"
        params += [window[2], window[1]]
    for r in db.rows(sql + " LIMIT 5000", params):
        row = PersonRow(*r)
        if row.act_id in exclude:
            continue
        if scorer.q.given and (
            scorer.field("g", scorer.q.given, row.norm_given, row.phon_given) < SIMILAR_THRESHOLD
        ):
            continue
        score = scorer.row(row)
        if score >= SIMILAR_THRESHOLD and (row.act_id not in near or score > near[row.act_id][0]):
            near[row.act_id] = (score, r)


def corrected_names(db: Db, act_ids: list[int], role: str) -> list[tuple[Any, ...]]:
    """(act_id, role, family_name, post_nom, given_names) as corrected, for the subject and
    the mother of ``act_ids``: they replace the registered names in the reasons shown."""
    marks = ", ".join("?" for _ in act_ids)
    return db.rows(
        "SELECT act_id, role, family_name, post_nom, given_names FROM person_search_corrected"
        f" WHERE act_id IN ({marks}) AND role IN (?, 'mother')",
        [*act_ids, role],
    )
