"""``civreg search`` run as a subprocess: ranked matches, JSON, no match, bad password."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from civreg.demo.synthetic import Generator
from civreg.services.drafts import create_draft
from civreg.services.registration import register_act
from tests.integration.acts_support import received_day


def civreg(*args: str, password: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("CIVREG_") or k == "CIVREG_DATA_DIR"
    }
    env.update(CIVREG_LANG="en", CIVREG_PASSWORD=password)
    return subprocess.run(
        [sys.executable, "-m", "civreg", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def test_search_command(store_path: Path, login) -> None:
    reg = login("registrar")
    gen = Generator(reg.profile, random.Random(2), today=date(2025, 6, 1))
    data = gen.birth(2025)
    persons = tuple(
        replace(p, family_name="OUÉDRAOGO", given_names="Aminata") if p.role == "child" else p
        for p in data.persons
    )
    data = replace(data, persons=persons)
    view = register_act(
        reg,
        create_draft(reg, data, today=received_day(data, date(2025, 6, 1))).id,
        today=date(2025, 6, 1),
    )
    reg.close()
    base = ("search", "--store", str(store_path), "--user", "clerk")
    out = civreg(*base, "WEDRAOGO", "aminata", password="Karite-Manguier-17")
    assert out.returncode == 0, out.stderr
    assert view.global_id in out.stdout and "OUÉDRAOGO Aminata" in out.stdout
    out = civreg(*base, "--json", "--limit", "5", "wedraogo", password="Karite-Manguier-17")
    payload = json.loads(out.stdout)
    assert payload["hits"][0]["global_id"] == view.global_id and payload["limit"] == 5
    assert payload["by_given_name"] is False  # an ordinary page, not a day's given name
    out = civreg(*base, "ZOUNGRANA", password="Karite-Manguier-17")
    assert out.returncode == 0 and "No act found" in out.stdout
    out = civreg(*base, "OUEDRAOGO", password="wrong-pw")
    assert out.returncode == 1 and view.global_id not in out.stdout
    out = civreg(
        "search",
        "--store",
        str(store_path),
        "--user",
        "admin",
        "OUEDRAOGO",
        password="Harmattan-Baobab-41",
    )
    assert out.returncode == 1 and out.stdout == ""
