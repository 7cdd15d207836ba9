<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ActForm</name>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="99" />
        <source>Birth declaration</source>
        <translation>Birth declaration</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="100" />
        <source>Marriage declaration</source>
        <translation>Marriage declaration</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="101" />
        <source>Death declaration</source>
        <translation>Death declaration</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="109" />
        <source>Save draft (Ctrl+S)</source>
        <translation>Save draft (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="111" />
        <source>Register (Ctrl+Enter)</source>
        <translation>Register (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="114" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="324" />
        <source>Not registered: correct the fields marked in red.</source>
        <translation>Not registered: correct the fields marked in red.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="342" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="344" />
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="346" />
        <source>Draft saved</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_form.py" line="348" />
        <source>New declaration</source>
        <translation>New declaration</translation>
    </message>
</context>
<context>
    <name>ActPage</name>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="58" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="66" />
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="66" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="66" />
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="69" />
        <source>Marginal mentions</source>
        <translation>Marginal mentions</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="70" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="76" />
        <source>&amp;Edit draft</source>
        <translation>&amp;Edit draft</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="77" />
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="78" />
        <source>Add &amp;mention…</source>
        <translation>Add &amp;mention…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="79" />
        <source>Print &amp;full copy…</source>
        <translation>Print &amp;full copy…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="80" />
        <source>Print e&amp;xtract…</source>
        <translation>Print e&amp;xtract…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="81" />
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="128" />
        <source>Birth act</source>
        <translation>Birth act</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="128" />
        <source>Marriage act</source>
        <translation>Marriage act</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="129" />
        <source>Death act</source>
        <translation>Death act</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="131" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="134" />
        <source>CANCELLED</source>
        <translation>CANCELLED</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="142" />
        <source>No mention.</source>
        <translation>No mention.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="157" />
        <source>Marriage</source>
        <translation>Marriage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="157" />
        <source>Divorce</source>
        <translation>Divorce</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="158" />
        <source>Death</source>
        <translation>Death</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="158" />
        <source>Recognition</source>
        <translation>Recognition</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="159" />
        <source>Adoption</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="159" />
        <source>Change of name</source>
        <translation>Change of name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="160" />
        <source>Rectification</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="160" />
        <source>Cancellation</source>
        <translation>Cancellation</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/act_view.py" line="184" />
        <source>Registered on {date} by {name}, {title}.</source>
        <translation>Registered on {date} by {name}, {title}.</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="119" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="119" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="119" />
        <source>Roles</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="120" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="121" />
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="125" />
        <source>&amp;Add a user…</source>
        <translation>&amp;Add a user…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="131" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="139" />
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="146" />
        <source>&amp;Save settings</source>
        <translation>&amp;Save settings</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="148" />
        <source>&amp;Back up the store…</source>
        <translation>&amp;Back up the store…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="150" />
        <source>This computer</source>
        <translation>This computer</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="152" />
        <source>Lock after inactivity</source>
        <translation>Lock after inactivity</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="153" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="154" />
        <source>Default printer</source>
        <translation>Default printer</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="155" />
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="181" />
        <source>Disabled</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="181" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="188" />
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="188" />
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="189" />
        <source>District officer</source>
        <translation>District officer</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="190" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>ChoiceLabels</name>
    <message>
        <location filename="../../civreg/ui/fields.py" line="21" />
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="21" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="21" />
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="22" />
        <source>Father</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="22" />
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="23" />
        <source>Grandparent</source>
        <translation>Grandparent</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="23" />
        <source>Relative</source>
        <translation>Relative</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="24" />
        <source>Present at the birth</source>
        <translation>Present at the birth</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="24" />
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="25" />
        <source>Spouse</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="25" />
        <source>Present at the death</source>
        <translation>Present at the death</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="26" />
        <source>Informed person</source>
        <translation>Informed person</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="27" />
        <source>Health facility</source>
        <translation>Health facility</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="27" />
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="28" />
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="29" />
        <source>Monogamy</source>
        <translation>Monogamy</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="29" />
        <source>Polygamy</source>
        <translation>Polygamy</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="30" />
        <source>Separate property</source>
        <translation>Separate property</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="30" />
        <source>Community</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="31" />
        <source>Community of acquests</source>
        <translation>Community of acquests</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="32" />
        <source>Universal community</source>
        <translation>Universal community</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="33" />
        <source>Civil celebration</source>
        <translation>Civil celebration</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="34" />
        <source>Registration of a customary marriage</source>
        <translation>Registration of a customary marriage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="35" />
        <source>Registration of a religious marriage</source>
        <translation>Registration of a religious marriage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="36" />
        <source>Single birth</source>
        <translation>Single birth</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="36" />
        <source>Twins</source>
        <translation>Twins</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/fields.py" line="37" />
        <source>Triplets</source>
        <translation>Triplets</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../civreg/ui/fields.py" line="88" />
        <source>DD/MM/YYYY</source>
        <translation>DD/MM/YYYY</translation>
    </message>
</context>
<context>
    <name>DuplicatesPanel</name>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="87" />
        <source>Not a duplicate</source>
        <translation>Not a duplicate</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="89" />
        <source>Same person — open the existing act</source>
        <translation>Same person — open the existing act</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="103" />
        <source>Possible duplicates</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="116" />
        <source>draft</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="120" />
        <source>held by another commune</source>
        <translation>held by another commune</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="135" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="135" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="136" />
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="136" />
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="145" />
        <source>No similar act found.</source>
        <translation>No similar act found.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="147" />
        <source>Act n° {ref}</source>
        <translation>Act n° {ref}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="148" />
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="149" />
        <source>This declaration</source>
        <translation>This declaration</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="170" />
        <source>Recorded: not a duplicate.</source>
        <translation>Recorded: not a duplicate.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/duplicates_panel.py" line="171" />
        <source>Recorded: same person.</source>
        <translation>Recorded: same person.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../civreg/ui/errors.py" line="23" />
        <source>An unexpected error occurred ({kind}). Nothing was changed.</source>
        <translation>An unexpected error occurred ({kind}). Nothing was changed.</translation>
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
        <translation>civreg — first start</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="40" />
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="41" />
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="42" />
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="43" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="46" />
        <source>Welcome to civreg</source>
        <translation>Welcome to civreg</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="47" />
        <source>Create a new store for this office</source>
        <translation>Create a new store for this office</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="49" />
        <source>Open an existing store…</source>
        <translation>Open an existing store…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="51" />
        <source>No store was found at {path}.</source>
        <translation>No store was found at {path}.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="56" />
        <source>The office</source>
        <translation>The office</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="64" />
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="65" />
        <source>Commune code</source>
        <translation>Commune code</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="66" />
        <source>Centre code</source>
        <translation>Centre code</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="67" />
        <source>Office name</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="70" />
        <source>The first administrator</source>
        <translation>The first administrator</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="81" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="82" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="83" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="84" />
        <source>Repeat the password</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="88" />
        <source>Recovery key</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="95" />
        <source>&amp;Print it</source>
        <translation>&amp;Print it</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="98" />
        <source>This key is shown only once. Without it, a forgotten password means the registers can no longer be opened. Print it and keep it in a safe place, away from this computer.</source>
        <translation>This key is shown only once. Without it, a forgotten password means the registers can no longer be opened. Print it and keep it in a safe place, away from this computer.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="112" />
        <source>Open a store</source>
        <translation>Open a store</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="113" />
        <source>civreg stores (*.db)</source>
        <translation>civreg stores (*.db)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="124" />
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/wizard.py" line="137" />
        <source>Creating the store…</source>
        <translation>Creating the store…</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="67" />
        <source>&amp;Import batch files…</source>
        <translation>&amp;Import batch files…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="69" />
        <source>&amp;Forward to the national level…</source>
        <translation>&amp;Forward to the national level…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="72" />
        <source>Choose the batch files received from the communes.</source>
        <translation>Choose the batch files received from the communes.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="79" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="79" />
        <location filename="../../civreg/ui/import_page.py" line="99" />
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="79" />
        <location filename="../../civreg/ui/import_page.py" line="99" />
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="80" />
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="80" />
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="80" />
        <source>Quarantined</source>
        <translation>Quarantined</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="89" />
        <source>Last import</source>
        <translation>Last import</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="99" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="100" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="100" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="105" />
        <source>What was done (e.g. commune called, correct act confirmed)</source>
        <translation>What was done (e.g. commune called, correct act confirmed)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="106" />
        <source>&amp;Close the selected item</source>
        <translation>&amp;Close the selected item</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="108" />
        <source>Quarantined records to review</source>
        <translation>Quarantined records to review</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="132" />
        <source>differs from the act already held</source>
        <translation>differs from the act already held</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="133" />
        <source>concerns an act not held here</source>
        <translation>concerns an act not held here</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="134" />
        <source>copy number already used</source>
        <translation>copy number already used</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="135" />
        <source>audit entry altered</source>
        <translation>audit entry altered</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="136" />
        <source>audit chain broken</source>
        <translation>audit chain broken</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="137" />
        <source>possible duplicate of another commune's act</source>
        <translation>possible duplicate of another commune's act</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="141" />
        <source>act</source>
        <translation>act</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="141" />
        <source>mention</source>
        <translation>mention</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="141" />
        <source>copy</source>
        <translation>copy</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="142" />
        <source>notice</source>
        <translation>notice</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="142" />
        <source>audit entry</source>
        <translation>audit entry</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="143" />
        <source>key announcement</source>
        <translation>key announcement</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="164" />
        <source>Write what was done before closing</source>
        <translation>Write what was done before closing</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="172" />
        <source>Batch files to import</source>
        <translation>Batch files to import</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="173" />
        <source>civreg batches (*.civreg-batch *.civbatch);;All files (*)</source>
        <translation>civreg batches (*.civreg-batch *.civbatch);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="181" />
        <source>Importing {n} batch file(s)…</source>
        <translation>Importing {n} batch file(s)…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="193" />
        <source>Refused: {file}: {reason} Nothing was imported.</source>
        <translation>Refused: {file}: {reason} Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="194" />
        <source>Refused: {reason} Nothing was imported.</source>
        <translation>Refused: {reason} Nothing was imported.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="203" />
        <source>Imported</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="204" />
        <source>Kept sealed (encrypted for another level)</source>
        <translation>Kept sealed (encrypted for another level)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="205" />
        <source>Already imported</source>
        <translation>Already imported</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="217" />
        <source>{new} batch(es) accepted, {old} already imported; {records} record(s) received, {q} quarantined.</source>
        <translation>{new} batch(es) accepted, {old} already imported; {records} record(s) received, {q} quarantined.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="220" />
        <source>{office}: batch(es) {numbers} missing</source>
        <translation>{office}: batch(es) {numbers} missing</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="223" />
        <source>No batch missing.</source>
        <translation>No batch missing.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="226" />
        <source>Signed receipt written to {path}: send it back to the communes.</source>
        <translation>Signed receipt written to {path}: send it back to the communes.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="232" />
        <source>Forward the batches into which folder?</source>
        <translation>Forward the batches into which folder?</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/import_page.py" line="240" />
        <source>{n} batch(es) copied to {path} for the national level.</source>
        <translation>{n} batch(es) copied to {path} for the national level.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../civreg/ui/login.py" line="65" />
        <source>civreg — log in</source>
        <translation>civreg — log in</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="77" />
        <source>The session is locked. Type your password to resume.</source>
        <translation>The session is locked. Type your password to resume.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="79" />
        <source>Type your user name and password to open the registers.</source>
        <translation>Type your user name and password to open the registers.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="83" />
        <source>&amp;User name</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="84" />
        <source>&amp;Password</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="86" />
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="92" />
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="110" />
        <source>Type your user name and your password.</source>
        <translation>Type your user name and your password.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="113" />
        <source>Opening the store…</source>
        <translation>Opening the store…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/login.py" line="143" />
        <source>Wait {n} s before trying again.</source>
        <translation>Wait {n} s before trying again.</translation>
    </message>
</context>
<context>
    <name>LongOperation</name>
    <message>
        <location filename="../../civreg/ui/long_ops.py" line="38" />
        <source>Cancel</source>
        <translation>Cancel</translation>
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
        <translation>Births</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="59" />
        <source>Marriages</source>
        <translation>Marriages</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="60" />
        <source>Deaths</source>
        <translation>Deaths</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="61" />
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="63" />
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="64" />
        <source>Transmission</source>
        <translation>Transmission</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="66" />
        <source>Import batches</source>
        <translation>Import batches</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="68" />
        <source>Statistics</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="70" />
        <source>Verify a certificate</source>
        <translation>Verify a certificate</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="71" />
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="94" />
        <source>Search: name, act number, identifier, date (Ctrl+F)</source>
        <translation>Search: name, act number, identifier, date (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="109" />
        <source>&amp;Resume the draft</source>
        <translation>&amp;Resume the draft</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="110" />
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="137" />
        <source>Logged in as {user}</source>
        <translation>Logged in as {user}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="143" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="145" />
        <source>New &amp;birth</source>
        <translation>New &amp;birth</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="146" />
        <source>New &amp;marriage</source>
        <translation>New &amp;marriage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="147" />
        <source>New &amp;death</source>
        <translation>New &amp;death</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="153" />
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="157" />
        <source>Log &amp;out</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="162" />
        <source>&amp;Print today's acts…</source>
        <translation>&amp;Print today's acts…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="165" />
        <source>&amp;Back up the store…</source>
        <translation>&amp;Back up the store…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="168" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="172" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="270" />
        <source>birth</source>
        <translation>birth</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="270" />
        <source>marriage</source>
        <translation>marriage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="271" />
        <source>death</source>
        <translation>death</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="273" />
        <source>A {kind} declaration was being entered when civreg closed (saved {when}). Resume it?</source>
        <translation>A {kind} declaration was being entered when civreg closed (saved {when}). Resume it?</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="317" />
        <source>Full copy</source>
        <translation>Full copy</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="317" />
        <source>Extract</source>
        <translation>Extract</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="328" />
        <source>Back up into which folder?</source>
        <translation>Back up into which folder?</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="331" />
        <source>Backing up the store…</source>
        <translation>Backing up the store…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="335" />
        <source>Backup written: {path}</source>
        <translation>Backup written: {path}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="345" />
        <source>Save the day's copies as</source>
        <translation>Save the day's copies as</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="346" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="354" />
        <source>Printing today's acts…</source>
        <translation>Printing today's acts…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/main_window.py" line="356" />
        <source>{n} page(s) written to {path}</source>
        <translation>{n} page(s) written to {path}</translation>
    </message>
</context>
<context>
    <name>MentionDialog</name>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="27" />
        <source>Add a marginal mention</source>
        <translation>Add a marginal mention</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="38" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="39" />
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="40" />
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="41" />
        <source>Ordered by (authority)</source>
        <translation>Ordered by (authority)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="42" />
        <source>Decision reference</source>
        <translation>Decision reference</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="45" />
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="46" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../civreg/ui/printing.py" line="107" />
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/printing.py" line="109" />
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/printing.py" line="111" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/printing.py" line="114" />
        <source>{n} page(s)</source>
        <translation>{n} page(s)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/printing.py" line="133" />
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/printing.py" line="134" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="158" />
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="158" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="158" />
        <source>Date of event</source>
        <translation>Date of event</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="158" />
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="159" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="159" />
        <source>Identifier</source>
        <translation>Identifier</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="192" />
        <source>Birth</source>
        <translation>Birth</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="192" />
        <source>Marriage</source>
        <translation>Marriage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="193" />
        <source>Death</source>
        <translation>Death</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="197" />
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="199" />
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="200" />
        <source>Registered (late)</source>
        <translation>Registered (late)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/register_model.py" line="200" />
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
</context>
<context>
    <name>RegistersPage</name>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="71" />
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="74" />
        <source>All centres</source>
        <translation>All centres</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="77" />
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="77" />
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="78" />
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="94" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="94" />
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="95" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="101" />
        <source>&amp;New declaration</source>
        <translation>&amp;New declaration</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/registers_page.py" line="114" />
        <source>{n} act(s)</source>
        <translation>{n} act(s)</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="74" />
        <source>Type a name (accents optional), an act number, an identifier or a date in the search box at the top (Ctrl+F).</source>
        <translation>Type a name (accents optional), an act number, an identifier or a date in the search box at the top (Ctrl+F).</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/other_pages.py" line="89" />
        <source>{n} result(s) for “{q}”</source>
        <translation>{n} result(s) for “{q}”</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="73" />
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="77" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="80" />
        <source>Year of the event</source>
        <translation>Year of the event</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="85" />
        <source>Kind</source>
        <translation>Kind</translation>
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
        <translation>Male</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="85" />
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="86" />
        <source>Sex unknown</source>
        <translation>Sex unknown</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="86" />
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="86" />
        <source>Late (court judgment)</source>
        <translation>Late (court judgment)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="87" />
        <source>Transcribed</source>
        <translation>Transcribed</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="93" />
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="93" />
        <source>Month unknown</source>
        <translation>Month unknown</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="101" />
        <source>Counts of registered acts by the date of the event. On time: declared within the legal deadline; late: drawn up on a court judgment; transcribed: an act made elsewhere and transcribed here.</source>
        <translation>Counts of registered acts by the date of the event. On time: declared within the legal deadline; late: drawn up on a court judgment; transcribed: an act made elsewhere and transcribed here.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="109" />
        <source>By month of the event</source>
        <translation>By month of the event</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="116" />
        <source>Births</source>
        <translation>Births</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="116" />
        <source>Marriages</source>
        <translation>Marriages</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="117" />
        <source>Deaths</source>
        <translation>Deaths</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="120" />
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="120" />
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="120" />
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="120" />
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="120" />
        <source>May</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="121" />
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="121" />
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="121" />
        <source>Aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="121" />
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="121" />
        <source>Oct</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="122" />
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/statistics_page.py" line="122" />
        <source>Dec</source>
        <translation>Dec</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="59" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="59" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="60" />
        <source>Child</source>
        <translation>Child</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="60" />
        <source>Father</source>
        <translation>Father</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="60" />
        <source>Mother</source>
        <translation>Mother</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="61" />
        <source>First spouse</source>
        <translation>First spouse</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="61" />
        <source>Second spouse</source>
        <translation>Second spouse</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="62" />
        <source>First witness</source>
        <translation>First witness</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="62" />
        <source>Second witness</source>
        <translation>Second witness</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="63" />
        <source>Deceased</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="63" />
        <source>Spouse of the deceased</source>
        <translation>Spouse of the deceased</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="64" />
        <source>Declarant</source>
        <translation>Declarant</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="69" />
        <location filename="../../civreg/ui/form_layout.py" line="76" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="70" />
        <source>Date of marriage</source>
        <translation>Date of marriage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="71" />
        <source>Date of death</source>
        <translation>Date of death</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="72" />
        <source>Time (HH:MM)</source>
        <translation>Time (HH:MM)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="72" />
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="73" />
        <source>Type of place</source>
        <translation>Type of place</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="74" />
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="74" />
        <source>Post-name</source>
        <translation>Post-name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="75" />
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="75" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="76" />
        <source>Place of birth</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="77" />
        <source>Profession</source>
        <translation>Profession</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="77" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="78" />
        <source>Nationality</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="78" />
        <source>Capacity</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="79" />
        <source>Multiple birth</source>
        <translation>Multiple birth</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="79" />
        <source>Birth order</source>
        <translation>Birth order</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="80" />
        <source>Weight (grams)</source>
        <translation>Weight (grams)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="80" />
        <source>Form of marriage</source>
        <translation>Form of marriage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="81" />
        <source>Marriage option</source>
        <translation>Marriage option</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="82" />
        <source>Property regime</source>
        <translation>Property regime</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="83" />
        <source>Bride price (e.g. 500 USD)</source>
        <translation>Bride price (e.g. 500 USD)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="84" />
        <source>Power of attorney (reference)</source>
        <translation>Power of attorney (reference)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="85" />
        <source>Immediate cause (a)</source>
        <translation>Immediate cause (a)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="86" />
        <source>Underlying cause</source>
        <translation>Underlying cause</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/form_layout.py" line="87" />
        <source>Other significant conditions</source>
        <translation>Other significant conditions</translation>
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
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="49" />
        <source>Act to annotate</source>
        <translation>Act to annotate</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="41" />
        <location filename="../../civreg/ui/transmission_page.py" line="50" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="61" />
        <source>Mention notices to send to other centres</source>
        <translation>Mention notices to send to other centres</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="63" />
        <source>Mention notices received</source>
        <translation>Mention notices received</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="97" />
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="86" />
        <location filename="../../civreg/ui/transmission_page.py" line="97" />
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="41" />
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="41" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="42" />
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="42" />
        <location filename="../../civreg/ui/transmission_page.py" line="86" />
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="43" />
        <source>&amp;Export the changes as a batch…</source>
        <translation>&amp;Export the changes as a batch…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="45" />
        <source>Import a &amp;receipt…</source>
        <translation>Import a &amp;receipt…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="59" />
        <source>Batches sent to the district</source>
        <translation>Batches sent to the district</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="84" />
        <source>Changes waiting to be sent: {n}</source>
        <translation>Changes waiting to be sent: {n}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="87" />
        <source>Partly quarantined</source>
        <translation>Partly quarantined</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="98" />
        <source>Applied</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="109" />
        <source>Save the batch as</source>
        <translation>Save the batch as</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="110" />
        <source>civreg batches (*.civreg-batch)</source>
        <translation>civreg batches (*.civreg-batch)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="118" />
        <source>Open a receipt</source>
        <translation>Open a receipt</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/transmission_page.py" line="119" />
        <source>Receipts (*.json)</source>
        <translation>Receipts (*.json)</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="64" />
        <source>Add a user</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="70" />
        <source>Clerk</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="70" />
        <source>Registrar</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="71" />
        <source>District officer</source>
        <translation>District officer</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="71" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="74" />
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="75" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="76" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="77" />
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="82" />
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/dialogs.py" line="83" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="93" />
        <source>Scan or paste the text of the certificate's QR code, or open the PDF. The verdict needs no network: it checks the issuing office's signature.</source>
        <translation>Scan or paste the text of the certificate's QR code, or open the PDF. The verdict needs no network: it checks the issuing office's signature.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="98" />
        <source>QR code text (a scanner types it here)</source>
        <translation>QR code text (a scanner types it here)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="100" />
        <source>&amp;Verify</source>
        <translation>&amp;Verify</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="102" />
        <source>Open a &amp;PDF…</source>
        <translation>Open a &amp;PDF…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="111" />
        <source>Key &amp;folder…</source>
        <translation>Key &amp;folder…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="113" />
        <source>Key list &amp;file…</source>
        <translation>Key list &amp;file…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="115" />
        <source>This store's &amp;keys</source>
        <translation>This store's &amp;keys</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="160" />
        <source>Act identifier</source>
        <translation>Act identifier</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="160" />
        <source>Kind of act</source>
        <translation>Kind of act</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="161" />
        <source>Names</source>
        <translation>Names</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="161" />
        <source>Date of the event</source>
        <translation>Date of the event</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="162" />
        <source>Place of the event</source>
        <translation>Place of the event</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="162" />
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="163" />
        <source>Copy number</source>
        <translation>Copy number</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="163" />
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="164" />
        <source>Issuing office</source>
        <translation>Issuing office</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="164" />
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="165" />
        <source>State of the act</source>
        <translation>State of the act</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="179" />
        <source>Folder of office key files</source>
        <translation>Folder of office key files</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="184" />
        <source>Office key list</source>
        <translation>Office key list</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="185" />
        <source>Key files (*.json)</source>
        <translation>Key files (*.json)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="192" />
        <source>Keys: those this store trusts ({n})</source>
        <translation>Keys: those this store trusts ({n})</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="194" />
        <source>Keys: from {name} ({n})</source>
        <translation>Keys: from {name} ({n})</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="207" />
        <source>Open a certificate</source>
        <translation>Open a certificate</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="208" />
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="216" />
        <source>Reading the document…</source>
        <translation>Reading the document…</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="231" />
        <source>QR code on page {page}</source>
        <translation>QR code on page {page}</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="242" />
        <source>VALID</source>
        <translation>VALID</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="243" />
        <source>INVALID SIGNATURE</source>
        <translation>INVALID SIGNATURE</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="244" />
        <source>UNKNOWN OFFICE</source>
        <translation>UNKNOWN OFFICE</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="245" />
        <source>REVOKED KEY</source>
        <translation>REVOKED KEY</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="246" />
        <source>UNREADABLE CODE</source>
        <translation>UNREADABLE CODE</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="254" />
        <source>Warning: the copy is dated in the future.</source>
        <translation>Warning: the copy is dated in the future.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="255" />
        <source>Warning: this is a SPECIMEN, not a real copy.</source>
        <translation>Warning: this is a SPECIMEN, not a real copy.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="256" />
        <source>Warning: the act was CANCELLED by a court.</source>
        <translation>Warning: the act was CANCELLED by a court.</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="263" />
        <source>Signed fields: compare them with the paper</source>
        <translation>Signed fields: compare them with the paper</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="265" />
        <source>Fields read from the code: NOT authenticated</source>
        <translation>Fields read from the code: NOT authenticated</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="267" />
        <source>Birth</source>
        <translation>Birth</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="267" />
        <source>Marriage</source>
        <translation>Marriage</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="267" />
        <source>Death</source>
        <translation>Death</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="268" />
        <source>Full copy</source>
        <translation>Full copy</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="268" />
        <source>Extract</source>
        <translation>Extract</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="269" />
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="269" />
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="277" />
        <source>SPECIMEN</source>
        <translation>SPECIMEN</translation>
    </message>
    <message>
        <location filename="../../civreg/ui/verify_page.py" line="287" />
        <source>No certificate checked yet</source>
        <translation>No certificate checked yet</translation>
    </message>
</context>
</TS>
