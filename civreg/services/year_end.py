"""The registrar's year end: the annual register (every act of a register in number order,
with its mentions and, once closed, the closing statement), the alphabetical tables (annual
and ten-year). The second original for the court registry, built from these, is
:mod:`civreg.services.year_end_court`.

docs/registers.md describes the documents and the second original's folder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from civreg.certificates.data import Officer
from civreg.certificates.registers_annual import AnnualRegister, Closing, render_annual_register
from civreg.certificates.registers_common import DocHead
from civreg.certificates.registers_tables import (
    TableEntry,
    TablesDocument,
    TableSection,
    draw_tables,
    render_tables,
)
from civreg.domain.acts import SUBJECT_ROLE, ActKind
from civreg.domain.collation import name_sort_key
from civreg.errors import CivregError
from civreg.exchange.register_records import register_act_uuids, register_records
from civreg.i18n import register
from civreg.models.acts import Act, ActPerson, Mention, Register
from civreg.models.office import Centre
from civreg.models.users import User
from civreg.oplog import logged
from civreg.security.atomic import atomic_write_bytes
from civreg.services.certificate_data import heading, issue_place, local, utc_offset
from civreg.services.context import Ctx
from civreg.services.output_paths import output_file
from civreg.services.register_documents import TableRow, date_display, register_entries

KIND_WORDS = {
    "birth": ("naissance", "des naissances", "Naissances", "N"),
    "marriage": ("mariage", "des mariages", "Mariages", "M"),
    "death": ("décès", "des décès", "Décès", "D"),
}

register(
    {
        **{
            f"yearend.not_closed.{k}": {
                "fr": f"Le registre {w[1]} {{year}} du centre {{centre}} n'est pas clos : le "
                "second original se fait sur un registre clos (civreg register close).",
                "en": f"The {k} register {{year}} of centre {{centre}} is not closed: the second "
                "original is made of closed registers (civreg register close).",
            }
            for k, w in KIND_WORDS.items()
        },
        "yearend.nothing": {
            "fr": "Aucun registre de {year} au centre {centre}.",
            "en": "No register of {year} at centre {centre}.",
        },
        "yearend.bad_year": {
            "fr": "Année invalide : {year}.",
            "en": "Invalid year: {year}.",
        },
        "yearend.unknown_centre": {
            "fr": "Le centre « {centre} » n'existe pas dans ce registre d'état civil.",
            "en": "There is no centre '{centre}' in this store.",
        },
        "yearend.folder_not_empty": {
            "fr": "Le dossier {path} n'est pas vide : choisissez un dossier nouveau ou vide "
            "pour le second original.",
            "en": "The folder {path} is not empty: choose a new or empty folder for the "
            "second original.",
        },
    }
)


@dataclass(frozen=True)
class YearEndDocument:
    pdf: bytes
    pages: int
    acts: int
    path: Path | None = None


@dataclass(frozen=True)
class Tables:
    pdf: bytes
    pages: int
    sections: tuple[TableSection, ...]
    path: Path | None = None


def check_year(year: int) -> None:
    if not 1800 <= year <= 9999:
        raise CivregError("yearend.bad_year", year=year)


def centre_of(ctx: Ctx, s: Session, centre: str | None) -> tuple[str, str, bool]:
    code = centre or ctx.office.centre
    row = s.scalar(select(Centre).where(Centre.code == code))
    if row is None:
        raise CivregError("yearend.unknown_centre", centre=code)
    return code, row.name, row.principal


def _head(
    ctx: Ctx, *, today: dt.date, centre_name: str, principal: bool, identity, title, subtitle
):
    return DocHead(
        heading=heading(ctx, issue_date=today, centre_name=centre_name, principal=principal),
        identity=identity,
        title=title,
        subtitle=subtitle,
        watermark="SPECIMEN" if ctx.office.is_demo else "",
    )


def _office_label(ctx: Ctx) -> str:
    return f"{ctx.office.name} ({ctx.office.office_id})"


# -- the alphabetical tables -------------------------------------------------------------
def _table_rows(
    ctx: Ctx, s: Session, centre: str, kind: str, years: tuple[int, int]
) -> list[TableRow]:
    roles = ("spouse1", "spouse2") if kind == "marriage" else (SUBJECT_ROLE[ActKind(kind)],)
    a, p = Act.__table__.c, ActPerson.__table__.c
    rows = s.execute(
        select(
            a.id,
            a.year,
            a.number,
            a.global_id,
            a.event_date,
            a.judgment_number,
            a.judgment_court,
            a.transcribed,
            p.role,
            p.family_name,
            p.post_nom,
            p.given_names,
        )
        .select_from(Act.__table__.join(ActPerson.__table__, p.act_id == a.id))
        .where(
            a.status == "registered",
            a.country == ctx.office.country,
            a.commune == ctx.office.commune,
            a.centre == centre,
            a.kind == kind,
            a.year >= years[0],
            a.year <= years[1],
            p.role.in_(roles),
            p.position == 0,
        )
    )
    acts: dict[int, dict] = {}
    for r in rows:
        act = acts.setdefault(
            r.id,
            {
                "act_id": r.id,
                "kind": kind,
                "year": r.year,
                "number": r.number,
                "global_id": r.global_id,
                "event_date": r.event_date,
                "judgment": bool(r.judgment_number or r.judgment_court),
                "transcribed": bool(r.transcribed),
                "names": {},
            },
        )
        act["names"][r.role] = (r.family_name, r.post_nom, r.given_names)
    cancelled = set(s.scalars(select(Mention.act_id).where(Mention.kind == "cancellation"))) & set(
        acts
    )
    return [TableRow(cancelled=i in cancelled, **act) for i, act in acts.items()]


def _nature(row: TableRow, other: str = "") -> str:
    word = KIND_WORDS[row.kind][0]
    if row.kind == "marriage" and other:
        word = f"mariage avec {other}"
    if row.transcribed:
        word += " (transcription)"
    elif row.judgment:
        word += " (jugement)"
    if row.cancelled:
        word += " — annulé"
    return word


def _family(names: tuple[str, str, str]) -> str:
    family, post, _given = names
    return " ".join(x for x in (family.upper(), post.upper()) if x)


def _full(names: tuple[str, str, str]) -> str:
    return " ".join(x for x in (_family(names), names[2]) if x)


def table_entries(rows: list[TableRow], *, ten_years: bool, format_number) -> list[TableEntry]:
    """Each act once under its subject (the first spouse for a marriage), plus a
    cross-reference under the second spouse; sorted as a French reader expects: family name,
    then given names, accents, case and separators ignored first; then date and number."""
    keyed = []
    for row in rows:
        number = format_number(row.number)
        shown = f"{row.year} / {number}" if ten_years else number
        roles = ("spouse1", "spouse2") if row.kind == "marriage" else (next(iter(row.names)),)
        for i, role in enumerate(roles):
            names = row.names.get(role)
            if names is None:
                continue
            other = row.names.get(roles[1 - i]) if len(roles) == 2 else None
            entry = TableEntry(
                family=_family(names),
                given=names[2],
                date=date_display(row.event_date),
                number=shown,
                nature=_nature(row, _full(other) if other else ""),
                act=row.global_id,
                main=i == 0,
            )
            key = name_sort_key(names[0] + " " + names[1], names[2], row.event_date.lstrip("~"))
            keyed.append((key, row.year, row.number, i, entry))
    keyed.sort(key=lambda k: k[:4])
    return [k[4] for k in keyed]


@logged("register.tables")
def alphabetical_tables(
    ctx: Ctx,
    *,
    year: int | None = None,
    decade: int | None = None,
    kinds: tuple[str, ...] = ("birth", "marriage", "death"),
    centre: str | None = None,
    out: Path | None = None,
    today: dt.date | None = None,
) -> Tables:
    """The annual table of ``year`` or the ten-year table of ``decade`` .. ``decade + 9``."""
    ctx.require("register.print")
    if out is not None:
        out = output_file(out)
    first = decade if decade is not None else year
    if first is None:
        raise CivregError("yearend.bad_year", year="")
    check_year(first)
    years = (first, first + 9) if decade is not None else (first, first)
    today = today or dt.date.today()
    with ctx.store.read() as s:
        code, centre_name, principal = centre_of(ctx, s, centre)
        sections = []
        for kind in kinds:
            rows = _table_rows(ctx, s, code, kind, years)
            entries = table_entries(
                rows, ten_years=decade is not None, format_number=ctx.profile.format_number
            )
            sections.append(TableSection(KIND_WORDS[kind][2], tuple(entries)))
    span = f"{years[0]}–{years[1]}" if decade is not None else str(years[0])
    title = "TABLE DÉCENNALE" if decade is not None else "TABLE ANNUELLE"
    head = _head(
        ctx,
        today=today,
        centre_name=centre_name,
        principal=principal,
        identity=(
            ("small", "Tables des actes de l'état civil"),
            ("big", span),
            ("small", centre_name),
            ("tiny", ctx.office.office_id),
        ),
        title=f"{title} DES ACTES DE L'ÉTAT CIVIL",
        subtitle=f"{span} — par ordre alphabétique des noms, puis des prénoms",
    )
    doc = TablesDocument(
        head, f"{title.capitalize()} {span} — {centre_name}", _office_label(ctx), sections
    )
    pdf, pages = render_tables(doc)
    if out is not None:
        atomic_write_bytes(Path(out), pdf)
    return Tables(pdf, pages, tuple(sections), out)


# -- the annual register -----------------------------------------------------------------
def _register_row(s: Session, centre: str, kind: str, year: int) -> Register | None:
    return s.scalar(
        select(Register).where(
            Register.centre == centre, Register.kind == kind, Register.year == year
        )
    )


def _closer(s: Session, ctx: Ctx, reg: Register | None) -> Officer | None:
    if reg is None or reg.closed_at is None:
        return None
    user = s.get(User, reg.closed_by) if reg.closed_by else None
    name = (user.full_name or user.username) if user else ""
    title = (user.title if user else "") or ctx.profile.registrar_title
    return Officer(name, title)


def annual_of(
    ctx: Ctx,
    s: Session,
    *,
    centre: str,
    centre_name: str,
    principal: bool,
    kind: str,
    year: int,
    today: dt.date,
) -> tuple[AnnualRegister, list[dict], list[dict], Register | None]:
    uuids = register_act_uuids(
        s,
        country=ctx.office.country,
        commune=ctx.office.commune,
        centre=centre,
        kind=kind,
        years=(year, year),
    )
    acts, mentions = register_records(s, uuids)
    reg = _register_row(s, centre, kind, year)
    officer = _closer(s, ctx, reg)
    rows = _table_rows(ctx, s, centre, kind, (year, year))
    words = KIND_WORDS[kind]
    register_name = f"Registre {words[1]}"
    head = _head(
        ctx,
        today=today,
        centre_name=centre_name,
        principal=principal,
        identity=(
            ("small", register_name),
            ("big", f"Année {year}"),
            ("small", centre_name),
            ("tiny", ctx.office.office_id),
        ),
        title=f"REGISTRE DES ACTES DE {words[0].upper()}",
        subtitle=f"Année {year} — {len(acts)} acte(s)"
        + ("" if reg is not None and reg.closed_at else " — registre non clos"),
    )
    entries = register_entries(ctx, acts, mentions, heading=head.heading, printed_on=today)
    numbers = [e.record.number for e in entries]
    closing = None
    if officer is not None and reg is not None and reg.closed_at is not None:
        fmt = ctx.profile.format_number
        closing = Closing(
            count=len(entries),
            first=fmt(numbers[0]) if numbers else "",
            last=fmt(numbers[-1]) if numbers else "",
            consecutive=numbers == list(range(numbers[0], numbers[0] + len(numbers)))
            if numbers
            else True,
            closed_on=local(reg.closed_at.isoformat(), utc_offset(ctx)).date(),
            place=issue_place(ctx),
            officer=officer,
            dates_in_words=ctx.profile.dates_in_words,
        )
    table_doc = TablesDocument(
        head,
        f"Table annuelle {year} — {register_name.lower()}",
        _office_label(ctx),
        (
            TableSection(
                f"Table alphabétique — {register_name.lower()} {year}",
                tuple(
                    table_entries(rows, ten_years=False, format_number=ctx.profile.format_number)
                ),
            ),
        ),
    )
    annual = AnnualRegister(
        head=head,
        running_title=f"{register_name} {year} — {centre_name}",
        office=_office_label(ctx),
        entries=entries,
        closing=closing,
        printed_on=today,
        table=lambda c, page: draw_tables(c, table_doc, page, with_head=False),
    )
    return annual, acts, mentions, reg


@logged("register.print_year")
def annual_register(
    ctx: Ctx,
    *,
    year: int,
    kind: str,
    centre: str | None = None,
    out: Path | None = None,
    today: dt.date | None = None,
) -> YearEndDocument:
    """The register of (centre, kind, year) as PDF: every act with its mentions, the closing
    statement once closed, and its alphabetical table."""
    ctx.require("register.print")
    if out is not None:
        out = output_file(out)
    check_year(year)
    kind = ActKind(kind).value
    today = today or dt.date.today()
    with ctx.store.read() as s:
        code, name, principal = centre_of(ctx, s, centre)
        annual, acts, _mentions, _reg = annual_of(
            ctx,
            s,
            centre=code,
            centre_name=name,
            principal=principal,
            kind=kind,
            year=year,
            today=today,
        )
    pdf, pages = render_annual_register(annual)
    if out is not None:
        atomic_write_bytes(Path(out), pdf)
    return YearEndDocument(pdf, pages, len(acts), out)
