<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActForm</name>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="99" />
        <source>Birth declaration</source>
        <translation>Déclaration de naissance</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="100" />
        <source>Marriage declaration</source>
        <translation>Déclaration de mariage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="101" />
        <source>Death declaration</source>
        <translation>Déclaration de décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="109" />
        <source>Save draft (Ctrl+S)</source>
        <translation>Enregistrer le brouillon (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="111" />
        <source>Register (Ctrl+Enter)</source>
        <translation>Inscrire au registre (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="114" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="324" />
        <source>Not registered: correct the fields marked in red.</source>
        <translation>Non inscrit : corrigez les champs signalés en rouge.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="342" />
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="344" />
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="346" />
        <source>Draft saved</source>
        <translation>Brouillon enregistré</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="348" />
        <source>New declaration</source>
        <translation>Nouvelle déclaration</translation>
    </message>
</context>
<context>
    <name>ActPage</name>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="58" />
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="66" />
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="66" />
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="66" />
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="69" />
        <source>Marginal mentions</source>
        <translation>Mentions marginales</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="70" />
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="76" />
        <source>&amp;Edit draft</source>
        <translation>&amp;Modifier le brouillon</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="77" />
        <source>&amp;Register</source>
        <translation>&amp;Inscrire au registre</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="78" />
        <source>Add &amp;mention…</source>
        <translation>Ajouter une &amp;mention…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="79" />
        <source>Print &amp;full copy…</source>
        <translation>Imprimer une &amp;copie intégrale…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="80" />
        <source>Print e&amp;xtract…</source>
        <translation>Imprimer un e&amp;xtrait…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="81" />
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="128" />
        <source>Birth act</source>
        <translation>Acte de naissance</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="128" />
        <source>Marriage act</source>
        <translation>Acte de mariage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="129" />
        <source>Death act</source>
        <translation>Acte de décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="131" />
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="134" />
        <source>CANCELLED</source>
        <translation>ANNULÉ</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="142" />
        <source>No mention.</source>
        <translation>Aucune mention.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="157" />
        <source>Marriage</source>
        <translation>Mariage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="157" />
        <source>Divorce</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="158" />
        <source>Death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="158" />
        <source>Recognition</source>
        <translation>Reconnaissance</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="159" />
        <source>Adoption</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="159" />
        <source>Change of name</source>
        <translation>Changement de nom</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="160" />
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="160" />
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="184" />
        <source>Registered on {date} by {name}, {title}.</source>
        <translation>Inscrit le {date} par {name}, {title}.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="119" />
        <source>User name</source>
        <translation>Nom d'utilisateur</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="119" />
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="119" />
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="120" />
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="121" />
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="125" />
        <source>&amp;Add a user…</source>
        <translation>&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="131" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="139" />
        <source>System default</source>
        <translation>Imprimante par défaut du système</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="146" />
        <source>&amp;Save settings</source>
        <translation>&amp;Enregistrer les réglages</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="148" />
        <source>&amp;Back up the store…</source>
        <translation>&amp;Sauvegarder le registre…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="150" />
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="152" />
        <source>Lock after inactivity</source>
        <translation>Verrouiller après inactivité</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="153" />
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="154" />
        <source>Default printer</source>
        <translation>Imprimante par défaut</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="155" />
        <source>Store</source>
        <translation>Registre</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="181" />
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="181" />
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="188" />
        <source>Clerk</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="188" />
        <source>Registrar</source>
        <translation>Officier de l'état civil</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="189" />
        <source>District officer</source>
        <translation>Agent du district</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="190" />
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
</context>
<context>
    <name>ChoiceLabels</name>
    <message>
        <location filename="../../civreg/ui/fields.py" line="21" />
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="21" />
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="21" />
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="22" />
        <source>Father</source>
        <translation>Père</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="22" />
        <source>Mother</source>
        <translation>Mère</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="23" />
        <source>Grandparent</source>
        <translation>Ascendant</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="23" />
        <source>Relative</source>
        <translation>Proche parent</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="24" />
        <source>Present at the birth</source>
        <translation>Témoin de l'accouchement</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="24" />
        <source>Proxy</source>
        <translation>Mandataire</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="25" />
        <source>Spouse</source>
        <translation>Conjoint</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="25" />
        <source>Present at the death</source>
        <translation>Témoin du décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="26" />
        <source>Informed person</source>
        <translation>Personne informée</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="27" />
        <source>Health facility</source>
        <translation>Formation sanitaire</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="27" />
        <source>Home</source>
        <translation>Domicile</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="28" />
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="29" />
        <source>Monogamy</source>
        <translation>Monogamie</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="29" />
        <source>Polygamy</source>
        <translation>Polygamie</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="30" />
        <source>Separate property</source>
        <translation>Séparation de biens</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="30" />
        <source>Community</source>
        <translation>Communauté de biens</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="31" />
        <source>Community of acquests</source>
        <translation>Communauté réduite aux acquêts</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="32" />
        <source>Universal community</source>
        <translation>Communauté universelle</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="33" />
        <source>Civil celebration</source>
        <translation>Célébration civile</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="34" />
        <source>Registration of a customary marriage</source>
        <translation>Enregistrement d'un mariage coutumier</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="35" />
        <source>Registration of a religious marriage</source>
        <translation>Enregistrement d'un mariage religieux</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="36" />
        <source>Single birth</source>
        <translation>Naissance simple</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="36" />
        <source>Twins</source>
        <translation>Jumeaux</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="37" />
        <source>Triplets</source>
        <translation>Triplés</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../civreg/ui/fields.py" line="88" />
        <source>DD/MM/YYYY</source>
        <translation>JJ/MM/AAAA</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="87" />
        <source>Not a duplicate</source>
        <translation>Pas un doublon</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="89" />
        <source>Same person — open the existing act</source>
        <translation>Même personne — ouvrir l'acte existant</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="103" />
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="116" />
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="120" />
        <source>held by another commune</source>
        <translation>détenu par une autre commune</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="135" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="135" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="136" />
        <source>Mother</source>
        <translation>Mère</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="136" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="145" />
        <source>No similar act found.</source>
        <translation>Aucun acte semblable trouvé.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="147" />
        <source>Act n° {ref}</source>
        <translation>Acte n° {ref}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="148" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="149" />
        <source>This declaration</source>
        <translation>Cette déclaration</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="170" />
        <source>Recorded: not a duplicate.</source>
        <translation>Enregistré : pas un doublon.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="171" />
        <source>Recorded: same person.</source>
        <translation>Enregistré : même personne.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../civreg/ui/errors.py" line="23" />
        <source>An unexpected error occurred ({kind}). Nothing was changed.</source>
        <translation>Une erreur inattendue s'est produite ({kind}). Rien n'a été modifié.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/errors.py" line="34" />
        <source>civreg</source>
        <translation>civreg</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="39" />
        <source>civreg — first start</source>
        <translation>civreg — premier démarrage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="40" />
        <source>&amp;Next &gt;</source>
        <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="41" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="42" />
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="43" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="46" />
        <source>Welcome to civreg</source>
        <translation>Bienvenue dans civreg</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="47" />
        <source>Create a new store for this office</source>
        <translation>Créer un nouveau registre pour ce bureau</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="49" />
        <source>Open an existing store…</source>
        <translation>Ouvrir un registre existant…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="51" />
        <source>No store was found at {path}.</source>
        <translation>Aucun registre n'a été trouvé à l'emplacement {path}.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="56" />
        <source>The office</source>
        <translation>Le bureau</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="64" />
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="65" />
        <source>Commune code</source>
        <translation>Code de la commune</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="66" />
        <source>Centre code</source>
        <translation>Code du centre</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="67" />
        <source>Office name</source>
        <translation>Nom du bureau</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="70" />
        <source>The first administrator</source>
        <translation>Le premier administrateur</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="81" />
        <source>User name</source>
        <translation>Nom d'utilisateur</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="82" />
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="83" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="84" />
        <source>Repeat the password</source>
        <translation>Répétez le mot de passe</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="88" />
        <source>Recovery key</source>
        <translation>Clé de secours</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="95" />
        <source>&amp;Print it</source>
        <translation>&amp;Imprimer la clé</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="98" />
        <source>This key is shown only once. Without it, a forgotten password means the registers can no longer be opened. Print it and keep it in a safe place, away from this computer.</source>
        <translation>Cette clé n'est affichée qu'une seule fois. Sans elle, un mot de passe oublié rend les registres impossibles à ouvrir. Imprimez-la et rangez-la en lieu sûr, loin de cet ordinateur.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="112" />
        <source>Open a store</source>
        <translation>Ouvrir un registre</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="113" />
        <source>civreg stores (*.db)</source>
        <translation>Registres civreg (*.db)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="124" />
        <source>The two passwords differ.</source>
        <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="137" />
        <source>Creating the store…</source>
        <translation>Création du registre…</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="67" />
        <source>&amp;Import batch files…</source>
        <translation>&amp;Importer des fichiers de lots…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="69" />
        <source>&amp;Forward to the national level…</source>
        <translation>&amp;Transmettre au niveau national…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="72" />
        <source>Choose the batch files received from the communes.</source>
        <translation>Choisissez les fichiers de lots reçus des communes.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="79" />
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="79" />
        <location filename="../../civreg/ui/import_page.py" line="99" />
        <source>Office</source>
        <translation>Bureau</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="79" />
        <location filename="../../civreg/ui/import_page.py" line="99" />
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="80" />
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="80" />
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="80" />
        <source>Quarantined</source>
        <translation>En quarantaine</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="89" />
        <source>Last import</source>
        <translation>Dernière importation</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="99" />
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="100" />
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="100" />
        <source>Received</source>
        <translation>Reçu le</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="105" />
        <source>What was done (e.g. commune called, correct act confirmed)</source>
        <translation>Ce qui a été fait (p. ex. commune appelée, acte correct confirmé)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="106" />
        <source>&amp;Close the selected item</source>
        <translation>&amp;Clore l'élément sélectionné</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="108" />
        <source>Quarantined records to review</source>
        <translation>Enregistrements en quarantaine à examiner</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="132" />
        <source>differs from the act already held</source>
        <translation>diffère de l'acte déjà détenu</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="133" />
        <source>concerns an act not held here</source>
        <translation>concerne un acte absent d'ici</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="134" />
        <source>copy number already used</source>
        <translation>numéro de copie déjà utilisé</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="135" />
        <source>audit entry altered</source>
        <translation>entrée du journal d'audit modifiée</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="136" />
        <source>audit chain broken</source>
        <translation>chaîne du journal d'audit rompue</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="137" />
        <source>possible duplicate of another commune's act</source>
        <translation>doublon possible d'un acte d'une autre commune</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="141" />
        <source>act</source>
        <translation>acte</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="141" />
        <source>mention</source>
        <translation>mention</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="141" />
        <source>copy</source>
        <translation>copie</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="142" />
        <source>notice</source>
        <translation>avis</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="142" />
        <source>audit entry</source>
        <translation>entrée du journal d'audit</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="143" />
        <source>key announcement</source>
        <translation>annonce de clé</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="164" />
        <source>Write what was done before closing</source>
        <translation>Indiquez ce qui a été fait avant de clore</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="172" />
        <source>Batch files to import</source>
        <translation>Fichiers de lots à importer</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="173" />
        <source>civreg batches (*.civreg-batch *.civbatch);;All files (*)</source>
        <translation>Lots civreg (*.civreg-batch *.civbatch);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="181" />
        <source>Importing {n} batch file(s)…</source>
        <translation>Importation de {n} fichier(s) de lots…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="193" />
        <source>Refused: {file}: {reason} Nothing was imported.</source>
        <translation>Refusé : {file} : {reason} Rien n'a été importé.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="194" />
        <source>Refused: {reason} Nothing was imported.</source>
        <translation>Refusé : {reason} Rien n'a été importé.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="203" />
        <source>Imported</source>
        <translation>Importé</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="204" />
        <source>Kept sealed (encrypted for another level)</source>
        <translation>Conservé scellé (chiffré pour un autre niveau)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="205" />
        <source>Already imported</source>
        <translation>Déjà importé</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="217" />
        <source>{new} batch(es) accepted, {old} already imported; {records} record(s) received, {q} quarantined.</source>
        <translation>{new} lot(s) accepté(s), {old} déjà importé(s) ; {records} enregistrement(s) reçu(s), {q} en quarantaine.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="220" />
        <source>{office}: batch(es) {numbers} missing</source>
        <translation>{office} : lot(s) {numbers} manquant(s)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="223" />
        <source>No batch missing.</source>
        <translation>Aucun lot manquant.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="226" />
        <source>Signed receipt written to {path}: send it back to the communes.</source>
        <translation>Accusé de réception signé écrit dans {path} : renvoyez-le aux communes.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="232" />
        <source>Forward the batches into which folder?</source>
        <translation>Transmettre les lots dans quel dossier ?</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="240" />
        <source>{n} batch(es) copied to {path} for the national level.</source>
        <translation>{n} lot(s) copié(s) dans {path} pour le niveau national.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../civreg/ui/login.py" line="65" />
        <source>civreg — log in</source>
        <translation>civreg — connexion</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="77" />
        <source>The session is locked. Type your password to resume.</source>
        <translation>La session est verrouillée. Saisissez votre mot de passe pour reprendre.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="79" />
        <source>Type your user name and password to open the registers.</source>
        <translation>Saisissez votre nom d'utilisateur et votre mot de passe pour ouvrir les registres.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="83" />
        <source>&amp;User name</source>
        <translation>&amp;Nom d'utilisateur</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="84" />
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="86" />
        <source>Log in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="92" />
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="110" />
        <source>Type your user name and your password.</source>
        <translation>Saisissez votre nom d'utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="113" />
        <source>Opening the store…</source>
        <translation>Ouverture du registre…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="143" />
        <source>Wait {n} s before trying again.</source>
        <translation>Patientez {n} s avant de réessayer.</translation>
    </message>
</context>
<context>
    <name>LongOperation</name>
    <message>
        <location filename="../../civreg/ui/long_ops.py" line="38" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="49" />
        <source>civreg — {office}</source>
        <translation>civreg — {office}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="58" />
        <source>Births</source>
        <translation>Naissances</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="59" />
        <source>Marriages</source>
        <translation>Mariages</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="60" />
        <source>Deaths</source>
        <translation>Décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="61" />
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="63" />
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="64" />
        <source>Transmission</source>
        <translation>Transmission</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="66" />
        <source>Import batches</source>
        <translation>Importer des lots</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="68" />
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="70" />
        <source>Verify a certificate</source>
        <translation>Vérifier un certificat</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="71" />
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="94" />
        <source>Search: name, act number, identifier, date (Ctrl+F)</source>
        <translation>Rechercher : nom, numéro d'acte, identifiant, date (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="109" />
        <source>&amp;Resume the draft</source>
        <translation>&amp;Reprendre le brouillon</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="110" />
        <source>Later</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="137" />
        <source>Logged in as {user}</source>
        <translation>Connecté : {user}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="143" />
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="145" />
        <source>New &amp;birth</source>
        <translation>Nouvelle &amp;naissance</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="146" />
        <source>New &amp;marriage</source>
        <translation>Nouveau &amp;mariage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="147" />
        <source>New &amp;death</source>
        <translation>Nouveau &amp;décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="153" />
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="157" />
        <source>Log &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="162" />
        <source>&amp;Print today's acts…</source>
        <translation>&amp;Imprimer les actes du jour…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="165" />
        <source>&amp;Back up the store…</source>
        <translation>&amp;Sauvegarder le registre…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="168" />
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="172" />
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="270" />
        <source>birth</source>
        <translation>naissance</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="270" />
        <source>marriage</source>
        <translation>mariage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="271" />
        <source>death</source>
        <translation>décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="273" />
        <source>A {kind} declaration was being entered when civreg closed (saved {when}). Resume it?</source>
        <translation>Une déclaration de {kind} était en cours de saisie quand civreg s'est fermé (enregistrée le {when}). La reprendre ?</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="317" />
        <source>Full copy</source>
        <translation>Copie intégrale</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="317" />
        <source>Extract</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="328" />
        <source>Back up into which folder?</source>
        <translation>Sauvegarder dans quel dossier ?</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="331" />
        <source>Backing up the store…</source>
        <translation>Sauvegarde du registre…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="335" />
        <source>Backup written: {path}</source>
        <translation>Sauvegarde écrite : {path}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="345" />
        <source>Save the day's copies as</source>
        <translation>Enregistrer les copies du jour sous</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="346" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="354" />
        <source>Printing today's acts…</source>
        <translation>Impression des actes du jour…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="356" />
        <source>{n} page(s) written to {path}</source>
        <translation>{n} page(s) écrite(s) dans {path}</translation>
    </message>
</context>
<context>
    <name>MentionDialog</name>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="27" />
        <source>Add a marginal mention</source>
        <translation>Ajouter une mention marginale</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="38" />
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="39" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="40" />
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="41" />
        <source>Ordered by (authority)</source>
        <translation>Ordonnée par (autorité)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="42" />
        <source>Decision reference</source>
        <translation>Référence de la décision</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="45" />
        <source>Record</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="46" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../civreg/ui/printing.py" line="107" />
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/printing.py" line="109" />
        <source>&amp;Save as PDF…</source>
        <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/printing.py" line="111" />
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/printing.py" line="114" />
        <source>{n} page(s)</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/printing.py" line="133" />
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/printing.py" line="134" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="158" />
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="158" />
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="158" />
        <source>Date of event</source>
        <translation>Date de l'événement</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="158" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="159" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="159" />
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="192" />
        <source>Birth</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="192" />
        <source>Marriage</source>
        <translation>Mariage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="193" />
        <source>Death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="197" />
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="199" />
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="200" />
        <source>Registered (late)</source>
        <translation>Inscrit (tardif)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="200" />
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
</context>
<context>
    <name>RegistersPage</name>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="71" />
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="74" />
        <source>All centres</source>
        <translation>Tous les centres</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="77" />
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="77" />
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="78" />
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="94" />
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="94" />
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="95" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="101" />
        <source>&amp;New declaration</source>
        <translation>&amp;Nouvelle déclaration</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="114" />
        <source>{n} act(s)</source>
        <translation>{n} acte(s)</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="74" />
        <source>Type a name (accents optional), an act number, an identifier or a date in the search box at the top (Ctrl+F).</source>
        <translation>Tapez un nom (accents facultatifs), un numéro d'acte, un identifiant ou une date dans la zone de recherche en haut (Ctrl+F).</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="89" />
        <source>{n} result(s) for “{q}”</source>
        <translation>{n} résultat(s) pour « {q} »</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="73" />
        <source>All years</source>
        <translation>Toutes les années</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="77" />
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="80" />
        <source>Year of the event</source>
        <translation>Année de l'événement</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="85" />
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="85" />
        <location filename="../../civreg/ui/statistics_page.py" line="94" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="85" />
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="85" />
        <source>Female</source>
        <translation>Féminin</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="86" />
        <source>Sex unknown</source>
        <translation>Sexe inconnu</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="86" />
        <source>On time</source>
        <translation>Dans les délais</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="86" />
        <source>Late (court judgment)</source>
        <translation>Tardif (jugement)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="87" />
        <source>Transcribed</source>
        <translation>Transcrit</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="93" />
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="93" />
        <source>Month unknown</source>
        <translation>Mois inconnu</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="101" />
        <source>Counts of registered acts by the date of the event. On time: declared within the legal deadline; late: drawn up on a court judgment; transcribed: an act made elsewhere and transcribed here.</source>
        <translation>Nombre d'actes inscrits selon la date de l'événement. Dans les délais : déclaré dans le délai légal ; tardif : dressé sur jugement ; transcrit : acte établi ailleurs et transcrit ici.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="109" />
        <source>By month of the event</source>
        <translation>Par mois de l'événement</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="116" />
        <source>Births</source>
        <translation>Naissances</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="116" />
        <source>Marriages</source>
        <translation>Mariages</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="117" />
        <source>Deaths</source>
        <translation>Décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="120" />
        <source>Jan</source>
        <translation>janv.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="120" />
        <source>Feb</source>
        <translation>févr.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="120" />
        <source>Mar</source>
        <translation>mars</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="120" />
        <source>Apr</source>
        <translation>avr.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="120" />
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="121" />
        <source>Jun</source>
        <translation>juin</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="121" />
        <source>Jul</source>
        <translation>juil.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="121" />
        <source>Aug</source>
        <translation>août</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="121" />
        <source>Sep</source>
        <translation>sept.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="121" />
        <source>Oct</source>
        <translation>oct.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="122" />
        <source>Nov</source>
        <translation>nov.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="122" />
        <source>Dec</source>
        <translation>déc.</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="59" />
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="59" />
        <source>Details</source>
        <translation>Précisions</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="60" />
        <source>Child</source>
        <translation>Enfant</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="60" />
        <source>Father</source>
        <translation>Père</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="60" />
        <source>Mother</source>
        <translation>Mère</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="61" />
        <source>First spouse</source>
        <translation>Premier époux</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="61" />
        <source>Second spouse</source>
        <translation>Second époux</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="62" />
        <source>First witness</source>
        <translation>Premier témoin</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="62" />
        <source>Second witness</source>
        <translation>Second témoin</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="63" />
        <source>Deceased</source>
        <translation>Défunt</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="63" />
        <source>Spouse of the deceased</source>
        <translation>Conjoint du défunt</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="64" />
        <source>Declarant</source>
        <translation>Déclarant</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="69" />
        <location filename="../../civreg/ui/form_layout.py" line="76" />
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="70" />
        <source>Date of marriage</source>
        <translation>Date du mariage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="71" />
        <source>Date of death</source>
        <translation>Date du décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="72" />
        <source>Time (HH:MM)</source>
        <translation>Heure (HH:MM)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="72" />
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="73" />
        <source>Type of place</source>
        <translation>Type de lieu</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="74" />
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="74" />
        <source>Post-name</source>
        <translation>Post-nom</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="75" />
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="75" />
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="76" />
        <source>Place of birth</source>
        <translation>Lieu de naissance</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="77" />
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="77" />
        <source>Address</source>
        <translation>Domicile</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="78" />
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="78" />
        <source>Capacity</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="79" />
        <source>Multiple birth</source>
        <translation>Naissance multiple</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="79" />
        <source>Birth order</source>
        <translation>Rang de naissance</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="80" />
        <source>Weight (grams)</source>
        <translation>Poids (grammes)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="80" />
        <source>Form of marriage</source>
        <translation>Forme du mariage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="81" />
        <source>Marriage option</source>
        <translation>Option matrimoniale</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="82" />
        <source>Property regime</source>
        <translation>Régime matrimonial</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="83" />
        <source>Bride price (e.g. 500 USD)</source>
        <translation>Dot (ex. 500 USD)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="84" />
        <source>Power of attorney (reference)</source>
        <translation>Procuration (référence)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="85" />
        <source>Immediate cause (a)</source>
        <translation>Cause immédiate (a)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="86" />
        <source>Underlying cause</source>
        <translation>Cause initiale</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="87" />
        <source>Other significant conditions</source>
        <translation>Autres états morbides importants</translation>
    </message>
</context>
<context>
    <name>TransmissionPage</name>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="49" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="49" />
        <source>Kind</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="49" />
        <source>Act to annotate</source>
        <translation>Acte à annoter</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="41" />
        <location filename="../../civreg/ui/transmission_page.py" line="50" />
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="61" />
        <source>Mention notices to send to other centres</source>
        <translation>Avis de mention à envoyer aux autres centres</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="63" />
        <source>Mention notices received</source>
        <translation>Avis de mention reçus</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="97" />
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="86" />
        <location filename="../../civreg/ui/transmission_page.py" line="97" />
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="41" />
        <source>Batch</source>
        <translation>Lot</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="41" />
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="42" />
        <source>Records</source>
        <translation>Enregistrements</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="42" />
        <location filename="../../civreg/ui/transmission_page.py" line="86" />
        <source>Acknowledged</source>
        <translation>Accusé de réception</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="43" />
        <source>&amp;Export the changes as a batch…</source>
        <translation>&amp;Exporter les changements dans un lot…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="45" />
        <source>Import a &amp;receipt…</source>
        <translation>Importer un &amp;accusé de réception…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="59" />
        <source>Batches sent to the district</source>
        <translation>Lots envoyés au district</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="84" />
        <source>Changes waiting to be sent: {n}</source>
        <translation>Changements en attente d'envoi : {n}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="87" />
        <source>Partly quarantined</source>
        <translation>En partie mis en quarantaine</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="98" />
        <source>Applied</source>
        <translation>Appliqué</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="109" />
        <source>Save the batch as</source>
        <translation>Enregistrer le lot sous</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="110" />
        <source>civreg batches (*.civreg-batch)</source>
        <translation>Lots civreg (*.civreg-batch)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="118" />
        <source>Open a receipt</source>
        <translation>Ouvrir un accusé de réception</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="119" />
        <source>Receipts (*.json)</source>
        <translation>Accusés de réception (*.json)</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="64" />
        <source>Add a user</source>
        <translation>Ajouter un utilisateur</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="70" />
        <source>Clerk</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="70" />
        <source>Registrar</source>
        <translation>Officier de l'état civil</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="71" />
        <source>District officer</source>
        <translation>Agent du district</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="71" />
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="74" />
        <source>User name</source>
        <translation>Nom d'utilisateur</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="75" />
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="76" />
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="77" />
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="82" />
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="83" />
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="93" />
        <source>Scan or paste the text of the certificate's QR code, or open the PDF. The verdict needs no network: it checks the issuing office's signature.</source>
        <translation>Scannez ou collez le texte du code QR du certificat, ou ouvrez le PDF. Le verdict ne demande aucun réseau : il vérifie la signature de l'office qui l'a délivré.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="98" />
        <source>QR code text (a scanner types it here)</source>
        <translation>Texte du code QR (un lecteur le saisit ici)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="100" />
        <source>&amp;Verify</source>
        <translation>&amp;Vérifier</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="102" />
        <source>Open a &amp;PDF…</source>
        <translation>Ouvrir un &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="111" />
        <source>Key &amp;folder…</source>
        <translation>&amp;Dossier de clés…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="113" />
        <source>Key list &amp;file…</source>
        <translation>&amp;Fichier de liste de clés…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="115" />
        <source>This store's &amp;keys</source>
        <translation>&amp;Clés de ce registre</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="160" />
        <source>Act identifier</source>
        <translation>Identifiant de l'acte</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="160" />
        <source>Kind of act</source>
        <translation>Nature de l'acte</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="161" />
        <source>Names</source>
        <translation>Noms</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="161" />
        <source>Date of the event</source>
        <translation>Date de l'événement</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="162" />
        <source>Place of the event</source>
        <translation>Lieu de l'événement</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="162" />
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="163" />
        <source>Copy number</source>
        <translation>Numéro de la copie</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="163" />
        <source>Issued on</source>
        <translation>Délivrée le</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="164" />
        <source>Issuing office</source>
        <translation>Office émetteur</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="164" />
        <source>Signing key</source>
        <translation>Clé de signature</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="165" />
        <source>State of the act</source>
        <translation>État de l'acte</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="179" />
        <source>Folder of office key files</source>
        <translation>Dossier des fichiers de clés d'office</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="184" />
        <source>Office key list</source>
        <translation>Liste de clés d'office</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="185" />
        <source>Key files (*.json)</source>
        <translation>Fichiers de clés (*.json)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="192" />
        <source>Keys: those this store trusts ({n})</source>
        <translation>Clés : celles auxquelles ce registre fait confiance ({n})</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="194" />
        <source>Keys: from {name} ({n})</source>
        <translation>Clés : de {name} ({n})</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="207" />
        <source>Open a certificate</source>
        <translation>Ouvrir un certificat</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="208" />
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="216" />
        <source>Reading the document…</source>
        <translation>Lecture du document…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="231" />
        <source>QR code on page {page}</source>
        <translation>Code QR de la page {page}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="242" />
        <source>VALID</source>
        <translation>VALIDE</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="243" />
        <source>INVALID SIGNATURE</source>
        <translation>SIGNATURE INVALIDE</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="244" />
        <source>UNKNOWN OFFICE</source>
        <translation>OFFICE INCONNU</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="245" />
        <source>REVOKED KEY</source>
        <translation>CLÉ RÉVOQUÉE</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="246" />
        <source>UNREADABLE CODE</source>
        <translation>CODE ILLISIBLE</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="254" />
        <source>Warning: the copy is dated in the future.</source>
        <translation>Attention : la copie est datée dans le futur.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="255" />
        <source>Warning: this is a SPECIMEN, not a real copy.</source>
        <translation>Attention : ceci est un SPÉCIMEN, pas une vraie copie.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="256" />
        <source>Warning: the act was CANCELLED by a court.</source>
        <translation>Attention : l'acte a été ANNULÉ par un tribunal.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="263" />
        <source>Signed fields: compare them with the paper</source>
        <translation>Champs signés : comparez-les avec le papier</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="265" />
        <source>Fields read from the code: NOT authenticated</source>
        <translation>Champs lus dans le code : NON authentifiés</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="267" />
        <source>Birth</source>
        <translation>Naissance</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="267" />
        <source>Marriage</source>
        <translation>Mariage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="267" />
        <source>Death</source>
        <translation>Décès</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="268" />
        <source>Full copy</source>
        <translation>Copie intégrale</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="268" />
        <source>Extract</source>
        <translation>Extrait</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="269" />
        <source>Registered</source>
        <translation>Inscrit</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="269" />
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="277" />
        <source>SPECIMEN</source>
        <translation>SPÉCIMEN</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="287" />
        <source>No certificate checked yet</source>
        <translation>Aucun certificat vérifié pour l'instant</translation>
    </message>
</context>
</TS>
