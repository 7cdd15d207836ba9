"""The victim of the crash harness: one operation, repeated, in its own process.

    python -m tests.crash_harness.driver OP WORKDIR TAG

Prints ``ready`` once warmed up (logged in; for repeated operations, after a first unit of
work), and one line per unit of work *after* it returned (what a user would have been
told), flushed at once so that a SIGKILL loses none of them:
``act <uuid> <number>``, ``mention <text>``, ``batch <sequence> <sha256>``,
``imported <sequence> <status>``, ``passwd <new password>``, ``backup <path>``,
``restored <path>``, ``upgraded``. ``TAG`` keeps each run's texts and names apart.
"""

from __future__ import annotations

import itertools
import sys
from datetime import date
from pathlib import Path

from tests.crash_harness.setup import PW, RECEIVED, TODAY, act_input


def say(*words: object) -> None:
    sys.stdout.write(" ".join(str(w) for w in words) + "\n")
    sys.stdout.flush()


_ready = []


def ready_once() -> None:
    """Looping operations say ``ready`` after a first unit of work: the kill window then
    covers the operation itself, not the start-up of Python."""
    if not _ready:
        _ready.append(1)
        say("ready")


def main(op: str, work: Path, tag: str) -> None:
    from civreg.services.store_access import login

    store = work / "store.db"
    if op == "migrate":
        say("ready")
        login(store, "admin", PW).close()  # the upgrade runs at login
        say("upgraded")
        return
    if op == "restore":
        from civreg.services.restore import restore_backup

        backup = next((work / "backups").iterdir())
        say("ready")
        for i in itertools.count():
            target = work / "targets" / f"t{i % 3}.db"
            restore_backup(
                backup, target, username="admin", password=PW, replace=True, accept_older=True
            )
            say("restored", target)
    user = {"register": "registrar", "mention": "registrar", "export": "registrar",
            "import": "officer", "passwd": "admin", "backup": "admin"}[op]  # fmt: skip
    ctx = login(store, user, PW)
    if op == "import":
        say("ready")
    if op == "register":
        from civreg.services.drafts import create_draft
        from civreg.services.registration import register_act

        for i in itertools.count():
            v = register_act(ctx, create_draft(ctx, act_input(i), today=RECEIVED).id, today=TODAY)
            say("act", v.uuid, v.global_id)
            ready_once()
    elif op == "mention":
        import json

        from civreg.services.mentions import add_mention

        ids = json.loads((work / "acts.json").read_text())
        for i in itertools.count():
            text = f"Mention {tag}-{i}"
            add_mention(
                ctx, ids[i % len(ids)], kind="rectification", when="2025-06-20", text=text,
                authority="Tribunal de Koudougou", reference=f"J-{tag}-{i}",
                today=date(2025, 6, 21),
            )  # fmt: skip
            say("mention", text)
            ready_once()
    elif op == "export":
        from civreg.services.drafts import create_draft
        from civreg.services.registration import register_act
        from civreg.services.transmission import export_batch

        out = work / "out"
        for i in itertools.count():
            register_act(ctx, create_draft(ctx, act_input(i), today=RECEIVED).id, today=TODAY)
            r = export_batch(ctx, out / f"batch-{tag}-{i}.civreg-batch")
            say("batch", r.sequence, r.sha256)
            ready_once()
    elif op == "import":
        from civreg.services.transmission import import_batches

        for path in sorted((work / "incoming").iterdir()):
            report = import_batches(ctx, [path], receipt_dir=work / "receipts")
            for b in report.batches:
                say("imported", b.sequence, b.status)
        say("done")
    elif op == "passwd":
        from civreg.security.keyfile import FAST_KDF
        from civreg.services.users import change_password

        for i in itertools.count(1):
            change_password(ctx, "clerk", f"Savane-{tag}-Baobab-{i}", kdf=FAST_KDF)
            say("passwd", f"Savane-{tag}-Baobab-{i}")
            ready_once()
    elif op == "backup":
        from civreg.services.backup import create_backup

        while True:
            r = create_backup(ctx, work / "out")
            say("backup", r.path)
            ready_once()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "0")
