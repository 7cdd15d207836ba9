"""orjson where it is exact, the reference json elsewhere: same values, same bytes, same
refusals as ``parse_json_text`` and ``security.audit.content_hash`` (record_json)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from civreg.exchange.act_rows import content_hash
from civreg.security.audit import content_hash as reference_hash
from civreg.sync.format import parse_json_text
from civreg.sync.record_json import hash_bytes, parse_line


def same(a: Any, b: Any) -> bool:
    """Equal values of the same types all the way down (1 == 1.0 == True are not the same)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def reference_parse(line: bytes) -> Any:
    return parse_json_text(line.decode("utf-8"))


def reference_bytes(value: Any) -> bytes:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return text.encode("utf-8")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()  # unbounded: past 64 bits too
    | st.integers(min_value=-(2**64), max_value=2**64)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),  # every code point, lone surrogates included
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=25,
)


@settings(max_examples=600, deadline=None)
@given(value=json_values, ascii_only=st.booleans())
def test_a_line_parses_to_what_the_reference_gives(value: Any, ascii_only: bool) -> None:
    try:
        line = json.dumps(value, ensure_ascii=ascii_only).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate written raw is not UTF-8: tried below
        return
    assert same(parse_line(line), reference_parse(line))


@settings(max_examples=600, deadline=None)
@given(value=json_values)
def test_content_hashes_the_reference_bytes(value: Any) -> None:
    content = {"details": value, "kind": "birth", "year": 2026}
    assert hash_bytes(content) == reference_bytes(content)
    assert content_hash(content) == reference_hash(content)


@pytest.mark.parametrize(
    "text",
    [
        "12345678901234567890",  # past 64 bits: orjson would give a float
        "-9223372036854775809",
        "18446744073709551616",
        "[1, 123456789012345678901234567890]",
        '{"n": -99999999999999999999999, "s": "x"}',
        "9007199254740993",
        "1e400",  # json: inf, orjson refuses
        "-1e400",
        '"\\ud800"',  # an escaped lone surrogate: json accepts it
        '"\\udc00\\ud800x"',
        '{"a": 1, "a": 2}',  # the last one wins in both
        "0.1",
        "1E5",
        "-0",
        "-0.0",
        '"\\u0000\\u001f\\u2028\\ud83d\\ude00"',
        '"é\\"\\\\/"',
    ],
)
def test_edge_values_match(text: str) -> None:
    line = text.encode("utf-8")
    assert same(parse_line(line), reference_parse(line))


@pytest.mark.parametrize(
    "line",
    [
        b"",
        b"   ",
        b"[1,]",
        b'{"a":1}x',
        b"NaN",
        b"[Infinity]",
        b"-Infinity",
        b'"a\x01b"',  # a raw control character in a string
        b"\xef\xbb\xbf{}",  # a BOM
        b'"\xed\xa0\x80"',  # a surrogate encoded in UTF-8
        b'{"a":"\xff"}',  # not UTF-8
        b"01",
        b"[" * 3000 + b"]" * 3000,  # too deep for both
        b"{'a': 1}",
    ],
)
def test_refusals_are_the_reference_ones(line: bytes) -> None:
    with pytest.raises(Exception) as expected:
        reference_parse(line)
    with pytest.raises(type(expected.value)):
        parse_line(line)


def test_encoding_edge_values() -> None:
    for value in [
        {"f": 1e16, "g": 1e-7, "h": 0.1, "i": -0.0},  # orjson writes 1e16, json 1e+16
        {"big": 2**64, "neg": -(2**63) - 1},  # orjson refuses
        {"s": "".join(map(chr, range(0x800))) + "\u2028\u2029\ufeff\U0001f600"},
        {"é": 1, "e": 2, "Z": 3, "\U0001f600": 4, "\uffff": 5},  # key order by code point
        {"nested": [{"b": True, "a": None}, []]},
    ]:
        assert hash_bytes(value) == reference_bytes(value)


def test_every_code_point_escapes_as_the_reference() -> None:
    text = "".join(chr(i) for i in range(0x10000) if not 0xD800 <= i < 0xE000)
    assert hash_bytes({"s": text}, checked=True) == reference_bytes({"s": text})
