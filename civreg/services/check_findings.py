"""What a store check finds: one plain sentence per finding (French and English)."""

from __future__ import annotations

from dataclasses import dataclass, field

from civreg.i18n import t

OK, FAIL, WARN, SKIP = "ok", "fail", "warn", "skip"


@dataclass(frozen=True)
class Msg:
    """A message key (with its own parameters) given as a parameter: translated in the
    finding's language."""

    key: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Finding:
    check: str  # integrity | pages | foreign_keys | numbering | audit | keyfile | backup | …
    status: str  # ok | fail | warn | skip
    key: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        params = {
            k: t(v.key, lang, **v.params) if isinstance(v, Msg) else v
            for k, v in self.params.items()
        }
        return t(self.key, lang, **params)

    def line(self, lang: str | None = None) -> str:
        tag = t(f"check.tag.{self.status}", lang)
        return t("check.line", lang, tag=tag, message=self.message(lang))


@dataclass(frozen=True)
class CheckReport:
    findings: tuple[Finding, ...]
    full: bool

    @property
    def ok(self) -> bool:
        return not any(f.status == FAIL for f in self.findings)

    @property
    def problems(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == FAIL)
