"""Two processes registering into the same register at once: no duplicate, no gap."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import select

from civreg.models.acts import Act

WORKER = r"""
import sys
from datetime import date, timedelta
from civreg.domain.acts import ActInput, ActKind, Person
from civreg.services.store_access import login
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act

path, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
clerk = login(path, "clerk", "Karite-Manguier-17")
reg = login(path, "registrar", "Tamarin-Nere-Pluie-29")
today = date.today()
ids = []
for i in range(n):
    d = create_draft(clerk, ActInput(
        kind=ActKind.BIRTH, event_date=(today - timedelta(days=2)).isoformat(),
        event_place="Koudougou", declaration_date=today.isoformat(),
        persons=(Person(role="child", family_name="YAMEOGO", sex=1,
                        given_names=f"{tag} {chr(65 + i % 26)}{chr(65 + i // 26)}"),
                 Person(role="mother", family_name="SOME", given_names="Awa", sex=2),
                 Person(role="declarant", family_name="SOME", given_names="Awa", sex=2,
                        capacity="mother"))))
    ids.append(d.id)
print("ready", flush=True)
sys.stdin.readline()  # start together
for i in ids:
    register_act(reg, i)
print("done", flush=True)
"""


def test_two_processes_number_without_duplicate_or_gap(store_path: Path, login) -> None:
    n = 25
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(store_path), tag, str(n)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for tag in ("A", "B")
    ]
    for p in procs:
        assert p.stdout is not None and p.stdout.readline().strip() == "ready"
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    for p in procs:
        assert p.wait(timeout=180) == 0
    ctx = login("admin")
    with ctx.store.read() as s:
        numbers = sorted(s.scalars(select(Act.number).where(Act.status == "registered")))
        gids = set(s.scalars(select(Act.global_id).where(Act.status == "registered")))
    assert numbers == list(range(1, 2 * n + 1))
    assert len(gids) == 2 * n
