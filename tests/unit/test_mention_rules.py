"""Mention rules and corrections as pure domain code: the profiles' tables are checked on load,
identifiers give their act kind, corrections apply in order (no database)."""

from __future__ import annotations

from datetime import date

import pytest

from civreg.domain.acts import ActInput, ActKind, Correction, Mention, Person
from civreg.domain.corrections import (
    apply_corrections,
    correction_text,
    details_shape_ok,
    field_allowed,
    parse_path,
)
from civreg.domain.mention_rules import (
    MentionRequest,
    MentionTarget,
    check_mention,
    identifier_kind,
)
from civreg.domain.profile import ProfileError, load_profile


@pytest.mark.parametrize(
    ("overrides", "entry", "reason"),
    [
        (
            {"mentions": {"engagement": {"acts": ["birth"], "source": "x"}}},
            "mentions.engagement",
            "unknown_key",
        ),
        ({"mentions": {"death": {"source": None}}}, "mentions.death.source", "missing"),
        (
            {"mentions": {"death": {"acts": ["funeral"]}}},
            "mentions.death.acts.funeral",
            "unknown_act_kind",
        ),
        ({"mentions": {"death": {"needs": ["witness"]}}}, "mentions.death.needs", "bad_value"),
        (
            {"mentions": {"rectification": {"authorities": ["mayor"]}}},
            "mentions.rectification.authorities",
            "unknown_field",
        ),
        (
            {"mentions": {"rectification": {"on_cancelled": "always"}}},
            "mentions.rectification.on_cancelled",
            "bad_value",
        ),
        (
            {"mentions": {"name_change": {"corrections": ["child.shoe_size"]}}},
            "mentions.name_change.corrections",
            "unknown_field",
        ),
        (
            {"mentions": {"name_change": {"corrections": []}}},
            "mentions.name_change.needs",
            "bad_value",
        ),
        ({"mentions": {"death": {"related_kind": None}}}, "mentions.death.related_kind", "missing"),
        (
            {"authorities": {"other": {"label": "x", "source": "y"}}},
            "authorities.other",
            "bad_value",
        ),
        ({"authorities": {"tgi": {"label": None}}}, "authorities.tgi.label", "missing"),
        ({"mentions": None}, "mentions", "missing"),
    ],
)
def test_malformed_mention_tables_are_refused_with_the_entry(overrides, entry, reason) -> None:
    with pytest.raises(ProfileError) as exc:
        load_profile("BF", overrides)
    assert (exc.value.entry, exc.value.reason) == (entry, reason)


def test_every_kind_has_a_rule_with_a_source_in_both_profiles() -> None:
    from civreg.domain.acts import MENTION_KINDS

    for code in ("BF", "CD"):
        p = load_profile(code)
        # the change of the marriage option exists only where there is an option (BF)
        expected = set(MENTION_KINDS) - ({"option_change"} if code == "CD" else set())
        assert set(p.mention_rules) == expected, code
        for rule in p.mention_rules.values():
            assert rule.source.strip()
            assert all(a in p.authorities for a in rule.authorities)
        for kind in ("rectification", "cancellation"):
            assert p.mention_rules[kind].authorities, "item 6: a list of competent authorities"


def test_identifier_kind_follows_the_profiles_format() -> None:
    kind_of = identifier_kind("{country}-{commune}-{centre}-{letter}-{year}-{number:06d}")
    assert kind_of("BF-KAD01-P-D-2024-000012") is ActKind.DEATH
    assert kind_of("CD-KN-V01-C04-01-M-2019-000003") is ActKind.MARRIAGE  # dashes in codes
    assert kind_of("acte 12/2019 de Dakar") is None


def _birth(family: str = "OUEDRAGO") -> ActInput:
    return ActInput(
        ActKind.BIRTH,
        event_date="2024-05-02",
        event_place="Koudougou",
        persons=(Person("child", family_name=family, given_names="Ali", sex=1),),
    )


def _mention(uuid: str, *corrections: Correction, kind: str = "rectification") -> Mention:
    return Mention(
        0,
        uuid,
        kind,
        "2025-01-01",
        "",
        "Procureur du Faso",
        "R",
        "",
        "",
        "",
        corrections=corrections,
    )


def test_corrections_apply_in_order_and_keep_the_registered_original() -> None:
    data = _birth()
    cur = apply_corrections(
        data,
        [
            _mention("m1", Correction("child.family_name", "OUEDRAOGO", "OUEDRAGO")),
            _mention(
                "m2",
                Correction("child.family_name", "OUÉDRAOGO", "OUEDRAOGO"),
                Correction("event_place", "CHR de Koudougou", "Koudougou"),
            ),
        ],
    )
    assert cur.data.person("child").family_name == "OUÉDRAOGO"
    assert cur.data.event_place == "CHR de Koudougou"
    assert data.person("child").family_name == "OUEDRAGO"  # the input is never changed
    c = cur.corrected["child.family_name"]
    assert (c.original, c.value, c.mention_uuid) == ("OUEDRAGO", "OUÉDRAOGO", "m2")
    assert cur.corrected_persons() == [("child", 0)]


def test_paths_patterns_text_and_transmitted_shape() -> None:
    assert parse_path("witness[2].given_names").position == 2
    assert parse_path("witness.given_names") is None  # witnesses are numbered
    assert parse_path("child[1].family_name") is None
    assert parse_path("child.shoe_size") is None
    ref = parse_path("child.given_names")
    assert field_allowed(ref, ["child.*"]) and field_allowed(ref, ["*"])
    assert not field_allowed(ref, ["father.*", "event_place"])
    text = correction_text(
        ActKind.BIRTH,
        [Correction("child.sex", 2, 1), Correction("event_date", "2024-05-03", "2024-05-02")],
    )
    assert text == (
        "Lire « féminin » au lieu de « masculin » pour le sexe de l'enfant ; lire « 03/05/2024 »"
        " au lieu de « 02/05/2024 » pour la date de naissance."
    )
    good = {
        "authority_code": "tgi",
        "corrections": [{"field": "child.sex", "value": 2, "previous": 1}],
    }
    assert details_shape_ok(good)
    for bad in (
        [],
        {"corrections": [{"field": "child.sex", "value": True, "previous": 1}]},
        {"corrections": [{"field": "x.y", "value": "a", "previous": "b"}]},
        {"corrections": [{"field": "child.sex", "value": 2}]},
        {"authority_code": 3},
        {"surprise": ""},
    ):
        assert not details_shape_ok(bad)


def test_marriage_mention_age_bound_reads_partial_birth_dates_in_favour() -> None:
    bf = load_profile("BF")
    target = MentionTarget(ActKind.BIRTH, _birth(), ())
    req = MentionRequest("marriage", "2039-05-01", "M.", related_ref="BF-1-P-M-2039-000001")
    kind_of = identifier_kind(bf.identifier_format)
    # born 2024-05-02: 14 on 2039-05-01, 15 the next day
    out = check_mention(
        bf.mention_rules,
        bf.authorities,
        req,
        target,
        today=date(2040, 1, 1),
        kind_of_identifier=kind_of,
    )
    assert [p.key for p in out.errors] == ["mention.subject_too_young"]
    target = MentionTarget(ActKind.BIRTH, ActInput(ActKind.BIRTH, event_date="2024"), ())
    out = check_mention(
        bf.mention_rules,
        bf.authorities,
        req,
        target,
        today=date(2040, 1, 1),
        kind_of_identifier=kind_of,
    )
    assert out.errors == []  # "born in 2024" may be January: 15 is possible
