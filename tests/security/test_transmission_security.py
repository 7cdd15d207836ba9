"""Batches and receipts: no names in clear unless asked, an outside copy of the commune's mark
at the district, a commune whose store went backwards flagged, an audit gap quarantined.

Before the fix a batch was written in clear unless ``--recipient`` was given each time, the
district kept nothing that showed how far a commune's store had come, and a signed batch
leaving out an audit entry was imported with nothing flagged."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "integration"))

from transmission_support import (
    birth,
    new_commune,
    new_district,
    register,
    trust,
)

from civreg.errors import BatchRejected
from civreg.security import anchor
from civreg.security.audit import StoreBehind
from civreg.security.keyfile import keyfile_path
from civreg.services.keys import authority_init, trust_authority_key
from civreg.services.transmission import (
    export_batch,
    import_batches,
    import_receipt,
    list_quarantine,
)
from civreg.sync import batch as batch_format


@pytest.fixture
def world(tmp_path: Path):
    commune = new_commune(tmp_path, "11")
    district = new_district(tmp_path)
    national = new_district(tmp_path, office="NAT")
    trust(district, commune, tmp_path)
    try:
        yield tmp_path, commune, district, national
    finally:
        for o in (commune, district, national):
            o.close()


def test_export_is_encrypted_by_default_once_an_authority_is_trusted(world) -> None:
    folder, commune, _district, national = world
    authority = folder / "authority.json"
    authority_init(national.admin, authority)
    register(commune, birth("KABORE", "Paul", 2))
    clear = export_batch(commune.registrar, folder / "b1.civbatch")
    assert not clear.encrypted  # no authority trusted yet: as before
    trust_authority_key(commune.admin, authority)
    register(commune, birth("ZONGO", "Ali", 3))
    sealed = export_batch(commune.registrar, folder / "b2.civbatch")
    assert sealed.encrypted
    data = (folder / "b2.civbatch").read_bytes()
    assert b"ZONGO" not in data
    register(commune, birth("SOME", "Issa", 4))
    plain = export_batch(commune.registrar, folder / "b3.civbatch", plain=True)
    assert not plain.encrypted  # only on request
    header = batch_format.inspect_batch(data)
    assert header.anchor is not None and header.anchor["audit_seq"] > 0


def test_cli_export_plain_needs_the_flag(world) -> None:
    import os
    import subprocess

    from transmission_support import PW

    folder, commune, _district, national = world
    authority = folder / "authority.json"
    authority_init(national.admin, authority)
    trust_authority_key(commune.admin, authority)
    register(commune, birth("KABORE", "Paul", 2))
    commune.close()
    env = dict(os.environ, CIVREG_PASSWORD=PW, CIVREG_LANG="en")

    def civreg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "civreg", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    base = ["export", "--store", str(commune.path), "--user", "registrar"]
    r = civreg(*base, "--out", str(folder / "e.civbatch"))
    assert r.returncode == 0 and "encrypted" in r.stdout, r.stderr
    r = civreg(*base, "--out", str(folder / "p.civbatch"), "--plain", "--recipient", "x.json")
    assert r.returncode == 1 and "not both" in r.stderr


def test_the_receipt_brings_the_mark_back_and_catches_a_put_back_store(world) -> None:
    folder, commune, district, _national = world
    trust(commune, district, folder)  # the commune reads the district's receipts
    register(commune, birth("KABORE", "Paul", 2))
    commune.registrar.store.checkpoint()
    old = folder / "old"
    old.mkdir()
    for p in (Path(commune.path), keyfile_path(Path(commune.path))):
        shutil.copy2(p, old / p.name)
    register(commune, birth("ZONGO", "Ali", 3))
    export_batch(commune.registrar, folder / "b1.civbatch")
    report = import_batches(district.admin, [folder / "b1.civbatch"], receipt_dir=folder)
    receipt = Path(report.receipt_path)
    assert '"anchor"' in receipt.read_text()
    # The commune's store is put back, and the local mark deleted with it.
    path = Path(commune.path)
    sid = commune.admin.store.keyfile.store_id
    commune.close()
    for p in old.iterdir():
        shutil.copy2(p, path.parent / p.name)
    Path(f"{path}-wal").unlink(missing_ok=True)
    anchor.anchor_path(sid).unlink()
    from transmission_support import PW

    from civreg.services.audit_log import verify_chain
    from civreg.services.store_access import login

    reg = login(path, "registrar", PW)
    try:
        assert verify_chain(reg).ok  # nothing local remembers
        with pytest.raises(StoreBehind):
            import_receipt(reg, receipt)  # the district does
        r = verify_chain(reg, anchor_file=receipt)
        assert not r.ok and r.problem == "behind_anchor"
    finally:
        reg.close()
    commune.registrar = commune.admin = login(path, "admin", PW)


def test_district_refuses_a_batch_made_from_a_put_back_store(world) -> None:
    folder, commune, district, _national = world
    register(commune, birth("KABORE", "Paul", 2))
    commune.registrar.store.checkpoint()
    old = folder / "old"
    old.mkdir()
    path = Path(commune.path)
    for p in (path, keyfile_path(path)):
        shutil.copy2(p, old / p.name)
    register(commune, birth("ZONGO", "Ali", 3))
    export_batch(commune.registrar, folder / "b1.civbatch")
    import_batches(district.admin, [folder / "b1.civbatch"], receipt_dir=folder)
    sid = commune.admin.store.keyfile.store_id
    commune.close()
    for p in old.iterdir():
        shutil.copy2(p, path.parent / p.name)
    Path(f"{path}-wal").unlink(missing_ok=True)
    anchor.anchor_path(sid).unlink()  # the commune hides the rollback from itself
    from transmission_support import PW

    from civreg.services.store_access import login

    reg = login(path, "registrar", PW)
    try:
        export_batch(reg, folder / "b1-again.civbatch")  # batch 1 again, other content
    finally:
        reg.close()
    commune.registrar = commune.admin = login(path, "admin", PW)
    with pytest.raises(BatchRejected) as exc:
        import_batches(district.admin, [folder / "b1-again.civbatch"], receipt_dir=folder)
    assert exc.value.reason == "rolled_back"
    assert "civreg audit status" in exc.value.message("en")


def _resigned(commune, data: bytes, keep, anchor_change=None) -> bytes:
    """The commune's own batch rebuilt and signed again with its key (an administrator's
    power): records filtered by ``keep``, the header's mark changed by ``anchor_change``."""
    from civreg.models.office import Office as OfficeRow
    from civreg.security.signing_power import office_signing_key
    from civreg.sync.writer import write_batch

    with commune.admin.store.read() as s:
        office = s.query(OfficeRow).one()
        key, kid = office_signing_key(s, office), office.key_id
    h = batch_format.inspect_batch(data)
    records = batch_format.open_batch(data, lambda o, k: ("trusted", key.public_key()))
    mark = dict(h.anchor)
    if anchor_change:
        mark = anchor_change(mark)
    return write_batch(
        [r for r in records if keep(r)],
        office_id=h.office_id,
        sequence=h.sequence,
        change_range=h.change_range,
        signing_key=key,
        signing_key_id=kid,
        anchor=mark,
    )


