"""The page of a search as shown: each hit's act (kind, status, identifier, date, place), its
subject's name and the matched person's, as registered or as corrected by mentions — read
below the ORM for the acts on the page only (:mod:`civreg.services.search` ranks them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from civreg.domain.acts import SUBJECT_ROLE
from civreg.services.search_db import Db

PERSON_COLUMNS = "id, act_id, role, family_name, post_nom, given_names"
ACT_COLUMNS = "id, kind, status, global_id, event_date, event_from, event_to, event_place"
_SUBJECT_BY_KIND = {str(k): r for k, r in SUBJECT_ROLE.items()}


@dataclass(frozen=True)
class SearchHit:
    act_id: int
    global_id: str | None
    kind: str
    status: str
    subject: str  # "FAMILY POSTNOM Given" of the act's subject
    event_date: str
    event_place: str
    score: float  # 0–100
    matched_role: str  # the role of the person whose name matched ("" for non-name queries)
    matched_name: str


@dataclass
class Candidate:
    """An act found, with its score and the person whose name matched."""

    act_id: int
    score: float
    role: str = ""
    person_id: int | None = None


def acts_by_id(db: Db, ids: Sequence[int]) -> dict[int, tuple]:
    out: dict[int, tuple] = {}
    ids = list(ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in db.rows(f"SELECT {ACT_COLUMNS} FROM acts WHERE id IN ({marks})", chunk):
            out[r[0]] = r
    return out


def hydrate(db: Db, page: list[Candidate]) -> list[SearchHit]:
    if not page:
        return []
    acts = acts_by_id(db, [c.act_id for c in page])
    ids = list(acts)
    pids = [c.person_id for c in page if c.person_id is not None]
    subjects: dict[int, str] = {}
    names: dict[int, tuple[str, str]] = {}

    def take(rows: list[tuple]) -> None:
        for pid, act_id, role, fam, post, given in rows:
            shown = " ".join(x for x in (fam.upper(), post.upper(), given) if x)
            if role == _SUBJECT_BY_KIND[acts[act_id][1]]:
                subjects[act_id] = shown
            names[pid] = (role, shown)

    # The matched persons first, by row id (most are their act's subject): the act index
    # is read only for the acts whose subject did not match (each page read costs a
    # decryption on an encrypted store).
    if pids:
        take(
            db.rows(
                f"SELECT {PERSON_COLUMNS} FROM act_persons"
                f" WHERE id IN ({', '.join('?' for _ in pids)})",
                pids,
            )
        )
    rest = [a for a in ids if a not in subjects]
    if rest:
        take(
            db.rows(
                f"SELECT {PERSON_COLUMNS} FROM act_persons"
                f" WHERE act_id IN ({', '.join('?' for _ in rest)})"
                " AND role IN ('child', 'deceased', 'spouse1')",
                rest,
            )
        )
    _corrected_names(db, ids, subjects, names, acts)
    hits = []
    for c in page:
        a = acts.get(c.act_id)
        if a is None:
            continue
        role, name = names.get(c.person_id, (c.role, "")) if c.person_id else ("", "")
        hits.append(
            SearchHit(
                act_id=a[0],
                global_id=a[3],
                kind=a[1],
                status=a[2],
                subject=subjects.get(a[0], ""),
                event_date=a[4],
                event_place=a[7],
                score=c.score,
                matched_role=role,
                matched_name=name,
            )
        )
    return hits


def _corrected_names(
    db: Db,
    act_ids: list[int],
    subjects: dict[int, str],
    names: dict[int, tuple[str, str]],
    acts: dict[int, tuple],
) -> None:
    """Show the names as corrected by mentions (rectification, change of name)."""
    if not act_ids or not db.has_corrections():
        return
    for pid, act_id, role, fam, post, given in db.rows(
        "SELECT person_id, act_id, role, family_name, post_nom, given_names"
        f" FROM person_search_corrected WHERE act_id IN ({', '.join('?' for _ in act_ids)})",
        act_ids,
    ):
        shown = " ".join(x for x in (fam.upper(), post.upper(), given) if x)
        if role == _SUBJECT_BY_KIND[acts[act_id][1]]:
            subjects[act_id] = shown
        if pid in names:
            names[pid] = (role, shown)
