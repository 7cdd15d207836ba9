"""The second original for the court registry (greffe): every register of a closed year at
a centre, as signed PDFs and signed machine-readable files (the batch record format) with a
signed manifest. The documents themselves come from :mod:`civreg.services.year_end`; the file
format is :mod:`civreg.sync.second_original`. docs/registers.md describes the folder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from civreg.certificates.registers_annual import AnnualRegister, render_annual_register
from civreg.errors import CivregError
from civreg.models.acts import Register
from civreg.oplog import logged
from civreg.services.context import Ctx
from civreg.services.output_paths import output_folder
from civreg.services.year_end import KIND_WORDS, annual_of, centre_of, check_year


@dataclass(frozen=True)
class SecondOriginal:
    folder: Path
    files: tuple[str, ...]
    registers: tuple[tuple[str, int, int], ...]  # (kind, year, acts)


@logged("register.second_original")
def second_original(
    ctx: Ctx,
    *,
    year: int,
    out_dir: Path,
    centre: str | None = None,
    kinds: tuple[str, ...] = ("birth", "marriage", "death"),
    today: dt.date | None = None,
) -> SecondOriginal:
    """Every register of ``year`` at the centre, closed, as the court's second original."""
    from civreg.services.certificates import _signer
    from civreg.sync import crypto
    from civreg.sync.format import canonical_json
    from civreg.sync.second_original import (
        MANIFEST,
        RegisterFiles,
        build_manifest,
        record_lines,
        withhold,
        write_signed,
    )

    ctx.require("register.second_original")
    check_year(year)
    today = today or dt.date.today()
    folder = output_folder(out_dir)
    if folder.exists() and any(folder.iterdir()):
        raise CivregError("yearend.folder_not_empty", path=folder)
    made: list[tuple[str, AnnualRegister, list[dict], list[dict], Register]] = []
    with ctx.store.read() as s:
        code, name, principal = centre_of(ctx, s, centre)
        signer = _signer(s)
        for kind in kinds:
            annual, acts, mentions, reg = annual_of(
                ctx,
                s,
                centre=code,
                centre_name=name,
                principal=principal,
                kind=kind,
                year=year,
                today=today,
            )
            if reg is None and not acts:
                continue
            if reg is None or reg.closed_at is None:
                raise CivregError(f"yearend.not_closed.{kind}", year=year, centre=code)
            made.append((kind, annual, acts, mentions, reg))
    if not made:
        raise CivregError("yearend.nothing", year=year, centre=code)
    prefix = f"{ctx.office.country}-{ctx.office.commune}-{code}"
    files: dict[str, bytes] = {}
    parts: list[RegisterFiles] = []
    for kind, annual, acts, mentions, reg in made:
        pdf, pages = render_annual_register(annual)
        records = [{**a, "content": withhold(a["content"])} for a in acts] + mentions
        stem = f"{prefix}-{KIND_WORDS[kind][3]}-{year}"
        files[f"{stem}.pdf"] = pdf
        files[f"{stem}.records.jsonl"] = record_lines(records)
        numbers = [a["content"]["number"] for a in acts]
        parts.append(
            RegisterFiles(
                kind=kind,
                year=year,
                acts=len(acts),
                mentions=len(mentions),
                first_number=numbers[0] if numbers else None,
                last_number=numbers[-1] if numbers else None,
                closed_at=reg.closed_at.isoformat(timespec="seconds") + "Z"
                if reg.closed_at
                else "",
                closed_by=annual.closing.officer.name if annual.closing else "",
                pdf=f"{stem}.pdf",
                records=f"{stem}.records.jsonl",
                pdf_pages=pages,
            )
        )
    key = signer.private_key
    import hashlib

    manifest = build_manifest(
        office_id=ctx.office.office_id,
        country=ctx.office.country,
        commune=ctx.office.commune,
        centre=code,
        centre_name=name,
        created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        key_id=crypto.key_id(key.public_key()),
        registers=parts,
        hashes={n: (hashlib.sha256(d).hexdigest(), len(d)) for n, d in files.items()},
    )
    with ctx.store.write() as s:
        ctx.audit(
            s,
            "register.second_original",
            after={"registers": [(p.kind, p.year, p.acts) for p in parts]},
            detail=f"{code}/{year} " + ",".join(f"{p.kind}:{p.acts}" for p in parts),
        )
    folder.mkdir(parents=True, exist_ok=True)
    for file_name, data in files.items():
        write_signed(folder, file_name, data, key, ctx.office.office_id)
    write_signed(folder, MANIFEST, canonical_json(manifest) + b"\n", key, ctx.office.office_id)
    return SecondOriginal(
        folder, tuple([*files, MANIFEST]), tuple((p.kind, p.year, p.acts) for p in parts)
    )
