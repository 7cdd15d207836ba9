"""Search keys of names corrected by marginal mentions (table ``person_search_corrected``):
one row per corrected person, holding the person's current names. The registered names stay
in ``person_search``; search and duplicate checks read both. Never commits."""

from __future__ import annotations

from sqlalchemy.orm import Session

from civreg.domain.corrections import apply_corrections
from civreg.domain.names import search_keys
from civreg.models.act_repo import mentions_of, to_input, to_mention
from civreg.models.acts import Act, PersonSearchCorrected


def index_corrected_names(s: Session, row: Act, mention_id: int) -> int:
    """Write the search keys of the names the act's mentions corrected (one row per person:
    the current names; the registered names stay in ``person_search``). Returns the number
    of persons indexed."""
    current = apply_corrections(to_input(row), [to_mention(m) for m in mentions_of(s, row.id)])
    persons = {(p.role, p.position): p for p in row.persons}
    done = 0
    for role, position in current.corrected_persons():
        stored = persons.get((role, position))
        now = current.data.person(role, position)
        if stored is None or now is None:
            continue
        keys = search_keys(now.family_name, now.given_names, now.post_nom or None)
        values = dict(
            act_id=row.id,
            mention_id=mention_id,
            role=role,
            family_name=now.family_name,
            post_nom=now.post_nom,
            given_names=now.given_names,
            **keys,
        )
        existing = s.get(PersonSearchCorrected, stored.id)
        if existing is None:
            s.add(PersonSearchCorrected(person_id=stored.id, **values))
        else:
            for k, v in values.items():
                setattr(existing, k, v)
        done += 1
    return done
