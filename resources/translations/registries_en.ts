<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FilterRow</name>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>Not a number</translation>
    </message>
    <message>
        <source>Not a date (YYYY-MM-DD)</source>
        <translation>Not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>“From” is after “to”</source>
        <translation>“From” is after “to”</translation>
    </message>
    <message>
        <source>Not a valid filter</source>
        <translation>Not a valid filter</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>contains…</source>
        <translation>contains…</translation>
    </message>
</context>
<context>
    <name>RegistriesOnline</name>
    <message>
        <source>The server did not answer in time. Change a filter or choose the registry again to try once more.</source>
        <translation>The server did not answer in time. Change a filter or choose the registry again to try once more.</translation>
    </message>
    <message>
        <source>The server cannot be reached. This registry is not kept on this computer: browse it when the connection returns, or tick “Keep on this computer”.</source>
        <translation>The server cannot be reached. This registry is not kept on this computer: browse it when the connection returns, or tick “Keep on this computer”.</translation>
    </message>
    <message>
        <source>The server could not answer (error %1). Try again later.</source>
        <translation>The server could not answer (error %1). Try again later.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read: it is not what this version of the program expects. Try again later, or tell the help desk.</source>
        <translation>The server&apos;s answer could not be read: it is not what this version of the program expects. Try again later, or tell the help desk.</translation>
    </message>
    <message>
        <source>The server says this registry is not available to your role.</source>
        <translation>The server says this registry is not available to your role.</translation>
    </message>
    <message>
        <source>The server no longer has this registry.</source>
        <translation>The server no longer has this registry.</translation>
    </message>
    <message>
        <source>Your sign-in has ended: sign in again to read from the server.</source>
        <translation>Your sign-in has ended: sign in again to read from the server.</translation>
    </message>
    <message>
        <source>The server did not accept this filter.</source>
        <translation>The server did not accept this filter.</translation>
    </message>
    <message>
        <source>The rows could not be read from the server.</source>
        <translation>The rows could not be read from the server.</translation>
    </message>
</context>
<context>
    <name>RegistriesTab</name>
    <message>
        <source>Registries</source>
        <translation>Registries</translation>
    </message>
    <message>
        <source>No registries yet. They appear after the first sync with the server.</source>
        <translation>No registries yet. They appear after the first sync with the server.</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>not on this computer</source>
        <translation>not on this computer</translation>
    </message>
    <message>
        <source>Healthcare workers (personal data)</source>
        <translation>Healthcare workers (personal data)</translation>
    </message>
    <message>
        <source>Not available to your role. The healthcare workers&apos; registry holds personal data: analysts and administrators may read it.</source>
        <translation>Not available to your role. The healthcare workers&apos; registry holds personal data: analysts and administrators may read it.</translation>
    </message>
    <message>
        <source>This registry is not on this computer. Tick “Keep on this computer” to download it at the next sync (about %1 MB).</source>
        <translation>This registry is not on this computer. Tick “Keep on this computer” to download it at the next sync (about %1 MB).</translation>
    </message>
    <message>
        <source>Will be downloaded at the next sync</source>
        <translation>Will be downloaded at the next sync</translation>
    </message>
    <message>
        <source>Not kept on this computer</source>
        <translation>Not kept on this computer</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>The rows could not be read.</source>
        <translation>The rows could not be read.</translation>
    </message>
    <message>
        <source>Preparing sorting and filters: %1 of %2</source>
        <translation>Preparing sorting and filters: %1 of %2</translation>
    </message>
    <message>
        <source>All ATC groups</source>
        <translation>All ATC groups</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV for Excel (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>Export the view</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporting to %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n rows exported to %1</source>
        <translation>
            <numerusform>%n row exported to %1</numerusform>
            <numerusform>%n rows exported to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>The file could not be written: %1</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>The export failed.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <source>&amp;Registries</source>
        <translation>&amp;Registries</translation>
    </message>
    <message>
        <source>Keep on this computer</source>
        <translation>Keep on this computer</translation>
    </message>
    <message>
        <source>&amp;ATC classification</source>
        <translation>&amp;ATC classification</translation>
    </message>
    <message>
        <source>ATC code</source>
        <translation>ATC code</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Medicines</translation>
    </message>
    <message>
        <source>ATC classification</source>
        <translation>ATC classification</translation>
    </message>
    <message>
        <source>Search the whole row…</source>
        <translation>Search the whole row…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>personal data · not available to your role</source>
        <translation>personal data · not available to your role</translation>
    </message>
    <message>
        <source>Not available to your role. “%1” holds personal data: analysts and administrators may read it.</source>
        <translation>Not available to your role. “%1” holds personal data: analysts and administrators may read it.</translation>
    </message>
    <message>
        <source>This registry is not on this computer, and the server cannot be reached now: browse it online when the connection returns, or tick “Keep on this computer” to download it at the next sync (about %1 MB).</source>
        <translation>This registry is not on this computer, and the server cannot be reached now: browse it online when the connection returns, or tick “Keep on this computer” to download it at the next sync (about %1 MB).</translation>
    </message>
    <message numerus="yes">
        <source>%n rows on the server</source>
        <translation>
            <numerusform>%n row on the server</numerusform>
            <numerusform>%n rows on the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows so far, more as you scroll</source>
        <translation>
            <numerusform>%n row so far, more as you scroll</numerusform>
            <numerusform>%n rows so far, more as you scroll</numerusform>
        </translation>
    </message>
    <message>
        <source>On this computer, as of %1</source>
        <translation>On this computer, as of %1</translation>
    </message>
    <message>
        <source>Online: read from the server until the next sync downloads it</source>
        <translation>Online: read from the server until the next sync downloads it</translation>
    </message>
    <message>
        <source>Online: read from the server</source>
        <translation>Online: read from the server</translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %n rows written</source>
        <translation>
            <numerusform>Exporting to %1: %n row written</numerusform>
            <numerusform>Exporting to %1: %n rows written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %n of %2 rows written</source>
        <translation>
            <numerusform>Exporting to %1: %n of %2 rows written</numerusform>
            <numerusform>Exporting to %1: %n of %2 rows written</numerusform>
        </translation>
    </message>
    <message>
        <source>The export stopped; no file was written. %1</source>
        <translation>The export stopped; no file was written. %1</translation>
    </message>
    <message>
        <source>The pick lists&apos; counts could not be read: %1</source>
        <translation>The pick lists&apos; counts could not be read: %1</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Could not be read</translation>
    </message>
    <message>
        <source>The ATC classification could not be read: %1</source>
        <translation>The ATC classification could not be read: %1</translation>
    </message>
    <message>
        <source>Search the whole row</source>
        <translation>Search the whole row</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>All rows</translation>
    </message>
    <message>
        <source>Expiring within 90 days</source>
        <translation>Expiring within 90 days</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>&amp;View:</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Cancel export</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Export progress</translation>
    </message>
    <message>
        <source>Registry rows</source>
        <translation>Registry rows</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Row &amp;details</source>
        <translation>Row &amp;details</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Row details</source>
        <translation>Row details</translation>
    </message>
    <message>
        <source>Column headings</source>
        <translation>Column headings</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copy value</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>Copy row</translation>
    </message>
</context>
<context>
    <name>RegistryTableModel</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
</TS>
