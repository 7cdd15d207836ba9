"""Marginal mentions are checked against the act and the country profile (issue 10 items 5-6):
where each kind may stand, the references it needs, its date bounds, a cancelled act, and the
competent authorities — on a real encrypted store, through the services."""

from __future__ import annotations

from pathlib import Path

import pytest

from civreg.errors import Conflict, ValidationError
from civreg.services.mentions import add_mention, check_mention
from civreg.services.queries import get_act
from tests.integration.acts_support import (
    TODAY,
    birth,
    days_ago,
    death,
    for_drc,
    marriage,
    register,
    spouse,
    transcribed,
)


@pytest.fixture
def acts(login):
    """A BF store: an adult's birth act (1995), a baby's (2024), a marriage, a death."""
    clerk, reg = login("clerk"), login("registrar")
    adult = register(
        clerk, reg, transcribed(birth("1995-02-10", family="ZONGO", given="Awa"), 40, "1995-02-20")
    )
    baby = register(
        clerk,
        reg,
        transcribed(birth("2024-06-01", family="KABORE", given="Ali", sex=1), 7, "2024-06-05"),
    )
    wed = register(
        clerk,
        reg,
        marriage(
            days_ago(100),
            spouse("spouse1", "OUEDRAOGO", "Issa", 1, "1990-01-01"),
            spouse("spouse2", "ZONGO", "Awa", 2, "1995-02-10"),
        ),
        today=TODAY.replace(month=3, day=12),
    )
    died = register(
        clerk,
        reg,
        death(days_ago(5), spouse("deceased", "TRAORE", "Moussa", 1, "1950")),
    )
    return reg, adult, baby, wed, died


def _errors(exc: pytest.ExceptionInfo[ValidationError]) -> set[str]:
    return {p.key for p in exc.value.problems}


def _refused(reg, act_id, **kw) -> set[str]:
    """The rules broken (message keys); asserts nothing was recorded."""
    before = get_act(reg, act_id).mentions
    with pytest.raises(ValidationError) as exc:
        add_mention(reg, act_id, today=TODAY, **kw)
    assert get_act(reg, act_id).mentions == before
    return _errors(exc)


def test_divorce_or_recognition_on_a_death_act_is_refused(acts) -> None:
    reg, _adult, _baby, _wed, died = acts
    keys = _refused(
        reg,
        died.id,
        kind="divorce",
        when=days_ago(1),
        text="Divorce.",
        authority="TGI de Koudougou",
        reference="J-1/2025",
    )
    assert "mention.not_on.death" in keys
    keys = _refused(reg, died.id, kind="recognition", when=days_ago(1), text="Reconnu.")
    assert "mention.not_on.death" in keys
    assert get_act(reg, died.id).mentions == ()
    # the message names the mention's kind, not the act's
    with pytest.raises(ValidationError) as exc:
        add_mention(reg, died.id, kind="recognition", when=days_ago(1), text="R.", today=TODAY)
    assert "Type de mention :" in exc.value.message("fr"), exc.value.message("fr")
    assert "Kind of mention:" in exc.value.message("en")
    assert "Type d'acte" not in exc.value.message("fr")


def test_marriage_mention_on_a_one_year_old_is_refused(acts) -> None:
    reg, adult, baby, wed, _died = acts
    keys = _refused(
        reg,
        baby.id,
        kind="marriage",
        when=wed.data.event_date,
        text="Marié.",
        related_ref=wed.global_id,
    )
    assert keys == {"mention.subject_too_young"}
    view = add_mention(
        reg,
        adult.id,
        kind="marriage",
        when=wed.data.event_date,
        text="Mariée.",
        related_ref=wed.global_id,
        today=TODAY,
    )
    assert [m.kind for m in view.mentions] == ["marriage"]


def test_marriage_mention_needs_a_marriage_act(acts) -> None:
    reg, adult, _baby, _wed, died = acts
    assert _refused(reg, adult.id, kind="marriage", when=days_ago(3), text="Mariée.") == {
        "mention.needs_related_ref.marriage"
    }
    keys = _refused(
        reg, adult.id, kind="marriage", when=days_ago(3), text="M.", related_ref=died.global_id
    )
    assert keys == {"mention.related_wrong_kind.marriage"}


