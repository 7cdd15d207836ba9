"""Helpers for the durability tests: the real ``civreg`` command in a subprocess, damaged
pages, a real full disk (a small tmpfs in a private mount namespace), act declarations."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

PAGE_SIZE = 4096  # SQLCipher 4 default
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "birth-declaration.json"


def civreg(
    *args: str,
    user_password: str | None = None,
    new_password: str | None = None,
    lang: str = "en",
    timeout: float = 180,
    env_extra: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("CIVREG_") or k == "CIVREG_DATA_DIR"
    }
    env["CIVREG_LANG"] = lang
    if user_password is not None:
        env["CIVREG_PASSWORD"] = user_password
    if new_password is not None:
        env["CIVREG_NEW_PASSWORD"] = new_password
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "civreg", "--lang", lang, *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )


def plain_failure(r: subprocess.CompletedProcess[str]) -> str:
    """Assert a plain failure (exit 1, no traceback) and return its message."""
    assert r.returncode == 1, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr, r.stderr
    assert "sqlite" not in r.stderr.lower() and "sqlalchemy" not in r.stderr.lower(), r.stderr
    return r.stderr.strip()


def birth_declarations(path: Path, count: int = 1) -> Path:
    """A declaration file of ``count`` births (the documented example, without its
    transcription, so it can be registered again and again)."""
    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    act = doc["acts"][0]
    doc["acts"] = [act] * count
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def flip_byte(path: Path, page: int, offset: int = 1000) -> None:
    """Flip one bit inside page ``page`` (1-based) of a database file."""
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * PAGE_SIZE + offset)
        b = fh.read(1)
        fh.seek((page - 1) * PAGE_SIZE + offset)
        fh.write(bytes([b[0] ^ 0x10]))


def full_disk_available() -> str | None:
    """Why a full-disk test cannot run here, or None when it can."""
    if shutil.which("unshare") is None:
        return "no unshare(1) to mount a private tmpfs"
    r = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=1m t $d"],
        capture_output=True,
    )
    if r.returncode != 0:
        return "user namespaces (unshare -rm) are not allowed on this machine"
    return None


def on_full_disk(
    store: Path, out: Path, commands: list[list[str]], *, free_kib: int, size_kib: int = 4096
) -> list[tuple[int, str, str]]:
    """Copy ``store`` (and its key file) onto a fresh tmpfs of ``size_kib`` in a private mount
    namespace, fill it until ``free_kib`` remain, run each ``civreg`` command there, and copy
    the store files back into ``out``. In a command, ``{store}`` stands for the store's path on
    the tmpfs and leading ``NAME=value`` items are environment variables (the password).
    Returns (exit status, stdout, stderr) per command."""
    out.mkdir(parents=True, exist_ok=True)
    q = shlex.quote
    lines = [
        "set -u",
        f'd=$(mktemp -d) && mount -t tmpfs -o size={size_kib}k t "$d" || exit 99',
        f'cp {q(str(store))} {q(str(store))}.keys "$d"/ || exit 98',
        'avail=$(df -k --output=avail "$d" | tail -1)',
        f'head -c $(( (avail - {free_kib}) * 1024 )) /dev/zero > "$d/filler" 2>/dev/null',
    ]
    for i, cmd in enumerate(commands):
        env_items = [c for c in cmd if "=" in c.split(" ")[0] and c.split("=")[0].isupper()]
        args = [c for c in cmd if c not in env_items]
        words = [
            a.replace("{store}", f'"$d/{store.name}"') if "{store}" in a else q(a) for a in args
        ]
        o = q(str(out / f"cmd{i}"))
        prefix = " ".join(q(e) for e in env_items)
        lines.append(
            f"{prefix} {q(sys.executable)} -m civreg --lang en {' '.join(words)}"
            f" >{o}.out 2>{o}.err; echo $? >{o}.rc"
        )
    lines.append('rm -f "$d/filler"')
    lines.append(f'cp "$d/{store.name}" "$d/{store.name}.keys" {q(str(out))}/')
    lines.append(f'[ -e "$d/{store.name}-wal" ] && cp "$d/{store.name}-wal" {q(str(out))}/')
    lines.append("true")
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("CIVREG_") or k == "CIVREG_DATA_DIR"
    }
    env["CIVREG_LANG"] = "en"
    r = subprocess.run(
        ["unshare", "-rm", "sh", "-c", "\n".join(lines)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    results = []
    for i in range(len(commands)):
        base = out / f"cmd{i}"
        results.append(
            (
                int(Path(f"{base}.rc").read_text().strip()),
                Path(f"{base}.out").read_text(),
                Path(f"{base}.err").read_text(),
            )
        )
    return results


def downgrade_as_previous_version(engine, signing_key, revision: str) -> None:
    """Bring a store down to schema ``revision`` as the previous version of civreg left it.

    Alembic's downgrade drops what the newer schema added, the seals' ranges included; the
    seals are then signed again the way that version signed them (a version 1 seal message)
    and the office key is kept as that version kept it (not under the vault key), so that the
    store reads as one that version made (``engine``: an open store's engine;
    ``signing_key``: the office's Ed25519 private key)."""
    from alembic import command

    from civreg.models import migrate
    from civreg.security.audit import seal_message

    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(audit_seals)")}
        if "from_seq" in columns:
            return  # a version after the seal ranges and the vault (0007): nothing to redo
        seals = conn.exec_driver_sql("SELECT id, seq, head_hash, reason FROM audit_seals").all()
        for seal_id, seq, head, reason in seals:
            signature = signing_key.sign(seal_message(None, seq, head, reason))
            conn.exec_driver_sql(
                "UPDATE audit_seals SET signature = ? WHERE id = ?", (signature, seal_id)
            )
        raw = signing_key.private_bytes_raw()
        (key_id,) = conn.exec_driver_sql("SELECT key_id FROM office").one()
        conn.exec_driver_sql("UPDATE office SET signing_key = ?", (raw,))
        conn.exec_driver_sql(
            "UPDATE own_keys SET private_key = ? WHERE key_id = ? AND private_key IS NOT NULL",
            (raw, key_id),
        )
