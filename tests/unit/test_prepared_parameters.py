"""A prepared statement's positional parameters are built position by position (issue 17,
fifth round): the same tuple, converted by the same bind processors, as the dict the general
path builds, the values written in the statement itself included."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import bindparam, insert, update

from civreg.models.acts import ChangeLog, Register
from civreg.models.engine import SQLCipherDialect
from civreg.models.prepared import Prepared, _Compiled

STATEMENTS = [
    update(Register)
    .where(Register.centre == bindparam("centre"), Register.year == bindparam("year"))
    .values(next_number=Register.next_number + 1)
    .returning(Register.id),
    insert(ChangeLog).values(
        entity=bindparam("entity"), entity_uuid=bindparam("uuid"), at=bindparam("at")
    ),
]
VALUES = [
    {"centre": "01", "year": 2026},
    {"entity": "act", "uuid": "u" * 36, "at": dt.datetime(2026, 12, 1, 12, 0, 5, 123)},
]


def _by_dict(compiled: _Compiled, values: dict) -> tuple:
    params = dict(compiled.defaults)
    params.update(values)
    for name, proc in compiled.binds.items():
        params[name] = proc(params[name])
    assert compiled.positions is not None
    return tuple(params[name] for name in compiled.positions)


@pytest.mark.parametrize(("stmt", "values"), list(zip(STATEMENTS, VALUES, strict=True)))
def test_positional_parameters_are_the_dict_path_s(stmt, values) -> None:
    compiled = Prepared(stmt)._for(SQLCipherDialect())
    assert compiled.plan is not None
    assert compiled.parameters(values) == _by_dict(compiled, values)


def test_a_value_written_in_the_statement_is_passed_and_a_missing_one_refused() -> None:
    compiled = Prepared(STATEMENTS[0])._for(SQLCipherDialect())
    assert compiled.defaults  # next_number + 1: the literal 1 is a parameter of its own
    assert set(compiled.defaults.values()) <= set(compiled.parameters(VALUES[0]))
    with pytest.raises(KeyError):
        compiled.parameters({"centre": "01"})
    # the datetime goes as SQLAlchemy's SQLite processor writes it (a string)
    at = Prepared(STATEMENTS[1])._for(SQLCipherDialect()).parameters(VALUES[1])[-1]
    assert at == "2026-12-01 12:00:05.000123"
