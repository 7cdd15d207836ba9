"""What the command line prints speaks the user's language (issue 11 items 5, 6, 16): the act
shown with every coded value in words and dates as the user writes them; a centre that does
not exist refused with the known ones named; a refusal for lack of a role names the role in
words, never the internal permission (``stats.view``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from civreg.domain.roles import PERMISSIONS
from civreg.i18n import set_language, t
from tests.conftest import PASSWORDS
from tests.integration.acts_support import TODAY, birth, days_ago, marriage, register, spouse
from tests.integration.durability_support import civreg, plain_failure

ISO = re.compile(r"\b\d{4}-\d\d-\d\d\b")
CODES = re.compile(
    r"\b(birth|marriage|registered|draft|monogamy|polygamy|rectification|mother|single)\b"
)


@pytest.fixture
def french():
    set_language("fr")
    yield
    set_language("fr")


def test_show_prints_labels_and_dates_in_french(login, french) -> None:
    from civreg.commands.act_text import act_lines
    from civreg.services.mentions import add_mention
    from civreg.services.queries import get_act

    clerk, registrar = login("clerk"), login("registrar")
    b = register(clerk, registrar, birth(days_ago(10), family="OUEDRAGO"))
    add_mention(
        registrar,
        b.id,
        kind="rectification",
        when=days_ago(1),
        authority="procureur_du_faso",
        reference="RQ-12/2025",
        corrections={"child.family_name": "OUEDRAOGO", "child.sex": 1},
        today=TODAY,
    )
    m = register(
        clerk,
        registrar,
        marriage(
            days_ago(3),
            spouse("spouse1", "KABORE", "Issa", 1, "1990-02-03"),
            spouse("spouse2", "ZONGO", "Awa", 2, "1994-05-06"),
            option="monogamy",
        ),
    )
    for view, kind in (
        (get_act(registrar, b.id), "naissance"),
        (get_act(registrar, m.id), "mariage"),
    ):
        text = "\n".join(act_lines(view, registrar.profile))
        assert f"[{kind}, enregistré]" in text, text
        assert not ISO.search(text), text  # dates as 10/06/2025, never 2025-06-10
        assert not re.search(r"\b(event|declared|received|mention \d)", text), text
        if kind == "naissance":
            assert "événement : 10/06/2025 08:30 — CMA de Koudougou" in text, text
            assert "(mère)" in text and "mention du 19/06/2025 — rectification" in text, text
            assert "Enfant — nom : OUEDRAGO → OUEDRAOGO" in text, text
            assert "Enfant — sexe : Féminin → Masculin" in text, text
            assert "child.family_name" not in text and "child.sex" not in text, text
        else:
            assert "option : monogamie" in text and "monogamy" not in text, text
            assert "KABORE Issa 03/02/1990" in text, text


def test_show_in_english_too(login) -> None:
    from civreg.commands.act_text import act_lines

    clerk, registrar = login("clerk"), login("registrar")
    b = register(clerk, registrar, birth(days_ago(10)))
    set_language("en")
    try:
        text = "\n".join(act_lines(b, registrar.profile))
    finally:
        set_language("fr")
    assert "[birth, registered]" in text and "event: 10/06/2025 08:30" in text, text
    assert "(mother)" in text and "naissance" not in text, text


def test_stats_of_an_unknown_centre_is_refused(store_path: Path) -> None:
    s = str(store_path)
    pw = PASSWORDS["registrar"]
    r = civreg("stats", "--store", s, "--user", "registrar", "--centre", "99", user_password=pw,
               lang="fr")  # fmt: skip
    message = plain_failure(r)
    assert message.startswith("Aucun centre « 99 » ici"), message
    assert "Centres connus : 01" in message, message
    assert r.stdout == ""  # no table of zeros
    r = civreg("stats", "--store", s, "--user", "registrar", "--commune", "XX", user_password=pw)
    assert plain_failure(r).startswith("There is no commune 'XX' here"), r.stderr
    r = civreg("stats", "--store", s, "--user", "registrar", "--centre", "01", user_password=pw)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_permission_refusal_names_the_role_in_words(store_path: Path, lang: str) -> None:
    r = civreg("stats", "--store", str(store_path), "--user", "clerk",
               user_password=PASSWORDS["clerk"], lang=lang)  # fmt: skip
    message = plain_failure(r)
    assert "stats.view" not in message and "(" not in message, message
    if lang == "fr":
        assert message.startswith(
            "Consulter les statistiques : réservé à l'officier de l'état civil, à l'agent du "
            "district ou à l'administrateur."
        ), message
    else:
        assert message.startswith(
            "Viewing statistics: only a registrar, a district officer or an administrator"
        ), message


def test_every_permission_has_words_in_both_languages() -> None:
    from civreg.domain.role_words import refusal
    from civreg.errors import PermissionDenied

    for operation in PERMISSIONS:
        for lang in ("fr", "en"):
            text = PermissionDenied(operation=operation).message(lang)
            assert text == refusal(operation, lang)
            assert operation not in text and "operation." not in text, text
            assert "{" not in text and t(f"operation.{operation}", lang) in text


def test_export_and_status_say_what_a_batch_holds(store_path: Path, tmp_path: Path) -> None:
    from tests.integration.durability_support import birth_declarations

    s, pw = str(store_path), PASSWORDS["registrar"]
    decl = birth_declarations(tmp_path / "births.json", 2)
    r = civreg("declare", "--store", s, "--user", "registrar", str(decl), "--register",
               user_password=pw, lang="fr")  # fmt: skip
    assert r.returncode == 0, r.stderr
    r = civreg("export", "--store", s, "--user", "registrar", "--out",
               str(tmp_path / "lot.civreg-batch"), user_password=pw, lang="fr")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert re.search(r": 2 actes, \d+ entrées du journal d'audit\.$", r.stdout.strip()), r.stdout
    assert "act=" not in r.stdout and "audit=" not in r.stdout
    r = civreg("transmission", "status", "--store", s, "--user", "registrar", user_password=pw,
               lang="fr")  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert re.search(r"^lot n° 1  \d\d/\d\d/\d{4} \d\d:\d\d \S+  écrit dans un fichier  2 actes, ",
                     r.stdout, re.M), r.stdout  # fmt: skip
    assert not ISO.search(r.stdout) and " sent " not in r.stdout, r.stdout
    assert "journal d'audit de la période" in r.stdout


def test_completeness_rate_with_a_decimal_comma(login) -> None:
    from civreg.domain.vital_stats import StatsFilter
    from civreg.domain.vital_tables import commune_table
    from civreg.services.statistics import vital_statistics
    from civreg.services.statistics_settings import set_expected_births

    clerk, registrar = login("clerk"), login("registrar")
    register(clerk, registrar, birth(days_ago(10)))
    set_expected_births(login("admin"), "11", TODAY.year, births=3)
    stats = vital_statistics(registrar, StatsFilter.for_year(TODAY.year))
    for lang, rate in (("fr", "33,3"), ("en", "33.3")):
        table = commune_table(stats, lang)
        [(_header, rates)] = [e for e in table.extra if e[0] == t("stats.col.completeness", lang)]
        assert rates == (rate,), rates
