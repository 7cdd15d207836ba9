"""The registers themselves: list them, continue a paper register at its next number, close a
year, and say which number a registration will take.

A register is (centre, kind, year). Its numbers run without gap from ``first_number``: 1 for a
register started in civreg, the paper register's next number for a commune that switches in
the middle of a year (transcriptions of the paper acts keep their numbers below it). The
registrar closes a year's register once the year is over; no act takes a number in it after
that, and acts of that year declared later go to the current year's register.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from civreg.domain.acts import ActKind
from civreg.errors import CivregError, Conflict
from civreg.i18n import register as register_messages
from civreg.models.acts import Act, Register
from civreg.models.base import utcnow
from civreg.models.office import Centre
from civreg.models.users import User
from civreg.oplog import logged
from civreg.services.changes import Changes
from civreg.services.context import Ctx

_KIND_FR = {"birth": "des naissances", "marriage": "des mariages", "death": "des décès"}
_KIND_EN = {"birth": "birth", "marriage": "marriage", "death": "death"}
register_messages(
    {
        "registers.bad_kind": {
            "fr": "Type de registre inconnu : choisissez naissance, mariage ou décès.",
            "en": "Unknown kind of register: choose birth, marriage or death.",
        },
        "registers.unknown_centre": {
            "fr": "Le centre « {centre} » n'existe pas dans ce registre d'état civil.",
            "en": "There is no centre '{centre}' in this store.",
        },
        "registers.bad_year": {
            "fr": "Année invalide : {year}.",
            "en": "Invalid year: {year}.",
        },
        "register.first_number_locked": {
            "fr": "Le premier numéro ne peut plus changer : le registre contient déjà des actes.",
            "en": "The first number can no longer change: the register already holds acts.",
        },
        "register.bad_first_number": {
            "fr": "Le premier numéro doit être un entier positif.",
            "en": "The first number must be a positive whole number.",
        },
        **{
            f"registers.closed.{k}": {
                "fr": f"Le registre {_KIND_FR[k]} {{year}} du centre {{centre}} est clos.",
                "en": f"The {_KIND_EN[k]} register {{year}} of centre {{centre}} is closed.",
            }
            for k in _KIND_FR
        },
        **{
            f"registers.already_closed.{k}": {
                "fr": f"Le registre {_KIND_FR[k]} {{year}} du centre {{centre}} est déjà clos "
                "(le {day}).",
                "en": f"The {_KIND_EN[k]} register {{year}} of centre {{centre}} is already "
                "closed (on {day}).",
            }
            for k in _KIND_FR
        },
        "registers.year_not_over": {
            "fr": "L'année {year} n'est pas terminée : son registre se clôt à partir du "
            "31 décembre {year}.",
            "en": "The year {year} is not over: its register can be closed from "
            "31 December {year}.",
        },
        "registers.below_transcribed": {
            "fr": "L'acte n° {number} de ce registre a déjà été transcrit du registre papier : "
            "le premier numéro numérique doit le suivre (au moins {minimum}).",
            "en": "Act no. {number} of this register was already transcribed from the paper "
            "register: the first digital number must follow it (at least {minimum}).",
        },
    }
)


@dataclass(frozen=True)
class RegisterRow:
    centre: str
    centre_name: str
    kind: str
    year: int
    first_number: int
    next_number: int  # the number the next registration takes (if open)
    acts: int  # registered acts numbered in civreg (from first_number)
    transcribed: int  # paper acts transcribed (numbers below first_number)
    closed_at: str | None  # ISO timestamp
    closed_by: str

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    @property
    def continues_paper(self) -> bool:
        return self.first_number > 1


def _kind(kind: str) -> ActKind:
    try:
        return ActKind(kind)
    except ValueError:
        raise CivregError("registers.bad_kind") from None


def _check_year(year: int) -> None:
    if not 1800 <= year <= 9999:
        raise CivregError("registers.bad_year", year=year)


def _check_centre(s: Session, centre: str) -> None:
    if s.scalar(select(Centre.id).where(Centre.code == centre)) is None:
        raise CivregError("registers.unknown_centre", centre=centre)


def register_row_for(s: Session, centre: str, kind: str, year: int) -> Register:
    """The register (centre, kind, year), created at number 1 if it does not exist yet."""
    reg = s.scalar(
        select(Register).where(
            Register.centre == centre, Register.kind == kind, Register.year == year
        )
    )
    if reg is None:
        reg = Register(centre=centre, kind=kind, year=year, first_number=1, next_number=1)
        s.add(reg)
        s.flush()
    return reg


def closed_error(reg: Register) -> Conflict:
    return Conflict(f"registers.closed.{reg.kind}", year=reg.year, centre=reg.centre)


def _changed(centre: str, kind: str, year: int) -> Changes:
    return Changes(registers=frozenset({(centre, kind, year)}), kinds=frozenset({kind}))


def _own_acts(ctx: Ctx):
    return (Act.country == ctx.office.country) & (Act.commune == ctx.office.commune)


def list_registers(
    ctx: Ctx, *, centre: str | None = None, kind: str | None = None, year: int | None = None
) -> list[RegisterRow]:
    """This office's registers (newest year first), with how many acts each holds."""
    ctx.require("act.view")
    with ctx.store.read() as s:
        q = select(Register)
        if centre:
            q = q.where(Register.centre == centre)
        if kind:
            q = q.where(Register.kind == _kind(kind))
        if year:
            q = q.where(Register.year == year)
        regs = list(s.scalars(q))
        names = {c: n for c, n in s.execute(select(Centre.code, Centre.name))}
        closers = {
            uid: name
            for uid, name in s.execute(
                select(User.id, func.coalesce(func.nullif(User.full_name, ""), User.username))
            )
        }
        counts: dict[tuple[str, str, int], tuple[int, int]] = {}
        if regs:
            first_of = {(r.centre, r.kind, r.year): r.first_number for r in regs}
            rows = s.execute(
                select(Act.centre, Act.kind, Act.year, Act.number)
                .where(Act.status == "registered", _own_acts(ctx))
                .where(Act.year.in_({r.year for r in regs}))
            )
            for c, k, y, n in rows:
                key = (c, k, y)
                if key not in first_of or n is None:
                    continue
                digital, paper = counts.get(key, (0, 0))
                if n >= first_of[key]:
                    digital += 1
                else:
                    paper += 1
                counts[key] = (digital, paper)
    out = []
    for r in regs:
        digital, paper = counts.get((r.centre, r.kind, r.year), (0, 0))
        out.append(
            RegisterRow(
                centre=r.centre,
                centre_name=names.get(r.centre, ""),
                kind=r.kind,
                year=r.year,
                first_number=r.first_number,
                next_number=r.next_number,
                acts=digital,
                transcribed=paper,
                closed_at=r.closed_at.isoformat(timespec="seconds") if r.closed_at else None,
                closed_by=closers.get(r.closed_by, "") if r.closed_by else "",
            )
        )
    kinds = list(ActKind)
    out.sort(key=lambda r: (-r.year, r.centre, kinds.index(ActKind(r.kind))))
    return out


