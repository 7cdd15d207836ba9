"""Peak memory of ``civreg import`` for a genuine batch and for hostile ones (issue 13 item 4).

    .venv/bin/python bench/bench_import_memory.py [--acts 100000] [--keep DIR] [--skip-genuine]

Each import runs as a real ``civreg import`` process into a fresh district store that trusts
the commune; its peak resident memory (``ru_maxrss`` of the child) is compared with the
peak of ``civreg info`` on the same store in the same run (the program's own baseline).
The hostile batches are correctly signed by the commune's real key — what a broken or
compromised office could send:

- ``bomb_line``: one record that never ends, 4 GiB inflated from ~128 KiB;
- ``bomb_lines``: short records inflating past the decompression limit;
- ``many_declared``: 10 million tiny records declared (a 10 MB file);
- ``tiny_records``: 900 000 tiny records (within the limits) that the importer must refuse;
- ``big_file``: a file over the reader's size limit.

Target: every peak <= 256 MB, and the genuine batch imports.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import zstandard

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_common import PASSWORD, login, machine
from tests.hostile_batches import endless_line, signed_batch

MIB = 1024 * 1024


def _tiny(n: int, kind: str = "audit") -> bytes:
    z = zstandard.ZstdCompressor(level=3).compressobj()
    out = []
    step = 100_000
    for start in range(0, n, step):
        lines = "".join(
            f'{{"id":"{i}","type":"{kind}"}}\n' for i in range(start, min(n, start + step))
        )
        out.append(z.compress(lines.encode()))
    out.append(z.flush())
    return b"".join(out)


def _hostile(folder: Path, key, key_id: str, office: str) -> dict[str, Path]:
    made = {}

    def put(name: str, data: bytes) -> None:
        path = folder / f"{name}.civreg-batch"
        path.write_bytes(data)
        made[name] = path

    put("bomb_line", signed_batch(endless_line(4 << 30), {"act": 1}, key, key_id, office, 101))
    lines = _tiny(900_000, "act")  # 25 MB of short act records...
    put("bomb_lines", signed_batch(lines, {"act": 900_000}, key, key_id, office, 102))
    put(
        "many_declared",
        signed_batch(_tiny(10_000_000), {"audit": 10_000_000}, key, key_id, office, 103),
    )
    put("tiny_records", signed_batch(_tiny(900_000), {"audit": 900_000}, key, key_id, office, 104))
    big = os.urandom(70 * MIB)
    put("big_file", signed_batch(big, {"act": 1}, key, key_id, office, 105))
    return made


def _child_peak(
    args: list[str], cwd: Path, extra_env: dict[str, str] | None = None
) -> tuple[int, str, float]:
    """Peak RSS (MB) of one child process, its stderr/stdout tail, wall seconds."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CIVREG_")}
    env |= {"CIVREG_PASSWORD": PASSWORD, "CIVREG_LANG": "en"} | (extra_env or {})
    code = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "said = (r.stdout + r.stderr).strip().splitlines()\n"
        "print(said[-1] if said else '')\n"
    )
    t = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-c", code, sys.executable, "-m", "civreg", *args],
        capture_output=True, text=True, cwd=cwd, env=env,
    )  # fmt: skip
    lines = r.stdout.splitlines()
    return int(lines[0]) // 1024, lines[1] if len(lines) > 1 else "", time.perf_counter() - t


def main(argv: list[str] | None = None) -> int:
    from bench.bench_sync import _commune
    from civreg.security.keyfile import FAST_KDF
    from civreg.security.signing_power import office_signing_key
    from civreg.services.keys import export_public_key, trust_key
    from civreg.services.store_access import create_store
    from civreg.services.transmission import export_batch

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--acts", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, help="keep the built commune store here and reuse it")
    ap.add_argument("--skip-genuine", action="store_true")
    args = ap.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="civreg-bench-mem-"))
    result: dict[str, object] = {"acts": args.acts, "machine": machine(), "peak_mb": {}}
    try:
        commune, _stats = _commune(args.acts, folder / "commune", args.keep)
        admin = login(folder / "commune", "admin")
        export_public_key(admin, folder / "commune.pub.json")
        with admin.store.read() as s:
            from sqlalchemy import select

            from civreg.models.office import Office

            office = s.scalar(select(Office))
            key, key_id, office_id = (
                office_signing_key(s, office),  # through the vault (the admin holds it)
                office.key_id,
                office.office_id,
            )
        genuine = folder / "genuine.civreg-batch"
        export_batch(commune, genuine)
        result["genuine_batch_bytes"] = genuine.stat().st_size
        commune.close()
        admin.close()
        district = folder / "district.db"
        ctx = create_store(
            district, country="BF", commune="D11", centre="00", office_name="District",
            admin="admin", password=PASSWORD, level="district", kdf=FAST_KDF,
        ).ctx  # fmt: skip
        trust_key(ctx, folder / "commune.pub.json")
        ctx.store.checkpoint()
        ctx.close()
        clean = folder / "clean"
        clean.mkdir()
        for ext in ("", ".keys"):
            shutil.copy2(f"{district}{ext}", clean / f"district.db{ext}")
        hostile = _hostile(folder, key, key_id, office_id)

        def fresh() -> None:
            for ext in ("-wal", "-shm"):
                Path(f"{district}{ext}").unlink(missing_ok=True)
            for ext in ("", ".keys"):
                shutil.copy2(clean / f"district.db{ext}", f"{district}{ext}")

        peaks: dict[str, object] = {}
        fresh()
        mb, said, _ = _child_peak(["info", "--store", str(district), "--user", "admin"], folder)
        peaks["baseline_info"] = {"peak_mb": mb}
        cases = dict(hostile)
        if not args.skip_genuine:
            cases = {"genuine": genuine, **cases}
        for name, path in cases.items():
            fresh()
            mb, said, seconds = _child_peak(
                ["import", "--store", str(district), "--user", "admin", str(path)], folder
            )
            peaks[name] = {
                "file_bytes": path.stat().st_size,
                "peak_mb": mb,
                "vs_baseline": round(mb / peaks["baseline_info"]["peak_mb"], 2),  # type: ignore[index]
                "seconds": round(seconds, 1),
                "outcome": said[:160],
            }
            print(name, peaks[name], flush=True)
        result["peak_mb"] = peaks
        print(json.dumps(result, indent=1, default=str))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
