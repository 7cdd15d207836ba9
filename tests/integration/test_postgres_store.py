"""The same models and migrations on PostgreSQL (district and national stores)."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from civreg.errors import WrongPassword
from civreg.models.base import Base, include_object
from civreg.services.store_access import login
from tests.integration.conftest import PG_ADMIN, PG_ADMIN_PASSWORD

pytestmark = pytest.mark.postgres


def test_postgres_store_migrates_and_logs_in(pg_url: str, pg_district: Any) -> None:
    pg_district.close()
    ctx = login(pg_url, PG_ADMIN, PG_ADMIN_PASSWORD)
    try:
        assert {"admin", "district"} <= ctx.user.roles
        with ctx.store.engine.connect() as conn:
            assert (
                compare_metadata(
                    MigrationContext.configure(conn, opts={"include_object": include_object}),
                    Base.metadata,
                )
                == []
            )
        # frozen-act trigger works on PostgreSQL too
        with ctx.store.write() as s:
            s.execute(
                text(
                    "INSERT INTO acts (uuid, kind, status, origin, office_id, country, commune, "
                    "centre, event_date, event_time, event_place, event_place_type, "
                    "declaration_date, details, late, judgment_court, judgment_number, "
                    "judgment_date, transcribed, original_date, transcription_note, "
                    "registrar_name, registrar_title, content_hash, created_at, updated_at) "
                    "VALUES ('u1', 'birth', 'registered', 'imported', 'BF-11-01', 'BF', '11', "
                    "'01', '2025', '', '', '', '', '{}', false, '', '', '', false, '', '', '', '', "
                    "'', now(), now())"
                )
            )
        with pytest.raises(DBAPIError, match="registered act"), ctx.store.write() as s:
            s.execute(text("UPDATE acts SET event_place = 'x' WHERE uuid = 'u1'"))
    finally:
        ctx.close()
    with pytest.raises(WrongPassword):
        login(pg_url, PG_ADMIN, "nope")