def test_an_audit_entry_left_out_of_a_batch_is_quarantined(world) -> None:
    folder, commune, district, _national = world
    for i, name in enumerate(("KABORE", "ZONGO", "SOME")):
        register(commune, birth(name, "Paul", 2 + i))
    export_batch(commune.registrar, folder / "b1.civbatch")
    data = (folder / "b1.civbatch").read_bytes()
    from civreg.models.office import Office as OfficeRow
    from civreg.security.signing_power import office_signing_key

    with commune.admin.store.read() as s:
        pub = office_signing_key(s, s.query(OfficeRow).one()).public_key()
    seqs = sorted(
        r["seq"]
        for r in batch_format.open_batch(data, lambda o, k: ("trusted", pub))
        if r["type"] == "audit"
    )
    dropped = seqs[len(seqs) // 2]
    forged = folder / "b1-gap.civbatch"
    forged.write_bytes(
        _resigned(commune, data, lambda r: not (r["type"] == "audit" and r["seq"] == dropped))
    )
    report = import_batches(district.admin, [forged], receipt_dir=folder)
    reasons = {(q.record_type, q.reason) for q in report.batches[0].quarantined}
    assert ("audit", "audit_gap") in reasons
    items = [i for i in list_quarantine(district.officer) if i.reason == "audit_gap"]
    assert [i.record_id for i in items] == [f"{commune.office_id}:{dropped + 1}"]


def test_a_later_batch_whose_mark_goes_back_is_flagged(world) -> None:
    folder, commune, district, _national = world
    register(commune, birth("KABORE", "Paul", 2))
    register(commune, birth("ZONGO", "Ali", 3))
    export_batch(commune.registrar, folder / "b1.civbatch")
    import_batches(district.admin, [folder / "b1.civbatch"], receipt_dir=folder)
    register(commune, birth("SOME", "Issa", 4))
    export_batch(commune.registrar, folder / "b2.civbatch")
    data = (folder / "b2.civbatch").read_bytes()

    def lower(mark: dict) -> dict:
        numbers = {k: 1 for k in mark["numbers"]}
        return dict(mark, numbers=numbers)

    forged = folder / "b2-back.civbatch"
    forged.write_bytes(_resigned(commune, data, lambda r: True, lower))
    report = import_batches(district.admin, [forged], receipt_dir=folder)
    assert ("batch", "rolled_back") in {
        (q.record_type, q.reason) for q in report.batches[0].quarantined
    }
