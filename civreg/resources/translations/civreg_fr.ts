<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActForm</name>
    <message>
        <source>Birth declaration</source>
        <translation>Déclaration de naissance</translation>
    </message>
    <message>
        <source>Marriage declaration</source>
        <translation>Déclaration de mariage</translation>
    </message>
    <message>
        <source>Death declaration</source>
        <translation>Déclaration de décès</translation>
    </message>
    <message>
        <source>Save draft (Ctrl+S)</source>
        <translation>Enregistrer le brouillon (Ctrl+S)</translation>
    </message>
    <message>
        <source>Register (Ctrl+Enter)</source>
        <translation>Inscrire au registre (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Not registered.</source>
        <translation>Non inscrit.</translation>
    </message>
    <message>
        <source>Registered under number {number}: {shown} was taken meanwhile.</source>
        <translation>Inscrit sous le numéro {number} : le {shown} a été pris entre-temps.</translation>
    </message>
    <message>
        <source>Not registered: correct the fields marked in red.</source>
        <translation>Non inscrit : corrigez les champs signalés en rouge.</translation>
    </message>
    <message>
        <source>Not registered: see the problems listed above.</source>
        <translation>Non inscrit : voyez les problèmes indiqués plus haut.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Brouillon enregistré</translation>
    </message>
    <message>
        <source>New declaration</source>
        <translation>Nouvelle déclaration</translation>
    </message>
</context>
<context>
    <name>ActPage</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Marginal mentions</source>
        <translation>Mentions marginales</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>&amp;Edit draft</source>
        <translation>&amp;Modifier le brouillon</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Inscrire au registre</translation>
    </message>
    <message>
        <source>Add &amp;mention…</source>
        <translation>Ajouter une &amp;mention…</translation>
    </message>
    <message>
        <source>Print &amp;full copy…</source>
        <translation>Imprimer une &amp;copie intégrale…</translation>
    </message>
    <message>
        <source>Print e&amp;xtract…</source>
        <translation>Imprimer un e&amp;xtrait…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>Birth act</source>
        <translation>Acte de naissance</translation>
    </message>
    <message>
        <source>Marriage act</source>
        <translation>Acte de mariage</translation>
    </message>
    <message>
        <source>Death act</source>
        <translation>Acte de décès</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>ANNULÉ</translation>
    </message>
    <message>
        <source>No mention.</source>
        <translation>Aucune mention.</translation>
    </message>
    <message>
        <source>Declaration entered</source>
        <translation>Déclaration saisie</translation>
    </message>
    <message>
        <source>Declaration corrected</source>
        <translation>Déclaration corrigée</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <source>Marginal mention recorded</source>
        <translation>Mention marginale portée</translation>
    </message>
    <message>
        <source>Mention received from another centre</source>
        <translation>Mention reçue d'un autre centre</translation>
    </message>
    <message>
        <source>Copy issued</source>
        <translation>Copie délivrée</translation>
    </message>
    <message>
        <source>Mention added by another act</source>
        <translation>Mention portée par un autre acte</translation>
    </message>
    <message>
        <source>Mention notice queued for another centre</source>
        <translation>Avis de mention à envoyer à un autre centre</translation>
    </message>
    <message>
        <source>Possible duplicate examined</source>
        <translation>Doublon possible examiné</translation>
    </message>
    <message>
        <source>Marriage</source>
        <translation>Mariage</translation>
    </message>
    <message>
        <source>Divorce</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>Reconnaissance</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <source>Change of name</source>
        <translation>Changement de nom</translation>
    </message>
    <message>
        <source>Change of the marriage option</source>
        <translation>Changement d&apos;option matrimoniale</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Registered on {date} by {name}, {title}.</source>
        <translation>Inscrit le {date} par {name}, {title}.</translation>
    </message>
    <message>
        <source>{n} g</source>
        <translation>{n} g</translation>
    </message>
    <message>
        <source>Medical cause (confidential, never printed)</source>
        <translation>Cause médicale (confidentielle, jamais imprimée)</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Change the pass&amp;word…</source>
        <translation>Changer le mot de &amp;passe…</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Désactiver…</translation>
    </message>
    <message>
        <source>Loc&amp;k after inactivity</source>
        <translation>&amp;Verrouiller après inactivité</translation>
    </message>
    <message>
        <source>La&amp;nguage</source>
        <translation>La&amp;ngue</translation>
    </message>
    <message>
        <source>Default p&amp;rinter</source>
        <translation>&amp;Imprimante par défaut</translation>
    </message>
    <message>
        <source>Choose the user in the table first.</source>
        <translation>Choisissez d'abord l'utilisateur dans le tableau.</translation>
    </message>
    <message>
        <source>Disable a user</source>
        <translation>Désactiver un utilisateur</translation>
    </message>
    <message>
        <source>Disable the account “{user}”? It can no longer log in; what it did stays in the history.</source>
        <translation>Désactiver le compte « {user} » ? Il ne pourra plus se connecter ; ce qu'il a fait reste dans l'historique.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Désactiver</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Revenir</translation>
    </message>
    <message>
        <source>The account “{user}” is disabled.</source>
        <translation>Le compte « {user} » est désactivé.</translation>
    </message>
    <message>
        <source>The password of “{user}” is changed.</source>
        <translation>Le mot de passe de « {user} » est changé.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d'utilisateur</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation>&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Imprimante par défaut du système</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Enregistrer les réglages</translation>
    </message>
    <message>
        <source>&amp;Back up the store…</source>
        <translation>&amp;Sauvegarder le registre…</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Verrouiller après inactivité</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Default printer</source>
        <translation>Imprimante par défaut</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>&amp;Check the store…</source>
        <translation>Vé&amp;rifier le registre…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Officier de l'état civil</translation>
    </message>
    <message>
        <source>District officer</source>
        <translation>Agent du district</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>A backup is one file holding the encrypted store and its key file. It can only be restored with the password of one of the store's administrators. Keep it on a USB stick stored away from this computer.</source>
        <translation>Une sauvegarde est un seul fichier qui contient le registre chiffré et son fichier de clés. Elle ne peut être restaurée qu'avec le mot de passe d'un administrateur du registre. Gardez-la sur une clé USB rangée loin de cet ordinateur.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
        <source>Back up the store</source>
        <translation>Sauvegarder le registre</translation>
    </message>
    <message>
        <source>Folder or USB stick</source>
        <translation>Dossier ou clé USB</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> jour(s)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>&amp;Save the reminder</source>
        <translation>&amp;Enregistrer le rappel</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <source>Remind when the last backup is older than</source>
        <translation>Rappeler quand la dernière sauvegarde date de plus de</translation>
    </message>
    <message>
        <source>This store has never been backed up.</source>
        <translation>Ce registre n'a encore jamais été sauvegardé.</translation>
    </message>
    <message>
        <source>Last backup: {when} ({age}), {file} in {folder}</source>
        <translation>Dernière sauvegarde : {when} ({age}), {file} dans {folder}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>aujourd'hui</translation>
    </message>
    <message>
        <source>{days} day(s) ago</source>
        <translation>il y a {days} jour(s)</translation>
    </message>
    <message>
        <source>Back up into which folder?</source>
        <translation>Sauvegarder dans quel dossier ?</translation>
    </message>
    <message>
        <source>Backing up the store…</source>
        <translation>Sauvegarde du registre…</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Sauvegarde écrite : {path}</translation>
    </message>
    <message>
        <source>Warning: {n} page(s) of the store are damaged; run the store check (Administration).</source>
        <translation>Attention : {n} page(s) du registre sont endommagées ; lancez la vérification du registre (Administration).</translation>
    </message>
    <message>
        <source>This store has never been backed up: back it up now.</source>
        <translation>Ce registre n'a encore jamais été sauvegardé : sauvegardez-le.</translation>
    </message>
    <message>
        <source>The last backup is {days} day(s) old (reminder after {limit}): back the store up now.</source>
        <translation>La dernière sauvegarde date de {days} jour(s) (rappel après {limit}) : sauvegardez le registre.</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Store check</source>
        <translation>Vérification du registre</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>No problem found.</source>
        <translation>Aucun problème trouvé.</translation>
    </message>
    <message>
        <source>{n} problem(s) found. Do not keep working on a damaged store: restore the latest backup, or call support.</source>
        <translation>{n} problème(s) trouvé(s). Ne continuez pas à travailler sur un registre endommagé : restaurez la dernière sauvegarde ou appelez le support.</translation>
    </message>
</context>
<context>
    <name>ChoiceLabels</name>
    <message>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Père</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Mère</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>Ascendant</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Proche parent</translation>
    </message>
    <message>
        <source>Present at the birth</source>
        <translation>Témoin de l'accouchement</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Mandataire</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>Conjoint</translation>
    </message>
    <message>
        <source>Present at the death</source>
        <translation>Témoin du décès</translation>
    </message>
    <message>
        <source>Informed person</source>
        <translation>Personne informée</translation>
    </message>
    <message>
        <source>Health facility</source>
        <translation>Formation sanitaire</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Domicile</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Monogamy</source>
        <translation>Monogamie</translation>
    </message>
    <message>
        <source>Polygamy</source>
        <translation>Polygamie</translation>
    </message>
    <message>
        <source>Separate property</source>
        <translation>Séparation de biens</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté de biens</translation>
    </message>
    <message>
        <source>Community of acquests</source>
        <translation>Communauté réduite aux acquêts</translation>
    </message>
    <message>
        <source>Universal community</source>
        <translation>Communauté universelle</translation>
    </message>
    <message>
        <source>Civil celebration</source>
        <translation>Célébration civile</translation>
    </message>
    <message>
        <source>Registration of a customary marriage</source>
        <translation>Enregistrement d'un mariage coutumier</translation>
    </message>
    <message>
        <source>Registration of a religious marriage</source>
        <translation>Enregistrement d'un mariage religieux</translation>
    </message>
    <message>
        <source>Single birth</source>
        <translation>Naissance simple</translation>
    </message>
    <message>
        <source>Twins</source>
        <translation>Jumeaux</translation>
    </message>
    <message>
        <source>Triplets</source>
        <translation>Triplés</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Versée</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Versée en partie</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Non versée</translation>
    </message>
    <message>
        <source>Divorce</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <source>Death of the spouse</source>
        <translation>Décès du conjoint</translation>
    </message>
    <message>
        <source>Annulment</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Célibataire</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>Marié(e)</translation>
    </message>
    <message>
        <source>Divorced</source>
        <translation>Divorcé(e)</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>Veuf / veuve</translation>
    </message>
</context>
<context>
    <name>ConfirmRegistration</name>
    <message>
        <source>Register the act</source>
        <translation>Inscrire l'acte</translation>
    </message>
    <message>
        <source>the births register {year}</source>
        <translation>le registre des naissances {year}</translation>
    </message>
    <message>
        <source>the marriages register {year}</source>
        <translation>le registre des mariages {year}</translation>
    </message>
    <message>
        <source>the deaths register {year}</source>
        <translation>le registre des décès {year}</translation>
    </message>
    <message>
        <source>number {number}</source>
        <translation>le numéro {number}</translation>
    </message>
    <message>
        <source>Register &lt;b&gt;{name}&lt;/b&gt; in {register} under &lt;b&gt;{number}&lt;/b&gt;?</source>
        <translation>Inscrire &lt;b&gt;{name}&lt;/b&gt; dans {register} sous &lt;b&gt;{number}&lt;/b&gt; ?</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>This number of the paper register is recorded as it stands; the act can then only be annotated by a marginal mention.</source>
        <translation>Ce numéro du registre papier est repris tel quel ; l'acte ne pourra ensuite qu'être annoté par une mention marginale.</translation>
    </message>
    <message>
        <source>The number becomes final at once: the act can then only be annotated by a marginal mention, never changed.</source>
        <translation>Le numéro devient définitif aussitôt : l'acte ne pourra ensuite qu'être annoté par une mention marginale, jamais modifié.</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>Inscrire (Entrée)</translation>
    </message>
    <message>
        <source>Go back (Esc)</source>
        <translation>Revenir (Échap)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>Not a duplicate</source>
        <translation>Pas un doublon</translation>
    </message>
    <message>
        <source>Same person — open the existing act</source>
        <translation>Même personne — ouvrir l'acte existant</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>held by another commune</source>
        <translation>détenu par une autre commune</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Mère</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>No similar act found.</source>
        <translation>Aucun acte semblable trouvé.</translation>
    </message>
    <message>
        <source>Act n° {ref}</source>
        <translation>Acte n° {ref}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>This declaration</source>
        <translation>Cette déclaration</translation>
    </message>
    <message>
        <source>Recorded: not a duplicate.</source>
        <translation>Enregistré : pas un doublon.</translation>
    </message>
    <message>
        <source>Recorded: same person.</source>
        <translation>Enregistré : même personne.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>An unexpected error occurred ({kind}). Nothing was changed.</source>
        <translation>Une erreur inattendue s'est produite ({kind}). Rien n'a été modifié.</translation>
    </message>
    <message>
        <source>civreg</source>
        <translation>civreg</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>civreg — first start</source>
        <translation>civreg — premier démarrage</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Welcome to civreg</source>
        <translation>Bienvenue dans civreg</translation>
    </message>
    <message>
        <source>Create a new store for this office</source>
        <translation>Créer un nouveau registre pour ce bureau</translation>
    </message>
    <message>
        <source>Open an existing store…</source>
        <translation>Ouvrir un registre existant…</translation>
    </message>
    <message>
        <source>No store was found at {path}.</source>
        <translation>Aucun registre n'a été trouvé à l'emplacement {path}.</translation>
    </message>
    <message>
        <source>The office</source>
        <translation>Le bureau</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Commune code</source>
        <translation>Code de la commune</translation>
    </message>
    <message>
        <source>Centre code</source>
        <translation>Code du centre</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Nom du bureau</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>Le premier administrateur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d'utilisateur</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de secours</translation>
    </message>
    <message>
        <source>&amp;Print it</source>
        <translation>&amp;Imprimer la clé</translation>
    </message>
    <message>
        <source>This key is shown only once. Without it, a forgotten password means the registers can no longer be opened. Print it and keep it in a safe place, away from this computer.</source>
        <translation>Cette clé n'est affichée qu'une seule fois. Sans elle, un mot de passe oublié rend les registres impossibles à ouvrir. Imprimez-la et rangez-la en lieu sûr, loin de cet ordinateur.</translation>
    </message>
    <message>
        <source>Open a store</source>
        <translation>Ouvrir un registre</translation>
    </message>
    <message>
        <source>civreg stores (*.db)</source>
        <translation>Registres civreg (*.db)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <source>Creating the store…</source>
        <translation>Création du registre…</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>&amp;Import batch files…</source>
        <translation>&amp;Importer des fichiers de lots…</translation>
    </message>
    <message>
        <source>&amp;Forward to the national level…</source>
        <translation>&amp;Transmettre au niveau national…</translation>
    </message>
    <message>
        <source>Choose the batch files received from the communes.</source>
        <translation>Choisissez les fichiers de lots reçus des communes.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>En quarantaine</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>Dernière importation</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <source>What was done (e.g. commune called, correct act confirmed)</source>
        <translation>Ce qui a été fait (p. ex. commune appelée, acte correct confirmé)</translation>
    </message>
    <message>
        <source>&amp;Close the selected item</source>
        <translation>&amp;Clore l'élément sélectionné</translation>
    </message>
    <message>
        <source>Quarantined records to review</source>
        <translation>Enregistrements en quarantaine à examiner</translation>
    </message>
    <message>
        <source>differs from the act already held</source>
        <translation>diffère de l'acte déjà détenu</translation>
    </message>
    <message>
        <source>concerns an act not held here</source>
        <translation>concerne un acte absent d'ici</translation>
    </message>
    <message>
        <source>copy number already used</source>
        <translation>numéro de copie déjà utilisé</translation>
    </message>
    <message>
        <source>audit entry altered</source>
        <translation>entrée du journal d'audit modifiée</translation>
    </message>
    <message>
        <source>audit chain broken</source>
        <translation>chaîne du journal d'audit rompue</translation>
    </message>
    <message>
        <source>possible duplicate of another commune's act</source>
        <translation>doublon possible d'un acte d'une autre commune</translation>
    </message>
    <message>
        <source>act</source>
        <translation>acte</translation>
    </message>
    <message>
        <source>mention</source>
        <translation>mention</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>copie</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>avis</translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation>entrée du journal d'audit</translation>
    </message>
    <message>
        <source>key announcement</source>
        <translation>annonce de clé</translation>
    </message>
    <message>
        <source>Write what was done before closing</source>
        <translation>Indiquez ce qui a été fait avant de clore</translation>
    </message>
    <message>
        <source>Batch files to import</source>
        <translation>Fichiers de lots à importer</translation>
    </message>
    <message>
        <source>civreg batches (*.civreg-batch *.civbatch);;All files (*)</source>
        <translation>Lots civreg (*.civreg-batch *.civbatch);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Importing {n} batch file(s)…</source>
        <translation>Importation de {n} fichier(s) de lots…</translation>
    </message>
    <message>
        <source>Refused: {file}: {reason} Nothing was imported.</source>
        <translation>Refusé : {file} : {reason} Rien n'a été importé.</translation>
    </message>
    <message>
        <source>Refused: {reason} Nothing was imported.</source>
        <translation>Refusé : {reason} Rien n'a été importé.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <source>Kept sealed (encrypted for another level)</source>
        <translation>Conservé scellé (chiffré pour un autre niveau)</translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>Déjà importé</translation>
    </message>
    <message>
        <source>{new} batch(es) accepted, {old} already imported; {records} record(s) received, {q} quarantined.</source>
        <translation>{new} lot(s) accepté(s), {old} déjà importé(s) ; {records} enregistrement(s) reçu(s), {q} en quarantaine.</translation>
    </message>
    <message>
        <source>{office}: batch(es) {numbers} missing</source>
        <translation>{office} : lot(s) {numbers} manquant(s)</translation>
    </message>
    <message>
        <source>No batch missing.</source>
        <translation>Aucun lot manquant.</translation>
    </message>
    <message>
        <source>Signed receipt written to {path}: send it back to the communes.</source>
        <translation>Accusé de réception signé écrit dans {path} : renvoyez-le aux communes.</translation>
    </message>
    <message>
        <source>Forward the batches into which folder?</source>
        <translation>Transmettre les lots dans quel dossier ?</translation>
    </message>
    <message>
        <source>{n} batch(es) copied to {path} for the national level.</source>
        <translation>{n} lot(s) copié(s) dans {path} pour le niveau national.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>&amp;Forgotten password…</source>
        <translation>Mot de passe &amp;oublié…</translation>
    </message>
    <message>
        <source>Password changed: log in with the new password.</source>
        <translation>Mot de passe changé : connectez-vous avec le nouveau mot de passe.</translation>
    </message>
    <message>
        <source>civreg — log in</source>
        <translation>civreg — connexion</translation>
    </message>
    <message>
        <source>The session is locked. Type your password to resume.</source>
        <translation>La session est verrouillée. Saisissez votre mot de passe pour reprendre.</translation>
    </message>
    <message>
        <source>Type your user name and password to open the registers.</source>
        <translation>Saisissez votre nom d'utilisateur et votre mot de passe pour ouvrir les registres.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nom d'utilisateur</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Type your user name and your password.</source>
        <translation>Saisissez votre nom d'utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Ouverture du registre…</translation>
    </message>
    <message>
        <source>Wait {n} s before trying again.</source>
        <translation>Patientez {n} s avant de réessayer.</translation>
    </message>
</context>
<context>
    <name>LongOperation</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>civreg — {office}</source>
        <translation>civreg — {office}</translation>
    </message>
    <message>
        <source>Births</source>
        <translation>Naissances</translation>
    </message>
    <message>
        <source>Marriages</source>
        <translation>Mariages</translation>
    </message>
    <message>
        <source>Deaths</source>
        <translation>Décès</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Transmission</source>
        <translation>Transmission</translation>
    </message>
    <message>
        <source>Import batches</source>
        <translation>Importer des lots</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Verify a certificate</source>
        <translation>Vérifier un certificat</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>Registres</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sauvegarde</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Search: name, act number, identifier, date (Ctrl+F)</source>
        <translation>Rechercher : nom, numéro d'acte, identifiant, date (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Resume the draft</source>
        <translation>&amp;Reprendre le brouillon</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Logged in as {user}</source>
        <translation>Connecté : {user}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>New &amp;birth</source>
        <translation>Nouvelle &amp;naissance</translation>
    </message>
    <message>
        <source>New &amp;marriage</source>
        <translation>Nouveau &amp;mariage</translation>
    </message>
    <message>
        <source>New &amp;death</source>
        <translation>Nouveau &amp;décès</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Print today's acts…</source>
        <translation>&amp;Imprimer les actes du jour…</translation>
    </message>
    <message>
        <source>&amp;Back up the store…</source>
        <translation>&amp;Sauvegarder le registre…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>birth</source>
        <translation>naissance</translation>
    </message>
    <message>
        <source>marriage</source>
        <translation>mariage</translation>
    </message>
    <message>
        <source>death</source>
        <translation>décès</translation>
    </message>
    <message>
        <source>civreg closed unexpectedly while you were entering a {kind} declaration. Everything typed up to {when} is saved in a draft: resume it now, or later from the Drafts list.</source>
        <translation>civreg s'est fermé de façon inattendue pendant que vous saisissiez une déclaration de {kind}. Tout ce qui avait été saisi jusqu'au {when} est enregistré dans un brouillon : reprenez-le maintenant, ou plus tard depuis la liste des brouillons.</translation>
    </message>
    <message>
        <source>civreg closed unexpectedly while {who} was entering a {kind} declaration. Everything typed up to {when} is saved in a draft: resume it now, or later from the Drafts list.</source>
        <translation>civreg s'est fermé de façon inattendue pendant que {who} saisissait une déclaration de {kind}. Tout ce qui avait été saisi jusqu'au {when} est enregistré dans un brouillon : reprenez-le maintenant, ou plus tard depuis la liste des brouillons.</translation>
    </message>
    <message>
        <source>a user</source>
        <translation>un utilisateur</translation>
    </message>
</context>
<context>
    <name>MentionDialog</name>
    <message>
        <source>Add a marginal mention</source>
        <translation>Ajouter une mention marginale</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Ordered by (authority)</source>
        <translation>Ordonnée par (autorité)</translation>
    </message>
    <message>
        <source>Decision reference</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Seat of the court, or which other authority</source>
        <translation>Siège de la juridiction, ou quelle autre autorité</translation>
    </message>
    <message>
        <source>Authority: seat or which</source>
        <translation>Autorité : siège ou précision</translation>
    </message>
    <message>
        <source>Other authority (say which)</source>
        <translation>Autre autorité (préciser laquelle)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>&amp;Requested by:</source>
        <translation>&amp;Demandeur :</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>&amp;Qualité :</translation>
    </message>
    <message>
        <source>Authorisation &amp;reference:</source>
        <translation>&amp;Référence de l'autorisation :</translation>
    </message>
    <message>
        <source>Preview only: the copy is numbered and recorded when you print or save it.</source>
        <translation>Aperçu seulement : la copie est numérotée et enregistrée au moment où vous l'imprimez ou l'enregistrez.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>{n} page(s)</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Date of event</source>
        <translation>Date de l'événement</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>Birth</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <source>Marriage</source>
        <translation>Mariage</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Registered (late)</source>
        <translation>Inscrit (tardif)</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
</context>
<context>
    <name>RegisterNames</name>
    <message>
        <source>Births</source>
        <translation>Naissances</translation>
    </message>
    <message>
        <source>Marriages</source>
        <translation>Mariages</translation>
    </message>
    <message>
        <source>Deaths</source>
        <translation>Décès</translation>
    </message>
</context>
<context>
    <name>RegistersAdminPage</name>
    <message>
        <source>Register</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>First number</source>
        <translation>Premier numéro</translation>
    </message>
    <message>
        <source>Next number</source>
        <translation>Numéro suivant</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Actes</translation>
    </message>
    <message>
        <source>Transcribed</source>
        <translation>Transcrit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>One register per centre, kind of act and year; numbers run without gap. The registrar closes a year's register from 31 December: acts of that year declared later go to the current year's register.</source>
        <translation>Un registre par centre, type d'acte et année ; les numéros se suivent sans trou. L'officier clôt le registre d'une année à partir du 31 décembre : les actes de cette année déclarés plus tard vont au registre de l'année en cours.</translation>
    </message>
    <message>
        <source>Continue a &amp;paper register…</source>
        <translation>Continuer un registre &amp;papier…</translation>
    </message>
    <message>
        <source>C&amp;lose the selected register…</source>
        <translation>&amp;Clore le registre choisi…</translation>
    </message>
    <message>
        <source>Closed on {day} by {who}</source>
        <translation>Clos le {day} par {who}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvert</translation>
    </message>
    <message>
        <source>The next act of this register will take number {number}.</source>
        <translation>Le prochain acte de ce registre prendra le numéro {number}.</translation>
    </message>
    <message>
        <source>Choose the register to close in the table first.</source>
        <translation>Choisissez d'abord dans le tableau le registre à clore.</translation>
    </message>
    <message>
        <source>Close the register</source>
        <translation>Clore le registre</translation>
    </message>
    <message>
        <source>Close the register “{kind}” {year} of centre {centre}? It holds {n} act(s). No act will take a number in it afterwards.</source>
        <translation>Clore le registre « {kind} » {year} du centre {centre} ? Il contient {n} acte(s). Plus aucun acte n'y prendra de numéro.</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Revenir</translation>
    </message>
    <message>
        <source>Register closed.</source>
        <translation>Registre clos.</translation>
    </message>
    <message>
        <source>Open — can be closed from {day}</source>
        <translation>Ouvert — clôture possible à partir du {day}</translation>
    </message>
    <message>
        <source>The register “{kind}” {year} cannot be closed yet: the year {year} is not over. It can be closed from {day}.</source>
        <translation>Le registre « {kind} » {year} ne peut pas encore être clos : l'année {year} n'est pas terminée. Il pourra l'être à partir du {day}.</translation>
    </message>
</context>
<context>
    <name>RegistersPage</name>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>All centres</source>
        <translation>Tous les centres</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>&amp;New declaration</source>
        <translation>&amp;Nouvelle déclaration</translation>
    </message>
    <message>
        <source>{n} act(s)</source>
        <translation>{n} acte(s)</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>{subject} — {role}: {name}</source>
        <translation>{subject} — {role} : {name}</translation>
    </message>
    <message>
        <source>Type a name (accents optional), an act number, an identifier or a date in the search box at the top (Ctrl+F).</source>
        <translation>Tapez un nom (accents facultatifs), un numéro d'acte, un identifiant ou une date dans la zone de recherche en haut (Ctrl+F).</translation>
    </message>
    <message>
        <source>{n} result(s) for “{q}”</source>
        <translation>{n} résultat(s) pour « {q} »</translation>
    </message>
    <message>
        <source>No close family name on those days: {n} person(s) of those days bearing the given name asked, for “{q}”</source>
        <translation>Aucun nom de famille proche ces jours-là : {n} personne(s) de ces jours portant le prénom demandé, pour « {q} »</translation>
    </message>
</context>
<context>
    <name>StartRegisterDialog</name>
    <message>
        <source>Continue a paper register</source>
        <translation>Continuer un registre papier</translation>
    </message>
    <message>
        <source>A commune that starts civreg during the year continues its paper register: the next act registered here takes the number below. Acts of the paper register transcribed later keep their own, lower numbers.</source>
        <translation>Une commune qui commence civreg en cours d'année continue son registre papier : le prochain acte inscrit ici prend le numéro ci-dessous. Les actes du registre papier transcrits plus tard gardent leurs propres numéros, plus petits.</translation>
    </message>
    <message>
        <source>&amp;Centre</source>
        <translation>&amp;Centre</translation>
    </message>
    <message>
        <source>&amp;Kind of register</source>
        <translation>&amp;Type de registre</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Année</translation>
    </message>
    <message>
        <source>&amp;Next number of the paper register</source>
        <translation>&amp;Numéro suivant du registre papier</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Année entière</translation>
    </message>
    <message>
        <source>Quarter {n}</source>
        <translation>Trimestre {n}</translation>
    </message>
    <message>
        <source>All centres</source>
        <translation>Tous les centres</translation>
    </message>
    <message>
        <source>All communes</source>
        <translation>Toutes les communes</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xporter</translation>
    </message>
    <message>
        <source>PDF report with charts…</source>
        <translation>Rapport PDF avec graphiques…</translation>
    </message>
    <message>
        <source>DHIS2 data value set (JSON)…</source>
        <translation>Lot de valeurs DHIS2 (JSON)…</translation>
    </message>
    <message>
        <source>Statistical office tables (CSV)…</source>
        <translation>Tableaux pour l'institut de statistique (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Year of the event</source>
        <translation>&amp;Année de l'événement</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Registered acts by the date of the event; cancelled acts are not counted. Exports withhold counts from 1 to 4 (statistical confidentiality).</source>
        <translation>Actes enregistrés, par date de l'événement ; les actes annulés ne sont pas comptés. Les exports masquent les effectifs de 1 à 4 (secret statistique).</translation>
    </message>
    <message>
        <source>January</source>
        <translation>Janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>Février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>Mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>Avril</translation>
    </message>
    <message>
        <source>June</source>
        <translation>Juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>Juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>Septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>Octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>Novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>Décembre</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Calcul en cours…</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Écrit : {path}</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Enregistrer le rapport sous</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the DHIS2 data value set as</source>
        <translation>Enregistrer le lot DHIS2 sous</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Folder for the CSV tables</source>
        <translation>Dossier des tableaux CSV</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Births</source>
        <translation>Naissances</translation>
    </message>
    <message>
        <source>Marriages</source>
        <translation>Mariages</translation>
    </message>
    <message>
        <source>Deaths</source>
        <translation>Décès</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
</context>
<context>
    <name>StoreCheck</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Checking the store…</source>
        <translation>Vérification du registre…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sauvegarder maintenant</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Précisions</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Père</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Mère</translation>
    </message>
    <message>
        <source>First spouse</source>
        <translation>Premier époux</translation>
    </message>
    <message>
        <source>Second spouse</source>
        <translation>Second époux</translation>
    </message>
    <message>
        <source>First witness</source>
        <translation>Premier témoin</translation>
    </message>
    <message>
        <source>Second witness</source>
        <translation>Second témoin</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Défunt</translation>
    </message>
    <message>
        <source>Spouse of the deceased</source>
        <translation>Conjoint du défunt</translation>
    </message>
    <message>
        <source>Declarant</source>
        <translation>Déclarant</translation>
    </message>
    <message>
        <source>Late declaration: court judgment</source>
        <translation>Déclaration tardive : jugement supplétif</translation>
    </message>
    <message>
        <source>Paper act being transcribed</source>
        <translation>Acte papier transcrit</translation>
    </message>
    <message>
        <source>Place outside the commune</source>
        <translation>Lieu hors de la commune</translation>
    </message>
    <message>
        <source>Dispensation of age (court)</source>
        <translation>Dispense d'âge (jugement)</translation>
    </message>
    <message>
        <source>First spouse's previous marriage</source>
        <translation>Mariage antérieur du premier époux</translation>
    </message>
    <message>
        <source>Second spouse's previous marriage</source>
        <translation>Mariage antérieur du second époux</translation>
    </message>
    <message>
        <source>&amp;Transcription of an act of the paper register</source>
        <translation>&amp;Transcription d'un acte du registre papier</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Date of marriage</source>
        <translation>Date du mariage</translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation>Date du décès</translation>
    </message>
    <message>
        <source>Time (HH:MM)</source>
        <translation>Heure (HH:MM)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Type of place</source>
        <translation>Type de lieu</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Post-name</source>
        <translation>Post-nom</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Domicile</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>Multiple birth</source>
        <translation>Naissance multiple</translation>
    </message>
    <message>
        <source>Birth order</source>
        <translation>Rang de naissance</translation>
    </message>
    <message>
        <source>Weight (grams)</source>
        <translation>Poids (grammes)</translation>
    </message>
    <message>
        <source>Form of marriage</source>
        <translation>Forme du mariage</translation>
    </message>
    <message>
        <source>Marriage option</source>
        <translation>Option matrimoniale</translation>
    </message>
    <message>
        <source>Property regime</source>
        <translation>Régime matrimonial</translation>
    </message>
    <message>
        <source>Bride price (e.g. 500 USD)</source>
        <translation>Dot (ex. 500 USD)</translation>
    </message>
    <message>
        <source>Power of attorney (reference)</source>
        <translation>Procuration (référence)</translation>
    </message>
    <message>
        <source>Immediate cause (a)</source>
        <translation>Cause immédiate (a)</translation>
    </message>
    <message>
        <source>Underlying cause</source>
        <translation>Cause initiale</translation>
    </message>
    <message>
        <source>Other significant conditions</source>
        <translation>Autres états morbides importants</translation>
    </message>
    <message>
        <source>Mother's children born alive</source>
        <translation>Enfants nés vivants de la mère</translation>
    </message>
    <message>
        <source>Health facility register entry</source>
        <translation>N° au registre de la formation sanitaire</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Tribunal</translation>
    </message>
    <message>
        <source>Judgment number</source>
        <translation>Numéro du jugement</translation>
    </message>
    <message>
        <source>Date of the judgment</source>
        <translation>Date du jugement</translation>
    </message>
    <message>
        <source>Number in the paper register</source>
        <translation>Numéro au registre papier</translation>
    </message>
    <message>
        <source>Date the paper act was drawn up</source>
        <translation>Date de l'acte papier</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Date of declaration</source>
        <translation>Date de déclaration</translation>
    </message>
    <message>
        <source>Approximate age</source>
        <translation>Âge approximatif</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Pièce d'identité</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Situation matrimoniale</translation>
    </message>
    <message>
        <source>Previous marital status</source>
        <translation>Situation matrimoniale antérieure</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Témoins</translation>
    </message>
    <message>
        <source>Parents' residence</source>
        <translation>Résidence des parents</translation>
    </message>
    <message>
        <source>Why this office registers it</source>
        <translation>Pourquoi ce centre l'enregistre</translation>
    </message>
    <message>
        <source>Bride price paid</source>
        <translation>Dot versée</translation>
    </message>
    <message>
        <source>Marriage act (identifier)</source>
        <translation>Acte de mariage (identifiant)</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>Dissous par</translation>
    </message>
    <message>
        <source>Former spouse's death act (identifier)</source>
        <translation>Acte de décès du conjoint (identifiant)</translation>
    </message>
</context>
<context>
    <name>TimeField</name>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
</context>
<context>
    <name>TransmissionPage</name>
    <message>
        <source>Written to file</source>
        <translation>Écrit dans un fichier</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Envoyer &amp;maintenant</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi en cours</translation>
    </message>
    <message>
        <source>Delivered (receipt not verified)</source>
        <translation>Remis (accusé non vérifié)</translation>
    </message>
    <message>
        <source>Delivered, receipt received</source>
        <translation>Remis, accusé reçu</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusé</translation>
    </message>
    <message>
        <source>Online sending: not configured (batches travel on a USB stick).</source>
        <translation>Envoi en ligne : non configuré (les lots voyagent sur clé USB).</translation>
    </message>
    <message>
        <source>Online sending to {address}: {n} batch(es) waiting.</source>
        <translation>Envoi en ligne vers {address} : {n} lot(s) en attente.</translation>
    </message>
    <message>
        <source>Batch {seq}: {pct} % sent.</source>
        <translation>Lot {seq} : {pct} % envoyé.</translation>
    </message>
    <message>
        <source>Last problem: {error}.</source>
        <translation>Dernier problème : {error}.</translation>
    </message>
    <message>
        <source>the district does not trust this office's key</source>
        <translation>le district ne reconnaît pas encore la clé de ce bureau</translation>
    </message>
    <message>
        <source>the district's key is not trusted here, receipts cannot be checked</source>
        <translation>la clé du district n'est pas reconnue ici, les accusés ne peuvent pas être vérifiés</translation>
    </message>
    <message>
        <source>the server's certificate is not trusted</source>
        <translation>le certificat du serveur n'est pas reconnu</translation>
    </message>
    <message>
        <source>the service is busy</source>
        <translation>le service est occupé</translation>
    </message>
    <message>
        <source>refused by the district ({code})</source>
        <translation>refusé par le district ({code})</translation>
    </message>
    <message>
        <source>connection lost or service unreachable</source>
        <translation>connexion coupée ou service injoignable</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <source>Act to annotate</source>
        <translation>Acte à annoter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Mention notices to send to other centres</source>
        <translation>Avis de mention à envoyer aux autres centres</translation>
    </message>
    <message>
        <source>Mention notices received</source>
        <translation>Avis de mention reçus</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Accusé de réception</translation>
    </message>
    <message>
        <source>&amp;Export the changes as a batch…</source>
        <translation>&amp;Exporter les changements dans un lot…</translation>
    </message>
    <message>
        <source>Import a &amp;receipt…</source>
        <translation>Importer un &amp;accusé de réception…</translation>
    </message>
    <message>
        <source>Batches sent to the district</source>
        <translation>Lots envoyés au district</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {n}</source>
        <translation>Changements en attente d'envoi : {n}</translation>
    </message>
    <message>
        <source>Partly quarantined</source>
        <translation>En partie mis en quarantaine</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Appliqué</translation>
    </message>
    <message>
        <source>Save the batch as</source>
        <translation>Enregistrer le lot sous</translation>
    </message>
    <message>
        <source>civreg batches (*.civreg-batch)</source>
        <translation>Lots civreg (*.civreg-batch)</translation>
    </message>
    <message>
        <source>Batch {n} written to {path}.</source>
        <translation>Lot {n} écrit dans {path}.</translation>
    </message>
    <message>
        <source>Open a receipt</source>
        <translation>Ouvrir un accusé de réception</translation>
    </message>
    <message>
        <source>Receipts (*.json)</source>
        <translation>Accusés de réception (*.json)</translation>
    </message>
    <message>
        <source>{total} ({contents})</source>
        <translation>{total} ({contents})</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Non configuré</translation>
    </message>
    <message>
        <source>Marriage</source>
        <translation>Mariage</translation>
    </message>
    <message>
        <source>Divorce</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>Reconnaissance</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <source>Change of name</source>
        <translation>Changement de nom</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Change of the marriage option</source>
        <translation>Changement d'option matrimoniale</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Officier de l'état civil</translation>
    </message>
    <message>
        <source>District officer</source>
        <translation>Agent du district</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nom d'utilisateur</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>ALTERED DOCUMENT</source>
        <translation>DOCUMENT MODIFIÉ</translation>
    </message>
    <message>
        <source>The document&apos;s text is exactly the content the office signed.</source>
        <translation>Le texte du document est exactement le contenu signé par l'office.</translation>
    </message>
    <message>
        <source>The document&apos;s text differs from what the office signed: refuse it.</source>
        <translation>Le texte du document diffère de ce que l'office a signé : refusez-le.</translation>
    </message>
    <message>
        <source>Scan or paste the text of the certificate's QR code, or open the PDF. The verdict needs no network: it checks the issuing office's signature.</source>
        <translation>Scannez ou collez le texte du code QR du certificat, ou ouvrez le PDF. Le verdict ne demande aucun réseau : il vérifie la signature de l'office qui l'a délivré.</translation>
    </message>
    <message>
        <source>QR code text (a scanner types it here)</source>
        <translation>Texte du code QR (un lecteur le saisit ici)</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <source>Open a &amp;PDF…</source>
        <translation>Ouvrir un &amp;PDF…</translation>
    </message>
    <message>
        <source>Key &amp;folder…</source>
        <translation>&amp;Dossier de clés…</translation>
    </message>
    <message>
        <source>Key list &amp;file…</source>
        <translation>Fic&amp;hier de liste de clés…</translation>
    </message>
    <message>
        <source>This store's &amp;keys</source>
        <translation>&amp;Clés de ce registre</translation>
    </message>
    <message>
        <source>Act identifier</source>
        <translation>Identifiant de l'acte</translation>
    </message>
    <message>
        <source>Kind of act</source>
        <translation>Nature de l'acte</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <source>Date of the event</source>
        <translation>Date de l'événement</translation>
    </message>
    <message>
        <source>Place of the event</source>
        <translation>Lieu de l'événement</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Numéro de la copie</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Délivrée le</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>Office émetteur</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Clé de signature</translation>
    </message>
    <message>
        <source>State of the act</source>
        <translation>État de l'acte</translation>
    </message>
    <message>
        <source>Folder of office key files</source>
        <translation>Dossier des fichiers de clés d'office</translation>
    </message>
    <message>
        <source>Office key list</source>
        <translation>Liste de clés d'office</translation>
    </message>
    <message>
        <source>Key files (*.json)</source>
        <translation>Fichiers de clés (*.json)</translation>
    </message>
    <message>
        <source>Keys: those this store trusts ({n})</source>
        <translation>Clés : celles auxquelles ce registre fait confiance ({n})</translation>
    </message>
    <message>
        <source>Keys: from {name} ({n})</source>
        <translation>Clés : de {name} ({n})</translation>
    </message>
    <message>
        <source>Open a certificate</source>
        <translation>Ouvrir un certificat</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation>Lecture du document…</translation>
    </message>
    <message>
        <source>QR code on page {page}</source>
        <translation>Code QR de la page {page}</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>VALIDE</translation>
    </message>
    <message>
        <source>INVALID SIGNATURE</source>
        <translation>SIGNATURE INVALIDE</translation>
    </message>
    <message>
        <source>UNKNOWN OFFICE</source>
        <translation>OFFICE INCONNU</translation>
    </message>
    <message>
        <source>REVOKED KEY</source>
        <translation>CLÉ RÉVOQUÉE</translation>
    </message>
    <message>
        <source>UNREADABLE CODE</source>
        <translation>CODE ILLISIBLE</translation>
    </message>
    <message>
        <source>Warning: the copy is dated in the future.</source>
        <translation>Attention : la copie est datée dans le futur.</translation>
    </message>
    <message>
        <source>Warning: this is a SPECIMEN, not a real copy.</source>
        <translation>Attention : ceci est un SPÉCIMEN, pas une vraie copie.</translation>
    </message>
    <message>
        <source>Warning: the act was CANCELLED by a court.</source>
        <translation>Attention : l'acte a été ANNULÉ par un tribunal.</translation>
    </message>
    <message>
        <source>Signed fields: compare them with the paper</source>
        <translation>Champs signés : comparez-les avec le papier</translation>
    </message>
    <message>
        <source>Fields read from the code: NOT authenticated</source>
        <translation>Champs lus dans le code : NON authentifiés</translation>
    </message>
    <message>
        <source>Birth</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <source>Marriage</source>
        <translation>Mariage</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <source>Full copy</source>
        <translation>Copie intégrale</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>SPECIMEN</source>
        <translation>SPÉCIMEN</translation>
    </message>
    <message>
        <source>No certificate checked yet</source>
        <translation>Aucun certificat vérifié pour l'instant</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>birth</source>
        <translation>naissance</translation>
    </message>
    <message>
        <source>marriage</source>
        <translation>mariage</translation>
    </message>
    <message>
        <source>death</source>
        <translation>deces</translation>
    </message>
    <message>
        <source>full-copy</source>
        <translation>copie-integrale</translation>
    </message>
    <message>
        <source>extract</source>
        <translation>extrait</translation>
    </message>
    <message>
        <source>Copy no. {n} issued, recorded and saved in {path}.</source>
        <translation>Copie n° {n} délivrée, enregistrée et sauvegardée dans {path}.</translation>
    </message>
    <message>
        <source>Copy no. {n} issued and recorded.</source>
        <translation>Copie n° {n} délivrée et enregistrée.</translation>
    </message>
    <message>
        <source>Full copy</source>
        <translation>Copie intégrale</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <source>Save the day's register pages as</source>
        <translation>Enregistrer les pages de registre du jour sous</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Printing today's acts…</source>
        <translation>Impression des actes du jour…</translation>
    </message>
    <message>
        <source>{n} page(s) written to {path}</source>
        <translation>{n} page(s) écrite(s) dans {path}</translation>
    </message>
    <message>
        <source>Back up into which folder?</source>
        <translation>Sauvegarder dans quel dossier ?</translation>
    </message>
    <message>
        <source>Backing up the store…</source>
        <translation>Sauvegarde du registre…</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Sauvegarde écrite : {path}</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset a password with the recovery key</source>
        <translation>Réinitialiser un mot de passe avec la clé de secours</translation>
    </message>
    <message>
        <source>Change a password</source>
        <translation>Changer un mot de passe</translation>
    </message>
    <message>
        <source>The recovery key was printed when the store was created; keep it locked away. It sets a new password for the account named below.</source>
        <translation>La clé de secours a été imprimée à la création du registre ; gardez-la sous clé. Elle donne un nouveau mot de passe au compte nommé ci-dessous.</translation>
    </message>
    <message>
        <source>Recovery &amp;key</source>
        <translation>&amp;Clé de secours</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;Nom d'utilisateur</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>Nouveau &amp;mot de passe</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Confirmation</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>Changer le mot de passe</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Type the user name and the new password.</source>
        <translation>Saisissez le nom d'utilisateur et le nouveau mot de passe.</translation>
    </message>
    <message>
        <source>Type the recovery key.</source>
        <translation>Saisissez la clé de secours.</translation>
    </message>
    <message>
        <source>The two passwords are different: type them again.</source>
        <translation>Les deux mots de passe sont différents : saisissez-les à nouveau.</translation>
    </message>
</context>
<context>
    <name>SpecialTexts</name>
    <message>
        <source>Found chil&amp;d (declared on the report of the finding)</source>
        <translation>Enfant trou&amp;vé (déclaré sur le procès-verbal de découverte)</translation>
    </message>
    <message>
        <source>Unidentified &amp;deceased (declared on the report)</source>
        <translation>Défunt non &amp;identifié (déclaré sur procès-verbal)</translation>
    </message>
    <message>
        <source>Found child: report of the finding</source>
        <translation>Enfant trouvé : procès-verbal de découverte</translation>
    </message>
    <message>
        <source>Unidentified deceased: report</source>
        <translation>Défunt non identifié : procès-verbal</translation>
    </message>
    <message>
        <source>Declaration received on paper</source>
        <translation>Déclaration reçue sur papier</translation>
    </message>
    <message>
        <source>Report reference</source>
        <translation>Référence du procès-verbal</translation>
    </message>
    <message>
        <source>Authority that drew it up</source>
        <translation>Autorité qui l'a dressé</translation>
    </message>
    <message>
        <source>Date found</source>
        <translation>Date de la découverte</translation>
    </message>
    <message>
        <source>Place found</source>
        <translation>Lieu de la découverte</translation>
    </message>
    <message>
        <source>Apparent age</source>
        <translation>Âge apparent</translation>
    </message>
    <message>
        <source>Circumstances</source>
        <translation>Circonstances</translation>
    </message>
    <message>
        <source>Distinguishing marks</source>
        <translation>Signes particuliers</translation>
    </message>
    <message>
        <source>Entrusted to</source>
        <translation>Confié à</translation>
    </message>
    <message>
        <source>Physical description</source>
        <translation>Signalement</translation>
    </message>
    <message>
        <source>Date the body was found</source>
        <translation>Date de la découverte du corps</translation>
    </message>
    <message>
        <source>Person who found the child</source>
        <translation>Personne ayant trouvé l'enfant</translation>
    </message>
    <message>
        <source>Authority's representative</source>
        <translation>Représentant de l'autorité</translation>
    </message>
    <message>
        <source>Received on &amp;paper on an earlier day (registrar's statement)</source>
        <translation>Reçue sur &amp;papier un jour antérieur (déclaration de l'officier)</translation>
    </message>
    <message>
        <source>The declaration date may precede the day this draft was entered only if you, the registrar, state that it was received on paper that day. Your statement is kept with the act and in the audit.</source>
        <translation>La date de déclaration ne peut précéder le jour de saisie de ce brouillon que si vous, officier de l'état civil, déclarez l'avoir reçue sur papier ce jour-là. Votre déclaration est conservée avec l'acte et dans le journal d'audit.</translation>
    </message>
    <message>
        <source>Date of the declaration</source>
        <translation>Date de la déclaration</translation>
    </message>
    <message>
        <source>Your statement</source>
        <translation>Votre déclaration</translation>
    </message>
    <message>
        <source>How and where it was received, e.g. in the declarations book</source>
        <translation>Comment et où elle a été reçue, ex. sur le cahier des déclarations</translation>
    </message>
</context>
<context>
    <name>ActExtras</name>
    <message>
        <source>Registrar's statement</source>
        <translation>Déclaration de l'officier</translation>
    </message>
    <message>
        <source>Rectified by marginal mention</source>
        <translation>Rectifié par mention marginale</translation>
    </message>
    <message>
        <source>{now} (registered: {then}; {kind} of {date}{reference})</source>
        <translation>{now} (inscrit : {then} ; {kind} du {date}{reference})</translation>
    </message>
    <message>
        <source>Receipt on paper stated by the registrar</source>
        <translation>Réception sur papier déclarée par l'officier</translation>
    </message>
</context>
<context>
    <name>CorrectionRow</name>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Now reads</source>
        <translation>Valeur actuelle</translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation>Valeur corrigée</translation>
    </message>
</context>
<context>
    <name>CorrectionsEditor</name>
    <message>
        <source>Correct a &amp;field…</source>
        <translation>Corriger un &amp;champ…</translation>
    </message>
    <message>
        <source>Corrected fields (at least one):</source>
        <translation>Champs corrigés (au moins un) :</translation>
    </message>
    <message>
        <source>Corrected fields (optional):</source>
        <translation>Champs corrigés (facultatif) :</translation>
    </message>
    <message>
        <source>See the corrected fields marked in red.</source>
        <translation>Voir les champs corrigés signalés en rouge.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Disque</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>Fichier %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
</context>
<context>
    <name>QSidebar</name>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
</context>
</TS>
