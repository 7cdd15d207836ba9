"""Errors and messages of export, import, receipts and keys (French and English).

Messages carry office ids, sequence numbers, key ids, register numbers and counts only,
never personal data.
"""

from __future__ import annotations

from civreg.errors import BatchRejected, CivregError
from civreg.i18n import register

register(
    {
        "sync.nothing_to_export": {
            "fr": "Rien à transmettre : aucun changement depuis le lot n° {sequence}.",
            "en": "Nothing to send: no change since batch no. {sequence}.",
        },
        "sync.no_such_batch": {
            "fr": "Le lot n° {sequence} n'a jamais été exporté par ce bureau.",
            "en": "Batch no. {sequence} was never exported by this office.",
        },
        "sync.cannot_read_file": {
            "fr": "Impossible de lire le fichier {name}.",
            "en": "Cannot read the file {name}.",
        },
        "sync.cannot_write_file": {
            "fr": "Impossible d'écrire le fichier {name} ({detail}).",
            "en": "Cannot write the file {name} ({detail}).",
        },
        "sync.file_rejected": {
            "fr": "{name} : {message} Rien n'a été importé.",
            "en": "{name}: {message} Nothing was imported.",
        },
        "batch.sequence_conflict": {
            "fr": "Le lot n° {sequence} du bureau {office_id} a déjà été reçu avec un autre "
            "contenu : ce fichier n'est pas l'original.",
            "en": "Batch no. {sequence} of office {office_id} was already received with other "
            "content: this file is not the original.",
        },
        "batch.own_batch": {
            "fr": "Ce lot vient de ce bureau même ({office_id}) : il ne s'importe pas ici.",
            "en": "This batch comes from this very office ({office_id}): it is not imported here.",
        },
        "batch.number_conflict": {
            "fr": "Le lot attribue le numéro {number} du registre {register} à deux actes "
            "différents ({first} et {second}).",
            "en": "The batch gives number {number} of register {register} to two different "
            "acts ({first} and {second}).",
        },
        "batch.foreign_record": {
            "fr": "Le lot du bureau {office_id} contient un acte d'un autre bureau ({record}).",
            "en": "The batch of office {office_id} contains an act of another office ({record}).",
        },
        "batch.invalid_record": {
            "fr": "Enregistrement {record_type} invalide dans le lot ({record}) : {detail}.",
            "en": "Invalid {record_type} record in the batch ({record}): {detail}.",
        },
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
        "keys.already_trusted": {
            "fr": "La clé {key_id} du bureau {office_id} est déjà enregistrée ({status}).",
            "en": "Key {key_id} of office {office_id} is already registered ({status}).",
        },
        "keys.unknown_office": {
            "fr": "Aucune clé enregistrée pour le bureau {office_id}.",
            "en": "No key registered for office {office_id}.",
        },
        "keys.own_key": {
            "fr": "C'est la clé de ce bureau même : inutile de lui faire confiance.",
            "en": "This is this office's own key: no need to trust it.",
        },
        "keys.no_authority_key": {
            "fr": "Aucune clé d'autorité dans ce registre : lancez « civreg keys authority-init ».",
            "en": "No authority key in this store: run 'civreg keys authority-init'.",
        },
        "keys.rotation_pending": {
            "fr": "Une nouvelle clé ({key_id}) attend déjà d'être annoncée au prochain export.",
            "en": "A new key ({key_id}) is already waiting to be announced at the next export.",
        },
        "quarantine.not_found": {
            "fr": "Élément de quarantaine n° {item} introuvable ou déjà traité.",
            "en": "Quarantine item no. {item} not found or already handled.",
        },
    }
)


class TransmissionError(CivregError):
    """Export, forwarding or key management could not be done; nothing was changed."""


class ReceiptRejected(CivregError):
    """A receipt file was refused; nothing was changed."""

    key = "receipt.invalid"


def rejected(reason: str, **params: object) -> BatchRejected:
    """A batch refused by the importer (beyond the format checks of the reader)."""
    return BatchRejected(reason, **params)