def test_divorce_not_before_the_marriage(acts) -> None:
    reg, adult, _baby, wed, _died = acts
    common = dict(kind="divorce", text="Divorce prononcé.", authority="TGI", reference="J-9/2025")
    # on the marriage act: not before its celebration
    keys = _refused(reg, wed.id, when=days_ago(120), **common)
    assert "mention.before_marriage" in keys and "mention.before_event" in keys
    add_mention(reg, wed.id, when=days_ago(10), today=TODAY, **common)
    # on a birth act: the marriage must be mentioned (or referenced) first
    assert _refused(reg, adult.id, when=days_ago(10), **common) == {"mention.needs_prior_marriage"}
    add_mention(
        reg,
        adult.id,
        kind="marriage",
        when=wed.data.event_date,
        text="Mariée.",
        related_ref=wed.global_id,
        today=TODAY,
    )
    with pytest.raises(ValidationError) as exc:
        add_mention(reg, adult.id, when=days_ago(101), today=TODAY, **common)
    assert _errors(exc) == {"mention.before_marriage"}
    view = add_mention(reg, adult.id, when=days_ago(10), today=TODAY, **common)
    assert [m.kind for m in view.mentions] == ["marriage", "divorce"]


def test_death_mention_needs_a_death_act_reference(acts) -> None:
    reg, adult, _baby, wed, died = acts
    assert _refused(reg, adult.id, kind="death", when=days_ago(5), text="Décédée.") == {
        "mention.needs_related_ref.death"
    }
    # a marriage act held here, or an identifier whose letter says "marriage"
    for ref in (wed.global_id, "BF-99-02-M-2001-000045"):
        keys = _refused(reg, adult.id, kind="death", when=days_ago(5), text="D.", related_ref=ref)
        assert keys == {"mention.related_wrong_kind.death"}
    # a death act of another centre (not held here) is accepted
    view = add_mention(
        reg,
        adult.id,
        kind="death",
        when=days_ago(5),
        text="Décédée.",
        related_ref="BF-99-02-D-2025-000045",
        today=TODAY,
    )
    assert [m.kind for m in view.mentions] == ["death"]
    # once only; and no marriage after the death
    with pytest.raises(Conflict) as conflict:
        add_mention(
            reg,
            adult.id,
            kind="death",
            when=days_ago(5),
            text="D.",
            related_ref=died.global_id,
            today=TODAY,
        )
    assert conflict.value.key == "mention.once"
    keys = _refused(
        reg,
        adult.id,
        kind="recognition",
        when=days_ago(1),
        text="Reconnaissance.",
        reference="AR-1",
    )
    assert keys == {"mention.after_death"}


def test_mention_dates_before_the_event_or_in_the_future(acts) -> None:
    reg, _adult, baby, _wed, _died = acts
    keys = _refused(reg, baby.id, kind="recognition", when="2024-05-31", text="Reconnu.")
    assert keys == {"mention.before_event"}
    keys = _refused(reg, baby.id, kind="recognition", when="2025-06-21", text="Reconnu.")
    assert keys == {"mention.bad_date"}
    assert _refused(reg, baby.id, kind="recognition", when="2025-06", text="R.") == {
        "mention.bad_date"
    }


def test_cancelled_act_takes_only_the_rectification_of_its_cancellation(acts) -> None:
    reg, _adult, baby, _wed, _died = acts
    v = add_mention(
        reg,
        baby.id,
        kind="cancellation",
        when=days_ago(2),
        text="Acte annulé par ordonnance.",
        authority="president_tgi",
        authority_note="TGI de Koudougou",
        reference="ORD-45/2025",
        today=TODAY,
    )
    assert v.cancelled
    cancellation = v.mentions[0]
    assert cancellation.authority == "Président du tribunal de grande instance, TGI de Koudougou"
    for kind, extra in (
        ("recognition", {}),
        ("rectification", {"authority": "procureur_du_faso", "reference": "RQ-1"}),
    ):
        with pytest.raises(Conflict) as exc:
            add_mention(reg, baby.id, kind=kind, when=days_ago(1), text="x", today=TODAY, **extra)
        assert exc.value.key == "mention.act_cancelled"
    view = add_mention(
        reg,
        baby.id,
        kind="rectification",
        when=days_ago(1),
        text="Lire ORD-46/2025 au lieu de ORD-45/2025 pour la référence de l'ordonnance.",
        authority="president_tgi",
        reference="ORD-50/2025",
        rectifies=cancellation.uuid,
        today=TODAY,
    )
    assert [m.kind for m in view.mentions] == ["cancellation", "rectification"]
    assert view.mentions[1].rectifies == cancellation.uuid


