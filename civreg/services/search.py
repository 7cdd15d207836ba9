"""Find acts by name (accent- and spelling-tolerant), date, place, number or identifier.

``search(ctx, "OUEDRAOGO Aminata 2015")`` or ``search(ctx, SearchQuery(family=..., ...))``
returns one page of ranked hits. Names are matched by :mod:`civreg.services.search_match`
(indexed lookups only, never a scan of the person index); the other criteria filter and
rank the candidate acts. Each act appears once, with the person that matched best.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from civreg.domain.acts import ActKind
from civreg.domain.names import SIMILAR_THRESHOLD, normalize
from civreg.errors import CivregError
from civreg.services.context import Ctx
from civreg.services.search_hits import Candidate as _Cand
from civreg.services.search_hits import SearchHit, acts_by_id, hydrate
from civreg.services.search_match import Db, candidate_rows, reading
from civreg.services.search_query import SearchQuery, parse_text
from civreg.services.search_score import NameQuery, PersonRow, Scorer

MAX_LIMIT = 500
SOUNDS_SAME = 90.0  # scores from here on: the same sound (see names.similarity)
# A person whose family name scores below this is not a hit, however well the given names
# match (KAMBOU Salimata for KIEMBA Salimata: family 38, given 100 would make 63.7).
FAMILY_FLOOR = 50.0
# How much the role of the matching person weighs: the person whose act it is comes first.
ROLE_WEIGHT = {
    "child": 1.0,
    "deceased": 1.0,
    "spouse1": 1.0,
    "spouse2": 1.0,
    "father": 0.97,
    "mother": 0.97,
    "spouse": 0.97,
    "declarant": 0.9,
    "witness": 0.9,
}
# Rows fetched per lookup beyond the page asked for (ranking needs some room).
CAP_MARGIN = 10
FILTERED_CAP = 3000  # when dates/places/kinds filter the names, look further
NON_NAME_CAP = 5000
NARROW_DAYS = 62
# Dates within a week and nobody of those days with a close name: the family names are
# compared by their dated outline too (search_score.Scorer.dated: POKE/PUKI, BIRA/BILA).
DATED_TIER_DAYS = 7
# ... and still nobody on the whole page: the persons whose act it is, of those days, who
# bear the given name asked (the same sound or another form of it: at least this score),
# without the family floor — a prefix and a spelling at once (WACHAGGA/JAGGA): the day and
# the given name are what the clerk is sure of; the whole name must still reach the threshold.
DAY_GIVEN_MIN = 88.0
_SUBJECTS = frozenset({"child", "deceased", "spouse1", "spouse2"})


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[SearchHit, ...]
    total: int  # distinct acts found (a lower bound when ``truncated``)
    offset: int
    limit: int
    truncated: bool  # a lookup reached its cap: refine the query to see everything
    # nobody of the days asked has a close family name: the hits are that week's bearers of
    # the given name asked (``_given_of_the_days``), to be told as such
    by_given_name: bool = False


def search(ctx: Ctx, query: str | SearchQuery, *, limit: int = 50, offset: int = 0) -> SearchPage:
    """One page of acts matching ``query``, best first."""
    ctx.require("search")
    if not 1 <= limit <= MAX_LIMIT or offset < 0:
        raise CivregError("search.bad_page", max=MAX_LIMIT)
    readings = parse_text(query) if isinstance(query, str) else _family_readings(query)
    if all(r.is_empty() and not r.kind for r in readings):
        raise CivregError("search.empty")
    with reading(ctx.store) as db:
        best: dict[int, _Cand] = {}
        truncated = False
        for one in readings:
            if sum(c.score >= SOUNDS_SAME for c in best.values()) >= offset + limit:
                break  # the likelier reading already fills the page with close matches
            cands, cut = _run(db, one, offset + limit)
            truncated |= cut
            _keep_best(best, cands)
        by_given_name = False
        if not best:
            # an empty page of a search narrowed to a few days: that week's bearers of the
            # given name (``_given_of_the_days``), after every reading and filter said none
            by_given_name = True
            for one in readings:
                _keep_best(best, _run(db, one, offset + limit, day_register=True)[0])
        ranked = sorted(best.values(), key=lambda c: (-c.score, -c.act_id))
        page = ranked[offset : offset + limit]
        hits = hydrate(db, page)
    return SearchPage(
        tuple(hits), len(ranked), offset, limit, truncated, by_given_name and bool(ranked)
    )


def _keep_best(best: dict[int, _Cand], cands: list[_Cand]) -> None:
    """Each act once in ``best``, with its best-scoring candidate (of every reading)."""
    for c in cands:
        old = best.get(c.act_id)
        if old is None or c.score > old.score:
            best[c.act_id] = c


def _family_readings(q: SearchQuery) -> list[SearchQuery]:
    """The query as typed, and, when its family field holds two words or more and no post-nom
    was given, the family name followed by the post-nom typed in the same field (DRC:
    ``KABONGO MUTOMBO`` for KABONGO, post-nom MUTOMBO); each act keeps its best score."""
    words = normalize(q.family).split()
    if len(words) < 2 or q.post_nom.strip():
        return [q]
    return [q, replace(q, family=words[0], post_nom=" ".join(words[1:]))]


def _run(
    db: Db, q: SearchQuery, want: int, *, day_register: bool = False
) -> tuple[list[_Cand], bool]:
    """Candidate acts with scores for one reading, filtered by its other criteria;
    ``day_register``: only the bearers of the given name of a search narrowed to a few days
    (``_given_of_the_days``), for a page that is otherwise empty."""
    if day_register:
        rng = q.event_range()
        if not (q.has_names and rng and _days(rng) <= DATED_TIER_DAYS):
            return [], False
        nq = NameQuery.of(q.family, q.given, q.post_nom)
        if not (nq.family and nq.given):
            return [], False
        return _filter(db, q, _by_name_in_dates(db, nq, q, day_register=True)[0]), False
    filtered = bool(q.event_range() or q.place.strip() or q.kind or q.number)
    cap = FILTERED_CAP if filtered else want + CAP_MARGIN
    cands: list[_Cand]
    truncated = False
    if q.global_id:
        rows = db.rows("SELECT id FROM acts WHERE global_id = ?", [q.global_id.upper()])
        cands = [_Cand(r[0], 100.0) for r in rows]
    elif q.number:
        cands = [_Cand(a, 100.0) for a in _by_number(db, q)]
    elif q.has_names and _narrow(q):
        nq = NameQuery.of(q.family, q.given, q.post_nom)
        cands, truncated = _by_name_in_dates(db, nq, q)
    elif q.has_names:
        nq = NameQuery.of(q.family, q.given, q.post_nom)
        cands, truncated = _by_name(db, nq, cap, None)
    elif q.father.strip() or q.mother.strip():
        role, text = ("father", q.father) if q.father.strip() else ("mother", q.mother)
        cands, truncated = _by_name(db, _person_query(text), cap, (role,))
    else:
        cands, truncated = _by_act_fields(db, q)
    cands = _filter(db, q, cands)
    return cands, truncated


def _person_query(text: str) -> NameQuery:
    words = text.split()
    return NameQuery.of(words[0] if words else "", " ".join(words[1:]))


def _by_name(
    db: Db, nq: NameQuery, cap: int, roles: Sequence[str] | None
) -> tuple[list[_Cand], bool]:
    rows = candidate_rows(db, nq, cap=cap, roles=roles)
    scorer = Scorer(nq, min_family=FAMILY_FLOOR)
    best: dict[int, _Cand] = {}
    for r in rows:
        score = scorer.row(r)
        if score < SIMILAR_THRESHOLD:
            continue
        score = round(score * ROLE_WEIGHT.get(r.role, 0.9), 2)
        old = best.get(r.act_id)
        if old is None or score > old.score:
            best[r.act_id] = _Cand(r.act_id, score, r.role, r.person_id)
    return list(best.values()), len(rows) >= cap


def _narrow(q: SearchQuery) -> bool:
    """True when the event dates span at most two months: then the acts of those days are
    fewer than the people bearing a common name, and are looked up first."""
    rng = q.event_range()
    if rng is None:
        return False
    return _days(rng) <= NARROW_DAYS


def _days(rng: tuple[str, str]) -> int:
    lo, hi = (date.fromisoformat(x) for x in rng)
    return (hi - lo).days


def _date_ids_sql(lo: str, hi: str) -> tuple[str, list[str]]:
    """Acts whose event is inside [lo, hi], or whose partial date covers part of it."""
    starts = sorted({lo[:4] + "-01-01", lo[:7] + "-01", hi[:4] + "-01-01", hi[:7] + "-01"})
    marks = ", ".join("?" for _ in starts)
    return (
        f"(a.event_from >= ? AND a.event_from <= ?) OR (a.event_from IN ({marks})"
        " AND a.event_to >= ?)",
        [lo, hi, *starts, lo],
    )


def _by_name_in_dates(
    db: Db, nq: NameQuery, q: SearchQuery, *, day_register: bool = False
) -> tuple[list[_Cand], bool]:
    rng = q.event_range()
    assert rng is not None
    where, params = _date_ids_sql(*rng)
    select = (
        "SELECT ps.person_id, ps.act_id, ps.role, ps.norm_family, ps.phon_family,"
        " ps.norm_given, ps.phon_given, ps.norm_post_nom, ps.phon_post_nom"
    )
    rows = db.rows(
        f"{select} FROM acts a JOIN person_search ps ON ps.act_id = a.id WHERE ({where}) LIMIT ?",
        [*params, NON_NAME_CAP * 4],
    )
    # the names as corrected by mentions, for the same acts (a small table)
    if db.has_corrections():
        rows += db.rows(
            f"{select} FROM acts a JOIN person_search_corrected ps ON ps.act_id = a.id"
            f" WHERE ({where}) LIMIT ?",
            [*params, NON_NAME_CAP],
        )
    if day_register:
        best = _given_of_the_days(rows, nq)
    else:
        best = _scored(rows, Scorer(nq, min_family=FAMILY_FLOOR))
        if not best and _days(rng) <= DATED_TIER_DAYS:
            # nobody of those days has a close name: compare the family names by their
            # dated outline too (POKE/PUKI, BIRA/BILA), on the page that would be empty
            best = _scored(rows, Scorer(nq, min_family=FAMILY_FLOOR, dated=True))
    return list(best.values()), len(rows) >= NON_NAME_CAP * 4


def _given_of_the_days(rows: list[tuple], nq: NameQuery) -> dict[int, _Cand]:
    """The acts of a few days whose own person bears the given name asked
    (``DAY_GIVEN_MIN``), without ``FAMILY_FLOOR``: the whole name (family, given names,
    post-nom) must still reach the threshold, so the family name must be about 40 close
    with the given name spelled as asked."""
    scorer = Scorer(nq, dated=True)
    best: dict[int, _Cand] = {}
    for r in rows:
        p = PersonRow(*r)
        if p.role not in _SUBJECTS:
            continue
        if scorer.field("g", nq.given, p.norm_given, p.phon_given) < DAY_GIVEN_MIN:
            continue
        score = scorer.row(p)
        if score < SIMILAR_THRESHOLD:
            continue
        old = best.get(p.act_id)
        if old is None or score > old.score:
            best[p.act_id] = _Cand(p.act_id, score, p.role, p.person_id)
    return best


def _scored(rows: list[tuple], scorer: Scorer) -> dict[int, _Cand]:
    """The best-scoring person of each act among ``rows``, at or above the threshold."""
    best: dict[int, _Cand] = {}
    for r in rows:
        score = scorer.row(PersonRow(*r))
        if score < SIMILAR_THRESHOLD:
            continue
        score = round(score * ROLE_WEIGHT.get(r[2], 0.9), 2)
        old = best.get(r[1])
        if old is None or score > old.score:
            best[r[1]] = _Cand(r[1], score, r[2], r[0])
    return best


def _by_number(db: Db, q: SearchQuery) -> list[int]:
    kinds = [q.kind] if q.kind else [str(k) for k in ActKind]
    if q.register_year:
        years = [q.register_year]
    else:
        years = [r[0] for r in db.rows("SELECT DISTINCT year FROM registers")]
        years += [
            r[0]
            for r in db.rows(
                "SELECT DISTINCT year FROM acts WHERE transcribed = ? AND year IS NOT NULL", [True]
            )
        ]
    years = sorted(set(years))
    if not years:
        return []
    km = ", ".join("?" for _ in kinds)
    ym = ", ".join("?" for _ in years)
    rows = db.rows(
        f"SELECT id FROM acts WHERE kind IN ({km}) AND year IN ({ym}) AND number = ?",
        [*kinds, *years, q.number],
    )
    return [r[0] for r in rows]


def _by_act_fields(db: Db, q: SearchQuery) -> tuple[list[_Cand], bool]:
    """Date, year or place (or kind alone): acts in event order, newest first."""
    rng = q.event_range()
    if rng:
        where, params = _date_ids_sql(*rng)
        rows = db.rows(
            f"SELECT a.id FROM acts a WHERE {where} ORDER BY a.event_from DESC, a.id DESC LIMIT ?",
            [*params, NON_NAME_CAP],
        )
    else:
        rows = db.rows("SELECT id FROM acts ORDER BY id DESC LIMIT ?", [NON_NAME_CAP])
    return [_Cand(r[0], 100.0) for r in rows], len(rows) >= NON_NAME_CAP


def _filter(db: Db, q: SearchQuery, cands: list[_Cand]) -> list[_Cand]:
    rng = q.event_range()
    place = normalize(q.place)
    if not cands or not (rng or place or q.kind or q.father.strip() or q.mother.strip()):
        return cands
    acts = acts_by_id(db, [c.act_id for c in cands])
    out = []
    for c in cands:
        a = acts.get(c.act_id)
        if a is None:
            continue
        _id, kind, _st, _gid, _ed, ev_from, ev_to, ev_place = a
        if q.kind and kind != q.kind:
            continue
        if rng and not (ev_from and ev_to and ev_from <= rng[1] and ev_to >= rng[0]):
            continue
        if place and place not in normalize(ev_place or ""):
            continue
        out.append(c)
    if q.has_names and (q.father.strip() or q.mother.strip()):
        out = _rank_by_parents(db, q, out)
    return out


def _rank_by_parents(db: Db, q: SearchQuery, cands: list[_Cand]) -> list[_Cand]:
    """Blend the parents' name scores into the subject's (70 % subject, 30 % parents)."""
    wanted = {
        r: _person_query(t) for r, t in (("father", q.father), ("mother", q.mother)) if t.strip()
    }
    scorers = {r: Scorer(nq) for r, nq in wanted.items()}
    ids = [c.act_id for c in cands]
    parents: dict[tuple[int, str], list[PersonRow]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        rmarks = ", ".join("?" for _ in wanted)
        for table in db.name_tables():  # a parent's name as registered, and as corrected
            for r in db.rows(
                "SELECT person_id, act_id, role, norm_family, phon_family, norm_given,"
                f" phon_given, norm_post_nom, phon_post_nom FROM {table}"
                f" WHERE act_id IN ({marks}) AND role IN ({rmarks})",
                [*chunk, *wanted],
            ):
                parents.setdefault((r[1], r[2]), []).append(PersonRow(*r))
    out = []
    for c in cands:
        scores = [
            max((scorers[role].row(p) for p in parents.get((c.act_id, role), ())), default=0.0)
            for role in wanted
        ]
        parent_score = sum(scores) / len(scores)
        if parent_score < SIMILAR_THRESHOLD:
            continue
        out.append(
            _Cand(c.act_id, round(0.7 * c.score + 0.3 * parent_score, 2), c.role, c.person_id)
        )
    return out


__all__ = ["SearchHit", "SearchPage", "SearchQuery", "search"]
