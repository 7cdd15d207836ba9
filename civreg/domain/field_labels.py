"""The names a clerk gives to fields, for messages: ``child.given_names`` is shown as
« Enfant — prénoms », ``witness[1].birth_date`` as « Témoin 2 — date de naissance »,
``details.bride_price.status`` as « Dot — paiement ». Internal paths stay in
:class:`~civreg.errors.FieldProblem` (the form places problems with them) but are never shown.
"""

from __future__ import annotations

import re

from civreg.errors import set_field_labeller
from civreg.i18n import register, t

_ROLES = {
    "child": ("Enfant", "Child"),
    "father": ("Père", "Father"),
    "mother": ("Mère", "Mother"),
    "declarant": ("Déclarant", "Declarant"),
    "spouse1": ("Premier époux", "First spouse"),
    "spouse2": ("Second époux", "Second spouse"),
    "witness": ("Témoin {n}", "Witness {n}"),
    "deceased": ("Défunt", "Deceased"),
    "spouse": ("Conjoint du défunt", "Spouse of the deceased"),
    "spouse1_father": ("Père du premier époux", "First spouse's father"),
    "spouse1_mother": ("Mère du premier époux", "First spouse's mother"),
    "spouse2_father": ("Père du second époux", "Second spouse's father"),
    "spouse2_mother": ("Mère du second époux", "Second spouse's mother"),
}
_PERSON_FIELDS = {
    "family_name": ("nom", "family name"),
    "post_nom": ("post-nom", "post-nom"),
    "given_names": ("prénoms", "given names"),
    "sex": ("sexe", "sex"),
    "birth_date": ("date de naissance", "date of birth"),
    "approx_age": ("âge", "age"),
    "birth_place": ("lieu de naissance", "place of birth"),
    "profession": ("profession", "occupation"),
    "domicile": ("domicile", "residence"),
    "nationality": ("nationalité", "nationality"),
    "id_document": ("pièce d'identité", "identity document"),
    "marital_status": ("situation matrimoniale", "marital status"),
    "previous_marital_status": ("situation matrimoniale antérieure", "previous marital status"),
    "capacity": ("qualité", "capacity"),
    "birth_act_ref": ("référence de l'acte de naissance", "birth act reference"),
}
_ACT_FIELDS = {
    "event_date": ("Date de l'événement", "Date of the event"),
    "event_time": ("Heure de l'événement", "Time of the event"),
    "event_place": ("Lieu de l'événement", "Place of the event"),
    "event_place_type": ("Type de lieu", "Kind of place"),
    "declaration_date": ("Date de la déclaration", "Date of the declaration"),
    "centre": ("Centre d'état civil", "Civil status centre"),
    "kind": ("Type d'acte", "Kind of act"),
    "act": ("Acte", "Act"),
    "judgment": ("Jugement supplétif", "Court judgment (late registration)"),
    "judgment.court": ("Jugement supplétif — tribunal", "Court judgment — court"),
    "judgment.number": ("Jugement supplétif — numéro", "Court judgment — number"),
    "judgment.date": ("Jugement supplétif — date", "Court judgment — date"),
    "transcription": ("Transcription d'un acte papier", "Transcription of a paper act"),
    "transcription.original_number": ("Numéro de l'acte papier", "Paper act number"),
    "transcription.original_date": ("Date de l'acte papier", "Paper act date"),
    "transcription.note": ("Note de transcription", "Transcription note"),
    "witness": ("Témoins", "Witnesses"),
    # marginal mentions
    "date": ("Date de la mention", "Date of the mention"),
    "text": ("Texte de la mention", "Text of the mention"),
    "authority": ("Autorité", "Authority"),
    "reference": ("Référence de la décision", "Reference of the decision"),
    "kind_of_mention": ("Type de mention", "Kind of mention"),
    # issue 10 items 1, 5-7 and issue 12 item 2 (received date, mentions' references)
    "received_date": ("Jour de réception de la déclaration", "Day the declaration was received"),
    "paper_receipt": ("Réception sur papier (déclaration de l'officier)", "Receipt on paper"),
    "related_ref": ("Acte sur lequel repose la mention", "Act the mention rests on"),
    "rectifies": ("Mention rectifiée", "Mention rectified"),
    "corrections": ("Champs corrigés", "Corrected fields"),
}
_DETAILS = {
    "multiplicity": ("Type de naissance", "Kind of birth"),
    "birth_order": ("Rang de naissance", "Birth order"),
    "weight_grams": ("Poids de naissance", "Birth weight"),
    "attendant": ("Personne ayant assisté l'accouchement", "Birth attendant"),
    "mother_children_born_alive": ("Enfants nés vivants de la mère", "Mother's live births"),
    "health_facility_register_ref": (
        "Référence du registre de la formation sanitaire",
        "Health facility register reference",
    ),
    "power_of_attorney_ref": ("Procuration écrite", "Written power of attorney"),
    "form": ("Forme du mariage", "Form of marriage"),
    "option": ("Option matrimoniale", "Marriage option"),
    "property_regime": ("Régime matrimonial", "Property regime"),
    "bride_price": ("Dot", "Bride price"),
    "bride_price.amount": ("Dot — montant", "Bride price — amount"),
    "bride_price.currency": ("Dot — devise", "Bride price — currency"),
    "bride_price.status": ("Dot — versement", "Bride price — payment"),
    "bride_price.description": ("Dot — description", "Bride price — description"),
    "parental_consent": ("Consentement des parents", "Parents' consent"),
    "age_dispensation": ("Dispense d'âge", "Age dispensation"),
    "age_dispensation.court": ("Dispense d'âge — tribunal", "Age dispensation — court"),
    "age_dispensation.number": ("Dispense d'âge — numéro", "Age dispensation — number"),
    "age_dispensation.date": ("Dispense d'âge — date", "Age dispensation — date"),
    "prior_marriages": ("Mariages antérieurs", "Previous marriages"),
    "event_place_code": ("Lieu de l'événement (liste)", "Place of the event (list)"),
    "parents_residence_code": ("Résidence des parents (liste)", "Parents' residence (list)"),
    "competence_justification": (
        "Motif de la déclaration hors ressort",
        "Reason for declaring outside this office's area",
    ),
    "cause": ("Cause du décès", "Cause of death"),
    # a found child, an unidentified deceased (issue 10 item 7: civreg.domain.special_acts)
    "found_child": ("Enfant trouvé — procès-verbal", "Found child — report"),
    "unidentified_deceased": ("Défunt non identifié — procès-verbal", "Unidentified — report"),
}
_SPECIAL_ITEMS = {
    "report_ref": ("référence du procès-verbal", "report reference"),
    "report_authority": ("autorité qui l'a dressé", "authority that drew it up"),
    "found_date": ("date de la découverte", "date found"),
    "found_place": ("lieu de la découverte", "place found"),
    "apparent_age": ("âge apparent", "apparent age"),
    "circumstances": ("circonstances", "circumstances"),
    "particulars": ("signes particuliers", "particulars"),
    "entrusted_to": ("confié à", "entrusted to"),
    "description": ("signalement", "physical description"),
}
_PRIOR_FIELDS = {
    "spouse": ("époux concerné", "spouse concerned"),
    "act_ref": ("référence de l'acte", "act reference"),
    "option": ("option", "option"),
    "ended_by": ("dissolution", "dissolution"),
    "ended_judgment": ("jugement de dissolution", "dissolution judgment"),
    "ended_judgment.court": ("jugement — tribunal", "judgment — court"),
    "ended_judgment.number": ("jugement — numéro", "judgment — number"),
    "ended_judgment.date": ("jugement — date", "judgment — date"),
    "ended_death_act_ref": ("acte de décès du conjoint", "former spouse's death act"),
}
_CAUSE = re.compile(r"cause\.(part[12])(?:\[(\d+)\])?(?:\.(\w+))?$")
_INDEXED = re.compile(r"^(\w+)\[(\d+)\](?:\.(.+))?$")

