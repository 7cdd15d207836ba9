"""The message language of ``civreg.i18n`` is process-wide: a test that changes it (for
instance by running ``civreg --lang en ...`` through ``civreg.cli.main`` in the test process)
must not change it for the tests that run after it. ``tests/conftest.py`` restores it after
every test; these two tests run in this order (the order of the file) and check that."""

from __future__ import annotations

import os

import civreg.errors  # noqa: F401  (registers error.unexpected)
from civreg.i18n import get_language, set_language, t


def test_a_test_switches_the_messages_to_english_and_does_not_switch_back() -> None:
    set_language("en")
    assert get_language() == "en"


def test_the_next_test_has_the_language_of_the_session_again() -> None:
    assert get_language() == os.environ["CIVREG_LANG"] == "fr"
    said = t("error.unexpected", kind="X")
    assert said == t("error.unexpected", "fr", kind="X") != t("error.unexpected", "en", kind="X")
