"""The scenario lines marked ``cli``, played through the command line as a script would:
``civreg declare --register`` for acts, ``civreg mention add`` for mentions, ``civreg show``
to read back the rule set recorded. The CLI must reach the same outcome as the services and
print the same message (field label, rule, law cited), so it cannot drift.

The command line registers on the real date (``date.today()``): the sample holds lines
whose outcome does not depend on it (paper acts transcribed, refusals on age or marriage).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from civreg.domain.profile import load_profile
from civreg.domain.validation import validate
from tests.integration.scenario_harness import OFFICES, Row, build_act, load, mention_args
from tests.integration.test_cli import civreg
from tests.integration.test_scenarios import INTERNAL, make_store

PASSWORD = "Tamarin-Nere-Pluie-29"  # tests.conftest.PASSWORDS["registrar"]


def _expected_line(row: Row, country: str, refs: dict[str, str], severity: str) -> str:
    """The problem line the services give for the row's rule (what the CLI must print)."""
    act = build_act(row, country, refs)
    problems = validate(
        act,
        load_profile(country),
        today=date.today(),
        for_registration=True,
        office_commune=OFFICES[country]["commune"],
        received_on=date.today(),  # the command line receives the declaration today
    )
    lines = [p.line("en") for p in problems if p.rule == row.rule and p.severity == severity]
    assert lines, f"{row.where}: the services give no {severity} for {row.rule}"
    return lines[0]


def _declare(store: Path, tmp: Path, row: Row, country: str, refs: dict[str, str]) -> None:
    act = build_act(row, country, refs)
    file = tmp / f"{row.id}.json"
    file.write_text(
        json.dumps(
            {"format": "civreg-declaration", "version": 1, "acts": [act.to_dict()]},
            ensure_ascii=False,
        )
    )
    r = civreg(
        "declare",
        "--store",
        str(store),
        "--user",
        "registrar",
        str(file),
        "--register",
        "--json",
        password=PASSWORD,
    )
    for text in (r.stdout, r.stderr):
        assert not INTERNAL.search(text), f"{row.where}: internal name in {text!r}"
    if row.expect == "refused":
        assert r.returncode == 1, f"{row.where}: {r.stdout} {r.stderr}"
        assert _expected_line(row, country, refs, "error") in r.stderr, r.stderr
        if row.law:
            assert row.law in r.stderr, r.stderr
        return
    assert r.returncode == 0, f"{row.where}: {r.stderr}"
    [made] = json.loads(r.stdout)
    refs[row.id] = made["global_id"]
    if row.expect == "warning":
        assert _expected_line(row, country, refs, "warning") in r.stderr, r.stderr
    shown = civreg(
        "show",
        "--store",
        str(store),
        "--user",
        "registrar",
        made["global_id"],
        "--json",
        password=PASSWORD,
    )
    assert shown.returncode == 0, shown.stderr
    view = json.loads(shown.stdout)
    if row.rule_set:
        assert view["rule_set"]["id"] == row.rule_set, row.where
        plain = civreg(
            "show",
            "--store",
            str(store),
            "--user",
            "registrar",
            made["global_id"],
            password=PASSWORD,
        )
        assert f"law applied: {view['rule_set']['name']}" in plain.stdout, plain.stdout
        # capacities in words, never their codes (a found child's finder: B28)
        assert not re.search(r"\((?:finder|authority|present_at_birth|relative)\)", plain.stdout)
        if row.id == "B28":
            assert "(person who found the child)" in plain.stdout, plain.stdout


def _mention(store: Path, row: Row, refs: dict[str, str]) -> None:
    args = mention_args(row, refs)
    r = civreg(
        "mention",
        "add",
        "--store",
        str(store),
        "--user",
        "registrar",
        args["ref"],
        "--kind",
        args["kind"],
        "--date",
        args["when"],
        "--text",
        args["text"],
        "--authority",
        args["authority"],
        "--reference",
        args["reference"],
        *(("--related", args["related_ref"]) if args["related_ref"] else ()),
        *(("--authority-note", args["authority_note"]) if args["authority_note"] else ()),
        password=PASSWORD,
    )
    for text in (r.stdout, r.stderr):
        assert not INTERNAL.search(text), f"{row.where}: internal name in {text!r}"
    if row.expect == "refused":
        assert r.returncode == 1, f"{row.where}: {r.stdout}"
        assert r.stderr.strip(), f"{row.where}: refused without a message"
        return
    assert r.returncode == 0, f"{row.where}: {r.stderr}"
    refs[row.id] = args["ref"]


@pytest.mark.slow
@pytest.mark.parametrize("country", ["BF", "CD"])
def test_cli_sample(country: str, tmp_path: Path) -> None:
    store = make_store(tmp_path, country)
    refs: dict[str, str] = {}
    sample = [r for r in load(country) if r.cli]
    assert len(sample) >= 5
    ids = {r.id for r in sample}
    for row in sample:  # the sample is self-contained: it refers only to sample lines
        assert set(re.findall(r"@(\w+)", str(row.changes))) <= ids, row.where
    for row in sample:
        if row.kind == "mention":
            _mention(store, row, refs)
        else:
            _declare(store, tmp_path, row, country, refs)