register(
    {
        "label.person_field": {"fr": "{who} — {what}", "en": "{who} — {what}"},
        "label.prior_marriage": {
            "fr": "Mariage antérieur {n} — {what}",
            "en": "Previous marriage {n} — {what}",
        },
        "label.cause": {
            "fr": "Cause du décès, partie {part}, ligne {line}",
            "en": "Cause of death, part {part}, line {line}",
        },
        "label.unknown": {"fr": "Champ « {name} »", "en": 'Field "{name}"'},
        "label.act_index": {"fr": "Acte n° {n}", "en": "Act no. {n}"},
    }
)


def _pick(pair: tuple[str, str], lang: str | None) -> str:
    from civreg.i18n import get_language

    return pair[1] if (lang or get_language()) == "en" else pair[0]


def field_label(path: str, lang: str | None = None) -> str:
    """A human label for a field path; an unknown path gives « Champ « x » » (what a JSON
    author typed), never a Python repr."""
    if not path:
        return ""
    if path in _ACT_FIELDS:
        return _pick(_ACT_FIELDS[path], lang)
    head, _, rest = path.partition(".")
    if head == "corrections" and rest:  # a field a mention corrects
        return f"{_pick(_ACT_FIELDS['corrections'], lang)} — {field_label(rest, lang)}"
    if head == "details":
        return _details_label(rest, lang)
    m = _INDEXED.match(path)
    role, position = (m.group(1), int(m.group(2))) if m else (head, 0)
    field = (m.group(3) or "") if m else rest
    if role in _ROLES:
        who = _pick(_ROLES[role], lang).format(n=position)
        if not field:
            return who
        what = _pick(_PERSON_FIELDS[field], lang) if field in _PERSON_FIELDS else field
        return t("label.person_field", lang, who=who, what=what)
    return t("label.unknown", lang, name=path)


def _details_label(rest: str, lang: str | None) -> str:
    if rest in _DETAILS:
        return _pick(_DETAILS[rest], lang)
    m = _INDEXED.match(rest)
    if m and m.group(1) == "prior_marriages":
        sub = m.group(3) or ""
        what = _pick(_PRIOR_FIELDS.get(sub, ("", "")), lang) or sub
        n = int(m.group(2)) + 1
        return t("label.prior_marriage", lang, n=n, what=what) if sub else f"{n}"
    c = _CAUSE.match(rest)
    if c:
        part = c.group(1)[-1]
        line = "abcd"[int(c.group(2))] if c.group(2) and int(c.group(2)) < 4 else "?"
        return t("label.cause", lang, part=part, line=line)
    head, _, item = rest.partition(".")
    if head in ("found_child", "unidentified_deceased") and item in _SPECIAL_ITEMS:
        return f"{_pick(_DETAILS[head], lang)} — {_pick(_SPECIAL_ITEMS[item], lang)}"
    if head in _DETAILS:
        return _pick(_DETAILS[head], lang)
    return t("label.unknown", lang, name=rest)


def act_label(index: int, lang: str | None = None) -> str:
    """« Acte n° 3 » for the third act of a declaration file (0-based ``index``)."""
    return t("label.act_index", lang, n=index + 1)


set_field_labeller(field_label)
