"""One catalogue names the mention kinds and marital statuses (civreg.domain.act_words): the
command line, the certificates and the QR summary say what it says, in French and English,
and a kind added to the domain cannot go unnamed."""

from __future__ import annotations

import pytest

from civreg.certificates.french_people import marital_text, mention_kind_text
from civreg.certificates.qr_payload import QrFields
from civreg.certificates.qr_summary import summary
from civreg.commands.act_text import act_lines, correction_text
from civreg.domain.act_words import (
    MARITAL_WORDS,
    MENTION_WORDS,
    capitalised,
    marital_label,
    mention_kind_label,
)
from civreg.domain.acts import (
    MENTION_KINDS,
    ActInput,
    ActKind,
    ActStatus,
    ActView,
    Mention,
    Person,
)
from civreg.i18n import get_language, set_language


@pytest.fixture(params=["fr", "en"])
def lang(request: pytest.FixtureRequest):
    before = get_language()
    set_language(request.param)
    yield request.param
    set_language(before)


def test_every_mention_kind_and_status_has_words_in_both_languages() -> None:
    for kind in MENTION_KINDS:
        assert kind in MENTION_WORDS, kind
        for lang in ("fr", "en"):
            assert "_" not in mention_kind_label(kind, lang)
    assert mention_kind_label("name_change", "fr") == "changement de nom"
    assert mention_kind_label("name_change", "en") == "change of name"
    assert marital_label("widowed", "fr") == "veuf (veuve)"
    assert marital_label("widowed", "en") == "widowed"
    assert mention_kind_label("some_new_kind", "fr") == "some new kind"  # never a code


def _act(kinds: list[str]) -> ActView:
    mentions = tuple(
        Mention(i, f"u{i}", kind, "2026-03-02", "Texte.", "", "", "", "clerk", "2026-03-02")
        for i, kind in enumerate(kinds)
    )
    data = ActInput(
        kind=ActKind.BIRTH,
        event_date="2026-01-05",
        event_place="Réo",
        persons=(Person(role="child", family_name="KABORE", given_names="Awa", sex=2),),
    )
    return ActView(
        1, "u", ActStatus.REGISTERED, ActKind.BIRTH, "BF-01", 2026, 1, "BF-01-2026-N-1",
        False, data, "2026-01-06", "R", "Officier", False, "", "", mentions,
    )  # fmt: skip


def test_the_cli_says_the_domain_words(lang: str) -> None:
    kinds = list(MENTION_WORDS)  # legitimation too: older stores carry it
    lines = act_lines(_act(kinds))
    mention_lines = [line for line in lines if "2026" in line and "—" in line][-len(kinds) :]
    for kind, line in zip(kinds, mention_lines, strict=True):
        assert f"— {mention_kind_label(kind, lang)}" in line, (kind, line)
    for status in MARITAL_WORDS:
        assert correction_text("persons.mother.marital_status", status) == marital_label(status)


def test_certificates_and_the_qr_summary_say_the_same_words() -> None:
    for kind in MENTION_WORDS:
        assert mention_kind_text(kind) == capitalised(mention_kind_label(kind, "fr"))
    assert mention_kind_text("option_change") == "Changement d'option matrimoniale"
    for status, (either, masculine, feminine, _) in MARITAL_WORDS.items():
        assert marital_text(Person("deceased", sex=1), status) == masculine
        assert marital_text(Person("deceased", sex=2), status) == feminine
        assert either.startswith(masculine[:4])
    fields = QrFields(
        2, "BF-01-2026-N-1", "N", ("KABORE Awa",), "2026-01-05", "E", 1, "2026-03-03",
        "BF-01", "k", "R", False, last_mention_kind="option_change",
        last_mention_date="2026-03-02", digest="0" * 64,
    )  # fmt: skip
    for lang in ("fr", "en"):
        assert mention_kind_label("option_change", lang) in summary(fields, lang)


def test_every_quarantine_reason_the_importer_writes_has_words() -> None:
    """The reasons written by civreg.exchange (and the duplicate check) and the record types
    of a batch, in words in both languages (the CLI and the Import page read them)."""
    import re
    from pathlib import Path

    import civreg
    from civreg.domain.quarantine_words import reason_label, record_label

    root = Path(civreg.__file__).parent
    written = {"rolled_back", "possible_duplicate"}  # appended over several lines
    for path in [*root.joinpath("exchange").glob("*.py"), *root.joinpath("services").glob("*.py")]:
        text = path.read_text(encoding="utf-8")
        written |= set(re.findall(r'append\(\(\s*[\w\[\]\.]+,\s*"([a-z_]+)"\s*\)\)', text))
    assert {"differs", "unknown_act", "audit_gap"} <= written, written
    for lang in ("fr", "en"):
        for code in written:
            assert "_" not in reason_label(code, lang) and reason_label(code, lang) != code, code
        for kind in ("act", "mention", "copy", "notice", "audit", "key_announcement", "batch"):
            assert "_" not in record_label(kind, lang), kind
