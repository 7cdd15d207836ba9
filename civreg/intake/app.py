"""The HTTP side of the intake service (Starlette): routes, limits, errors, logs.

Protocol (version 1, docs/transmission.md "Online"): a batch is uploaded to
``/v1/batches/{sha256}``, named by the SHA-256 of its bytes, in one or more
``PATCH`` requests carrying ``Upload-Offset`` and ``Upload-Length``; ``GET`` on the same
address says how far it went; when the last byte is in, the batch is imported and the
response carries the signed receipt, also served at ``/v1/batches/{sha256}/receipt``.
A request cut off mid-body keeps the bytes that arrived: the client asks where it stands and
continues from there.
"""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from civreg.errors import BatchRejected, CivregError
from civreg.exchange.importer import Limits
from civreg.intake.limits import IntakeConfig, RateLimiter
from civreg.intake.logs import event
from civreg.services import intake as svc
from civreg.services.context import Ctx
from civreg.sync.prefix import MAX_PREFIX, authenticate

PROTOCOL = 1
SHA256 = re.compile(r"^[0-9a-f]{64}$")

# Reason codes of a refused batch -> HTTP status.
STATUS_OF_REASON = {
    "unknown_office": 403,
    "unknown_key": 403,
    "revoked_key": 403,
    "bad_signature": 403,
    "own_batch": 409,
    "sequence_conflict": 409,
    "too_large": 413,
}


def _error(status: int, reason: str, message: str = "", **extra: Any) -> JSONResponse:
    body = {"error": reason, "message": message or reason, **extra}
    headers = {}
    if "retry_after" in extra:
        headers["Retry-After"] = str(max(1, round(extra["retry_after"])))
    return JSONResponse(body, status_code=status, headers=headers)


def _rejected(exc: BatchRejected) -> JSONResponse:
    return _error(
        STATUS_OF_REASON.get(exc.reason, 422),
        exc.reason,
        exc.message("en"),
        message_fr=exc.message("fr"),
    )


class TooLarge(Exception):
    pass


async def _read_body(request: Request, limit: int) -> tuple[bytes, bool]:
    """The request body, and whether it arrived whole (False: the client went away)."""
    buf = bytearray()
    try:
        async for chunk in request.stream():
            buf += chunk
            if len(buf) > limit:
                raise TooLarge()
    except ClientDisconnect:
        return bytes(buf), False
    return bytes(buf), True


def _int_header(request: Request, name: str) -> int | None:
    value = request.headers.get(name, "")
    return int(value) if value.isdigit() and len(value) < 19 else None


def _view_json(view: svc.UploadView) -> dict[str, Any]:
    return {
        "sha256": view.sha256,
        "status": view.status,
        "offset": view.offset,
        "length": view.length,
        "office_id": view.office_id,
        "sequence": view.sequence,
    }


def _done_json(d: svc.Delivered) -> dict[str, Any]:
    return {**_view_json(d.view), "quarantined": d.quarantined, "receipt": d.receipt.decode()}


