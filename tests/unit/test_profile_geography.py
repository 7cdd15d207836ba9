"""Geography: shipped BF/CD data, accent-insensitive search, paths, bad CSV rows, 20k places."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from civreg.domain.geography import Geography, GeographyError, Place, fold, load_geography_csv
from civreg.domain.profile import load_profile
from civreg.errors import NotFound


@pytest.fixture(scope="module")
def bf() -> Geography:
    return load_profile("BF").geography


@pytest.fixture(scope="module")
def cd() -> Geography:
    return load_profile("CD").geography


def names(places: list[Place]) -> list[str]:
    return [p.name for p in places]


def test_burkina_map_has_13_regions_and_45_provinces(bf: Geography) -> None:
    assert len(bf.level("region")) == 13
    assert len(bf.level("province")) == 45
    assert len(bf.communes()) > 300
    assert all(p.level == "commune" for p in bf.communes())
    assert load_profile("BF").geography_version == "2012-13-regions"


def test_congo_has_26_provinces_with_iso_codes(cd: Geography) -> None:
    provinces = cd.level("province")
    assert len(provinces) == 26
    assert all(p.code.startswith("CD-") and len(p.code) == 5 for p in provinces)
    assert cd.get("CD-KN").name == "Kinshasa"
    kinshasa_ville = next(p for p in cd.children("CD-KN") if p.level == "ville")
    assert len(cd.children(kinshasa_ville.code)) == 24  # the 24 communes of Kinshasa
    assert {"commune", "secteur", "chefferie"} == {p.level for p in cd.communes()}


def test_search_ignores_accents_and_case(bf: Geography) -> None:
    assert "Ouagadougou" in names(bf.search("ouaga"))
    assert "Ouagadougou" in names(bf.search("OUAGA"))
    assert "Kongoussi" in names(bf.search("kon"))
    assert "Bazèga" in names(bf.search("bazega"))
    assert "Dédougou" in names(bf.search("dedou"))
    assert "Léo" in names(bf.search("LEO"))
    assert "Fada N'Gourma" in names(bf.search("fada n'g"))
    assert "Fada N'Gourma" in names(bf.search("FADA N-G"))


def test_search_finds_a_word_inside_a_name_after_whole_name_matches(bf: Geography) -> None:
    found = bf.search("yalgado")
    assert names(found) == ["CHU Yalgado Ouédraogo"]
    gounghin = bf.search("gounghin")
    # the commune (whole name) and the Ouagadougou quarter are both found
    assert {p.level for p in gounghin} == {"commune", "locality"}


def test_search_in_congo(cd: Geography) -> None:
    found = names(cd.search("kon"))
    assert "Kongo-Central" in found and "Kongolo" in found
    assert names(cd.search("equa")) == ["Équateur"]
    assert "Hôpital de Panzi" in names(cd.search("hopital de p"))
    assert "Chefferie de Bwisha" in names(cd.search("bwisha"))


def test_search_limit_levels_and_within(bf: Geography) -> None:
    assert len(bf.search("o", limit=5)) == 5
    assert bf.search("") == [] and bf.search("   ") == []
    communes_only = bf.search("ouaga", levels=["commune"])
    assert names(communes_only) == ["Ouagadougou"]
    in_ouaga = bf.search("cissin", within="KAD01")
    assert names(in_ouaga) == ["Cissin"]
    assert bf.search("cissin", within="HOU01") == []


def test_path_goes_region_province_commune(bf: Geography) -> None:
    koudougou = bf.search("koudougou", levels=["commune"])[0]
    assert [p.level for p in bf.path(koudougou.code)] == ["region", "province", "commune"]
    assert names(bf.path(koudougou.code)) == ["Centre-Ouest", "Boulkiemdé", "Koudougou"]
    hospital = bf.search("chu yalgado")[0]
    assert names(bf.path(hospital.code))[:3] == ["Centre", "Kadiogo", "Ouagadougou"]
    with pytest.raises(NotFound):
        bf.path("NOPE")
    assert bf.find("NOPE") is None


def test_fold() -> None:
    assert fold("  Ouédraogo ") == "ouedraogo"
    assert fold("Fada N'Gourma") == "fada n gourma"
    assert fold("Kasaï-Oriental") == "kasai oriental"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "geo.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        ("lvl,code,name,parent\n", 1, "header"),
        ("level,code,name,parent_code\nregion,R1,Nord\n", 2, "columns"),
        ("level,code,name,parent_code\nregion,R1,Nord,\nprovince,,Yatenga,R1\n", 3, "empty"),
        ("level,code,name,parent_code\nregion,R1,Nord,\nregion,R1,Sahel,\n", 3, "duplicate"),
        ("level,code,name,parent_code\nregion,R1,Nord,\n\ncommune,C1,Thiou,P9\n", 4, "parent"),
        ("level,code,name,parent_code\nplanet,R1,Nord,\n", 2, "level"),
        ("level,code,name,parent_code\nregion,A,Nord,B\nregion,B,Sahel,A\n", 2, "cycle"),
    ],
)
def test_bad_csv_row_names_its_line(tmp_path: Path, body: str, line: int, reason: str) -> None:
    with pytest.raises(GeographyError) as info:
        load_geography_csv(_write(tmp_path, body), levels=["region", "province", "commune"])
    err = info.value
    assert (err.line, err.reason) == (line, reason)
    assert f"ligne {line}" in err.message("fr") and f"line {line}" in err.message("en")


def test_locality_file_can_hang_on_a_base_geography(tmp_path: Path, bf: Geography) -> None:
    path = _write(tmp_path, "level,code,name,parent_code\nlocality,X1,Nabadogo,BLK01\n")
    extended = load_geography_csv(path, base=bf)
    assert len(extended) == len(bf) + 1
    assert names(extended.path("X1"))[-2:] == ["Koudougou", "Nabadogo"]


def test_twenty_thousand_localities_load_and_answer_prefix_searches(
    tmp_path: Path, bf: Geography
) -> None:
    rng = random.Random(7)
    syllables = [
        "ba",
        "bo",
        "dou",
        "ga",
        "ko",
        "la",
        "ma",
        "né",
        "ou",
        "ré",
        "sa",
        "ti",
        "yé",
        "zo",
        "gou",
        "kié",
        "ssa",
        "ra",
        "wé",
        "pè",
    ]
    communes = [p.code for p in bf.communes()]
    rows = ["level,code,name,parent_code"]
    for i in range(20_000):
        name = "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))).capitalize()
        kind = rng.choice(["", "", "", "CSPS de ", "Quartier "])
        rows.append(f"locality,L{i:05d},{kind}{name},{rng.choice(communes)}")
    path = _write(tmp_path, "\n".join(rows) + "\n")

    start = time.perf_counter()
    geo = load_geography_csv(path, base=bf)
    load_s = time.perf_counter() - start
    assert len(geo) == len(bf) + 20_000

    prefixes = ["ko", "Kié", "oua", "né", "csps de ba", "sa", "z", "gouko", "ouaga"] * 50
    start = time.perf_counter()
    results = [geo.search(p) for p in prefixes]
    per_search_ms = (time.perf_counter() - start) / len(prefixes) * 1000
    print(f"\n20k localities: load {load_s * 1000:.0f} ms, search {per_search_ms:.3f} ms each")

    for prefix, found in zip(prefixes, results, strict=True):
        assert len(found) <= 20
        key = fold(prefix)
        assert all(fold(p.name).startswith(key) or f" {key}" in f" {fold(p.name)}" for p in found)
    # completeness against a brute-force scan, for a prefix with few matches
    expected = {p.code for p in geo if fold(p.name).startswith("gouko")}
    assert {p.code for p in geo.search("gouko", limit=10_000) if p.code in expected} == expected
