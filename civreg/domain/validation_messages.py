"""French and English messages for act validation, phrased for the clerk at the counter.

They never contain personal data: the field path says which person and field is concerned;
parameters are limits from the country profile (ages, days, counts) only.
"""

from __future__ import annotations

from civreg.i18n import register

MESSAGES: dict[str, dict[str, str]] = {
    "val.required": {
        "fr": "Ce champ est obligatoire.",
        "en": "This field is required.",
    },
    "val.event_date.future.birth": {
        "fr": "La date de naissance de l'enfant est dans le futur.",
        "en": "The child's date of birth is in the future.",
    },
    "val.event_date.future.marriage": {
        "fr": "La date du mariage est dans le futur.",
        "en": "The date of the marriage is in the future.",
    },
    "val.event_date.future.death": {
        "fr": "La date du décès est dans le futur.",
        "en": "The date of death is in the future.",
    },
    "val.event_date.partial": {
        "fr": "Date incomplète : à n'utiliser que si le jour exact est inconnu.",
        "en": "Incomplete date: use only when the exact day is unknown.",
    },
    "val.date.future": {
        "fr": "Cette date est dans le futur.",
        "en": "This date is in the future.",
    },
    "val.date.must_be_full": {
        "fr": "Saisir une date complète (JJ/MM/AAAA).",
        "en": "Enter a full date (DD/MM/YYYY).",
    },
    "val.declaration.before_event": {
        "fr": "La date de déclaration précède la date de l'événement.",
        "en": "The declaration date is before the date of the event.",
    },
    "val.event_time.invalid": {
        "fr": "Heure invalide : saisir HH:MM (de 00:00 à 23:59).",
        "en": "Invalid time: type HH:MM (00:00 to 23:59).",
    },
    "val.event_place_type.unknown": {
        "fr": "Type de lieu inconnu (formation sanitaire, domicile ou autre).",
        "en": "Unknown kind of place (health facility, home or other).",
    },
    "val.person.role_unknown": {
        "fr": "Le rôle « {role} » n'est pas prévu pour ce type d'acte.",
        "en": 'The role "{role}" does not exist for this kind of act.',
    },
    "val.person.role_repeated": {
        "fr": "Cette personne est saisie deux fois dans le même rôle.",
        "en": "This person is entered twice in the same role.",
    },
    "val.sex.invalid": {
        "fr": "Sexe invalide : 1 masculin, 2 féminin, 0 inconnu, 9 sans objet.",
        "en": "Invalid sex: 1 male, 2 female, 0 unknown, 9 not applicable.",
    },
    "val.sex.mother": {
        "fr": "La mère doit être de sexe féminin.",
        "en": "The mother must be female.",
    },
    "val.sex.father": {
        "fr": "Le père doit être de sexe masculin.",
        "en": "The father must be male.",
    },
    "val.person.date_and_age": {
        "fr": "Indiquer soit la date de naissance, soit l'âge approximatif, pas les deux.",
        "en": "Give either the date of birth or the approximate age, not both.",
    },
    "val.person.age_invalid": {
        "fr": "Âge approximatif invalide (de 0 à 130 ans).",
        "en": "Invalid approximate age (0 to 130 years).",
    },
    "val.person.born_after_event": {
        "fr": "La date de naissance de cette personne est postérieure à l'événement.",
        "en": "This person's date of birth is after the event.",
    },
    "val.person.marital_status_unknown": {
        "fr": "Situation matrimoniale inconnue (célibataire, marié, divorcé, veuf).",
        "en": "Unknown marital status (single, married, divorced, widowed).",
    },
    "val.mother.age_unusual": {
        "fr": "Âge inhabituel pour une mère (attendu : {min} à {max} ans) : vérifier la date "
        "de naissance.",
        "en": "Unusual age for a mother (expected {min} to {max} years): check the date of birth.",
    },
    "val.father.age_unusual": {
        "fr": "Âge inhabituel pour un père (attendu : {min} à {max} ans) : vérifier la date "
        "de naissance.",
        "en": "Unusual age for a father (expected {min} to {max} years): check the date of birth.",
    },
    "val.declarant.capacity_not_allowed": {
        "fr": "Cette qualité de déclarant n'est pas admise pour ce type d'acte.",
        "en": "This declarant capacity is not allowed for this kind of act.",
    },
    "val.declarant.document_required": {
        "fr": "Un mandataire doit présenter une procuration écrite : en indiquer la référence.",
        "en": "A proxy must hold a written power of attorney: enter its reference.",
    },
    "val.late.judgment_required": {
        "fr": "Déclaration hors délai : un jugement supplétif est nécessaire (tribunal, "
        "numéro, date).",
        "en": "Late declaration: a court judgment is required (court, number, date).",
    },
    "val.late.customary_judgment_required": {
        "fr": "Mariage coutumier enregistré plus de {days} jours après sa célébration : une "
        "décision du tribunal est nécessaire (tribunal, numéro, date).",
        "en": "Customary marriage registered more than {days} days after it took place: a "
        "court decision is required (court, number, date).",
    },
    "val.judgment.court_required": {
        "fr": "Indiquer le tribunal qui a rendu le jugement.",
        "en": "Enter the court that gave the judgment.",
    },
    "val.judgment.number_required": {
        "fr": "Indiquer le numéro du jugement.",
        "en": "Enter the judgment number.",
    },
    "val.judgment.date_required": {
        "fr": "Indiquer la date du jugement.",
        "en": "Enter the date of the judgment.",
    },
    "val.judgment.date_future": {
        "fr": "La date du jugement est dans le futur.",
        "en": "The date of the judgment is in the future.",
    },
    "val.judgment.before_event": {
        "fr": "Le jugement ne peut pas être antérieur à l'événement.",
        "en": "The judgment cannot be dated before the event.",
    },
    "val.transcription.number_invalid": {
        "fr": "Numéro de l'acte papier invalide (nombre entier positif).",
        "en": "Invalid paper act number (a positive whole number).",
    },
    "val.number.invalid": {
        "fr": "Nombre entier attendu.",
        "en": "A whole number is expected.",
    },
    "val.marriage.under_age": {
        "fr": "Âge minimum du mariage non atteint ({min_age} ans).",
        "en": "Below the minimum age for marriage ({min_age} years).",
    },
    "val.marriage.age_ambiguous": {
        "fr": "Date de naissance incomplète : l'âge minimum du mariage ({min_age} ans) ne peut "
        "pas être vérifié. Contrôler la pièce d'identité.",
        "en": "Incomplete date of birth: the minimum age for marriage ({min_age} years) cannot "
        "be checked. Check the identity document.",
    },
    "val.marriage.age_unknown": {
        "fr": "Date de naissance ou âge nécessaire pour vérifier l'âge minimum du mariage "
        "({min_age} ans).",
        "en": "A date of birth or an age is needed to check the minimum age for marriage "
        "({min_age} years).",
    },
    "val.marriage.option_required": {
        "fr": "Choisir l'option matrimoniale (monogamie ou polygamie).",
        "en": "Choose the marriage option (monogamy or polygamy).",
    },
    "val.marriage.option_unknown": {
        "fr": "Cette option matrimoniale n'est pas prévue par la loi de ce pays.",
        "en": "This marriage option is not provided for by this country's law.",
    },
    "val.marriage.form_unknown": {
        "fr": "Forme de mariage non prévue (civil ou enregistrement d'un mariage coutumier…).",
        "en": "Form of marriage not provided for (civil, registration of a customary marriage…).",
    },
    "val.marriage.regime_required": {
        "fr": "Choisir le régime matrimonial.",
        "en": "Choose the matrimonial property regime.",
    },
    "val.marriage.regime_unknown": {
        "fr": "Ce régime matrimonial n'est pas prévu par la loi de ce pays.",
        "en": "This property regime is not provided for by this country's law.",
    },
    "val.marriage.bride_price_required": {
        "fr": "Indiquer la dot (montant et devise, ou description) et si elle est versée.",
        "en": "Enter the bride price (amount and currency, or a description) and whether it "
        "is paid.",
    },
    "val.marriage.bride_price_invalid": {
        "fr": "Dot invalide : un montant positif avec sa devise (CDF, USD…) ou une description, "
        "et son état (versée, versée en partie, non versée).",
        "en": "Invalid bride price: a positive amount with its currency (CDF, USD…) or a "
        "description, and its state (paid, partly paid, unpaid).",
    },
    "val.marriage.bride_price_not_applicable": {
        "fr": "La dot n'est pas inscrite sur l'acte dans ce pays.",
        "en": "The bride price is not recorded on the act in this country.",
    },
    "val.marriage.same_sex": {
        "fr": "La loi de ce pays exige des époux de sexes différents.",
        "en": "This country's law requires spouses of different sexes.",
    },
    "val.witness.too_few": {
        "fr": "Au moins {min} témoins majeurs sont nécessaires.",
        "en": "At least {min} adult witnesses are required.",
    },
    "val.witness.under_age": {
        "fr": "Un témoin doit avoir au moins {min_age} ans.",
        "en": "A witness must be at least {min_age} years old.",
    },
    "val.witness.age_unknown": {
        "fr": "Âge du témoin inconnu : vérifier qu'il a au moins {min_age} ans.",
        "en": "Witness's age unknown: check that they are at least {min_age} years old.",
    },
    "val.death.before_birth": {
        "fr": "La date du décès est antérieure à la date de naissance du défunt.",
        "en": "The date of death is before the deceased's date of birth.",
    },
    "val.cause.structure": {
        "fr": "Cause du décès mal structurée (partie 1 : lignes a à d ; partie 2 : autres "
        "états morbides).",
        "en": "Badly structured cause of death (part 1: lines a to d; part 2: other "
        "significant conditions).",
    },
    "val.cause.too_many_lines": {
        "fr": "La partie 1 comporte au plus 4 lignes (a à d).",
        "en": "Part 1 has at most 4 lines (a to d).",
    },
    "val.cause.text_required": {
        "fr": "Indiquer la maladie ou l'affection sur cette ligne.",
        "en": "Enter the disease or condition on this line.",
    },
    "val.cause.icd10_invalid": {
        "fr": "Code CIM-10 invalide (exemples : A09, I21.9).",
        "en": "Invalid ICD-10 code (examples: A09, I21.9).",
    },
    "val.cause.interval_invalid": {
        "fr": "Intervalle invalide : texte court (ex. « 3 jours »).",
        "en": 'Invalid interval: short text (e.g. "3 days").',
    },
    "val.birth.weight_implausible": {
        "fr": "Poids de naissance impossible : saisir le poids en grammes (300 à 7000).",
        "en": "Impossible birth weight: enter the weight in grams (300 to 7000).",
    },
    "val.birth.weight_unusual": {
        "fr": "Poids de naissance inhabituel : vérifier la saisie (en grammes).",
        "en": "Unusual birth weight: check the entry (in grams).",
    },
    "val.birth.multiplicity_unknown": {
        "fr": "Type de naissance inconnu (simple, gémellaire, triple, autre).",
        "en": "Unknown kind of birth (single, twin, triplet, other).",
    },
    "val.birth.order_invalid": {
        "fr": "Rang de naissance invalide pour ce type de naissance.",
        "en": "Invalid birth order for this kind of birth.",
    },
    "val.birth.order_required": {
        "fr": "Indiquer le rang de l'enfant (1er, 2e…) pour une naissance multiple.",
        "en": "Enter the child's birth order (1st, 2nd…) for a multiple birth.",
    },
    "val.birth.child_date_mismatch": {
        "fr": "La date de naissance de l'enfant doit être la date de l'événement.",
        "en": "The child's date of birth must be the date of the event.",
    },
    "val.birth.child_age": {
        "fr": "L'enfant n'a pas d'âge approximatif : seule la date de naissance compte.",
        "en": "The child has no approximate age: only the date of birth counts.",
    },
    "val.birth.children_born_alive_invalid": {
        "fr": "Nombre d'enfants nés vivants invalide (au moins 1, cet enfant compris).",
        "en": "Invalid number of children born alive (at least 1, this child included).",
    },
}

register(MESSAGES)
