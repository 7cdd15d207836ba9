"""``civreg-intake``: run the intake service of a district or national PostgreSQL store.

    civreg-intake --store postgresql://civreg@db/district --user intake \
                  --listen 0.0.0.0:8443 --tls-cert cert.pem --tls-key key.pem

The service logs in as ``--user`` (a ``district`` account; password from
``--password-file``, ``$CIVREG_PASSWORD`` or a prompt), so every import is audited under that
name. Several processes may serve one store (behind a load balancer, or on several ports):
uploads and imports are coordinated in the database.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from civreg.errors import CivregError
from civreg.intake.limits import MIB, IntakeConfig
from civreg.intake.logs import event, setup


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="civreg-intake", description=__doc__.split("\n\n")[0])
    p.add_argument("--store", required=True, help="postgresql://USER@HOST[:PORT]/DB")
    p.add_argument("--user", default="intake", help="the service's account (role district)")
    p.add_argument("--password-file", type=Path, help="file holding the account's password")
    p.add_argument("--listen", default="127.0.0.1:8443", help="HOST:PORT (default %(default)s)")
    p.add_argument("--tls-cert", type=Path, help="server certificate chain (PEM)")
    p.add_argument("--tls-key", type=Path, help="server private key (PEM)")
    p.add_argument(
        "--max-batch-mib", type=int, default=64, help="largest batch accepted (reader rule: 64)"
    )
    p.add_argument("--max-request-mib", type=int, default=8, help="largest request body")
    p.add_argument("--max-spool-mib", type=int, default=4096, help="unfinished uploads held")
    p.add_argument("--rate", type=float, default=10.0, help="requests/s per client address")
    p.add_argument("--burst", type=int, default=60, help="requests at once per client address")
    p.add_argument("--stale-days", type=int, default=7, help="forget unfinished uploads after")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    return p


def _password(args: argparse.Namespace) -> str:
    if args.password_file:
        return args.password_file.read_text(encoding="utf-8").strip()
    from civreg.commands.common import read_password

    return read_password(args.user)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    log = setup(args.log_level)
    host, _, port = args.listen.rpartition(":")
    if not host or not port.isdigit():
        sys.stderr.write("--listen takes HOST:PORT\n")
        return 2
    if bool(args.tls_cert) != bool(args.tls_key):
        sys.stderr.write("--tls-cert and --tls-key go together\n")
        return 2
    try:
        import uvicorn

        from civreg.intake.app import create_app
    except ImportError:
        sys.stderr.write("civreg-intake needs the 'intake' extra: pip install 'civreg[intake]'\n")
        return 2
    from civreg.locations import is_url
    from civreg.services.intake import expire_uploads
    from civreg.services.store_access import login

    if not is_url(args.store):
        sys.stderr.write("civreg-intake serves a PostgreSQL store (--store postgresql://…)\n")
        return 2
    config = IntakeConfig(
        max_batch_bytes=args.max_batch_mib * MIB,
        max_request_bytes=args.max_request_mib * MIB,
        max_spool_bytes=args.max_spool_mib * MIB,
        rate_per_second=args.rate,
        burst=args.burst,
        stale_after=timedelta(days=args.stale_days),
    )
    try:
        ctx = login(args.store, args.user, _password(args))
        ctx.require("batch.import")
        expired = expire_uploads(ctx, config.stale_after)
    except CivregError as exc:
        sys.stderr.write(exc.message().rstrip() + "\n")
        return 1
    event(
        log,
        "service.start",
        office=ctx.office.office_id,
        listen=args.listen,
        tls=bool(args.tls_cert),
        pid=os.getpid(),
        expired_uploads=expired,
    )
    app = create_app(ctx, config, log)
    try:
        uvicorn.run(
            app,
            host=host,
            port=int(port),
            ssl_certfile=str(args.tls_cert) if args.tls_cert else None,
            ssl_keyfile=str(args.tls_key) if args.tls_key else None,
            access_log=False,  # our own events: no client address, no personal data
            log_level=logging.getLevelName(max(logging.WARNING, log.level)).lower(),
            timeout_keep_alive=15,
            h11_max_incomplete_event_size=64 * 1024,
        )
    finally:
        event(log, "service.stop", office=ctx.office.office_id)
        ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
