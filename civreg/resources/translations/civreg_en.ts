<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ActForm</name>
    <message>
        <source>Birth declaration</source>
        <translation>Birth declaration</translation>
    </message>
    <message>
        <source>Marriage declaration</source>
        <translation>Marriage declaration</translation>
    </message>
    <message>
        <source>Death declaration</source>
        <translation>Death declaration</translation>
    </message>
    <message>
        <source>Save draft (Ctrl+S)</source>
        <translation>Save draft (Ctrl+S)</translation>
    </message>
    <message>
        <source>Register (Ctrl+Enter)</source>
        <translation>Register (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Not registered.</source>
        <translation>Not registered.</translation>
    </message>
    <message>
        <source>Registered under number {number}: {shown} was taken meanwhile.</source>
        <translation>Registered under number {number}: {shown} was taken meanwhile.</translation>
    </message>
    <message>
        <source>Not registered: correct the fields marked in red.</source>
        <translation>Not registered: correct the fields marked in red.</translation>
    </message>
    <message>
        <source>Not registered: see the problems listed above.</source>
        <translation>Not registered: see the problems listed above.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <source>New declaration</source>
        <translation>New declaration</translation>
    </message>
</context>
<context>
    <name>ActPage</name>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Marginal mentions</source>
        <translation>Marginal mentions</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>&amp;Edit draft</source>
        <translation>&amp;Edit draft</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Add &amp;mention…</source>
        <translation>Add &amp;mention…</translation>
    </message>
    <message>
        <source>Print &amp;full copy…</source>
        <translation>Print &amp;full copy…</translation>
    </message>
    <message>
        <source>Print e&amp;xtract…</source>
        <translation>Print e&amp;xtract…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Birth act</source>
        <translation>Birth act</translation>
    </message>
    <message>
        <source>Marriage act</source>
        <translation>Marriage act</translation>
    </message>
    <message>
        <source>Death act</source>
        <translation>Death act</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <source>No mention.</source>
        <translation>No mention.</translation>
    </message>
    <message>
        <source>Declaration entered</source>
        <translation>Declaration entered</translation>
    </message>
    <message>
        <source>Declaration corrected</source>
        <translation>Declaration corrected</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Marginal mention recorded</source>
        <translation>Marginal mention recorded</translation>
    </message>
    <message>
        <source>Mention received from another centre</source>
        <translation>Mention received from another centre</translation>
    </message>
    <message>
        <source>Copy issued</source>
        <translation>Copy issued</translation>
    </message>
    <message>
        <source>Mention added by another act</source>
        <translation>Mention added by another act</translation>
    </message>
    <message>
        <source>Mention notice queued for another centre</source>
        <translation>Mention notice queued for another centre</translation>
    </message>
    <message>
        <source>Possible duplicate examined</source>
        <translation>Possible duplicate examined</translation>
    </message>
    <message>
        <source>Marriage</source>
        <translation>Marriage</translation>
    </message>
    <message>
        <source>Divorce</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <source>Change of name</source>
        <translation>Change of name</translation>
    </message>
    <message>
        <source>Change of the marriage option</source>
        <translation>Change of the marriage option</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Cancellation</translation>
    </message>
    <message>
        <source>Registered on {date} by {name}, {title}.</source>
        <translation>Registered on {date} by {name}, {title}.</translation>
    </message>
    <message>
        <source>{n} g</source>
        <translation>{n} g</translation>
    </message>
    <message>
        <source>Medical cause (confidential, never printed)</source>
        <translation>Medical cause (confidential, never printed)</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Change the pass&amp;word…</source>
        <translation>Change the pass&amp;word…</translation>
    </message>
    <message>
        <source>&amp;Disable…</source>
        <translation>&amp;Disable…</translation>
    </message>
    <message>
        <source>Loc&amp;k after inactivity</source>
        <translation>Loc&amp;k after inactivity</translation>
    </message>
    <message>
        <source>La&amp;nguage</source>
        <translation>La&amp;nguage</translation>
    </message>
    <message>
        <source>Default p&amp;rinter</source>
        <translation>Default p&amp;rinter</translation>
    </message>
    <message>
        <source>Choose the user in the table first.</source>
        <translation>Choose the user in the table first.</translation>
    </message>
    <message>
        <source>Disable a user</source>
        <translation>Disable a user</translation>
    </message>
    <message>
        <source>Disable the account “{user}”? It can no longer log in; what it did stays in the history.</source>
        <translation>Disable the account “{user}”? It can no longer log in; what it did stays in the history.</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>The account “{user}” is disabled.</source>
        <translation>The account “{user}” is disabled.</translation>
    </message>
    <message>
        <source>The password of “{user}” is changed.</source>
        <translation>The password of “{user}” is changed.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation>&amp;Add a user…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <source>&amp;Back up the store…</source>
        <translation>&amp;Back up the store…</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <source>Lock after inactivity</source>
        <translation>Lock after inactivity</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Default printer</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>&amp;Check the store…</source>
        <translation>&amp;Check the store…</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>District officer</source>
        <translation>District officer</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <source>A backup is one file holding the encrypted store and its key file. It can only be restored with the password of one of the store's administrators. Keep it on a USB stick stored away from this computer.</source>
        <translation>A backup is one file holding the encrypted store and its key file. It can only be restored with the password of one of the store's administrators. Keep it on a USB stick stored away from this computer.</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Back up the store</source>
        <translation>Back up the store</translation>
    </message>
    <message>
        <source>Folder or USB stick</source>
        <translation>Folder or USB stick</translation>
    </message>
    <message>
        <source> day(s)</source>
        <translation> day(s)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>&amp;Save the reminder</source>
        <translation>&amp;Save the reminder</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Reminder</translation>
    </message>
    <message>
        <source>Remind when the last backup is older than</source>
        <translation>Remind when the last backup is older than</translation>
    </message>
    <message>
        <source>This store has never been backed up.</source>
        <translation>This store has never been backed up.</translation>
    </message>
    <message>
        <source>Last backup: {when} ({age}), {file} in {folder}</source>
        <translation>Last backup: {when} ({age}), {file} in {folder}</translation>
    </message>
    <message>
        <source>today</source>
        <translation>today</translation>
    </message>
    <message>
        <source>{days} day(s) ago</source>
        <translation>{days} day(s) ago</translation>
    </message>
    <message>
        <source>Back up into which folder?</source>
        <translation>Back up into which folder?</translation>
    </message>
    <message>
        <source>Backing up the store…</source>
        <translation>Backing up the store…</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Backup written: {path}</translation>
    </message>
    <message>
        <source>Warning: {n} page(s) of the store are damaged; run the store check (Administration).</source>
        <translation>Warning: {n} page(s) of the store are damaged; run the store check (Administration).</translation>
    </message>
    <message>
        <source>This store has never been backed up: back it up now.</source>
        <translation>This store has never been backed up: back it up now.</translation>
    </message>
    <message>
        <source>The last backup is {days} day(s) old (reminder after {limit}): back the store up now.</source>
        <translation>The last backup is {days} day(s) old (reminder after {limit}): back the store up now.</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Store check</source>
        <translation>Store check</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>No problem found.</source>
        <translation>No problem found.</translation>
    </message>
    <message>
        <source>{n} problem(s) found. Do not keep working on a damaged store: restore the latest backup, or call support.</source>
        <translation>{n} problem(s) found. Do not keep working on a damaged store: restore the latest backup, or call support.</translation>
    </message>
</context>
<context>
    <name>ChoiceLabels</name>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Father</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <source>Grandparent</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <source>Relative</source>
        <translation>Relative</translation>
    </message>
    <message>
        <source>Present at the birth</source>
        <translation>Present at the birth</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Spouse</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <source>Present at the death</source>
        <translation>Present at the death</translation>
    </message>
    <message>
        <source>Informed person</source>
        <translation>Informed person</translation>
    </message>
    <message>
        <source>Health facility</source>
        <translation>Health facility</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Monogamy</source>
        <translation>Monogamy</translation>
    </message>
    <message>
        <source>Polygamy</source>
        <translation>Polygamy</translation>
    </message>
    <message>
        <source>Separate property</source>
        <translation>Separate property</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <source>Community of acquests</source>
        <translation>Community of acquests</translation>
    </message>
    <message>
        <source>Universal community</source>
        <translation>Universal community</translation>
    </message>
    <message>
        <source>Civil celebration</source>
        <translation>Civil celebration</translation>
    </message>
    <message>
        <source>Registration of a customary marriage</source>
        <translation>Registration of a customary marriage</translation>
    </message>
    <message>
        <source>Registration of a religious marriage</source>
        <translation>Registration of a religious marriage</translation>
    </message>
    <message>
        <source>Single birth</source>
        <translation>Single birth</translation>
    </message>
    <message>
        <source>Twins</source>
        <translation>Twins</translation>
    </message>
    <message>
        <source>Triplets</source>
        <translation>Triplets</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Partly paid</source>
        <translation>Partly paid</translation>
    </message>
    <message>
        <source>Unpaid</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <source>Divorce</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <source>Death of the spouse</source>
        <translation>Death of the spouse</translation>
    </message>
    <message>
        <source>Annulment</source>
        <translation>Annulment</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Single</translation>
    </message>
    <message>
        <source>Married</source>
        <translation>Married</translation>
    </message>
    <message>
        <source>Divorced</source>
        <translation>Divorced</translation>
    </message>
    <message>
        <source>Widowed</source>
        <translation>Widowed</translation>
    </message>
</context>
<context>
    <name>ConfirmRegistration</name>
    <message>
        <source>Register the act</source>
        <translation>Register the act</translation>
    </message>
    <message>
        <source>the births register {year}</source>
        <translation>the births register {year}</translation>
    </message>
    <message>
        <source>the marriages register {year}</source>
        <translation>the marriages register {year}</translation>
    </message>
    <message>
        <source>the deaths register {year}</source>
        <translation>the deaths register {year}</translation>
    </message>
    <message>
        <source>number {number}</source>
        <translation>number {number}</translation>
    </message>
    <message>
        <source>Register &lt;b&gt;{name}&lt;/b&gt; in {register} under &lt;b&gt;{number}&lt;/b&gt;?</source>
        <translation>Register &lt;b&gt;{name}&lt;/b&gt; in {register} under &lt;b&gt;{number}&lt;/b&gt;?</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>This number of the paper register is recorded as it stands; the act can then only be annotated by a marginal mention.</source>
        <translation>This number of the paper register is recorded as it stands; the act can then only be annotated by a marginal mention.</translation>
    </message>
    <message>
        <source>The number becomes final at once: the act can then only be annotated by a marginal mention, never changed.</source>
        <translation>The number becomes final at once: the act can then only be annotated by a marginal mention, never changed.</translation>
    </message>
    <message>
        <source>Register (Enter)</source>
        <translation>Register (Enter)</translation>
    </message>
    <message>
        <source>Go back (Esc)</source>
        <translation>Go back (Esc)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/YYYY</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <source>Not a duplicate</source>
        <translation>Not a duplicate</translation>
    </message>
    <message>
        <source>Same person — open the existing act</source>
        <translation>Same person — open the existing act</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <source>held by another commune</source>
        <translation>held by another commune</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>No similar act found.</source>
        <translation>No similar act found.</translation>
    </message>
    <message>
        <source>Act n° {ref}</source>
        <translation>Act n° {ref}</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>This declaration</source>
        <translation>This declaration</translation>
    </message>
    <message>
        <source>Recorded: not a duplicate.</source>
        <translation>Recorded: not a duplicate.</translation>
    </message>
    <message>
        <source>Recorded: same person.</source>
        <translation>Recorded: same person.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>An unexpected error occurred ({kind}). Nothing was changed.</source>
        <translation>An unexpected error occurred ({kind}). Nothing was changed.</translation>
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
        <translation>civreg — first start</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Welcome to civreg</source>
        <translation>Welcome to civreg</translation>
    </message>
    <message>
        <source>Create a new store for this office</source>
        <translation>Create a new store for this office</translation>
    </message>
    <message>
        <source>Open an existing store…</source>
        <translation>Open an existing store…</translation>
    </message>
    <message>
        <source>No store was found at {path}.</source>
        <translation>No store was found at {path}.</translation>
    </message>
    <message>
        <source>The office</source>
        <translation>The office</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Commune code</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <source>Centre code</source>
        <translation>Centre code</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>The first administrator</source>
        <translation>The first administrator</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>&amp;Print it</source>
        <translation>&amp;Print it</translation>
    </message>
    <message>
        <source>This key is shown only once. Without it, a forgotten password means the registers can no longer be opened. Print it and keep it in a safe place, away from this computer.</source>
        <translation>This key is shown only once. Without it, a forgotten password means the registers can no longer be opened. Print it and keep it in a safe place, away from this computer.</translation>
    </message>
    <message>
        <source>Open a store</source>
        <translation>Open a store</translation>
    </message>
    <message>
        <source>civreg stores (*.db)</source>
        <translation>civreg stores (*.db)</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Creating the store…</source>
        <translation>Creating the store…</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>&amp;Import batch files…</source>
        <translation>&amp;Import batch files…</translation>
    </message>
    <message>
        <source>&amp;Forward to the national level…</source>
        <translation>Forwa&amp;rd to the national level…</translation>
    </message>
    <message>
        <source>Choose the batch files received from the communes.</source>
        <translation>Choose the batch files received from the communes.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Quarantined</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <source>Last import</source>
        <translation>Last import</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>What was done (e.g. commune called, correct act confirmed)</source>
        <translation>What was done (e.g. commune called, correct act confirmed)</translation>
    </message>
    <message>
        <source>&amp;Close the selected item</source>
        <translation>&amp;Close the selected item</translation>
    </message>
    <message>
        <source>Quarantined records to review</source>
        <translation>Quarantined records to review</translation>
    </message>
    <message>
        <source>differs from the act already held</source>
        <translation>differs from the act already held</translation>
    </message>
    <message>
        <source>concerns an act not held here</source>
        <translation>concerns an act not held here</translation>
    </message>
    <message>
        <source>copy number already used</source>
        <translation>copy number already used</translation>
    </message>
    <message>
        <source>audit entry altered</source>
        <translation>audit entry altered</translation>
    </message>
    <message>
        <source>audit chain broken</source>
        <translation>audit chain broken</translation>
    </message>
    <message>
        <source>possible duplicate of another commune's act</source>
        <translation>possible duplicate of another commune's act</translation>
    </message>
    <message>
        <source>act</source>
        <translation>act</translation>
    </message>
    <message>
        <source>mention</source>
        <translation>mention</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>copy</translation>
    </message>
    <message>
        <source>notice</source>
        <translation>notice</translation>
    </message>
    <message>
        <source>audit entry</source>
        <translation>audit entry</translation>
    </message>
    <message>
        <source>key announcement</source>
        <translation>key announcement</translation>
    </message>
    <message>
        <source>Write what was done before closing</source>
        <translation>Write what was done before closing</translation>
    </message>
    <message>
        <source>Batch files to import</source>
        <translation>Batch files to import</translation>
    </message>
    <message>
        <source>civreg batches (*.civreg-batch *.civbatch);;All files (*)</source>
        <translation>civreg batches (*.civreg-batch *.civbatch);;All files (*)</translation>
    </message>
    <message>
        <source>Importing {n} batch file(s)…</source>
        <translation>Importing {n} batch file(s)…</translation>
    </message>
    <message>
        <source>Refused: {file}: {reason} Nothing was imported.</source>
        <translation>Refused: {file}: {reason} Nothing was imported.</translation>
    </message>
    <message>
        <source>Refused: {reason} Nothing was imported.</source>
        <translation>Refused: {reason} Nothing was imported.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <source>Kept sealed (encrypted for another level)</source>
        <translation>Kept sealed (encrypted for another level)</translation>
    </message>
    <message>
        <source>Already imported</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <source>{new} batch(es) accepted, {old} already imported; {records} record(s) received, {q} quarantined.</source>
        <translation>{new} batch(es) accepted, {old} already imported; {records} record(s) received, {q} quarantined.</translation>
    </message>
    <message>
        <source>{office}: batch(es) {numbers} missing</source>
        <translation>{office}: batch(es) {numbers} missing</translation>
    </message>
    <message>
        <source>No batch missing.</source>
        <translation>No batch missing.</translation>
    </message>
    <message>
        <source>Signed receipt written to {path}: send it back to the communes.</source>
        <translation>Signed receipt written to {path}: send it back to the communes.</translation>
    </message>
    <message>
        <source>Forward the batches into which folder?</source>
        <translation>Forward the batches into which folder?</translation>
    </message>
    <message>
        <source>{n} batch(es) copied to {path} for the national level.</source>
        <translation>{n} batch(es) copied to {path} for the national level.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>&amp;Forgotten password…</source>
        <translation>&amp;Forgotten password…</translation>
    </message>
    <message>
        <source>Password changed: log in with the new password.</source>
        <translation>Password changed: log in with the new password.</translation>
    </message>
    <message>
        <source>civreg — log in</source>
        <translation>civreg — log in</translation>
    </message>
    <message>
        <source>The session is locked. Type your password to resume.</source>
        <translation>The session is locked. Type your password to resume.</translation>
    </message>
    <message>
        <source>Type your user name and password to open the registers.</source>
        <translation>Type your user name and password to open the registers.</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Type your user name and your password.</source>
        <translation>Type your user name and your password.</translation>
    </message>
    <message>
        <source>Opening the store…</source>
        <translation>Opening the store…</translation>
    </message>
    <message>
        <source>Wait {n} s before trying again.</source>
        <translation>Wait {n} s before trying again.</translation>
    </message>
</context>
<context>
    <name>LongOperation</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
        <translation>Births</translation>
    </message>
    <message>
        <source>Marriages</source>
        <translation>Marriages</translation>
    </message>
    <message>
        <source>Deaths</source>
        <translation>Deaths</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Transmission</source>
        <translation>Transmission</translation>
    </message>
    <message>
        <source>Import batches</source>
        <translation>Import batches</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Verify a certificate</source>
        <translation>Verify a certificate</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>Registers</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Search: name, act number, identifier, date (Ctrl+F)</source>
        <translation>Search: name, act number, identifier, date (Ctrl+F)</translation>
    </message>
    <message>
        <source>&amp;Resume the draft</source>
        <translation>&amp;Resume the draft</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Logged in as {user}</source>
        <translation>Logged in as {user}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>New &amp;birth</source>
        <translation>New &amp;birth</translation>
    </message>
    <message>
        <source>New &amp;marriage</source>
        <translation>New &amp;marriage</translation>
    </message>
    <message>
        <source>New &amp;death</source>
        <translation>New &amp;death</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <source>&amp;Print today's acts…</source>
        <translation>&amp;Print today's acts…</translation>
    </message>
    <message>
        <source>&amp;Back up the store…</source>
        <translation>&amp;Back up the store…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>birth</source>
        <translation>birth</translation>
    </message>
    <message>
        <source>marriage</source>
        <translation>marriage</translation>
    </message>
    <message>
        <source>death</source>
        <translation>death</translation>
    </message>
    <message>
        <source>civreg closed unexpectedly while you were entering a {kind} declaration. Everything typed up to {when} is saved in a draft: resume it now, or later from the Drafts list.</source>
        <translation>civreg closed unexpectedly while you were entering a {kind} declaration. Everything typed up to {when} is saved in a draft: resume it now, or later from the Drafts list.</translation>
    </message>
    <message>
        <source>civreg closed unexpectedly while {who} was entering a {kind} declaration. Everything typed up to {when} is saved in a draft: resume it now, or later from the Drafts list.</source>
        <translation>civreg closed unexpectedly while {who} was entering a {kind} declaration. Everything typed up to {when} is saved in a draft: resume it now, or later from the Drafts list.</translation>
    </message>
    <message>
        <source>a user</source>
        <translation>a user</translation>
    </message>
</context>
<context>
    <name>MentionDialog</name>
    <message>
        <source>Add a marginal mention</source>
        <translation>Add a marginal mention</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Ordered by (authority)</source>
        <translation>Ordered by (authority)</translation>
    </message>
    <message>
        <source>Decision reference</source>
        <translation>Decision reference</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Seat of the court, or which other authority</source>
        <translation>Seat of the court, or which other authority</translation>
    </message>
    <message>
        <source>Authority: seat or which</source>
        <translation>Authority: seat or which</translation>
    </message>
    <message>
        <source>Other authority (say which)</source>
        <translation>Other authority (say which)</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>&amp;Requested by:</source>
        <translation>&amp;Requested by:</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>&amp;Capacity:</translation>
    </message>
    <message>
        <source>Authorisation &amp;reference:</source>
        <translation>Authorisation &amp;reference:</translation>
    </message>
    <message>
        <source>Preview only: the copy is numbered and recorded when you print or save it.</source>
        <translation>Preview only: the copy is numbered and recorded when you print or save it.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{n} page(s)</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Date of event</source>
        <translation>Date of event</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <source>Birth</source>
        <translation>Birth</translation>
    </message>
    <message>
        <source>Marriage</source>
        <translation>Marriage</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Registered (late)</source>
        <translation>Registered (late)</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
</context>
<context>
    <name>RegisterNames</name>
    <message>
        <source>Births</source>
        <translation>Births</translation>
    </message>
    <message>
        <source>Marriages</source>
        <translation>Marriages</translation>
    </message>
    <message>
        <source>Deaths</source>
        <translation>Deaths</translation>
    </message>
</context>
<context>
    <name>RegistersAdminPage</name>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>First number</source>
        <translation>First number</translation>
    </message>
    <message>
        <source>Next number</source>
        <translation>Next number</translation>
    </message>
    <message>
        <source>Acts</source>
        <translation>Acts</translation>
    </message>
    <message>
        <source>Transcribed</source>
        <translation>Transcribed</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>One register per centre, kind of act and year; numbers run without gap. The registrar closes a year's register from 31 December: acts of that year declared later go to the current year's register.</source>
        <translation>One register per centre, kind of act and year; numbers run without gap. The registrar closes a year's register from 31 December: acts of that year declared later go to the current year's register.</translation>
    </message>
    <message>
        <source>Continue a &amp;paper register…</source>
        <translation>Continue a &amp;paper register…</translation>
    </message>
    <message>
        <source>C&amp;lose the selected register…</source>
        <translation>Cl&amp;ose the selected register…</translation>
    </message>
    <message>
        <source>Closed on {day} by {who}</source>
        <translation>Closed on {day} by {who}</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>The next act of this register will take number {number}.</source>
        <translation>The next act of this register will take number {number}.</translation>
    </message>
    <message>
        <source>Choose the register to close in the table first.</source>
        <translation>Choose the register to close in the table first.</translation>
    </message>
    <message>
        <source>Close the register</source>
        <translation>Close the register</translation>
    </message>
    <message>
        <source>Close the register “{kind}” {year} of centre {centre}? It holds {n} act(s). No act will take a number in it afterwards.</source>
        <translation>Close the register “{kind}” {year} of centre {centre}? It holds {n} act(s). No act will take a number in it afterwards.</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Go back</translation>
    </message>
    <message>
        <source>Register closed.</source>
        <translation>Register closed.</translation>
    </message>
    <message>
        <source>Open — can be closed from {day}</source>
        <translation>Open — can be closed from {day}</translation>
    </message>
    <message>
        <source>The register “{kind}” {year} cannot be closed yet: the year {year} is not over. It can be closed from {day}.</source>
        <translation>The register “{kind}” {year} cannot be closed yet: the year {year} is not over. It can be closed from {day}.</translation>
    </message>
</context>
<context>
    <name>RegistersPage</name>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>All centres</source>
        <translation>All centres</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;New declaration</source>
        <translation>&amp;New declaration</translation>
    </message>
    <message>
        <source>{n} act(s)</source>
        <translation>{n} act(s)</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>{subject} — {role}: {name}</source>
        <translation>{subject} — {role}: {name}</translation>
    </message>
    <message>
        <source>Type a name (accents optional), an act number, an identifier or a date in the search box at the top (Ctrl+F).</source>
        <translation>Type a name (accents optional), an act number, an identifier or a date in the search box at the top (Ctrl+F).</translation>
    </message>
    <message>
        <source>{n} result(s) for “{q}”</source>
        <translation>{n} result(s) for “{q}”</translation>
    </message>
    <message>
        <source>No close family name on those days: {n} person(s) of those days bearing the given name asked, for “{q}”</source>
        <translation>No close family name on those days: {n} person(s) of those days bearing the given name asked, for “{q}”</translation>
    </message>
</context>
<context>
    <name>StartRegisterDialog</name>
    <message>
        <source>Continue a paper register</source>
        <translation>Continue a paper register</translation>
    </message>
    <message>
        <source>A commune that starts civreg during the year continues its paper register: the next act registered here takes the number below. Acts of the paper register transcribed later keep their own, lower numbers.</source>
        <translation>A commune that starts civreg during the year continues its paper register: the next act registered here takes the number below. Acts of the paper register transcribed later keep their own, lower numbers.</translation>
    </message>
    <message>
        <source>&amp;Centre</source>
        <translation>&amp;Centre</translation>
    </message>
    <message>
        <source>&amp;Kind of register</source>
        <translation>&amp;Kind of register</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <source>&amp;Next number of the paper register</source>
        <translation>&amp;Next number of the paper register</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>Quarter {n}</source>
        <translation>Quarter {n}</translation>
    </message>
    <message>
        <source>All centres</source>
        <translation>All centres</translation>
    </message>
    <message>
        <source>All communes</source>
        <translation>All communes</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>PDF report with charts…</source>
        <translation>PDF report with charts…</translation>
    </message>
    <message>
        <source>DHIS2 data value set (JSON)…</source>
        <translation>DHIS2 data value set (JSON)…</translation>
    </message>
    <message>
        <source>Statistical office tables (CSV)…</source>
        <translation>Statistical office tables (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Year of the event</source>
        <translation>&amp;Year of the event</translation>
    </message>
    <message>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <source>Registered acts by the date of the event; cancelled acts are not counted. Exports withhold counts from 1 to 4 (statistical confidentiality).</source>
        <translation>Registered acts by the date of the event; cancelled acts are not counted. Exports withhold counts from 1 to 4 (statistical confidentiality).</translation>
    </message>
    <message>
        <source>January</source>
        <translation>January</translation>
    </message>
    <message>
        <source>February</source>
        <translation>February</translation>
    </message>
    <message>
        <source>March</source>
        <translation>March</translation>
    </message>
    <message>
        <source>April</source>
        <translation>April</translation>
    </message>
    <message>
        <source>June</source>
        <translation>June</translation>
    </message>
    <message>
        <source>July</source>
        <translation>July</translation>
    </message>
    <message>
        <source>August</source>
        <translation>August</translation>
    </message>
    <message>
        <source>September</source>
        <translation>September</translation>
    </message>
    <message>
        <source>October</source>
        <translation>October</translation>
    </message>
    <message>
        <source>November</source>
        <translation>November</translation>
    </message>
    <message>
        <source>December</source>
        <translation>December</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <source>Save the report as</source>
        <translation>Save the report as</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the DHIS2 data value set as</source>
        <translation>Save the DHIS2 data value set as</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>Folder for the CSV tables</source>
        <translation>Folder for the CSV tables</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Births</source>
        <translation>Births</translation>
    </message>
    <message>
        <source>Marriages</source>
        <translation>Marriages</translation>
    </message>
    <message>
        <source>Deaths</source>
        <translation>Deaths</translation>
    </message>
    <message>
        <source>May</source>
        <translation>May</translation>
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
        <translation>Problem</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <source>Checking the store…</source>
        <translation>Checking the store…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Father</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <source>First spouse</source>
        <translation>First spouse</translation>
    </message>
    <message>
        <source>Second spouse</source>
        <translation>Second spouse</translation>
    </message>
    <message>
        <source>First witness</source>
        <translation>First witness</translation>
    </message>
    <message>
        <source>Second witness</source>
        <translation>Second witness</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Spouse of the deceased</source>
        <translation>Spouse of the deceased</translation>
    </message>
    <message>
        <source>Declarant</source>
        <translation>Declarant</translation>
    </message>
    <message>
        <source>Late declaration: court judgment</source>
        <translation>Late declaration: court judgment</translation>
    </message>
    <message>
        <source>Paper act being transcribed</source>
        <translation>Paper act being transcribed</translation>
    </message>
    <message>
        <source>Place outside the commune</source>
        <translation>Place outside the commune</translation>
    </message>
    <message>
        <source>Dispensation of age (court)</source>
        <translation>Dispensation of age (court)</translation>
    </message>
    <message>
        <source>First spouse's previous marriage</source>
        <translation>First spouse's previous marriage</translation>
    </message>
    <message>
        <source>Second spouse's previous marriage</source>
        <translation>Second spouse's previous marriage</translation>
    </message>
    <message>
        <source>&amp;Transcription of an act of the paper register</source>
        <translation>&amp;Transcription of an act of the paper register</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Date of marriage</source>
        <translation>Date of marriage</translation>
    </message>
    <message>
        <source>Date of death</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <source>Time (HH:MM)</source>
        <translation>Time (HH:MM)</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Type of place</source>
        <translation>Type of place</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Post-name</source>
        <translation>Post-name</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Multiple birth</source>
        <translation>Multiple birth</translation>
    </message>
    <message>
        <source>Birth order</source>
        <translation>Birth order</translation>
    </message>
    <message>
        <source>Weight (grams)</source>
        <translation>Weight (grams)</translation>
    </message>
    <message>
        <source>Form of marriage</source>
        <translation>Form of marriage</translation>
    </message>
    <message>
        <source>Marriage option</source>
        <translation>Marriage option</translation>
    </message>
    <message>
        <source>Property regime</source>
        <translation>Property regime</translation>
    </message>
    <message>
        <source>Bride price (e.g. 500 USD)</source>
        <translation>Bride price (e.g. 500 USD)</translation>
    </message>
    <message>
        <source>Power of attorney (reference)</source>
        <translation>Power of attorney (reference)</translation>
    </message>
    <message>
        <source>Immediate cause (a)</source>
        <translation>Immediate cause (a)</translation>
    </message>
    <message>
        <source>Underlying cause</source>
        <translation>Underlying cause</translation>
    </message>
    <message>
        <source>Other significant conditions</source>
        <translation>Other significant conditions</translation>
    </message>
    <message>
        <source>Mother's children born alive</source>
        <translation>Mother's children born alive</translation>
    </message>
    <message>
        <source>Health facility register entry</source>
        <translation>Health facility register entry</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>Judgment number</source>
        <translation>Judgment number</translation>
    </message>
    <message>
        <source>Date of the judgment</source>
        <translation>Date of the judgment</translation>
    </message>
    <message>
        <source>Number in the paper register</source>
        <translation>Number in the paper register</translation>
    </message>
    <message>
        <source>Date the paper act was drawn up</source>
        <translation>Date the paper act was drawn up</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Date of declaration</source>
        <translation>Date of declaration</translation>
    </message>
    <message>
        <source>Approximate age</source>
        <translation>Approximate age</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>Identity document</translation>
    </message>
    <message>
        <source>Marital status</source>
        <translation>Marital status</translation>
    </message>
    <message>
        <source>Previous marital status</source>
        <translation>Previous marital status</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Witnesses</translation>
    </message>
    <message>
        <source>Parents' residence</source>
        <translation>Parents' residence</translation>
    </message>
    <message>
        <source>Why this office registers it</source>
        <translation>Why this office registers it</translation>
    </message>
    <message>
        <source>Bride price paid</source>
        <translation>Bride price paid</translation>
    </message>
    <message>
        <source>Marriage act (identifier)</source>
        <translation>Marriage act (identifier)</translation>
    </message>
    <message>
        <source>Ended by</source>
        <translation>Ended by</translation>
    </message>
    <message>
        <source>Former spouse's death act (identifier)</source>
        <translation>Former spouse's death act (identifier)</translation>
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
        <translation>Written to file</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Send &amp;now</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Delivered (receipt not verified)</source>
        <translation>Delivered (receipt not verified)</translation>
    </message>
    <message>
        <source>Delivered, receipt received</source>
        <translation>Delivered, receipt received</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Online sending: not configured (batches travel on a USB stick).</source>
        <translation>Online sending: not configured (batches travel on a USB stick).</translation>
    </message>
    <message>
        <source>Online sending to {address}: {n} batch(es) waiting.</source>
        <translation>Online sending to {address}: {n} batch(es) waiting.</translation>
    </message>
    <message>
        <source>Batch {seq}: {pct} % sent.</source>
        <translation>Batch {seq}: {pct} % sent.</translation>
    </message>
    <message>
        <source>Last problem: {error}.</source>
        <translation>Last problem: {error}.</translation>
    </message>
    <message>
        <source>the district does not trust this office's key</source>
        <translation>the district does not trust this office's key</translation>
    </message>
    <message>
        <source>the district's key is not trusted here, receipts cannot be checked</source>
        <translation>the district's key is not trusted here, receipts cannot be checked</translation>
    </message>
    <message>
        <source>the server's certificate is not trusted</source>
        <translation>the server's certificate is not trusted</translation>
    </message>
    <message>
        <source>the service is busy</source>
        <translation>the service is busy</translation>
    </message>
    <message>
        <source>refused by the district ({code})</source>
        <translation>refused by the district ({code})</translation>
    </message>
    <message>
        <source>connection lost or service unreachable</source>
        <translation>connection lost or service unreachable</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Act to annotate</source>
        <translation>Act to annotate</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mention notices to send to other centres</source>
        <translation>Mention notices to send to other centres</translation>
    </message>
    <message>
        <source>Mention notices received</source>
        <translation>Mention notices received</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <source>&amp;Export the changes as a batch…</source>
        <translation>&amp;Export the changes as a batch…</translation>
    </message>
    <message>
        <source>Import a &amp;receipt…</source>
        <translation>Import a &amp;receipt…</translation>
    </message>
    <message>
        <source>Batches sent to the district</source>
        <translation>Batches sent to the district</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {n}</source>
        <translation>Changes waiting to be sent: {n}</translation>
    </message>
    <message>
        <source>Partly quarantined</source>
        <translation>Partly quarantined</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>Save the batch as</source>
        <translation>Save the batch as</translation>
    </message>
    <message>
        <source>civreg batches (*.civreg-batch)</source>
        <translation>civreg batches (*.civreg-batch)</translation>
    </message>
    <message>
        <source>Batch {n} written to {path}.</source>
        <translation>Batch {n} written to {path}.</translation>
    </message>
    <message>
        <source>Open a receipt</source>
        <translation>Open a receipt</translation>
    </message>
    <message>
        <source>Receipts (*.json)</source>
        <translation>Receipts (*.json)</translation>
    </message>
    <message>
        <source>{total} ({contents})</source>
        <translation>{total} ({contents})</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <source>Marriage</source>
        <translation>Marriage</translation>
    </message>
    <message>
        <source>Divorce</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <source>Adoption</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <source>Change of name</source>
        <translation>Change of name</translation>
    </message>
    <message>
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>Cancellation</source>
        <translation>Cancellation</translation>
    </message>
    <message>
        <source>Change of the marriage option</source>
        <translation>Change of the marriage option</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>District officer</source>
        <translation>District officer</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>ALTERED DOCUMENT</source>
        <translation>ALTERED DOCUMENT</translation>
    </message>
    <message>
        <source>The document&apos;s text is exactly the content the office signed.</source>
        <translation>The document&apos;s text is exactly the content the office signed.</translation>
    </message>
    <message>
        <source>The document&apos;s text differs from what the office signed: refuse it.</source>
        <translation>The document&apos;s text differs from what the office signed: refuse it.</translation>
    </message>
    <message>
        <source>Scan or paste the text of the certificate's QR code, or open the PDF. The verdict needs no network: it checks the issuing office's signature.</source>
        <translation>Scan or paste the text of the certificate's QR code, or open the PDF. The verdict needs no network: it checks the issuing office's signature.</translation>
    </message>
    <message>
        <source>QR code text (a scanner types it here)</source>
        <translation>QR code text (a scanner types it here)</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <source>Open a &amp;PDF…</source>
        <translation>Open a &amp;PDF…</translation>
    </message>
    <message>
        <source>Key &amp;folder…</source>
        <translation>Key f&amp;older…</translation>
    </message>
    <message>
        <source>Key list &amp;file…</source>
        <translation>Key list f&amp;ile…</translation>
    </message>
    <message>
        <source>This store's &amp;keys</source>
        <translation>This store's &amp;keys</translation>
    </message>
    <message>
        <source>Act identifier</source>
        <translation>Act identifier</translation>
    </message>
    <message>
        <source>Kind of act</source>
        <translation>Kind of act</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Names</translation>
    </message>
    <message>
        <source>Date of the event</source>
        <translation>Date of the event</translation>
    </message>
    <message>
        <source>Place of the event</source>
        <translation>Place of the event</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy number</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>Issuing office</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>State of the act</source>
        <translation>State of the act</translation>
    </message>
    <message>
        <source>Folder of office key files</source>
        <translation>Folder of office key files</translation>
    </message>
    <message>
        <source>Office key list</source>
        <translation>Office key list</translation>
    </message>
    <message>
        <source>Key files (*.json)</source>
        <translation>Key files (*.json)</translation>
    </message>
    <message>
        <source>Keys: those this store trusts ({n})</source>
        <translation>Keys: those this store trusts ({n})</translation>
    </message>
    <message>
        <source>Keys: from {name} ({n})</source>
        <translation>Keys: from {name} ({n})</translation>
    </message>
    <message>
        <source>Open a certificate</source>
        <translation>Open a certificate</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation>Reading the document…</translation>
    </message>
    <message>
        <source>QR code on page {page}</source>
        <translation>QR code on page {page}</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>VALID</translation>
    </message>
    <message>
        <source>INVALID SIGNATURE</source>
        <translation>INVALID SIGNATURE</translation>
    </message>
    <message>
        <source>UNKNOWN OFFICE</source>
        <translation>UNKNOWN OFFICE</translation>
    </message>
    <message>
        <source>REVOKED KEY</source>
        <translation>REVOKED KEY</translation>
    </message>
    <message>
        <source>UNREADABLE CODE</source>
        <translation>UNREADABLE CODE</translation>
    </message>
    <message>
        <source>Warning: the copy is dated in the future.</source>
        <translation>Warning: the copy is dated in the future.</translation>
    </message>
    <message>
        <source>Warning: this is a SPECIMEN, not a real copy.</source>
        <translation>Warning: this is a SPECIMEN, not a real copy.</translation>
    </message>
    <message>
        <source>Warning: the act was CANCELLED by a court.</source>
        <translation>Warning: the act was CANCELLED by a court.</translation>
    </message>
    <message>
        <source>Signed fields: compare them with the paper</source>
        <translation>Signed fields: compare them with the paper</translation>
    </message>
    <message>
        <source>Fields read from the code: NOT authenticated</source>
        <translation>Fields read from the code: NOT authenticated</translation>
    </message>
    <message>
        <source>Birth</source>
        <translation>Birth</translation>
    </message>
    <message>
        <source>Marriage</source>
        <translation>Marriage</translation>
    </message>
    <message>
        <source>Death</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>Full copy</source>
        <translation>Full copy</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Extract</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>SPECIMEN</source>
        <translation>SPECIMEN</translation>
    </message>
    <message>
        <source>No certificate checked yet</source>
        <translation>No certificate checked yet</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>birth</source>
        <translation>birth</translation>
    </message>
    <message>
        <source>marriage</source>
        <translation>marriage</translation>
    </message>
    <message>
        <source>death</source>
        <translation>death</translation>
    </message>
    <message>
        <source>full-copy</source>
        <translation>full-copy</translation>
    </message>
    <message>
        <source>extract</source>
        <translation>extract</translation>
    </message>
    <message>
        <source>Copy no. {n} issued, recorded and saved in {path}.</source>
        <translation>Copy no. {n} issued, recorded and saved in {path}.</translation>
    </message>
    <message>
        <source>Copy no. {n} issued and recorded.</source>
        <translation>Copy no. {n} issued and recorded.</translation>
    </message>
    <message>
        <source>Full copy</source>
        <translation>Full copy</translation>
    </message>
    <message>
        <source>Extract</source>
        <translation>Extract</translation>
    </message>
    <message>
        <source>Save the day's register pages as</source>
        <translation>Save the day's register pages as</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Printing today's acts…</source>
        <translation>Printing today's acts…</translation>
    </message>
    <message>
        <source>{n} page(s) written to {path}</source>
        <translation>{n} page(s) written to {path}</translation>
    </message>
    <message>
        <source>Back up into which folder?</source>
        <translation>Back up into which folder?</translation>
    </message>
    <message>
        <source>Backing up the store…</source>
        <translation>Backing up the store…</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>Backup written: {path}</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Reset a password with the recovery key</source>
        <translation>Reset a password with the recovery key</translation>
    </message>
    <message>
        <source>Change a password</source>
        <translation>Change a password</translation>
    </message>
    <message>
        <source>The recovery key was printed when the store was created; keep it locked away. It sets a new password for the account named below.</source>
        <translation>The recovery key was printed when the store was created; keep it locked away. It sets a new password for the account named below.</translation>
    </message>
    <message>
        <source>Recovery &amp;key</source>
        <translation>Recovery &amp;key</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Again</source>
        <translation>&amp;Again</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>Change the password</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Type the user name and the new password.</source>
        <translation>Type the user name and the new password.</translation>
    </message>
    <message>
        <source>Type the recovery key.</source>
        <translation>Type the recovery key.</translation>
    </message>
    <message>
        <source>The two passwords are different: type them again.</source>
        <translation>The two passwords are different: type them again.</translation>
    </message>
</context>
<context>
    <name>SpecialTexts</name>
    <message>
        <source>Found chil&amp;d (declared on the report of the finding)</source>
        <translation>Found chil&amp;d (declared on the report of the finding)</translation>
    </message>
    <message>
        <source>Unidentified &amp;deceased (declared on the report)</source>
        <translation>Unidentified &amp;deceased (declared on the report)</translation>
    </message>
    <message>
        <source>Found child: report of the finding</source>
        <translation>Found child: report of the finding</translation>
    </message>
    <message>
        <source>Unidentified deceased: report</source>
        <translation>Unidentified deceased: report</translation>
    </message>
    <message>
        <source>Declaration received on paper</source>
        <translation>Declaration received on paper</translation>
    </message>
    <message>
        <source>Report reference</source>
        <translation>Report reference</translation>
    </message>
    <message>
        <source>Authority that drew it up</source>
        <translation>Authority that drew it up</translation>
    </message>
    <message>
        <source>Date found</source>
        <translation>Date found</translation>
    </message>
    <message>
        <source>Place found</source>
        <translation>Place found</translation>
    </message>
    <message>
        <source>Apparent age</source>
        <translation>Apparent age</translation>
    </message>
    <message>
        <source>Circumstances</source>
        <translation>Circumstances</translation>
    </message>
    <message>
        <source>Distinguishing marks</source>
        <translation>Distinguishing marks</translation>
    </message>
    <message>
        <source>Entrusted to</source>
        <translation>Entrusted to</translation>
    </message>
    <message>
        <source>Physical description</source>
        <translation>Physical description</translation>
    </message>
    <message>
        <source>Date the body was found</source>
        <translation>Date the body was found</translation>
    </message>
    <message>
        <source>Person who found the child</source>
        <translation>Person who found the child</translation>
    </message>
    <message>
        <source>Authority's representative</source>
        <translation>Authority's representative</translation>
    </message>
    <message>
        <source>Received on &amp;paper on an earlier day (registrar's statement)</source>
        <translation>Received on &amp;paper on an earlier day (registrar's statement)</translation>
    </message>
    <message>
        <source>The declaration date may precede the day this draft was entered only if you, the registrar, state that it was received on paper that day. Your statement is kept with the act and in the audit.</source>
        <translation>The declaration date may precede the day this draft was entered only if you, the registrar, state that it was received on paper that day. Your statement is kept with the act and in the audit.</translation>
    </message>
    <message>
        <source>Date of the declaration</source>
        <translation>Date of the declaration</translation>
    </message>
    <message>
        <source>Your statement</source>
        <translation>Your statement</translation>
    </message>
    <message>
        <source>How and where it was received, e.g. in the declarations book</source>
        <translation>How and where it was received, e.g. in the declarations book</translation>
    </message>
</context>
<context>
    <name>ActExtras</name>
    <message>
        <source>Registrar's statement</source>
        <translation>Registrar's statement</translation>
    </message>
    <message>
        <source>Rectified by marginal mention</source>
        <translation>Rectified by marginal mention</translation>
    </message>
    <message>
        <source>{now} (registered: {then}; {kind} of {date}{reference})</source>
        <translation>{now} (registered: {then}; {kind} of {date}{reference})</translation>
    </message>
    <message>
        <source>Receipt on paper stated by the registrar</source>
        <translation>Receipt on paper stated by the registrar</translation>
    </message>
</context>
<context>
    <name>CorrectionRow</name>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Now reads</source>
        <translation>Now reads</translation>
    </message>
    <message>
        <source>Corrected value</source>
        <translation>Corrected value</translation>
    </message>
</context>
<context>
    <name>CorrectionsEditor</name>
    <message>
        <source>Correct a &amp;field…</source>
        <translation>Correct a &amp;field…</translation>
    </message>
    <message>
        <source>Corrected fields (at least one):</source>
        <translation>Corrected fields (at least one):</translation>
    </message>
    <message>
        <source>Corrected fields (optional):</source>
        <translation>Corrected fields (optional):</translation>
    </message>
    <message>
        <source>See the corrected fields marked in red.</source>
        <translation>See the corrected fields marked in red.</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>File Folder</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Shortcut</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 File</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>QSidebar</name>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
</context>
</TS>
