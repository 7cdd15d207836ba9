"""French and English messages of the marginal-mention rules (:mod:`civreg.domain.mention_rules`)
and of corrections. Each names the rule broken and what to do; none contains personal data
(parameters are authority labels and ages from the country profile)."""

from __future__ import annotations

from civreg.i18n import register

_ACT_FR = {"birth": "de naissance", "marriage": "de mariage", "death": "de décès"}
_ACT_EN = {"birth": "birth", "marriage": "marriage", "death": "death"}

MESSAGES: dict[str, dict[str, str]] = {
    "mention.kind_not_in_profile": {
        "fr": "Ce type de mention n'est pas prévu par la loi du pays (profil) : il ne peut pas "
        "être inscrit.",
        "en": "The country's law (profile) provides no such mention: it cannot be recorded.",
    },
    "mention.act_cancelled": {
        "fr": "Cet acte est annulé : il ne reçoit plus de mention, sauf la rectification de "
        "la mention d'annulation elle-même.",
        "en": "This act is cancelled: it takes no further mention, except a rectification of "
        "the cancellation itself.",
    },
    "mention.once": {
        "fr": "Cet acte porte déjà une mention de ce type : elle ne s'inscrit qu'une fois.",
        "en": "This act already carries a mention of this kind: it is recorded only once.",
    },
    "mention.rectifies_unknown": {
        "fr": "La mention à rectifier n'est pas une mention de cet acte.",
        "en": "The mention to rectify is not a mention of this act.",
    },
    "mention.bad_date": {
        "fr": "Date de mention invalide ou dans le futur : saisir la date complète du fait ou "
        "de la décision (JJ/MM/AAAA).",
        "en": "Invalid mention date, or in the future: enter the full date of the fact or of "
        "the decision (DD/MM/YYYY).",
    },
    "mention.needs_text": {
        "fr": "Le texte de la mention est obligatoire.",
        "en": "The text of the mention is required.",
    },
    "mention.needs_authority": {
        "fr": "Indiquez l'autorité qui a ordonné cette mention (tribunal, juge…).",
        "en": "Give the authority that ordered this mention (court, judge…).",
    },
    "mention.needs_authority_choice": {
        "fr": "Indiquez l'autorité qui l'a ordonnée : {choices}, ou « autre » avec une précision.",
        "en": 'Give the authority that ordered it: {choices}, or "other" with a note.',
    },
    "mention.authority_unknown": {
        "fr": "Autorité inconnue : choisir parmi {choices}, ou « autre » avec une précision.",
        "en": 'Unknown authority: choose among {choices}, or "other" with a note.',
    },
    "mention.authority_other_needs_note": {
        "fr": "Autorité « autre » : précisez laquelle (nom et siège).",
        "en": '"Other" authority: say which one (name and seat).',
    },
    "mention.authority_other": {
        "fr": "Autorité hors de la liste des autorités compétentes ({choices}) : vérifiez sa "
        "compétence avant d'inscrire la mention.",
        "en": "Authority outside the list of competent authorities ({choices}): check it is "
        "competent before recording the mention.",
    },
    "mention.authority_not_competent": {
        "fr": "Cette autorité n'est pas compétente pour ordonner cette mention (autorités "
        "compétentes : {choices}).",
        "en": "This authority is not competent to order this mention (competent authorities: "
        "{choices}).",
    },
    "mention.needs_reference": {
        "fr": "Indiquez la référence de la décision (numéro de l'ordonnance ou du jugement).",
        "en": "Give the reference of the decision (number of the order or judgment).",
    },
    "mention.reference_recommended": {
        "fr": "Aucune référence : indiquez si possible celle de l'acte ou de la décision.",
        "en": "No reference: give the act's or decision's reference if you can.",
    },
    "mention.related_not_registered": {
        "fr": "L'acte visé n'est pas encore enregistré : enregistrez-le d'abord.",
        "en": "The act referred to is not registered yet: register it first.",
    },
    "mention.corrections_not_allowed": {
        "fr": "Ce type de mention ne corrige aucun champ de l'acte : utilisez une rectification.",
        "en": "This kind of mention corrects no field of the act: use a rectification.",
    },
    "mention.corrections_required": {
        "fr": "Indiquez les champs corrigés et leur nouvelle valeur.",
        "en": "Give the corrected fields and their new values.",
    },
    "mention.corrections_recommended": {
        "fr": "Aucun champ corrigé n'est indiqué : les copies continueront d'imprimer la valeur "
        "d'origine. Indiquez les champs corrigés si la décision en corrige.",
        "en": "No corrected field given: copies will keep printing the original value. Give "
        "the corrected fields if the decision corrects any.",
    },
    "mention.correction.field_unknown": {
        "fr": "Ce champ ne peut pas être corrigé par une mention.",
        "en": "This field cannot be corrected by a mention.",
    },
    "mention.correction.field_not_allowed": {
        "fr": "Ce type de mention ne peut pas corriger ce champ.",
        "en": "This kind of mention cannot correct this field.",
    },
    "mention.correction.person_absent": {
        "fr": "Cette personne ne figure pas sur l'acte : une rectification ne l'ajoute pas "
        "(reconnaissance ou jugement).",
        "en": "This person is not on the act: a rectification does not add one (recognition "
        "or judgment).",
    },
    "mention.correction.sex_invalid": {
        "fr": "Sexe invalide : 1 masculin, 2 féminin, 0 inconnu, 9 sans objet.",
        "en": "Invalid sex: 1 male, 2 female, 0 unknown, 9 not applicable.",
    },
    "mention.correction.value_invalid": {
        "fr": "Valeur corrigée invalide.",
        "en": "Invalid corrected value.",
    },
    "mention.correction.empty": {
        "fr": "Ce champ ne peut pas être vidé par une correction.",
        "en": "This field cannot be emptied by a correction.",
    },
    "mention.correction.too_long": {
        "fr": "Valeur corrigée trop longue (200 caractères au plus).",
        "en": "Corrected value too long (200 characters at most).",
    },
    "mention.correction.date_invalid": {
        "fr": "Date corrigée invalide : saisir JJ/MM/AAAA, MM/AAAA ou AAAA.",
        "en": "Invalid corrected date: type DD/MM/YYYY, MM/YYYY or YYYY.",
    },
    "mention.correction.date_future": {
        "fr": "La date corrigée est dans le futur.",
        "en": "The corrected date is in the future.",
    },
    "mention.correction.time_invalid": {
        "fr": "Heure corrigée invalide : saisir HH:MM.",
        "en": "Invalid corrected time: type HH:MM.",
    },
    "mention.correction.same_value": {
        "fr": "La valeur corrigée est celle que l'acte porte déjà.",
        "en": "The corrected value is the one the act already bears.",
    },
    "mention.before_event": {
        "fr": "La date de la mention précède l'événement que l'acte constate.",
        "en": "The mention's date is before the event the act records.",
    },
    "mention.needs_prior_marriage": {
        "fr": "Aucun mariage n'est mentionné sur cet acte : inscrivez d'abord la mention du "
        "mariage, ou indiquez l'acte de mariage dissous.",
        "en": "No marriage is mentioned on this act: record the marriage mention first, or "
        "give the marriage act dissolved.",
    },
    "mention.before_marriage": {
        "fr": "Le divorce ne peut pas précéder le mariage qu'il dissout.",
        "en": "The divorce cannot precede the marriage it dissolves.",
    },
    "mention.before_related_event": {
        "fr": "La date de la mention précède l'événement de l'acte visé.",
        "en": "The mention's date is before the event of the act referred to.",
    },
    "mention.after_death": {
        "fr": "La date de la mention est postérieure au décès mentionné sur l'acte.",
        "en": "The mention's date is after the death mentioned on the act.",
    },
    "mention.subject_too_young": {
        "fr": "À cette date, la personne n'avait pas {min_age} ans, l'âge le plus bas auquel la "
        "loi ait jamais permis ce fait : vérifiez l'acte visé et la date.",
        "en": "On that date the person was not yet {min_age}, the lowest age at which the law "
        "ever allowed this: check the act referred to and the date.",
    },
}
for kind in ("birth", "marriage", "death"):
    MESSAGES[f"mention.not_on.{kind}"] = {
        "fr": f"Ce type de mention ne s'inscrit pas sur un acte {_ACT_FR[kind]}.",
        "en": f"This kind of mention is not recorded on a {_ACT_EN[kind]} act.",
    }
    MESSAGES[f"mention.needs_related_ref.{kind}"] = {
        "fr": f"Indiquez l'identifiant de l'acte {_ACT_FR[kind]} qui fonde cette mention.",
        "en": f"Give the identifier of the {_ACT_EN[kind]} act this mention rests on.",
    }
    MESSAGES[f"mention.related_wrong_kind.{kind}"] = {
        "fr": f"L'acte visé n'est pas un acte {_ACT_FR[kind]}.",
        "en": f"The act referred to is not a {_ACT_EN[kind]} act.",
    }
MESSAGES["mention.needs_related_ref.act"] = {
    "fr": "Indiquez l'identifiant de l'acte qui fonde cette mention.",
    "en": "Give the identifier of the act this mention rests on.",
}

register(MESSAGES)
