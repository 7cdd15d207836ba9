"""A found child's birth and an unidentified person's death (issue 10 item 7): registered as the
law provides — no parents, no placeholder names — on the report of the finding, through the
services on a real encrypted store; what is missing or contradictory is refused in words."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from civreg.domain.acts import ActInput, ActKind, Person
from civreg.errors import ValidationError
from civreg.services.drafts import create_draft
from civreg.services.queries import get_act
from civreg.services.registration import register_act
from tests.integration.acts_support import TODAY, days_ago, register

INTERNAL = re.compile(r"\b(?:found_child|unidentified_deceased|report_ref|details\.|family_name)")


def found_child(**report_changes) -> ActInput:
    report = {
        "report_ref": "PV 112/2025/CB",
        "report_authority": "Commissariat central de Koudougou",
        "found_date": days_ago(3),
        "found_place": "Devant la maternité du CMA de Koudougou",
        "apparent_age": "quelques jours",
        "circumstances": "Enfant déposé dans un carton, enveloppé d'un pagne.",
        "entrusted_to": "Pouponnière de Koudougou",
    }
    report.update(report_changes)
    return ActInput(
        kind=ActKind.BIRTH,
        event_date=days_ago(6),  # the presumed birth date
        event_place="Koudougou",
        persons=(
            Person("child", family_name="WENDKOUNI", given_names="Grâce", sex=2),
            Person(
                "declarant",
                family_name="NIKIEMA",
                given_names="Adama",
                sex=1,
                capacity="authority",
                profession="officier de police judiciaire",
            ),
        ),
        details={"multiplicity": "single", "found_child": {k: v for k, v in report.items() if v}},
    )


def unidentified(**report_changes) -> ActInput:
    report = {
        "report_ref": "PV 98/2025/BR",
        "report_authority": "Brigade de gendarmerie de Koudougou",
        "found_date": days_ago(4),
        "found_place": "Bord de la route nationale 14, sortie nord de Koudougou",
        "apparent_age": "environ 40 ans",
        "description": "Homme, 1,75 m environ, corpulence mince, cicatrice à l'avant-bras gauche.",
    }
    report.update(report_changes)
    return ActInput(
        kind=ActKind.DEATH,
        event_date=days_ago(5)[:7],  # only the month is known
        event_place="Koudougou",
        persons=(
            Person("deceased", sex=1, approx_age=40),
            Person(
                "declarant",
                family_name="OUEDRAOGO",
                given_names="Issa",
                sex=1,
                capacity="authority",
            ),
        ),
        details={"unidentified_deceased": {k: v for k, v in report.items() if v}},
    )


def _refused(clerk, reg, data: ActInput) -> ValidationError:
    draft = create_draft(clerk, data, today=TODAY)
    with pytest.raises(ValidationError) as exc:
        register_act(reg, draft.id, today=TODAY)
    after = get_act(reg, draft.id)
    assert after.status == "draft" and after.number is None
    for lang in ("fr", "en"):
        assert not INTERNAL.search(exc.value.message(lang)), exc.value.message(lang)
    return exc.value


def _rules(exc: ValidationError) -> set[str]:
    return {p.rule for p in exc.problems} | {p.key for p in exc.problems}


def test_a_found_child_is_registered_without_parents_on_the_report(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    view = register(clerk, reg, found_child())
    assert view.status == "registered" and view.number
    assert not view.data.persons_with("mother") and not view.data.persons_with("father")
    report = view.data.details["found_child"]
    assert report["report_ref"] == "PV 112/2025/CB" and report["found_date"] == days_ago(3)


def test_a_found_child_needs_the_report_and_has_no_parent(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    exc = _refused(clerk, reg, found_child(report_ref="", found_date=""))
    paths = {p.path for p in exc.problems if p.key == "val.special.required"}
    assert paths == {"details.found_child.report_ref", "details.found_child.found_date"}
    assert "Référence du procès-verbal" in exc.message("fr") or "procès-verbal" in exc.message("fr")
    with_mother = found_child()
    with_mother = replace(
        with_mother,
        persons=(
            *with_mother.persons,
            Person("mother", family_name="SAWADOGO", given_names="Awa", sex=2),
        ),
    )
    exc = _refused(clerk, reg, with_mother)
    assert "val.found_child.no_parents" in _rules(exc)
    assert "sans père ni mère" in exc.message("fr") and "without a father" in exc.message("en")


def test_found_dates_are_checked_and_lateness_runs_from_the_finding(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    before_birth = replace(found_child(found_date=days_ago(10)), event_date=days_ago(6))
    assert "val.found_child.found_before_birth" in _rules(_refused(clerk, reg, before_birth))
    # found four months after a presumed birth, declared three days after the finding: on time
    older = replace(found_child(found_date=days_ago(3)), event_date=days_ago(130))
    assert register(clerk, reg, older).status == "registered"
    # found four months ago and declared only now: late, the court's judgment is needed
    late = replace(found_child(found_date=days_ago(120)), event_date=days_ago(125))
    assert "birth.deadline" in _rules(_refused(clerk, reg, late))


def test_a_placeholder_capacity_is_not_a_declarant_of_an_ordinary_birth(login) -> None:
    """'finder' and 'authority' declare a found child only, not an ordinary birth."""
    clerk, reg = login("clerk"), login("registrar")
    ordinary = found_child()
    ordinary = replace(
        ordinary,
        details={"multiplicity": "single"},
        persons=(
            *ordinary.persons,
            Person("mother", family_name="SAWADOGO", given_names="Awa", sex=2),
        ),
    )
    assert "birth.declarant" in _rules(_refused(clerk, reg, ordinary))


def test_an_unidentified_deceased_is_registered_on_the_police_report(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    view = register(clerk, reg, unidentified())
    assert view.status == "registered" and view.number
    deceased = view.data.person("deceased")
    assert deceased is not None and not deceased.family_name and not deceased.given_names
    assert "cicatrice" in view.data.details["unidentified_deceased"]["description"]


def test_an_unidentified_deceased_needs_a_description_and_no_invented_name(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    exc = _refused(clerk, reg, unidentified(description=""))
    assert {p.path for p in exc.problems if p.key == "val.special.required"} == {
        "details.unidentified_deceased.description"
    }
    assert "Signalement" in exc.message("fr") or "signalement" in exc.message("fr")
    named = unidentified()
    named = replace(
        named,
        persons=(Person("deceased", family_name="INCONNU", sex=1), *named.persons[1:]),
    )
    assert "val.unidentified.named" in _rules(_refused(clerk, reg, named))
    # without the report, the names are required as for any death
    plain = replace(unidentified(), details={})
    assert "val.required" in _rules(_refused(clerk, reg, plain))


def test_a_report_on_the_wrong_kind_of_act_is_refused(login) -> None:
    clerk, reg = login("clerk"), login("registrar")
    wrong = replace(unidentified(), details={"found_child": found_child().details["found_child"]})
    assert "val.special.wrong_kind" in _rules(_refused(clerk, reg, wrong))


def test_drc_found_child(cd_store_path: Path, login) -> None:
    clerk, reg = login("clerk", cd_store_path), login("registrar", cd_store_path)
    data = found_child()
    data = replace(
        data,
        persons=tuple(
            replace(p, post_nom="MOKE") if p.role == "child" else p for p in data.persons
        ),
    )
    assert register(clerk, reg, data).status == "registered"


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )


def test_full_copies_print_the_report_and_the_presumed_birth_date(login) -> None:
    from civreg.services.certificates import preview_certificate

    clerk, reg = login("clerk"), login("registrar")
    child = register(clerk, reg, found_child())
    text = _pdf_text(preview_certificate(reg, child.id, "full"))
    assert "ENFANT TROUVÉ" in text and "PV 112/2025/CB" in text, text
    assert "Commissariat central de Koudougou" in text and "Pouponnière de Koudougou" in text
    assert "Date présumée" in text
    assert "ayant trouvé" not in text and "représentant de l'autorité" in text
    body = register(clerk, reg, unidentified())
    text = _pdf_text(preview_certificate(reg, body.id, "full"))
    assert "DÉFUNT NON IDENTIFIÉ" in text and "cicatrice à l'avant-bras gauche" in text, text
    assert "Nom(s) et prénom(s) non identifié" in text
