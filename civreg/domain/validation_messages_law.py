"""French and English messages of the rules added by issue 10 (the law in force): each says
what the rule is and what to do; the law and article are appended from the rule set
(:meth:`civreg.errors.FieldProblem.message`). No personal data: parameters are limits and
place names from the profile only.
"""

from __future__ import annotations

from civreg.i18n import register

MESSAGES: dict[str, dict[str, str]] = {
    # -- rule sets --------------------------------------------------------------------------
    "val.rule_set.ambiguous": {
        "fr": "La date incomplète chevauche un changement de loi : l'acte est contrôlé selon "
        "« {name} ». Préciser la date si elle est connue.",
        "en": 'The incomplete date spans a change in the law: the act is checked under "{name}". '
        "Give the exact date if it is known.",
    },
    "val.rule_set.before_first": {
        "fr": "Événement antérieur aux textes connus du profil : l'acte est contrôlé selon "
        "« {name} ». Vérifier les règles de l'époque.",
        "en": 'Event older than the texts the profile knows: the act is checked under "{name}". '
        "Check the rules of that time.",
    },
    # -- marriage: age and dispensation ---------------------------------------------------
    "val.marriage.under_age_dispensable": {
        "fr": "Âge minimum du mariage non atteint ({min_age} ans). En dessous, le mariage "
        "n'est possible qu'avec une dispense d'âge accordée par le {authority}, et jamais "
        "avant {floor} ans : saisir la dispense (tribunal, numéro, date).",
        "en": "Below the minimum age for marriage ({min_age} years). Below it, a marriage needs "
        "an age dispensation granted by the court ({authority}), never under {floor} years: "
        "enter the dispensation (court, number, date).",
    },
    "val.marriage.under_dispensation_age": {
        "fr": "Même avec une dispense d'âge, le mariage est impossible avant {floor} ans.",
        "en": "Even with an age dispensation, marriage is not possible under {floor} years.",
    },
    "val.marriage.no_dispensation": {
        "fr": "La loi en vigueur à la date du mariage ne prévoit pas de dispense d'âge : "
        "retirer la dispense.",
        "en": "The law in force on the date of the marriage provides no age dispensation: "
        "remove it.",
    },
    "val.marriage.dispensation_structure": {
        "fr": "Dispense d'âge mal saisie : indiquer le tribunal, le numéro et la date de la "
        "décision.",
        "en": "Age dispensation badly entered: give the court, the number and the date of the "
        "decision.",
    },
    "val.marriage.dispensation_after_event": {
        "fr": "La décision doit être antérieure au mariage (ou du même jour).",
        "en": "The decision must be dated before the marriage (or the same day).",
    },
    "val.marriage.dispensation_unneeded": {
        "fr": "Dispense d'âge saisie alors que les deux époux ont l'âge légal : vérifier.",
        "en": "An age dispensation is entered although both spouses are of legal age: check.",
    },
    "val.decision.court_required": {
        "fr": "Indiquer la juridiction qui a rendu la décision.",
        "en": "Enter the court that gave the decision.",
    },
    "val.decision.number_required": {
        "fr": "Indiquer le numéro de la décision.",
        "en": "Enter the number of the decision.",
    },
    "val.decision.date_required": {
        "fr": "Indiquer la date de la décision.",
        "en": "Enter the date of the decision.",
    },
    "val.decision.date_future": {
        "fr": "La date de la décision est dans le futur.",
        "en": "The date of the decision is in the future.",
    },
    # -- marriage: bigamy, option, dissolution --------------------------------------------
    "val.marriage.bigamy": {
        "fr": "Cet époux est encore engagé dans un mariage : un nouveau mariage est refusé "
        "(monogamie). Saisir la dissolution du mariage précédent (divorce ou décès) s'il est "
        "dissous.",
        "en": "This spouse is still bound by a marriage: a new marriage is refused (monogamy). "
        "Enter how the previous marriage ended (divorce or death) if it has.",
    },
    "val.marriage.existing_monogamy": {
        "fr": "Le mariage en cours de cet époux a été conclu sous l'option monogamique, qui ne "
        "peut pas être changée : un nouveau mariage est refusé.",
        "en": "This spouse's existing marriage was contracted under the monogamy option, which "
        "cannot be changed: a new marriage is refused.",
    },
    "val.marriage.existing_monogamy_homologation": {
        "fr": "Le mariage en cours de cet époux a été conclu sous l'option monogamique : il ne "
        "peut devenir polygamique que par l'accord des deux époux homologué par le tribunal. "
        "Un nouveau mariage est refusé sans cette homologation.",
        "en": "This spouse's existing marriage was contracted under the monogamy option: it "
        "can become polygamous only by both spouses' agreement homologated by a court. A new "
        "marriage is refused without it.",
    },
    "val.marriage.existing_unknown": {
        "fr": "Époux déjà marié : indiquer l'acte du mariage en cours pour vérifier qu'il a été "
        "conclu sous l'option polygamique.",
        "en": "Spouse already married: give the act of the existing marriage so that its "
        "polygamy option can be checked.",
    },
    "val.marriage.existing_option_unknown": {
        "fr": "L'option du mariage en cours n'est pas connue : vérifier sur l'acte qu'elle est "
        "polygamique.",
        "en": "The option of the existing marriage is not known: check on its act that it is "
        "polygamy.",
    },
    "val.marriage.dissolution_required": {
        "fr": "Époux déclaré divorcé ou veuf : indiquer comment le mariage précédent a pris fin "
        "(jugement de divorce, ou acte de décès du conjoint).",
        "en": "Spouse declared divorced or widowed: state how the previous marriage ended "
        "(divorce judgment, or the former spouse's death act).",
    },
    "val.prior.structure": {
        "fr": "Mariage antérieur mal saisi (époux concerné, acte, option, dissolution).",
        "en": "Previous marriage badly entered (spouse, act, option, how it ended).",
    },
    "val.prior.spouse_unknown": {
        "fr": "Indiquer quel époux ce mariage antérieur concerne.",
        "en": "State which spouse this previous marriage concerns.",
    },
    "val.prior.ended_by_unknown": {
        "fr": "Dissolution inconnue : divorce, décès ou annulation.",
        "en": "Unknown way of ending: divorce, death or annulment.",
    },
    "val.prior.judgment_required": {
        "fr": "Indiquer le jugement qui a prononcé le divorce ou l'annulation (tribunal, "
        "numéro, date).",
        "en": "Enter the judgment that pronounced the divorce or annulment (court, number, date).",
    },
    "val.prior.death_act_required": {
        "fr": "Indiquer la référence de l'acte de décès du conjoint précédent.",
        "en": "Enter the reference of the former spouse's death act.",
    },
    # -- dot --------------------------------------------------------------------------------
    "val.marriage.bride_price_amount": {
        "fr": "Montant de la dot invalide : un nombre positif avec sa devise.",
        "en": "Invalid bride price amount: a positive number with its currency.",
    },
    "val.marriage.bride_price_currency": {
        "fr": "Devise de la dot invalide : code à trois lettres (CDF, USD…).",
        "en": "Invalid bride price currency: three-letter code (CDF, USD…).",
    },
    "val.marriage.bride_price_status_required": {
        "fr": "Indiquer si la dot est versée, versée en partie ou non versée.",
        "en": "State whether the bride price is paid, partly paid or unpaid.",
    },
    "val.marriage.bride_price_status_unknown": {
        "fr": "État de la dot inconnu : versée, versée en partie ou non versée.",
        "en": "Unknown bride price state: paid, partly paid or unpaid.",
    },
    "val.marriage.bride_price_unpaid": {
        "fr": "Le mariage ne peut être célébré ou enregistré que si la dot a été versée, au "
        "moins en partie (elle peut être symbolique).",
        "en": "The marriage can be celebrated or registered only once the bride price has been "
        "paid, at least in part (it may be symbolic).",
    },
    "val.late.customary_judgment_required_months": {
        "fr": "Mariage coutumier ou religieux transcrit plus de {months} mois après sa "
        "célébration : un jugement est nécessaire (tribunal, numéro, date).",
        "en": "Customary or religious marriage transcribed more than {months} months after it "
        "took place: a judgment is required (court, number, date).",
    },
    # -- text limits --------------------------------------------------------------------------
    "val.text.too_long": {
        "fr": "Texte trop long : {max} caractères au plus ({length} saisis).",
        "en": "Text too long: at most {max} characters ({length} entered).",
    },
    "val.text.charset_name": {
        "fr": "Caractères non admis dans un nom : lettres (accents compris), espaces, traits "
        "d'union, apostrophes et points seulement.",
        "en": "Characters not allowed in a name: letters (with accents), spaces, hyphens, "
        "apostrophes and full stops only.",
    },
    "val.text.charset_text": {
        "fr": "Caractères non admis (retour à la ligne, tabulation ou caractère de contrôle).",
        "en": "Characters not allowed (line break, tab or control character).",
    },
    "val.text.charset_multiline": {
        "fr": "Caractères non admis (tabulation ou caractère de contrôle).",
        "en": "Characters not allowed (tab or control character).",
    },
    # -- territorial competence -----------------------------------------------------------
    "val.competence.unchecked.event_place": {
        "fr": "Choisir le lieu dans la liste des localités pour que la compétence du centre "
        "soit vérifiée.",
        "en": "Choose the place from the list of places so that this office's competence can be "
        "checked.",
    },
    "val.competence.unchecked.parents_residence": {
        "fr": "Choisir dans la liste la résidence du père ou de la mère pour que la compétence "
        "du bureau soit vérifiée.",
        "en": "Choose the father's or mother's residence from the list so that this office's "
        "competence can be checked.",
    },
    "val.competence.outside.event_place": {
        "fr": "L'événement a eu lieu hors de la commune du centre ({place}) : la déclaration "
        "relève normalement du centre de ce lieu.",
        "en": "The event took place outside this office's commune ({place}): the declaration "
        "normally belongs to the office of that place.",
    },
    "val.competence.outside.parents_residence": {
        "fr": "Les parents résident hors de la commune du bureau ({place}) : la déclaration "
        "relève normalement du bureau de leur résidence.",
        "en": "The parents live outside this office's commune ({place}): the declaration "
        "normally belongs to the office of their residence.",
    },
    "val.competence.justification_required": {
        "fr": "Indiquer pourquoi la déclaration est reçue ici malgré tout.",
        "en": "State why the declaration is received here nonetheless.",
    },
    "val.place.unknown_code": {
        "fr": "Lieu inconnu de la liste géographique : le choisir dans la liste.",
        "en": "Place not in the geography list: choose it from the list.",
    },
}

register(MESSAGES)
