"""Why a batch file is refused: stable reason codes and their French/English messages.

Every refusal by the batch reader is a ``civreg.errors.BatchRejected`` whose ``reason`` is one
of :data:`REASONS` and whose message key is ``batch.<reason>``. Reason codes are part of the
file format contract (docs/batch-format.md): receipts and logs may store them, so they never
change meaning. Message parameters never carry personal data, only positions, counts, office
and key identifiers.
"""

from __future__ import annotations

from civreg.errors import BatchRejected
from civreg.i18n import register

_MESSAGES: dict[str, dict[str, str]] = {
    "truncated": {
        "fr": "Le lot est incomplet (fichier tronqué) : recopiez-le depuis l'original.",
        "en": "The batch is incomplete (truncated file): copy it again from the original.",
    },
    "bad_magic": {
        "fr": "Ce fichier n'est pas un lot civreg.",
        "en": "This file is not a civreg batch.",
    },
    "unsupported_version": {
        "fr": "Version de lot {version} non prise en charge : mettez le logiciel à jour.",
        "en": "Batch format version {version} is not supported: update the software.",
    },
    "malformed_structure": {
        "fr": "La structure du lot est invalide ({detail}).",
        "en": "The batch structure is invalid ({detail}).",
    },
    "malformed_header": {
        "fr": "L'en-tête du lot est invalide ({detail}).",
        "en": "The batch header is invalid ({detail}).",
    },
    "malformed_manifest": {
        "fr": "Le manifeste du lot est invalide ({detail}).",
        "en": "The batch manifest is invalid ({detail}).",
    },
    "unknown_office": {
        "fr": "Lot d'un bureau inconnu ({office_id}).",
        "en": "Batch from an unknown office ({office_id}).",
    },
    "unknown_key": {
        "fr": "Lot signé par une clé inconnue ({key_id}) du bureau {office_id}.",
        "en": "Batch signed by an unknown key ({key_id}) of office {office_id}.",
    },
    "revoked_key": {
        "fr": "Lot signé par une clé révoquée ({key_id}) du bureau {office_id}.",
        "en": "Batch signed by a revoked key ({key_id}) of office {office_id}.",
    },
    "bad_signature": {
        "fr": "La signature du lot est invalide : il a été modifié ou ne vient pas de {office_id}.",
        "en": "The batch signature is invalid: it was altered or does not come from {office_id}.",
    },
    "hash_mismatch": {
        "fr": "Le contenu du lot ne correspond pas à son manifeste signé (fichier altéré).",
        "en": "The batch content does not match its signed manifest (file altered).",
    },
    "wrong_recipient": {
        "fr": "Ce lot est chiffré pour un autre destinataire (clé {recipient_key_id}).",
        "en": "This batch is encrypted for another recipient (key {recipient_key_id}).",
    },
    "cannot_decrypt": {
        "fr": "Impossible de déchiffrer le lot ({detail}).",
        "en": "The batch cannot be decrypted ({detail}).",
    },
    "too_large": {
        "fr": "Le lot dépasse la taille autorisée ({limit} octets).",
        "en": "The batch exceeds the allowed size ({limit} bytes).",
    },
    "malformed_payload": {
        "fr": "Le contenu du lot est invalide ({detail}).",
        "en": "The batch content is invalid ({detail}).",
    },
    "duplicate_record": {
        "fr": "Le lot contient deux fois le même enregistrement ({record_type}, ligne {line}).",
        "en": "The batch contains the same record twice ({record_type}, line {line}).",
    },
}

REASONS: tuple[str, ...] = tuple(_MESSAGES)

register({f"batch.{reason}": texts for reason, texts in _MESSAGES.items()})


def reject(reason: str, **params: object) -> BatchRejected:
    """Build the one error the reader raises; ``reason`` must be a documented code."""
    if reason not in _MESSAGES:
        raise ValueError(f"undocumented batch rejection reason {reason!r}")
    return BatchRejected(reason, **params)
