"""The ``civreg`` command, run as a subprocess like a user or a script would."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "birth-declaration.json"


def civreg(
    *args: str, password: str | None = None, new_password: str | None = None, lang: str = "en"
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("CIVREG_") or k == "CIVREG_DATA_DIR"
    }
    env["CIVREG_LANG"] = lang
    if password is not None:
        env["CIVREG_PASSWORD"] = password
    if new_password is not None:
        env["CIVREG_NEW_PASSWORD"] = new_password
    return subprocess.run(
        [sys.executable, "-m", "civreg", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )


def digest(folder: Path) -> dict[str, str]:
    """Every file's hash, but the login-attempt file (it records failures by design)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith((".logins", ".lock"))
    }


def test_init_info_users(tmp_path: Path) -> None:
    store = tmp_path / "s.db"
    r = civreg(
        "init",
        "--store",
        str(store),
        "--country",
        "BF",
        "--commune",
        "11",
        "--centre",
        "01",
        "--office-name",
        "Mairie de Koudougou",
        "--admin",
        "boss",
        password="Harmattan-Fleuve-Sable-5",
    )
    assert r.returncode == 0, r.stderr
    assert "RECOVERY KEY" in r.stdout
    key_line = [ln.strip() for ln in r.stdout.splitlines() if ln.count("-") >= 10]
    assert key_line and len(key_line[0].replace("-", "")) == 52
    r = civreg(
        "init",
        "--store",
        str(store),
        "--country",
        "BF",
        "--commune",
        "11",
        "--centre",
        "01",
        "--office-name",
        "X",
        "--admin",
        "boss",
        password="Harmattan-Fleuve-Sable-5",
    )
    assert r.returncode == 1 and "already exists" in r.stderr

    r = civreg(
        "users",
        "add",
        "--store",
        str(store),
        "--user",
        "boss",
        "awa",
        "--role",
        "clerk",
        "--full-name",
        "Awa KABORE",
        password="Harmattan-Fleuve-Sable-5",
        new_password="Manguier-Riviere-Nuit-3",
    )
    assert r.returncode == 0, r.stderr
    r = civreg(
        "users",
        "list",
        "--store",
        str(store),
        "--user",
        "boss",
        "--json",
        password="Harmattan-Fleuve-Sable-5",
    )
    users = {u["username"]: u["roles"] for u in json.loads(r.stdout)}
    assert users == {"boss": ["admin"], "awa": ["clerk"]}
    # a clerk may not manage users: exit 1, one clear line
    r = civreg(
        "users", "list", "--store", str(store), "--user", "awa", password="Manguier-Riviere-Nuit-3"
    )
    assert r.returncode == 1 and "role" in r.stderr.lower() and r.stderr.count("\n") == 1

    r = civreg(
        "info", "--store", str(store), "--user", "awa", "--json", password="Manguier-Riviere-Nuit-3"
    )
    info = json.loads(r.stdout)
    assert info["office"]["office_id"] == "BF-11-01" and info["counts"]["users"] == 2
    assert "Awa" not in r.stdout and "KABORE" not in r.stdout  # never personal data

    before = digest(tmp_path)
    r = civreg("info", "--store", str(store), "--user", "awa", password="wrong", lang="fr")
    assert r.returncode == 1
    assert r.stderr.strip() == "Nom d'utilisateur ou mot de passe incorrect."
    assert digest(tmp_path) == before

    r = civreg(
        "users",
        "passwd",
        "--store",
        str(store),
        "--user",
        "awa",
        password="Manguier-Riviere-Nuit-3",
        new_password="Nere-Karite-Lune-62",
    )
    assert r.returncode == 0, r.stderr
    assert (
        civreg(
            "info", "--store", str(store), "--user", "awa", password="Nere-Karite-Lune-62"
        ).returncode
        == 0
    )
    r = civreg(
        "users",
        "disable",
        "--store",
        str(store),
        "--user",
        "boss",
        "awa",
        password="Harmattan-Fleuve-Sable-5",
    )
    assert r.returncode == 0
    r = civreg("info", "--store", str(store), "--user", "awa", password="Nere-Karite-Lune-62")
    assert r.returncode == 1 and "disabled" in r.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert civreg("init", "--store", str(tmp_path / "x.db")).returncode == 2
    assert civreg("no-such-command").returncode == 2
    assert not (tmp_path / "x.db").exists()