def test_rectification_authority_comes_from_the_profile_list(acts) -> None:
    reg, adult, _baby, _wed, _died = acts
    base = dict(kind="rectification", when=days_ago(1), text="Lire Awa.", reference="RQ-7/2025")
    # by code, by label (any case or accents), or by label followed by the seat
    for given, printed in (
        ("procureur_du_faso", "Procureur du Faso"),
        ("PROCUREUR DU FASO", "Procureur du Faso"),
        (
            "Procureur du Faso près le TGI de Koudougou",
            "Procureur du Faso près le TGI de Koudougou",
        ),
    ):
        assert check_mention(reg, adult.id, authority=given, today=TODAY, **base) == [
            p
            for p in check_mention(reg, adult.id, authority=given, today=TODAY, **base)
            if p.severity == "warning"
        ]
        v = add_mention(reg, adult.id, authority=given, today=TODAY, **base)
        assert v.mentions[-1].authority == printed
        assert v.mentions[-1].authority_code == "procureur_du_faso"
    # an unknown code is refused with the list of competent authorities
    with pytest.raises(ValidationError) as exc:
        add_mention(reg, adult.id, authority="procureur_faso", today=TODAY, **base)
    assert _errors(exc) == {"mention.authority_unknown"}
    assert "Procureur du Faso" in exc.value.message("fr")
    # "other" needs a note, then warns
    with pytest.raises(ValidationError) as exc:
        add_mention(reg, adult.id, authority="other", today=TODAY, **base)
    assert _errors(exc) == {"mention.authority_other_needs_note"}
    problems = check_mention(
        reg, adult.id, authority="other", authority_note="Juge des enfants", today=TODAY, **base
    )
    assert {(p.key, p.severity) for p in problems} == {
        ("mention.authority_other", "warning"),
        ("mention.corrections_recommended", "warning"),
    }
    other = next(p for p in problems if p.key == "mention.authority_other")
    assert "Procureur du Faso" in other.message("fr")
    v = add_mention(
        reg, adult.id, authority="other", authority_note="Juge des enfants", today=TODAY, **base
    )
    assert (v.mentions[-1].authority, v.mentions[-1].authority_code) == (
        "Juge des enfants",
        "other",
    )
    # free text outside the list is "other" with that text as its note (and a warning)
    problems = check_mention(reg, adult.id, authority="Tribunal de Fada", today=TODAY, **base)
    assert {p.key for p in problems} == {
        "mention.authority_other",
        "mention.corrections_recommended",
    }


def test_cancellation_by_the_prosecutor_is_not_competent(acts) -> None:
    reg, adult, _baby, _wed, _died = acts
    keys = _refused(
        reg,
        adult.id,
        kind="cancellation",
        when=days_ago(1),
        text="Annulé.",
        authority="procureur_du_faso",
        reference="X-1",
    )
    assert keys == {"mention.authority_not_competent"}
    keys = _refused(
        reg,
        adult.id,
        kind="cancellation",
        when=days_ago(1),
        text="Annulé.",
        authority="tgi",
    )
    assert keys == {"mention.needs_reference"}
    keys = _refused(reg, adult.id, kind="rectification", when=days_ago(1), text="Lire.")
    assert keys == {"mention.needs_authority_choice", "mention.needs_reference"}


def test_drc_authorities(cd_store_path: Path, login) -> None:
    clerk, reg = login("clerk", cd_store_path), login("registrar", cd_store_path)
    b = register(clerk, reg, for_drc(birth("2025-05-01", family="KABONGO", given="Merveille")))
    base = dict(kind="rectification", when=days_ago(1), text="Lire.", reference="TP-3/2025")
    with pytest.raises(ValidationError) as exc:
        add_mention(reg, b.id, authority="procureur_du_faso", today=TODAY, **base)
    assert _errors(exc) == {"mention.authority_unknown"}
    assert "Président du tribunal de paix" in exc.value.message("fr")
    v = add_mention(reg, b.id, authority="president_tripaix", today=TODAY, **base)
    assert v.mentions[0].authority == "Président du tribunal de paix"
    with pytest.raises(ValidationError) as exc:
        add_mention(
            reg,
            b.id,
            kind="cancellation",
            when=days_ago(1),
            text="Annulé.",
            authority="president_tripaix",
            reference="TP-4",
            today=TODAY,
        )
    assert _errors(exc) == {"mention.authority_not_competent"}


def test_messages_name_the_rule_in_both_languages_without_internal_names(acts) -> None:
    reg, _adult, _baby, _wed, died = acts
    with pytest.raises(ValidationError) as exc:
        add_mention(reg, died.id, kind="divorce", when="2030-01-01", text="", today=TODAY)
    for p in exc.value.problems:
        for lang in ("fr", "en"):
            text = p.message(lang)
            assert text and "{" not in text and "mention." not in text and "_" not in text
