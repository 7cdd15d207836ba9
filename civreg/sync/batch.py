"""Public API of the batch file format (docs/batch-format.md), in one import.

from civreg.sync import batch
data = batch.write_batch(records, office_id="BF-11-01", sequence=1, change_range=(1, 40),
                         signing_key=office_key, recipient_public_key=authority_public)
verified = batch.verify_batch(data, trust)            # a district: no private key needed
records = batch.open_batch(data, trust, decrypt_key=authority_private)   # the authority
"""

from civreg.errors import BatchRejected
from civreg.sync.authority_keys import (
    AuthorityKeyFileError,
    AuthorityPublicKey,
    authority_key_id,
    dump_authority_public_key,
    generate_authority_key,
    load_authority_public_key,
    read_authority_public_key,
    write_authority_public_key,
)
from civreg.sync.crypto import key_id
from civreg.sync.format import FORMAT_VERSION, MAGIC, RECORD_TYPES
from civreg.sync.header import BatchHeader, Encryption
from civreg.sync.payload import BatchInputError
from civreg.sync.reader import (
    DEFAULT_MAX_DECOMPRESSED_BYTES,
    DEFAULT_MAX_PAYLOAD_BYTES,
    KeyStatus,
    Trust,
    VerifiedBatch,
    inspect_batch,
    open_batch,
    read_records,
    stream_records,
    verify_batch,
)
from civreg.sync.record_stream import RecordLimits
from civreg.sync.rejections import REASONS
from civreg.sync.writer import write_batch, write_batch_file

__all__ = [
    "DEFAULT_MAX_DECOMPRESSED_BYTES",
    "DEFAULT_MAX_PAYLOAD_BYTES",
    "FORMAT_VERSION",
    "MAGIC",
    "REASONS",
    "RECORD_TYPES",
    "AuthorityKeyFileError",
    "AuthorityPublicKey",
    "BatchHeader",
    "BatchInputError",
    "BatchRejected",
    "Encryption",
    "KeyStatus",
    "RecordLimits",
    "Trust",
    "VerifiedBatch",
    "authority_key_id",
    "dump_authority_public_key",
    "generate_authority_key",
    "inspect_batch",
    "key_id",
    "load_authority_public_key",
    "open_batch",
    "read_authority_public_key",
    "read_records",
    "stream_records",
    "verify_batch",
    "write_authority_public_key",
    "write_batch",
    "write_batch_file",
]
