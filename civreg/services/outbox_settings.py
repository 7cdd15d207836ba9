"""Outbox settings: where the district's intake service is, whom to trust, how to reach it.

Kept in the store (``settings`` table, key ``outbox``) so that the desktop client and
``civreg send`` use the same; the CA certificate is kept as PEM text, not as a path that a
moved laptop would lose.
"""

from __future__ import annotations

import ipaddress
import ssl
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from civreg.errors import CivregError
from civreg.i18n import register

KEY = "outbox"

register(
    {
        "outbox.bad_endpoint": {
            "fr": "Adresse du service de réception invalide : {detail}.",
            "en": "Invalid intake service address: {detail}.",
        },
        "outbox.plain_http": {
            "fr": "L'adresse du service doit commencer par https:// (http:// n'est permis que "
            "sur cette machine).",
            "en": "The service address must start with https:// (http:// is allowed only on "
            "this machine).",
        },
        "outbox.bad_ca": {
            "fr": "Le certificat d'autorité fourni n'est pas un certificat PEM valide.",
            "en": "The CA certificate given is not a valid PEM certificate.",
        },
        "outbox.bad_proxy": {
            "fr": "Adresse de proxy invalide (attendu : http://hôte:port).",
            "en": "Invalid proxy address (expected: http://host:port).",
        },
        "outbox.not_configured": {
            "fr": "Aucun service de réception n'est configuré (civreg outbox set --endpoint …).",
            "en": "No intake service is configured (civreg outbox set --endpoint …).",
        },
    }
)


@dataclass(frozen=True)
class OutboxSettings:
    endpoint: str = ""  # https://district.example/ (the service's base address)
    ca_pem: str = ""  # CA or self-signed server certificate to trust ("" = system CAs)
    proxy: str = ""  # http://proxy:3128 ("" = direct connection)
    enabled: bool = True  # the desktop client sends in the background

    @property
    def configured(self) -> bool:
        return bool(self.endpoint)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: Any) -> OutboxSettings:
        if not isinstance(value, dict):
            return cls()
        known = {k: value[k] for k in ("endpoint", "ca_pem", "proxy", "enabled") if k in value}
        return cls(**known)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check(settings: OutboxSettings) -> OutboxSettings:
    """Validate; returns the settings with the endpoint normalised (no trailing slash)."""
    endpoint = settings.endpoint.strip().rstrip("/")
    if endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CivregError("outbox.bad_endpoint", detail=endpoint[:80])
        if parts.query or parts.fragment or parts.username or parts.password:
            raise CivregError("outbox.bad_endpoint", detail=endpoint[:80])
        if parts.scheme == "http" and not _loopback(parts.hostname):
            raise CivregError("outbox.plain_http")
    if settings.ca_pem.strip():
        try:
            ssl.create_default_context(cadata=settings.ca_pem)
        except (ssl.SSLError, ValueError):
            raise CivregError("outbox.bad_ca") from None
    proxy = settings.proxy.strip()
    if proxy:
        parts = urlsplit(proxy)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CivregError("outbox.bad_proxy")
    return OutboxSettings(endpoint, settings.ca_pem.strip(), proxy, settings.enabled)
