"""Why a batch or a receipt is refused: the one catalogue of reason codes and messages.

Every refusal of a batch is a ``civreg.errors.BatchRejected`` whose ``reason`` is documented
here and whose message key is ``batch.<reason>``: the reader refuses with one of
:data:`REASONS` (format, trust, integrity), the importer with one of :data:`IMPORT_REASONS`
(what the batch says conflicts with the store). Reason codes are part of the contract
(docs/batch-format.md, docs/transmission.md): receipts and logs may store them, so they never
change meaning. A receipt is refused with a :class:`ReceiptRejected`. Message parameters never
carry personal data, only positions, counts, office, key and record identifiers.
"""

from __future__ import annotations

from civreg.errors import BatchRejected, CivregError
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
    "record_too_long": {
        "fr": "Un enregistrement du lot dépasse la taille autorisée (ligne {line}, plus de "
        "{limit} octets).",
        "en": "A record of the batch exceeds the allowed size (line {line}, over {limit} bytes).",
    },
    "too_many_records": {
        "fr": "Le lot annonce {count} enregistrements, plus que les {limit} autorisés par lot : "
        "faites-le renvoyer en plusieurs lots.",
        "en": "The batch declares {count} records, more than the {limit} allowed per batch: "
        "have it sent again as several batches.",
    },
    "duplicate_record": {
        "fr": "Le lot contient deux fois le même enregistrement ({record_type}, ligne {line}).",
        "en": "The batch contains the same record twice ({record_type}, line {line}).",
    },
}

_IMPORT_MESSAGES: dict[str, dict[str, str]] = {
    "rolled_back": {
        "fr": "Le registre du bureau {office_id} est revenu en arrière : le lot n° {sequence} "
        "a été fait depuis une copie plus ancienne de son registre que le lot du même numéro "
        "déjà reçu. Contactez le bureau : son administrateur doit lancer « civreg audit "
        "status ».",
        "en": "The store of office {office_id} went backwards: batch no. {sequence} was made "
        "from an older copy of its store than the batch of the same number already received. "
        "Contact the office: its administrator must run 'civreg audit status'.",
    },
    "sequence_conflict": {
        "fr": "Le lot n° {sequence} du bureau {office_id} a déjà été reçu avec un autre "
        "contenu : ce fichier n'est pas l'original.",
        "en": "Batch no. {sequence} of office {office_id} was already received with other "
        "content: this file is not the original.",
    },
    "own_batch": {
        "fr": "Ce lot vient de ce bureau même ({office_id}) : il ne s'importe pas ici.",
        "en": "This batch comes from this very office ({office_id}): it is not imported here.",
    },
    "number_conflict": {
        "fr": "Le lot attribue le numéro {number} du registre {register} à deux actes "
        "différents ({first} et {second}).",
        "en": "The batch gives number {number} of register {register} to two different "
        "acts ({first} and {second}).",
    },
    "foreign_record": {
        "fr": "Le lot du bureau {office_id} contient un acte d'un autre bureau ({record}).",
        "en": "The batch of office {office_id} contains an act of another office ({record}).",
    },
    "invalid_record": {
        "fr": "Enregistrement {record_type} invalide dans le lot ({record}) : {detail}.",
        "en": "Invalid {record_type} record in the batch ({record}): {detail}.",
    },
}

REASONS: tuple[str, ...] = tuple(_MESSAGES)
IMPORT_REASONS: tuple[str, ...] = tuple(_IMPORT_MESSAGES)

register({f"batch.{reason}": texts for reason, texts in _MESSAGES.items()})
register({f"batch.{reason}": texts for reason, texts in _IMPORT_MESSAGES.items()})

register(
    {
        "receipt.invalid": {
            "fr": "Accusé de réception invalide ({detail}).",
            "en": "Invalid receipt ({detail}).",
        },
        "receipt.unknown_issuer": {
            "fr": "Accusé de réception d'un bureau non reconnu ({office_id}, clé {key_id}).",
            "en": "Receipt from an office that is not trusted ({office_id}, key {key_id}).",
        },
        "receipt.bad_signature": {
            "fr": "La signature de l'accusé de réception est invalide (fichier altéré ?).",
            "en": "The receipt signature is invalid (altered file?).",
        },
        "receipt.not_for_us": {
            "fr": "Cet accusé de réception ne concerne aucun lot de ce bureau.",
            "en": "This receipt concerns no batch of this office.",
        },
    }
)


class ReceiptRejected(CivregError):
    """A receipt file was refused; nothing was changed."""

    key = "receipt.invalid"


def reject(reason: str, **params: object) -> BatchRejected:
    """The one way to refuse a batch; ``reason`` must be a documented code (reader or import)."""
    if reason not in _MESSAGES and reason not in _IMPORT_MESSAGES:
        raise ValueError(f"undocumented batch rejection reason {reason!r}")
    return BatchRejected(reason, **params)
