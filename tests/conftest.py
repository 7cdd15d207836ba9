"""Shared fixtures: real encrypted stores built by the migrations once per session, then
copied per test (fast Argon2 parameters for the test accounts; the code path is the real one).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CIVREG_LANG", "fr")
# The command line writes the operations log: into a throw-away folder, not the user's,
# removed when the test process ends (one was left in /tmp per run).
if "CIVREG_LOG_DIR" not in os.environ:
    os.environ["CIVREG_LOG_DIR"] = tempfile.mkdtemp(prefix="civreg-test-logs-")
    atexit.register(shutil.rmtree, os.environ["CIVREG_LOG_DIR"], True)

import pytest

from civreg.security.keyfile import FAST_KDF, keyfile_path

PASSWORDS = {
    "admin": "Harmattan-Baobab-41",
    "clerk": "Karite-Manguier-17",
    "registrar": "Tamarin-Nere-Pluie-29",
    "district": "Savane-Fleuve-Sable-53",
}
OFFICES = {
    "BF": dict(commune="11", centre="01", office_name="Mairie de Koudougou"),
    "CD": dict(commune="KN01", centre="01", office_name="Bureau principal de Gombe"),
}


def _build(path: Path, country: str) -> None:
    from civreg.services.store_access import create_store
    from civreg.services.users import add_user

    created = create_store(
        path,
        country=country,
        admin="admin",
        password=PASSWORDS["admin"],
        admin_full_name="Administrateur Test",
        kdf=FAST_KDF,
        **OFFICES[country],
    )
    ctx = created.ctx
    add_user(ctx, "clerk", PASSWORDS["clerk"], ["clerk"], full_name="Agent Test", kdf=FAST_KDF)
    add_user(
        ctx,
        "registrar",
        PASSWORDS["registrar"],
        ["registrar"],
        full_name="Officier Test",
        title="Officier de l'état civil",
        kdf=FAST_KDF,
    )
    add_user(ctx, "district", PASSWORDS["district"], ["district"], kdf=FAST_KDF)
    ctx.store.checkpoint()
    ctx.close()
    (path.parent / "recovery.txt").write_text(created.recovery_key)


@pytest.fixture(autouse=True, scope="module")
def _module_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The same for stores a module-scoped fixture fills before any test runs (autouse
    fixtures of a scope are set up before the other fixtures of that scope): never the real
    user data folder, never the marks another module left."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CIVREG_DATA_DIR", str(tmp_path_factory.mktemp("module-userdata")))
        yield


@pytest.fixture(autouse=True)
def _own_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test keeps its own high-water marks and login-attempt files (the user data
    folder): the stores copied from one template share a store id."""
    monkeypatch.setenv("CIVREG_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture(autouse=True)
def _same_language_after() -> Iterator[None]:
    """The message language of civreg.i18n is process-wide: a test that changes it (e.g. by
    running ``civreg --lang en ...`` through ``civreg.cli.main`` in this process) leaves it
    as it found it, so the tests after it do not read English where they expect French."""
    from civreg.i18n import get_language, set_language

    before = get_language()
    yield
    set_language(before)


@pytest.fixture(scope="session")
def template_dir(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    built: dict[str, Path] = {}

    def get(country: str) -> Path:
        if country not in built:
            d = tmp_path_factory.mktemp(f"template-{country}")
            _build(d / "store.db", country)
            built[country] = d
        return built[country]

    return get


def copy_store(src_dir: Path, dst_dir: Path) -> Path:
    dst_dir.mkdir(parents=True, exist_ok=True)
    for name in ("store.db", "store.db.keys", "recovery.txt"):
        shutil.copy2(src_dir / name, dst_dir / name)
    return dst_dir / "store.db"


@pytest.fixture
def store_path(template_dir: Callable[[str], Path], tmp_path: Path) -> Path:
    """A fresh BF store (users admin, clerk, registrar, district) for this test."""
    return copy_store(template_dir("BF"), tmp_path / "bf")


@pytest.fixture
def cd_store_path(template_dir: Callable[[str], Path], tmp_path: Path) -> Path:
    return copy_store(template_dir("CD"), tmp_path / "cd")


@pytest.fixture
def login(store_path: Path) -> Iterator[Callable[..., object]]:
    from civreg.services.store_access import login as do_login

    opened = []

    def _login(user: str, path: Path | None = None):
        ctx = do_login(path or store_path, user, PASSWORDS[user])
        opened.append(ctx)
        return ctx

    yield _login
    for ctx in opened:
        ctx.close()


def store_files(path: Path) -> list[Path]:
    return [p for p in (path, keyfile_path(path), Path(f"{path}-wal")) if p.exists()]


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test (CI starts a server: scripts/pg-test-server)."""
    base = os.environ.get("CIVREG_TEST_PG_URL")
    if not base:
        pytest.skip("no PostgreSQL server: set CIVREG_TEST_PG_URL (scripts/test starts one)")
    import uuid

    import psycopg

    name = f"civreg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = base.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