def next_number(ctx: Ctx, *, centre: str, kind: str, year: int) -> int:
    """The number the next registration in (centre, kind, year) will take (nothing is
    reserved: a registration on another computer may take it first)."""
    ctx.require("act.view")
    kind = _kind(kind)
    with ctx.store.read() as s:
        reg = s.scalar(
            select(Register).where(
                Register.centre == centre, Register.kind == kind, Register.year == year
            )
        )
        if reg is None:
            return 1
        if reg.closed_at is not None:
            raise closed_error(reg)
        return reg.next_number


@logged("register.first_number")
def start_register(ctx: Ctx, *, centre: str, kind: str, year: int, first_number: int) -> Changes:
    """Continue a paper register: the next act of (centre, kind, year) takes ``first_number``.

    Refused once an act has been numbered in it by civreg, when it is closed, and when a paper
    act already transcribed into it has a number at or above ``first_number``."""
    ctx.require("register.configure")
    kind = _kind(kind)
    _check_year(year)
    if isinstance(first_number, bool) or not isinstance(first_number, int) or first_number < 1:
        raise CivregError("register.bad_first_number")
    with ctx.store.write() as s:
        _check_centre(s, centre)
        reg = register_row_for(s, centre, kind, year)
        if reg.closed_at is not None:
            raise closed_error(reg)
        if reg.next_number != reg.first_number:
            raise Conflict("register.first_number_locked")
        highest = s.scalar(
            select(func.max(Act.number)).where(
                Act.status == "registered",
                Act.centre == centre,
                Act.kind == kind,
                Act.year == year,
                _own_acts(ctx),
            )
        )
        if highest is not None and highest >= first_number:
            raise Conflict("registers.below_transcribed", number=highest, minimum=highest + 1)
        before = {"first_number": reg.first_number}
        reg.first_number = first_number
        reg.next_number = first_number
        ctx.audit(
            s,
            "register.first_number",
            before=before,
            after={"first_number": first_number},
            detail=f"{centre}/{kind}/{year} first={first_number}",
        )
    return _changed(centre, kind, year)


def closable_from(year: int) -> date:
    """The first day a year's register may be closed: 31 December of that year (the year's
    acts are all in it by then; later declarations of that year go to the current one)."""
    return date(year, 12, 31)


def close_refusal(reg: RegisterRow, today: date) -> CivregError | None:
    """Why ``reg`` cannot be closed on ``today`` (None when it can): what
    :func:`close_register` would refuse, for a screen to say before asking anything."""
    if reg.closed_at is not None:
        return Conflict(
            f"registers.already_closed.{reg.kind}",
            year=reg.year,
            centre=reg.centre,
            day=date.fromisoformat(reg.closed_at[:10]).strftime("%d/%m/%Y"),
        )
    if today < closable_from(reg.year):
        return CivregError("registers.year_not_over", year=reg.year)
    return None


@logged("register.close")
def close_register(
    ctx: Ctx, *, centre: str, kind: str, year: int, today: date | None = None
) -> Changes:
    """Close a year's register (registrar), from 31 December of that year."""
    ctx.require("register.close")
    kind = _kind(kind)
    _check_year(year)
    today = today or date.today()
    if today < closable_from(year):
        raise CivregError("registers.year_not_over", year=year)
    with ctx.store.write() as s:
        _check_centre(s, centre)
        reg = register_row_for(s, centre, kind, year)
        if reg.closed_at is not None:
            raise Conflict(
                f"registers.already_closed.{kind}",
                year=year,
                centre=centre,
                day=reg.closed_at.date().strftime("%d/%m/%Y"),
            )
        reg.closed_at = utcnow()
        reg.closed_by = ctx.user.id
        ctx.audit(
            s,
            "register.close",
            after={"last_number": reg.next_number - 1, "first_number": reg.first_number},
            detail=f"{centre}/{kind}/{year}",
        )
    return _changed(centre, kind, year)
