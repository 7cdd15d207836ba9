"""Roles and operations in words, for the refusal a user reads when their role does not
allow an operation: what they tried, and which role may do it — never the internal permission
name (``stats.view``)."""

from __future__ import annotations

from civreg.domain.roles import PERMISSIONS
from civreg.errors import set_refusal_wording
from civreg.i18n import register, t

ROLE_ORDER = ("clerk", "registrar", "district", "admin")

register(
    {
        # a role, as "to the …" (French, with its article) and "a …" (English)
        "role.to.clerk": {"fr": "à l'agent d'état civil", "en": "a clerk"},
        "role.to.registrar": {"fr": "à l'officier de l'état civil", "en": "a registrar"},
        "role.to.district": {"fr": "à l'agent du district", "en": "a district officer"},
        "role.to.admin": {"fr": "à l'administrateur", "en": "an administrator"},
        "role.or": {"fr": " ou ", "en": " or "},
        # a role, as an account's title
        "role.name.clerk": {"fr": "agent d'état civil", "en": "clerk"},
        "role.name.registrar": {"fr": "officier de l'état civil", "en": "registrar"},
        "role.name.district": {"fr": "agent du district", "en": "district officer"},
        "role.name.admin": {"fr": "administrateur", "en": "administrator"},
        # an account's state, after its roles
        "account.signs": {"fr": "signe les actes", "en": "signs acts"},
        "account.disabled": {"fr": "désactivé", "en": "disabled"},
        "account.locked": {
            "fr": "bloqué (trop de mots de passe erronés)",
            "en": "locked (too many wrong passwords)",
        },
        "permission.refused": {
            "fr": "{what} : réservé {roles}. Connectez-vous avec un compte qui a ce rôle, ou "
            "demandez-le à l'administrateur.",
            "en": "{what}: only {roles} can do this. Log in with an account that has this "
            "role, or ask the administrator for it.",
        },
        "permission.refused.other": {
            "fr": "Votre rôle ne permet pas cette opération.",
            "en": "Your role does not allow this operation.",
        },
        # every operation of civreg.domain.roles.PERMISSIONS, as a user names it
        "operation.act.view": {"fr": "Consulter les actes", "en": "Viewing acts"},
        "operation.search": {"fr": "Rechercher des actes", "en": "Searching acts"},
        "operation.draft.create": {
            "fr": "Saisir une déclaration",
            "en": "Entering a declaration",
        },
        "operation.draft.edit": {"fr": "Modifier un brouillon", "en": "Editing a draft"},
        "operation.draft.delete": {"fr": "Supprimer un brouillon", "en": "Deleting a draft"},
        "operation.act.register": {
            "fr": "Enregistrer (signer) un acte",
            "en": "Registering (signing) an act",
        },
        "operation.mention.add": {
            "fr": "Porter une mention marginale",
            "en": "Recording a marginal mention",
        },
        "operation.notice.apply": {
            "fr": "Appliquer un avis de mention reçu",
            "en": "Applying a mention notice received",
        },
        "operation.copy.issue": {
            "fr": "Délivrer une copie ou un extrait",
            "en": "Issuing a copy or an extract",
        },
        "operation.duplicate.decide": {
            "fr": "Trancher un doublon possible",
            "en": "Deciding on a possible duplicate",
        },
        "operation.register.configure": {
            "fr": "Reprendre la numérotation d'un registre papier",
            "en": "Continuing a paper register's numbering",
        },
        "operation.register.close": {"fr": "Clore un registre", "en": "Closing a register"},
        "operation.register.print": {
            "fr": "Imprimer les pages du registre",
            "en": "Printing register pages",
        },
        "operation.register.second_original": {
            "fr": "Établir le second original du registre",
            "en": "Producing the register's second original",
        },
        "operation.session.close": {
            "fr": "Clore la journée d'enregistrement",
            "en": "Closing the day's registrations",
        },
        "operation.batch.export": {
            "fr": "Exporter un lot pour le district",
            "en": "Exporting a batch for the district",
        },
        "operation.batch.import": {"fr": "Importer des lots", "en": "Importing batches"},
        "operation.receipt.import": {
            "fr": "Importer un accusé de réception",
            "en": "Importing a receipt",
        },
        "operation.quarantine.review": {
            "fr": "Examiner la quarantaine",
            "en": "Reviewing the quarantine",
        },
        "operation.stats.view": {"fr": "Consulter les statistiques", "en": "Viewing statistics"},
        "operation.stats.configure": {
            "fr": "Régler les statistiques (naissances attendues, DHIS2)",
            "en": "Setting up statistics (expected births, DHIS2)",
        },
        "operation.user.manage": {
            "fr": "Gérer les comptes utilisateurs",
            "en": "Managing user accounts",
        },
        "operation.office.settings": {
            "fr": "Modifier les réglages du bureau",
            "en": "Changing the office settings",
        },
        "operation.keys.manage": {"fr": "Gérer les clés", "en": "Managing keys"},
        "operation.audit.verify": {
            "fr": "Vérifier le journal d'audit",
            "en": "Verifying the audit log",
        },
        "operation.store.backup": {
            "fr": "Sauvegarder ou restaurer le registre",
            "en": "Backing up or restoring the store",
        },
        "operation.store.check": {"fr": "Vérifier le registre", "en": "Checking the store"},
    }
)


def roles_text(roles: frozenset[str] | set[str], lang: str | None = None) -> str:
    """``à l'officier de l'état civil ou à l'administrateur`` / ``a registrar or an
    administrator``."""
    words = [t(f"role.to.{r}", lang) for r in ROLE_ORDER if r in roles]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + t("role.or", lang) + words[-1]


def role_names(roles: list[str] | tuple[str, ...], lang: str | None = None) -> str:
    """An account's roles as titles, in the usual order: ``agent d'état civil,
    administrateur``; a role this version does not know is shown as it is stored."""
    known = [r for r in ROLE_ORDER if r in roles]
    unknown = [r for r in roles if r not in ROLE_ORDER]
    return ", ".join([t(f"role.name.{r}", lang) for r in known] + unknown)


def account_text(
    roles: list[str] | tuple[str, ...],
    *,
    disabled: bool,
    locked: bool,
    can_sign: bool,
    lang: str | None = None,
) -> str:
    """``officier de l'état civil — signe les actes`` / ``clerk — disabled``."""
    states = [
        t(key, lang)
        for key, on in (("account.signs", can_sign), ("account.disabled", disabled),
                        ("account.locked", locked))
        if on
    ]  # fmt: skip
    return " — ".join([role_names(roles, lang), *states])


def refusal(operation: str, lang: str | None = None) -> str:
    """The refusal of ``operation`` in words: what it is and which roles may do it."""
    roles = PERMISSIONS.get(operation)
    if not roles:
        return t("permission.refused.other", lang)
    return t(
        "permission.refused",
        lang,
        what=t(f"operation.{operation}", lang),
        roles=roles_text(roles, lang),
    )


set_refusal_wording(refusal)
