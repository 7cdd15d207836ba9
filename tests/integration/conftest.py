"""Fixtures shared by integration test modules.

The statistics store (``filled``, ``district_ctx``) is used by ``test_statistics.py``,
``test_statistics_by_year.py`` and ``test_statistics_screen.py``: module-scoped, so each
module fills its own copy once. ``pg_district`` is the district store on PostgreSQL of
``test_postgres_store.py`` and ``test_registration_rows.py``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSWORDS, copy_store
from tests.integration.stats_support import fill_store

PG_ADMIN, PG_ADMIN_PASSWORD = "chief", "Savane-Office-Nuit-71"


@pytest.fixture(scope="module")
def filled(template_dir: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A BF store filled through the services for the statistics tests (stats_support)."""
    from civreg.services.store_access import login

    path = copy_store(template_dir("BF"), tmp_path_factory.mktemp("stats") / "bf")
    clerk = login(path, "clerk", PASSWORDS["clerk"])
    registrar = login(path, "registrar", PASSWORDS["registrar"])
    try:
        fill_store(clerk, registrar)
    finally:
        clerk.close()
        registrar.close()
    return path


@pytest.fixture
def district_ctx(filled: Path) -> Iterator[Any]:
    """The registrar logged into the filled statistics store."""
    from civreg.services.store_access import login

    ctx = login(filled, "registrar", PASSWORDS["registrar"])
    yield ctx
    ctx.close()


@pytest.fixture
def pg_district(pg_url: str) -> Iterator[Any]:
    """A district store just created in the fresh PostgreSQL database ``pg_url``: its
    administrator ``PG_ADMIN`` (roles admin and district) logged in, closed after the test."""
    from civreg.services.store_access import init_postgres

    ctx = init_postgres(
        pg_url,
        country="BF",
        office_id="BF-DIST-CENTRE-OUEST",
        office_name="Direction régionale",
        level="district",
        admin=PG_ADMIN,
        password=PG_ADMIN_PASSWORD,
    )
    try:
        yield ctx
    finally:
        ctx.close()
