"""The duplicate-candidate engine: raw SQL over the person search keys, beside the search's
(``search_match``). The use cases (warn a clerk, record the registrar's decision) are in
:mod:`civreg.services.duplicates`.

Candidates for a new act are the acts of the same kind whose subject's name sounds like or
is spelled close to the new one (family name and given names each at or above
``SIMILAR_THRESHOLD``: twins share everything else), whose event date falls within the profile's
``duplicate_window_days`` (a year-only date matches its whole year, a month its month), and,
as supporting evidence, whose place agrees. For births, when both acts name the mother, her
name must be close too (a namesake born the same week to another mother is another child).
Each candidate comes with its reasons, field by field, so the screen can show both acts side
by side.

Lookups are indexed: by event date (``ix_acts_event_from``) when the new date is a day or a
month, otherwise by the family and given-name keys (``ix_person_search_compact``): with a
year-only date, a given name spelled with another sound is not looked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from civreg.domain.acts import SUBJECT_ROLE, ActInput, ActKind, Person
from civreg.domain.dates import DateParseError, PartialDate
from civreg.domain.names import SIMILAR_THRESHOLD, normalize, similarity
from civreg.errors import NotFound
from civreg.models.act_repo import to_input
from civreg.models.acts import Act
from civreg.services.duplicate_corrected import add_corrected, corrected_names
from civreg.services.search_match import COMPACT_FAMILY, Db
from civreg.services.search_score import NameQuery, PersonRow, Scorer

CHECKED_KINDS = (ActKind.BIRTH, ActKind.DEATH)
# Weights of the evidence in the candidate score.
WEIGHTS = {"name": 0.55, "date": 0.2, "mother": 0.15, "place": 0.1}
MIN_SCORE = 70.0
MAX_CANDIDATES = 20
# The lookups read the family keys only: most rows fail on them, and reading fewer columns
# of a thousand rows is measurably cheaper; the survivors' full rows are read by id.
ROW_SQL = "SELECT ps.person_id, ps.act_id, ps.norm_family, ps.phon_family"
# Partial covering indexes of the subjects' family keys, by role (migration 0004).
SUBJECT_INDEX = {"child": "ix_person_search_child", "deceased": "ix_person_search_deceased"}
FULL_ROW_SQL = (
    "SELECT person_id, act_id, role, norm_family, phon_family, norm_given, phon_given,"
    " norm_post_nom, phon_post_nom FROM person_search"
)


@dataclass(frozen=True)
class Reason:
    """One field compared: what the new act says, what the existing act says, how close."""

    field: str  # subject_name | event_date | mother_name | event_place
    new: str
    existing: str
    score: float  # 0–100


@dataclass(frozen=True)
class DuplicateCandidate:
    act_id: int
    global_id: str | None
    kind: str
    status: str
    commune: str
    centre: str
    cross_commune: bool  # held by another commune: the district must look at it
    score: float
    reasons: tuple[Reason, ...]


def _display(p: Person | None) -> str:
    return p.display_name() if p else ""


def _window(event_date: str, days: int) -> tuple[str, str, str] | None:
    """(precision, lo, hi) of the dates that match ``event_date`` within ``days``."""
    try:
        d = PartialDate.from_iso(event_date)
    except DateParseError:
        return None
    lo, hi = d.earliest() - timedelta(days=days), d.latest() + timedelta(days=days)
    return d.precision, lo.isoformat(), hi.isoformat()


def _date_score(new: str, ev_from: str | None, ev_to: str | None, days: int) -> float:
    """100 for the same day, falling to 60 at the window's edge; 60 when a partial date
    merely covers the other one."""
    w = _window(new, 0)
    if w is None or not ev_from or not ev_to:
        return 0.0
    precision, lo, hi = w
    if precision == "day" and ev_from == ev_to:
        gap = abs(
            (PartialDate.from_iso(ev_from).earliest() - PartialDate.from_iso(lo).earliest()).days
        )
        return round(100.0 - 40.0 * min(gap, days) / max(days, 1), 2)
    if ev_from == lo and ev_to == hi:
        return 90.0  # the same partial date
    return 60.0


def _candidate_rows(db: Db, data: ActInput, role: str, days: int) -> list[tuple[Any, ...]]:
    """Subject rows (``role`` implies the kind) of acts near the date. Only the date index
    and the person rows are read here: the acts' own rows are read for the few candidates
    that pass the name test (on an encrypted store every page read costs a decryption)."""
    subject = data.person(role)
    assert subject is not None
    w = _window(data.event_date, days)
    if w is not None and w[0] in ("day", "month"):
        _p, lo, hi = w
        starts = sorted({lo[:4] + "-01-01", hi[:4] + "-01-01", lo[:7] + "-01", hi[:7] + "-01"})
        marks = ", ".join("?" for _ in starts)
        # Two disjoint index searches (days in the window; partial dates covering part of
        # it) instead of an OR, which SQLite runs with a temporary rowid set.
        # The role is written out (it is one of SUBJECT_ROLE's constants), not bound, so that
        # the partial index of the subjects (migration 0004) applies; SQLite's planner
        # prefers ix_person_search_act_id unless told (4-5x slower on a cold 1M store).
        assert role in SUBJECT_INDEX
        sqlite = db.dialect == "sqlite"
        hint = f" INDEXED BY {SUBJECT_INDEX[role]}" if sqlite else ""
        dates = " INDEXED BY ix_acts_partial_dates" if sqlite else ""
        join = f"FROM acts a JOIN person_search ps{hint} ON ps.act_id = a.id AND ps.role = '{role}'"
        return db.rows(
            f"{ROW_SQL} {join} WHERE a.event_from >= ? AND a.event_from <= ?"
            f" UNION ALL {ROW_SQL} {join.replace('acts a', f'acts a{dates}')}"
            f" WHERE a.event_from IN ({marks}) AND a.event_to >= ?"
            " AND a.event_from != a.event_to"  # a day outside the window cannot cover it
            " AND NOT (a.event_from >= ? AND a.event_from <= ?)",
            [lo, hi, *starts, lo, lo, hi],
        )
    # No day or month: look up by name (family key and given-name key, both indexed).
    q = NameQuery.of(subject.family_name, subject.given_names, subject.post_nom)
    where = f"{COMPACT_FAMILY} = ? AND ps.phon_given = ? AND ps.role = ?"
    params: list[Any] = [q.family.compact, q.given.phon, role]
    if w is not None:
        where += " AND a.event_from <= ? AND a.event_to >= ?"
        params += [w[2], w[1]]
    sql = (
        f"{ROW_SQL} FROM person_search ps JOIN acts a ON a.id = ps.act_id"
        f" WHERE {where.replace('phon_family', 'ps.phon_family')} LIMIT 5000"
    )
    return db.rows(sql, params)


def candidates(
    db: Db,
    data: ActInput,
    *,
    days: int,
    exclude: set[int],
    own_commune: str | None,
    rows: list[tuple[Any, ...]] | None = None,
    family_memo: dict[tuple[str, str], bool] | None = None,
) -> list[DuplicateCandidate]:
    """``rows``: the subject rows (person id, act id, family keys) of the acts near the date,
    when the caller read them already for several acts (:mod:`duplicate_batch`);
    ``family_memo``: whether a stored family name is close to an asked one, shared by the
    caller across acts (a batch's children share a few hundred family names)."""
    kind = ActKind(data.kind)
    if kind not in CHECKED_KINDS:
        return []
    role = SUBJECT_ROLE[kind]
    subject = data.person(role)
    if subject is None or not normalize(subject.family_name + subject.given_names):
        return []
    scorer = Scorer(NameQuery.of(subject.family_name, subject.given_names, subject.post_nom))
    fam_q, giv_q = scorer.q.family, scorer.q.given
    # Most children of the week share a few family names.
    family_ok: dict[tuple[str, str], bool] = {} if family_memo is None else family_memo
    asked = fam_q.norm
    keep: list[int] = []
    found = _candidate_rows(db, data, role, days) if rows is None else rows
    for pid, act_id, norm_family, phon_family in found:
        ok = family_ok.get((asked, norm_family))
        if ok is None:
            ok = scorer.field("f", fam_q, norm_family, phon_family) >= SIMILAR_THRESHOLD
            family_ok[(asked, norm_family)] = ok
        if ok and act_id not in exclude:
            keep.append(pid)  # score given names only for those whose family name matches
    near: dict[int, tuple[float, tuple[Any, ...]]] = {}
    for i in range(0, len(keep), 500):
        chunk = keep[i : i + 500]
        for r in db.rows(
            f"{FULL_ROW_SQL} WHERE person_id IN ({', '.join('?' for _ in chunk)})"
            " ORDER BY person_id",
            chunk,
        ):
            given = scorer.field("g", giv_q, r[5], r[6]) if giv_q else 100.0
            if given >= SIMILAR_THRESHOLD:
                near[r[1]] = (scorer.row(PersonRow(*r)), r)
    add_corrected(db, role, _window(data.event_date, days), exclude, scorer, near)
    if not near:
        return []
    ids = list(near)
    marks = ", ".join("?" for _ in ids)
    acts = {
        a[0]: a
        for a in db.rows(
            "SELECT id, global_id, kind, status, commune, centre, event_from, event_to,"
            " event_place FROM acts"
            f" WHERE id IN ({marks})",
            ids,
        )
    }
    names = {
        (p[0], p[1]): p
        for p in db.rows(
            "SELECT act_id, role, family_name, post_nom, given_names FROM act_persons"
            f" WHERE act_id IN ({marks}) AND role IN (?, 'mother')",
            [*ids, role],
        )
    }
    for p in corrected_names(db, ids, role):  # the names as corrected by mentions
        names[(p[0], p[1])] = p
    mother = data.person("mother")
    new_place = normalize(data.event_place)
    out = []
    for act_id, (name_score, _r) in near.items():
        a = acts[act_id]
        if a[2] != str(kind):
            continue
        ev_from, ev_to, place = a[6], a[7], a[8]
        date_score = _date_score(data.event_date, ev_from, ev_to, days)
        scores = {"name": name_score, "date": date_score}
        reasons = [
            Reason(
                "subject_name", _display(subject), _names(names.get((act_id, role))), name_score
            ),
            Reason(
                "event_date",
                data.event_date,
                ev_from if ev_from == ev_to else _partial(ev_from, ev_to),
                date_score,
            ),
        ]
        existing_mother = names.get((act_id, "mother"))
        if kind == ActKind.BIRTH and mother is not None and existing_mother is not None:
            m = similarity(
                f"{mother.family_name} {mother.given_names}",
                f"{existing_mother[2]} {existing_mother[4]}",
            )
            if m < SIMILAR_THRESHOLD:
                continue  # a namesake born the same week to another mother
            scores["mother"] = m
            reasons.append(Reason("mother_name", _display(mother), _names(existing_mother), m))
        if new_place and place:
            pl = 100.0 if normalize(place) == new_place else similarity(place, data.event_place)
            scores["place"] = pl
            reasons.append(Reason("event_place", data.event_place, place, pl))
        weight = sum(WEIGHTS[k] for k in scores)
        total = round(sum(WEIGHTS[k] * v for k, v in scores.items()) / weight, 2)
        if total < MIN_SCORE:
            continue
        out.append(
            DuplicateCandidate(
                act_id=act_id,
                global_id=a[1],
                kind=a[2],
                status=a[3],
                commune=a[4],
                centre=a[5],
                cross_commune=own_commune is not None and a[4] != own_commune,
                score=total,
                reasons=tuple(reasons),
            )
        )
    out.sort(key=lambda c: (-c.score, c.act_id))
    return out[:MAX_CANDIDATES]


def _names(p: tuple[Any, ...] | None) -> str:
    if p is None:
        return ""
    return " ".join(x for x in (p[2].upper(), p[3].upper(), p[4]) if x)


def _partial(ev_from: str | None, ev_to: str | None) -> str:
    if not ev_from or not ev_to:
        return ""
    if ev_from[5:] == "01-01" and ev_to[5:] == "12-31" and ev_from[:4] == ev_to[:4]:
        return ev_from[:4]
    if ev_from[:7] == ev_to[:7]:
        return ev_from[:7]
    return f"{ev_from}/{ev_to}"


def decided_not_duplicate(db: Db, act_id: int) -> set[int]:
    rows = db.rows(
        "SELECT candidate_act_id, act_id FROM duplicate_decisions"
        " WHERE (act_id = ? OR candidate_act_id = ?) AND decision = 'not_duplicate'",
        [act_id, act_id],
    )
    return {r[0] if r[1] == act_id else r[1] for r in rows}


def candidates_for_act(s: Any, act_id: int, days: int) -> list[DuplicateCandidate]:
    row = s.get(Act, act_id)
    if row is None:
        raise NotFound("acts.not_found", ref=str(act_id))
    db = Db(s)
    exclude = {act_id} | decided_not_duplicate(db, act_id)
    return candidates(db, to_input(row), days=days, exclude=exclude, own_commune=row.commune)
