"""Attack: guess passwords at the login screen, and choose weak ones. Before the fix 12
failures in a row cost a constant 6–9 s with no delay, and "1234", "aaaa" and the user's own
name were accepted as passwords."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from civreg.errors import AccountDisabled, WrongPassword
from civreg.security import throttle
from civreg.security.keyfile import FAST_KDF, keyfile_path
from civreg.security.passwords import WeakPassword
from civreg.security.throttle import AccountLocked, LoginThrottled
from civreg.services.store_access import login
from civreg.services.users import add_user, change_password, disable_user, list_users, unlock_user
from tests.conftest import PASSWORDS


class Clock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock()
    monkeypatch.setattr(throttle, "clock", c)
    return c


def _fail(store: Path, user: str = "clerk") -> None:
    with pytest.raises(WrongPassword):
        login(store, user, "Wrong-Guess-Number-1")


def _fail_patiently(store: Path, clock: Clock, times: int, user: str = "clerk") -> None:
    """Wrong passwords, each after waiting long enough (no attempt refused for haste)."""
    for _ in range(times):
        _fail(store, user)
        clock.now += 400


def _wait(store: Path, user: str = "clerk") -> int:
    with pytest.raises(LoginThrottled) as exc:
        login(store, user, PASSWORDS.get(user, "x"))
    return exc.value.seconds


def test_delay_grows_with_each_failure_and_survives_a_restart(store_path: Path, clock) -> None:
    waits = []
    for _ in range(3):
        _fail(store_path)  # the first three cost only the derivation
    for _ in range(4):
        _fail(store_path)
        waits.append(_wait(store_path))  # the next attempt is refused right away
        clock.now += waits[-1]
    assert waits == [2, 4, 8, 16]
    # "Restart": a new process reads the same file beside the store.
    assert (
        throttle.for_sqlite(store_path).failures(
            login(store_path, "admin", PASSWORDS["admin"]).store.keyfile.slot_id("clerk")
        )
        == 7
    )


def test_a_refused_attempt_is_not_counted_and_the_right_password_clears_it(
    store_path: Path, clock
) -> None:
    _fail_patiently(store_path, clock, 4)
    _fail(store_path)
    first = _wait(store_path)
    assert _wait(store_path) == first  # refused without trying: not a failure
    clock.now += first
    login(store_path, "clerk", PASSWORDS["clerk"]).close()
    _fail(store_path)
    login(store_path, "clerk", PASSWORDS["clerk"]).close()  # no delay after one failure


def test_lockout_after_ten_until_an_administrator_unlocks(store_path: Path, clock) -> None:
    _fail_patiently(store_path, clock, 10)
    with pytest.raises(AccountLocked) as exc:
        login(store_path, "clerk", PASSWORDS["clerk"])  # even the right password
    assert "civreg users unlock" in exc.value.message("fr")
    clock.now += 10_000
    with pytest.raises(AccountLocked):
        login(store_path, "clerk", PASSWORDS["clerk"])
    admin = login(store_path, "admin", PASSWORDS["admin"])
    try:
        assert [r.locked for r in list_users(admin) if r.username == "clerk"] == [True]
        unlock_user(admin, "clerk")
        assert [r.locked for r in list_users(admin) if r.username == "clerk"] == [False]
    finally:
        admin.close()
    login(store_path, "clerk", PASSWORDS["clerk"]).close()


def test_unknown_names_are_throttled_like_real_ones(store_path: Path, clock) -> None:
    _fail_patiently(store_path, clock, 4, "nobody")
    _fail(store_path, "nobody")
    assert _wait(store_path, "nobody") == 4
    _fail_patiently(store_path, clock, 4, "clerk")
    _fail(store_path, "clerk")
    assert _wait(store_path, "clerk") == 4


def test_trying_many_names_meets_the_store_wide_delay(store_path: Path, clock) -> None:
    for i in range(11):
        _fail(store_path, f"user{i}")  # never more than one failure per name
    wait = _wait(store_path, "registrar")  # a real account waits too
    assert wait >= 2
    clock.now += wait
    login(store_path, "registrar", PASSWORDS["registrar"]).close()


def test_disabled_is_said_only_after_the_right_password(store_path: Path, clock) -> None:
    admin = login(store_path, "admin", PASSWORDS["admin"])
    disable_user(admin, "clerk")
    admin.close()
    _fail(store_path)
    with pytest.raises(AccountDisabled):
        login(store_path, "clerk", PASSWORDS["clerk"])


def test_the_attempts_file_names_nobody(store_path: Path, clock) -> None:
    _fail(store_path, "clerk")
    _fail(store_path, "aminata.zongo")
    raw = (store_path.parent / "store.db.logins").read_text()
    assert "clerk" not in raw and "aminata" not in raw
    assert json.loads(raw)["format"] == "civreg-logins"


@pytest.mark.parametrize(
    ("password", "key"),
    [
        ("1234", "password.too_short"),
        ("aaaa", "password.too_short"),
        ("aaaaaaaaaaaa", "password.guessable"),
        ("azerty123456", "password.guessable"),
        ("motdepasse2026", "password.guessable"),
        ("Ouagadougou2026", "password.guessable"),
        ("awa.sawadogo-2026!", "password.contains_name"),
        ("Sawadogo-Mango-Tree", "password.contains_name"),
    ],
)
def test_weak_passwords_are_refused(login, password: str, key: str) -> None:
    admin = login("admin")
    with pytest.raises(WeakPassword) as exc:
        add_user(admin, "awa.sawadogo", password, ["clerk"], full_name="Awa Sawadogo", kdf=FAST_KDF)
    assert exc.value.key == key
    assert exc.value.message("fr") and exc.value.message("en")
    if key != "password.contains_name":  # the same rule for one's own password
        with pytest.raises(WeakPassword):
            change_password(login("clerk"), "clerk", password, kdf=FAST_KDF)


def test_a_strong_password_is_accepted(login) -> None:
    admin = login("admin")
    add_user(
        admin, "awa", "Karite-Fleuve-Nuit-58", ["clerk"], full_name="Awa Sawadogo", kdf=FAST_KDF
    )


def test_demo_stores_keep_their_documented_password(tmp_path: Path) -> None:
    from civreg.demo.build import DEMO_PASSWORD, build_demo

    assert DEMO_PASSWORD == "demo"
    path = tmp_path / "demo.db"
    build_demo(path, acts=5, kdf=FAST_KDF)
    login(path, "clerk", "demo").close()


def test_a_congolese_demo_has_congolese_accounts(tmp_path: Path) -> None:
    """The demo's users are named as people of the store's country (the CD demo's clerk
    showed "Awa KABORE", a Burkinabè name, in the status bar)."""
    from civreg.demo.build import build_demo
    from civreg.services.users import list_users

    path = tmp_path / "cd.db"
    build_demo(path, country="CD", acts=3, kdf=FAST_KDF)
    admin = login(path, "admin", "demo")
    try:
        names = {u.username: u.full_name for u in list_users(admin)}
    finally:
        admin.close()
    assert names["clerk"] == "Grâce MUJINGA" and names["registrar"] == "Jean-Pierre KABONGO"


def test_argon2id_parameters_live_in_the_key_file(tmp_path: Path) -> None:
    """A new store records the cost chosen for it (measured at creation: bench/bench_kdf.py
    states the figure); every slot keeps the parameters it was made with."""
    from civreg.security.keyfile import calibrate_kdf
    from civreg.services.store_access import create_store

    kdf = calibrate_kdf(target=0.01)
    assert kdf["name"] == "argon2id" and kdf["memory_cost"] == 262144
    created = create_store(
        tmp_path / "s.db",
        country="BF",
        commune="11",
        centre="01",
        office_name="Mairie",
        admin="admin",
        password=PASSWORDS["admin"],
        kdf=kdf,
    )
    created.ctx.close()
    doc = json.loads(keyfile_path(tmp_path / "s.db").read_text())
    assert doc["kdf"] == kdf
    assert all(s["kdf"] == kdf for s in doc["slots"] if s["kind"] == "password")


def test_a_key_file_with_absurd_argon2_parameters_is_refused(store_path: Path) -> None:
    """A damaged or hostile key file must not make a login allocate gigabytes."""
    from civreg.errors import KeyFileError

    kpath = keyfile_path(store_path)
    doc = json.loads(kpath.read_text())
    for slot in doc["slots"]:
        if "kdf" in slot:
            slot["kdf"]["memory_cost"] = 64 * 1024 * 1024
    kpath.write_text(json.dumps(doc))
    with pytest.raises(KeyFileError):
        login(store_path, "clerk", PASSWORDS["clerk"])
