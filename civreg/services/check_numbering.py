"""The numbering check: every register's numbers ``first_number .. next_number - 1`` are each
held by exactly one registered act, and no act carries a number the register has not
allocated yet.

It reads the unique index of the acts (country, commune, centre, kind, year, number) only,
never the acts themselves: at a million acts, reading the rows to test their status cost
seconds and filled the page cache with the whole table at every login. A draft never holds a
number (registration gives both in one transaction); the few that would (a damaged store)
are found through the status index and taken off the counts, so the check says the same.

Written as a generator that yields between registers, so that the client runs it in slices on
its database worker (``Operations.run_sliced``, :mod:`civreg.services.slices`) and a page the user
asks for meanwhile does not wait for the whole check.
"""

from __future__ import annotations

from collections.abc import Generator

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from civreg.models.office import Office
from civreg.models.store import Store
from civreg.services.check_findings import FAIL, OK, Finding, Msg

MAX_LISTED = 10

_WHERE = (
    "country = :country AND commune = :commune AND centre = :centre AND kind = :kind"
    " AND year = :year"
)


def numbering(store: Store) -> Generator[None, None, list[Finding]]:
    findings: list[Finding] = []
    total = 0
    with store.read() as s:  # one snapshot for the registers and their acts
        office = s.scalar(select(Office))
        if office is None:
            return []
        rows = s.execute(
            text("SELECT centre, kind, year, first_number, next_number FROM registers")
        ).all()
        numbered_drafts: dict[tuple[str, str, int], list[int]] = {}
        for centre, kind, year, number in s.execute(
            text(
                "SELECT centre, kind, year, number FROM acts"
                " WHERE status = 'draft' AND number IS NOT NULL"
            )
        ):
            numbered_drafts.setdefault((centre, kind, year), []).append(number)
        for centre, kind, year, first, nxt in rows:
            yield
            params = {
                "country": office.country,
                "commune": office.commune,
                "centre": centre,
                "kind": kind,
                "year": year,
                "first": first,
                "next": nxt,
            }
            drafts = numbered_drafts.get((centre, kind, year), [])
            in_range = "number >= :first AND number < :next"
            held = (
                s.scalar(text(f"SELECT count(*) FROM acts WHERE {_WHERE} AND {in_range}"), params)
                or 0
            ) - sum(first <= n < nxt for n in drafts)
            beyond = (
                s.scalar(
                    text(f"SELECT count(*) FROM acts WHERE {_WHERE} AND number >= :next"), params
                )
                or 0
            ) - sum(n >= nxt for n in drafts)
            total += held
            expected = nxt - first
            base = {"kind": Msg(f"check.kind.{kind}"), "year": year, "centre": centre}
            if held != expected:
                missing = _missing_numbers(s, params) if expected - held <= 10_000 else []
                listed = ", ".join(map(str, missing[:MAX_LISTED]))
                which = f" ({listed}{', …' if len(missing) > MAX_LISTED else ''})"
                findings.append(
                    Finding(
                        "numbering",
                        FAIL,
                        "check.numbering.gap",
                        base
                        | {
                            "missing": expected - held,
                            "first": first,
                            "last": nxt - 1,
                            "which": which if missing else "",
                        },
                    )
                )
            if beyond:
                findings.append(
                    Finding(
                        "numbering",
                        FAIL,
                        "check.numbering.beyond",
                        base | {"count": beyond, "last": nxt - 1},
                    )
                )
    if not findings:
        findings.append(
            Finding("numbering", OK, "check.numbering.ok", {"registers": len(rows), "acts": total})
        )
    return findings


def _missing_numbers(s: Session, params: dict[str, object]) -> list[int]:
    held = {
        n
        for (n,) in s.execute(
            text(
                f"SELECT number FROM acts WHERE {_WHERE} AND status != 'draft'"
                " AND number >= :first AND number < :next"
            ),
            params,
        )
    }
    first, nxt = int(params["first"]), int(params["next"])  # type: ignore[call-overload]
    return [n for n in range(first, nxt) if n not in held]