def test_declare_show_mention_audit(store_path: Path) -> None:
    s = str(store_path)
    bad = json.loads(EXAMPLE.read_text())
    bad["acts"][0]["event_date"] = "2025-02-30"
    bad["acts"][1]["persons"][0]["sex"] = 7
    bad_file = store_path.parent / "bad.json"
    bad_file.write_text(json.dumps(bad))
    before = digest(store_path.parent)
    r = civreg(
        "declare",
        "--store",
        s,
        "--user",
        "registrar",
        str(bad_file),
        "--register",
        password="Tamarin-Nere-Pluie-29",
    )
    assert r.returncode == 1
    # each problem names the act and the field as a clerk does (never act[0] event_date)
    assert "Act no. 1 — Date of the event" in r.stderr
    assert "Act no. 2 — Child — sex" in r.stderr
    assert "event_date" not in r.stderr and "child.sex" not in r.stderr
    assert digest(store_path.parent) == before, "a rejected declaration writes nothing"

    r = civreg(
        "declare",
        "--store",
        s,
        "--user",
        "registrar",
        str(EXAMPLE),
        "--register",
        "--json",
        password="Tamarin-Nere-Pluie-29",
    )
    assert r.returncode == 0, r.stderr
    acts = json.loads(r.stdout)
    assert [a["status"] for a in acts] == ["registered", "registered"]
    assert acts[1]["global_id"] == "BF-11-01-N-1998-000012"  # transcribed: original number

    gid = acts[0]["global_id"]
    r = civreg(
        "show", "--store", s, "--user", "clerk", gid, "--json", password="Karite-Manguier-17"
    )
    shown = json.loads(r.stdout)
    child = next(p for p in shown["data"]["persons"] if p["role"] == "child")
    assert child["given_names"] == "Wendkouni Éléonore"

    r = civreg(
        "mention",
        "add",
        "--store",
        s,
        "--user",
        "registrar",
        gid,
        "--kind",
        "rectification",
        "--date",
        "2025-06-01",
        "--text",
        "Lire « Éléonore » au lieu de « Eleonore ».",
        password="Tamarin-Nere-Pluie-29",
    )
    assert r.returncode == 1 and "authority" in r.stderr.lower()
    r = civreg(
        "mention",
        "add",
        "--store",
        s,
        "--user",
        "registrar",
        gid,
        "--kind",
        "rectification",
        "--date",
        "2025-06-01",
        "--text",
        "Lire « Éléonore » au lieu de « Eleonore ».",
        "--authority",
        "Procureur du Faso près le TGI de Koudougou",
        "--reference",
        "RQ-12/2025",
        password="Tamarin-Nere-Pluie-29",
    )
    assert r.returncode == 0, r.stderr
    assert "rectification" in r.stdout

    r = civreg("audit", "verify", "--store", s, "--user", "admin", password="Harmattan-Baobab-41")
    assert r.returncode == 0 and "intact" in r.stdout


@pytest.mark.slow
def test_demo_store(tmp_path: Path) -> None:
    store = tmp_path / "demo.db"
    r = civreg("demo", "--store", str(store), "--acts", "40", "--seed", "7")
    assert r.returncode == 0, r.stderr
    assert "demo" in r.stdout
    for user in ("admin", "clerk", "registrar", "district"):
        r = civreg("info", "--store", str(store), "--user", user, "--json", password="demo")
        assert r.returncode == 0, (user, r.stderr)
    info = json.loads(r.stdout)
    assert info["office"]["demo"] is True
    total = sum(sum(v.values()) for v in info["counts"]["acts"].values())
    assert total == 40
    r = civreg("demo", "--store", str(store), "--acts", "40")
    assert r.returncode == 0 and "already exists" in r.stdout
