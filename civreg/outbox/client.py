"""The intake protocol from the commune's side, over stdlib ``urllib`` (HTTPS, a CA of the
office's choosing, an optional HTTP proxy). See ``civreg.intake.app`` for the server."""

from __future__ import annotations

import http.client
import json
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from civreg.services.outbox_settings import OutboxSettings

TIMEOUT = 20.0  # seconds without a byte moving before a request is given up


class LinkDown(Exception):
    """The service could not be reached or the connection broke: try again later."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Busy(LinkDown):
    """The service answered but asked to come back later (429, 5xx)."""

    def __init__(self, reason: str, retry_after: float) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class Refused(Exception):
    """The service refused the batch (a reason code of the import, e.g. ``unknown_office``)."""

    def __init__(self, reason: str, message: str, status: int) -> None:
        super().__init__(reason)
        self.reason, self.message, self.status = reason, message, status


@dataclass(frozen=True)
class Answer:
    """``kind``: ``progress`` (continue at ``offset``), ``done`` (imported: ``receipt``),
    or ``unknown`` (the service has nothing of it: start at 0)."""

    kind: str
    offset: int = 0
    status: str = ""
    receipt: bytes = b""
    quarantined: int = 0


DONE = ("imported", "sealed", "already_imported")


def _answer(doc: dict[str, Any]) -> Answer:
    status = str(doc.get("status", ""))
    if status in DONE:
        return Answer(
            "done",
            int(doc.get("length") or 0),
            status,
            str(doc.get("receipt", "")).encode(),
            int(doc.get("quarantined") or 0),
        )
    if status == "unknown":
        return Answer("unknown", 0)
    return Answer("progress", int(doc.get("offset") or 0), status)


class IntakeClient:
    def __init__(self, settings: OutboxSettings, *, timeout: float = TIMEOUT) -> None:
        self.base = settings.endpoint.rstrip("/") + "/v1"
        self.timeout = timeout
        context = ssl.create_default_context(cadata=settings.ca_pem or None)
        if not settings.ca_pem:
            context = ssl.create_default_context()
        proxies = {"http": settings.proxy, "https": settings.proxy} if settings.proxy else {}
        self._opener = urllib.request.build_opener(
            urllib.request.ProxyHandler(proxies), urllib.request.HTTPSHandler(context=context)
        )

    def _call(
        self, method: str, path: str, body: bytes | None = None, headers: dict | None = None
    ) -> tuple[int, bytes]:
        req = urllib.request.Request(
            self.base + path, data=body, method=method, headers=headers or {}
        )
        req.add_header("User-Agent", "civreg-outbox/1")
        try:
            with self._opener.open(req, timeout=self.timeout) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            try:
                data = exc.read()
            except (OSError, http.client.HTTPException):
                data = b""
            return exc.code, data
        except ssl.SSLCertVerificationError:
            raise Refused("tls_untrusted", "the server's certificate is not trusted", 0) from None
        except (TimeoutError, urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, ssl.SSLCertVerificationError):
                raise Refused(
                    "tls_untrusted", "the server's certificate is not trusted", 0
                ) from None
            raise LinkDown(type(reason).__name__) from None

    @staticmethod
    def _json(data: bytes) -> dict[str, Any]:
        try:
            doc = json.loads(data or b"{}")
        except ValueError:
            return {}
        return doc if isinstance(doc, dict) else {}

    def _check(self, status: int, data: bytes) -> dict[str, Any]:
        doc = self._json(data)
        if status in (429, 500, 502, 503, 504):
            raise Busy(f"http_{status}", float(doc.get("retry_after") or 5))
        if status >= 400 and status not in (404, 409):
            reason = str(doc.get("error") or f"http_{status}")
            raise Refused(reason, str(doc.get("message") or ""), status)
        return doc

    def health(self) -> dict[str, Any]:
        status, data = self._call("GET", "/health")
        return self._check(status, data)

    def state(self, sha256: str) -> Answer:
        status, data = self._call("GET", f"/batches/{sha256}")
        doc = self._check(status, data)
        if status == 404:
            return Answer("unknown", 0)
        if status == 409:
            raise Refused(str(doc.get("error")), str(doc.get("message")), status)
        answer = _answer(doc)
        if answer.kind == "done":
            receipt = self.receipt(sha256)
            return Answer("done", answer.offset, answer.status, receipt or b"")
        return answer

    def send(self, sha256: str, offset: int, length: int, piece: bytes) -> Answer:
        headers = {
            "Upload-Offset": str(offset),
            "Upload-Length": str(length),
            "Content-Type": "application/offset+octet-stream",
        }
        status, data = self._call("PATCH", f"/batches/{sha256}", piece, headers)
        doc = self._check(status, data)
        if status == 409:
            if doc.get("error") == "offset_mismatch" or doc.get("status") == "unknown":
                return Answer("progress", int(doc.get("offset") or 0))
            raise Refused(str(doc.get("error")), str(doc.get("message")), status)
        if status == 404:
            return Answer("unknown", 0)
        return _answer(doc)

    def receipt(self, sha256: str) -> bytes | None:
        status, data = self._call("GET", f"/batches/{sha256}/receipt")
        self._check(status, data)
        return data if status == 200 else None