def create_app(ctx: Ctx, config: IntakeConfig, log: logging.Logger) -> Starlette:
    """The application for one logged-in store session (role ``district`` or ``admin``)."""
    limiter = RateLimiter(config.rate_per_second, config.burst)
    limits = Limits(max_payload_bytes=config.max_batch_bytes, max_file_bytes=config.max_batch_bytes)

    def limited(request: Request) -> JSONResponse | None:
        host = request.client.host if request.client else "?"
        wait = limiter.retry_after(host)
        if wait > 0:
            event(log, "request.limited", logging.WARNING, path=request.url.path)
            return _error(429, "rate_limited", "Too many requests", retry_after=wait)
        return None

    async def health(_request: Request) -> Response:
        from civreg.models import migrate

        try:
            revision = await run_in_threadpool(migrate.current_revision, ctx.store.engine)
        except Exception:
            event(log, "health.database_down", logging.ERROR)
            return _error(503, "database_unavailable", "The store does not answer")
        return JSONResponse(
            {
                "status": "ok",
                "protocol": PROTOCOL,
                "office_id": ctx.office.office_id,
                "level": ctx.office.level,
                "schema": revision,
            }
        )

    async def state(request: Request) -> Response:
        if (refused := limited(request)) is not None:
            return refused
        sha = request.path_params["sha"]
        if not SHA256.match(sha):
            return _error(400, "bad_batch_id", "The batch id is a lowercase SHA-256")
        view = await run_in_threadpool(svc.upload_state, ctx, sha)
        if view is None:
            return JSONResponse({"sha256": sha, "status": "unknown", "offset": 0}, 404)
        return JSONResponse(_view_json(view))

    async def receipt(request: Request) -> Response:
        if (refused := limited(request)) is not None:
            return refused
        sha = request.path_params["sha"]
        if not SHA256.match(sha):
            return _error(400, "bad_batch_id", "The batch id is a lowercase SHA-256")
        data = await run_in_threadpool(svc.receipt_for, ctx, sha)
        if data is None:
            return _error(404, "no_receipt", "No batch with this id was imported here")
        return Response(data, media_type="application/json")

    async def upload(request: Request) -> Response:
        if (refused := limited(request)) is not None:
            return refused
        started = time.perf_counter()
        sha = request.path_params["sha"]
        if not SHA256.match(sha):
            return _error(400, "bad_batch_id", "The batch id is a lowercase SHA-256")
        offset = _int_header(request, "upload-offset")
        length = _int_header(request, "upload-length")
        if offset is None or length is None or length == 0 or offset > length:
            return _error(400, "bad_request", "Upload-Offset and Upload-Length are required")
        if length > config.max_batch_bytes:
            return _error(413, "too_large", f"Batches are limited to {config.max_batch_bytes} B")
        fields: dict[str, Any] = {"batch": sha[:16], "offset": offset, "length": length}
        try:
            view = await run_in_threadpool(svc.upload_state, ctx, sha)
            if view is not None and view.done:
                delivered = await run_in_threadpool(svc.finish_upload, ctx, sha, limits)
                event(log, "batch.known", **fields, status=delivered.view.status)
                return JSONResponse(_done_json(delivered))
            if view is None and offset != 0:
                return _error(409, "offset_mismatch", "Start from offset 0", offset=0)
            if view is not None and view.offset != offset:  # say so before reading the body
                event(log, "upload.offset_mismatch", **fields, at=view.offset)
                return _error(409, "offset_mismatch", "Continue from offset", offset=view.offset)
            if view is None:
                room = config.max_spool_bytes - await run_in_threadpool(svc.spooled_bytes, ctx)
                if length > room:
                    event(log, "spool.full", logging.WARNING, **fields)
                    return _error(503, "busy", "Too many uploads in progress", retry_after=60)
            body, whole = await _read_body(request, config.max_request_bytes)
            if view is None:
                trust = await run_in_threadpool(svc.trust_of, ctx)
                prefix = authenticate(body, trust)
                if prefix is None:
                    if whole and len(body) < min(length, MAX_PREFIX):
                        return _error(
                            400, "prefix_incomplete", "The first request must carry the header"
                        )
                    event(log, "upload.cut_before_header", **fields, received=len(body))
                    return JSONResponse({"sha256": sha, "status": "unknown", "offset": 0}, 409)
                fields.update(office=prefix.header.office_id, sequence=prefix.header.sequence)
                view = await run_in_threadpool(svc.begin_upload, ctx, sha, prefix, length)
                if view.done:
                    delivered = await run_in_threadpool(svc.finish_upload, ctx, sha, limits)
                    event(log, "batch.known", **fields, status=delivered.view.status)
                    return JSONResponse(_done_json(delivered))
            else:
                fields.update(office=view.office_id, sequence=view.sequence)
            view = await run_in_threadpool(svc.append_chunk, ctx, sha, offset, body)
            fields.update(received=len(body), whole=whole)
            if view.offset < view.length:
                event(log, "upload.chunk", **fields, at=view.offset)
                return JSONResponse(_view_json(view))
            delivered = await run_in_threadpool(svc.finish_upload, ctx, sha, limits)
            fields.update(status=delivered.view.status, quarantined=delivered.quarantined)
            fields["ms"] = round((time.perf_counter() - started) * 1000)
            event(log, "batch.imported" if delivered.fresh else "batch.known", **fields)
            return JSONResponse(_done_json(delivered))
        except svc.OffsetMismatch as exc:
            event(log, "upload.offset_mismatch", **fields, at=exc.offset)
            return _error(409, "offset_mismatch", "Continue from offset", offset=exc.offset)
        except TooLarge:
            event(log, "upload.request_too_large", logging.WARNING, **fields)
            return _error(413, "request_too_large", "Send smaller pieces")
        except BatchRejected as exc:
            event(log, "batch.rejected", logging.WARNING, **fields, reason=exc.reason)
            return _rejected(exc)
        except CivregError as exc:
            event(log, "upload.refused", logging.WARNING, **fields, reason=exc.key)
            return _error(403 if exc.key == "error.permission" else 422, exc.key, exc.message("en"))

    async def crashed(_request: Request, exc: Exception) -> Response:
        event(log, "internal_error", logging.ERROR, error=type(exc).__name__)
        return _error(500, "internal_error", "The service failed; the batch can be sent again")

    return Starlette(
        exception_handlers={Exception: crashed},
        routes=[
            Route("/v1/health", health, methods=["GET"]),
            Route("/v1/batches/{sha}", state, methods=["GET"]),
            Route("/v1/batches/{sha}", upload, methods=["PATCH"]),
            Route("/v1/batches/{sha}/receipt", receipt, methods=["GET"]),
        ],
    )
