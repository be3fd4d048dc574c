<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About the Intranet</source>
        <translation>About the Intranet</translation>
    </message>
    <message>
        <source>Intranet %1</source>
        <translation>Intranet %1</translation>
    </message>
    <message>
        <source>Ministry of Health of the Republic of Azerbaijan</source>
        <translation>Ministry of Health of the Republic of Azerbaijan</translation>
    </message>
    <message>
        <source>Encrypted; the key is kept in this computer&apos;s credential store.</source>
        <translation>Encrypted; the key is kept in this computer&apos;s credential store.</translation>
    </message>
    <message>
        <source>Encrypted; your password is asked at each start.</source>
        <translation>Encrypted; your password is asked at each start.</translation>
    </message>
    <message>
        <source>Encrypted; this computer has no credential store, so your password is asked at each start.</source>
        <translation>Encrypted; this computer has no credential store, so your password is asked at each start.</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Signed in as:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Offline data:</source>
        <translation>Offline data:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Policies in effect…</source>
        <translation>Policies in effect…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ChangeWords</name>
    <message>
        <source>work phone</source>
        <translation>work phone</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>mobile</translation>
    </message>
    <message>
        <source>office</source>
        <translation>office</translation>
    </message>
    <message>
        <source>title</source>
        <translation>title</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>tags</translation>
    </message>
    <message>
        <source>room</source>
        <translation>room</translation>
    </message>
    <message>
        <source>start</source>
        <translation>start</translation>
    </message>
    <message>
        <source>end</source>
        <translation>end</translation>
    </message>
    <message>
        <source>every</source>
        <translation>every</translation>
    </message>
    <message>
        <source>time</source>
        <translation>time</translation>
    </message>
    <message>
        <source>from – to</source>
        <translation>from – to</translation>
    </message>
    <message>
        <source>occurrences</source>
        <translation>occurrences</translation>
    </message>
    <message>
        <source>Contact details of %1</source>
        <translation>Contact details of %1</translation>
    </message>
    <message>
        <source>Card of %1</source>
        <translation>Card of %1</translation>
    </message>
    <message>
        <source>Change to %1</source>
        <translation>Change to %1</translation>
    </message>
    <message>
        <source>New booking: %1</source>
        <translation>New booking: %1</translation>
    </message>
    <message>
        <source>Changed booking: %1</source>
        <translation>Changed booking: %1</translation>
    </message>
    <message>
        <source>Cancelled booking: %1</source>
        <translation>Cancelled booking: %1</translation>
    </message>
    <message>
        <source>Upload of %1</source>
        <translation>Upload of %1</translation>
    </message>
    <message>
        <source>New version of %1</source>
        <translation>New version of %1</translation>
    </message>
    <message>
        <source>Details of %1</source>
        <translation>Details of %1</translation>
    </message>
    <message>
        <source>%1 sent to %2</source>
        <translation>%1 sent to %2</translation>
    </message>
    <message>
        <source>%1 marked as read</source>
        <translation>%1 marked as read</translation>
    </message>
</context>
<context>
    <name>ChangesWindow</name>
    <message>
        <source>The list could not be read. Please try again.</source>
        <translation>The list could not be read. Please try again.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refused: %1</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Conflict: %1</translation>
    </message>
    <message>
        <source>Waiting for the change before it</source>
        <translation>Waiting for the change before it</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Discard the change</translation>
    </message>
    <message>
        <source>Discard “%1”? The record goes back to the version on the server; this cannot be undone.</source>
        <translation>Discard “%1”? The record goes back to the version on the server; this cannot be undone.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Keep the change</source>
        <translation>Keep the change</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>Changes waiting</translation>
    </message>
    <message>
        <source>Changes made on this computer that the server has not accepted yet, oldest first. They are sent on their own when the server is reachable.</source>
        <translation>Changes made on this computer that the server has not accepted yet, oldest first. They are sent on their own when the server is reachable.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Made</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Column headings</source>
        <translation>Column headings</translation>
    </message>
    <message>
        <source>Nothing is waiting: the server has accepted every change made here.</source>
        <translation>Nothing is waiting: the server has accepted every change made here.</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Retry now</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Discard…</translation>
    </message>
    <message>
        <source>&amp;Open the record</source>
        <translation>&amp;Open the record</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Open the record</translation>
    </message>
    <message>
        <source>Re&amp;solve the conflict…</source>
        <translation>Re&amp;solve the conflict…</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>Resolve the conflict</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>About the chosen change</source>
        <translation>About the chosen change</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>%1 changed it on the server (%2).</source>
        <translation>%1 changed it on the server (%2).</translation>
    </message>
    <message>
        <source>%1 changed it on the server.</source>
        <translation>%1 changed it on the server.</translation>
    </message>
    <message>
        <source>It was changed on the server (%1).</source>
        <translation>It was changed on the server (%1).</translation>
    </message>
    <message>
        <source>It was changed on the server.</source>
        <translation>It was changed on the server.</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>Changed on both sides</translation>
    </message>
    <message>
        <source>This meeting series was changed on the server while your change to the whole series waited to be sent. Choose which version of the series to keep.</source>
        <translation>This meeting series was changed on the server while your change to the whole series waited to be sent. Choose which version of the series to keep.</translation>
    </message>
    <message>
        <source>This record was changed on the server while your change waited to be sent. Choose which version to keep.</source>
        <translation>This record was changed on the server while your change waited to be sent. Choose which version to keep.</translation>
    </message>
    <message>
        <source>Both versions, field by field</source>
        <translation>Both versions, field by field</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Your version</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>On the server</translation>
    </message>
    <message numerus="yes">
        <source>%1 marks the fields that differ (%n field(s)).</source>
        <translation>
            <numerusform>%1 marks the field that differs (%n field).</numerusform>
            <numerusform>%1 marks the fields that differ (%n fields).</numerusform>
        </translation>
    </message>
    <message>
        <source>differs</source>
        <translation>differs</translation>
    </message>
    <message>
        <source>Your version of %1</source>
        <translation>Your version of %1</translation>
    </message>
    <message>
        <source>The server&apos;s version of %1</source>
        <translation>The server&apos;s version of %1</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Keep mine</translation>
    </message>
    <message>
        <source>Send your version again, over the server&apos;s</source>
        <translation>Send your version again, over the server&apos;s</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Keep mine</translation>
    </message>
    <message>
        <source>&amp;Take the server&apos;s</source>
        <translation>&amp;Take the server&apos;s</translation>
    </message>
    <message>
        <source>Drop your change and show the server&apos;s version</source>
        <translation>Drop your change and show the server&apos;s version</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>Take the server&apos;s</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>Change your version before sending it again</source>
        <translation>Change your version before sending it again</translation>
    </message>
    <message>
        <source>Edit my version</source>
        <translation>Edit my version</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Decide later</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide — Intranet</source>
        <translation>User guide — Intranet</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>The user guide is missing from this installation.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Log folder</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>The log folder could not be opened. You find the logs here:</source>
        <translation>The log folder could not be opened. You find the logs here:</translation>
    </message>
</context>
<context>
    <name>HelpdeskDialog</name>
    <message>
        <source>Helpdesk</source>
        <translation>Helpdesk</translation>
    </message>
    <message>
        <source>Helpdesk contact</source>
        <translation>Helpdesk contact</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-mail: %1</translation>
    </message>
    <message>
        <source>Web: %1</source>
        <translation>Web: %1</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>The Intranet is locked</source>
        <translation>The Intranet is locked</translation>
    </message>
    <message>
        <source>The window was locked after a period of inactivity. Enter the password of %1 to continue.</source>
        <translation>The window was locked after a period of inactivity. Enter the password of %1 to continue.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>The password is incorrect.</source>
        <translation>The password is incorrect.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intranet — Ministry of Health</source>
        <translation>Intranet — Ministry of Health</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <source>Sign in now</source>
        <translation>Sign in now</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Working offline. Sign in again to synchronise.</source>
        <translation>Working offline. Sign in again to synchronise.</translation>
    </message>
    <message>
        <source>All Intranet data kept on this computer for your account will be removed. You will need the network to sign in again.</source>
        <translation>All Intranet data kept on this computer for your account will be removed. You will need the network to sign in again.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent to the server will be lost.</source>
        <translation>
            <numerusform>%n change not yet sent to the server will be lost.</numerusform>
            <numerusform>%n changes not yet sent to the server will be lost.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove offline data</source>
        <translation>Remove offline data</translation>
    </message>
    <message>
        <source>Remove and sign out</source>
        <translation>Remove and sign out</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Intranet</source>
        <translation>Intranet</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Intranet</source>
        <translation>&amp;Intranet</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>&amp;Synchronise now</translation>
    </message>
    <message>
        <source>Send your changes and receive the latest data</source>
        <translation>Send your changes and receive the latest data</translation>
    </message>
    <message>
        <source>&amp;Changes waiting…</source>
        <translation>&amp;Changes waiting…</translation>
    </message>
    <message>
        <source>Changes not yet accepted by the server</source>
        <translation>Changes not yet accepted by the server</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>Sign out and &amp;remove offline data…</source>
        <translation>Sign out and &amp;remove offline data…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About the Intranet</source>
        <translation>&amp;About the Intranet</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Open the &amp;log folder</translation>
    </message>
    <message>
        <source>Contact the &amp;helpdesk…</source>
        <translation>Contact the &amp;helpdesk…</translation>
    </message>
    <message>
        <source>&amp;Policies in effect…</source>
        <translation>&amp;Policies in effect…</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The username or password is incorrect.</source>
        <translation>The username or password is incorrect.</translation>
    </message>
    <message>
        <source>The password is incorrect. The server cannot be reached, so the password was checked against the offline data on this computer.</source>
        <translation>The password is incorrect. The server cannot be reached, so the password was checked against the offline data on this computer.</translation>
    </message>
    <message numerus="yes">
        <source>The next attempt is possible in %n second(s).</source>
        <translation>
            <numerusform>The next attempt is possible in %n second.</numerusform>
            <numerusform>The next attempt is possible in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. Check the network connection. To work offline, sign in once on this computer while connected.</source>
        <translation>The server %1 cannot be reached. Check the network connection. To work offline, sign in once on this computer while connected.</translation>
    </message>
    <message>
        <source>The server is not available right now. Please try again in a few minutes.</source>
        <translation>The server is not available right now. Please try again in a few minutes.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please try again in %n second(s).</source>
        <translation>
            <numerusform>Too many attempts. Please try again in %n second.</numerusform>
            <numerusform>Too many attempts. Please try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please try again later.</source>
        <translation>Too many attempts. Please try again later.</translation>
    </message>
    <message numerus="yes">
        <source>You have worked offline for longer than allowed (%n day(s)). Connect to the ministry network once to continue.</source>
        <translation>
            <numerusform>You have worked offline for longer than allowed (%n day). Connect to the ministry network once to continue.</numerusform>
            <numerusform>You have worked offline for longer than allowed (%n days). Connect to the ministry network once to continue.</numerusform>
        </translation>
    </message>
    <message>
        <source>An administrator has disconnected this computer from the Intranet. The offline data on this computer was removed. Sign in to register the computer again.</source>
        <translation>An administrator has disconnected this computer from the Intranet. The offline data on this computer was removed. Sign in to register the computer again.</translation>
    </message>
    <message>
        <source>An administrator had disconnected this computer from the Intranet, so its offline data was removed. The computer is registered again and your data is being downloaded.</source>
        <translation>An administrator had disconnected this computer from the Intranet, so its offline data was removed. The computer is registered again and your data is being downloaded.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Please sign in again to synchronise your data.</source>
        <translation>Your sign-in has ended. Please sign in again to synchronise your data.</translation>
    </message>
    <message>
        <source>The offline data on this computer cannot be opened. Please contact the service desk.</source>
        <translation>The offline data on this computer cannot be opened. Please contact the service desk.</translation>
    </message>
    <message>
        <source>The offline data on this computer was written by a newer version of the application. Please update the application.</source>
        <translation>The offline data on this computer was written by a newer version of the application. Please update the application.</translation>
    </message>
    <message>
        <source>There is no offline data for this user on this computer. Connect to the network and sign in online first.</source>
        <translation>There is no offline data for this user on this computer. Connect to the network and sign in online first.</translation>
    </message>
    <message>
        <source>The server sent an answer the application does not understand.</source>
        <translation>The server sent an answer the application does not understand.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Please try again.</source>
        <translation>Something went wrong (%1). Please try again.</translation>
    </message>
    <message>
        <source>The folder for the offline data is too long for Windows (more than 260 characters): %1. Please ask your service desk to choose a shorter one.</source>
        <translation>The folder for the offline data is too long for Windows (more than 260 characters): %1. Please ask your service desk to choose a shorter one.</translation>
    </message>
</context>
<context>
    <name>PoliciesDialog</name>
    <message>
        <source>Policies in effect</source>
        <translation>Policies in effect</translation>
    </message>
    <message>
        <source>The settings below decide how the Intranet works on this computer. Those set by your organisation cannot be changed in the app.</source>
        <translation>The settings below decide how the Intranet works on this computer. Those set by your organisation cannot be changed in the app.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>The system&apos;s language</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Allowed</translation>
    </message>
    <message>
        <source>Only the system&apos;s certificates</source>
        <translation>Only the system&apos;s certificates</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>Set by your organisation (computer policy)</source>
        <translation>Set by your organisation (computer policy)</translation>
    </message>
    <message>
        <source>Set by your organisation (user policy)</source>
        <translation>Set by your organisation (user policy)</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>The server</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>Your choice</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Default</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Close without Saving</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Show Details...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Hide Details...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Save All</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Yes to &amp;All</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>N&amp;o to All</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Abort</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignore</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Reset</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Restore Defaults</translation>
    </message>
</context>
<context>
    <name>ShellApp</name>
    <message>
        <source>The server cannot be reached: you are working with the data kept on this computer. Changes will be sent when the connection returns.</source>
        <translation>The server cannot be reached: you are working with the data kept on this computer. Changes will be sent when the connection returns.</translation>
    </message>
    <message>
        <source>This computer has no credential store: your password will be asked at each start.</source>
        <translation>This computer has no credential store: your password will be asked at each start.</translation>
    </message>
    <message>
        <source>The offline data on this computer was removed.</source>
        <translation>The offline data on this computer was removed.</translation>
    </message>
    <message>
        <source>Preparing the demonstration server…</source>
        <translation>Preparing the demonstration server…</translation>
    </message>
    <message>
        <source>The demonstration server could not be started: %1</source>
        <translation>The demonstration server could not be started: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Ministry Intranet</source>
        <translation>Sign in — Ministry Intranet</translation>
    </message>
    <message>
        <source>Ministry of Health of the Republic of Azerbaijan</source>
        <translation>Ministry of Health of the Republic of Azerbaijan</translation>
    </message>
    <message>
        <source>Intranet</source>
        <translation>Intranet</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Server address:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Username:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Remember me on this computer</translation>
    </message>
    <message>
        <source>Remember me on this computer (set by your organisation)</source>
        <translation>Remember me on this computer (set by your organisation)</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Set by your administrator</translation>
    </message>
    <message>
        <source>e.g. turane.ceferli</source>
        <translation>e.g. turane.ceferli</translation>
    </message>
    <message>
        <source>This computer has no working credential store, so the Intranet cannot remember you: your password will be asked at each start.</source>
        <translation>This computer has no working credential store, so the Intranet cannot remember you: your password will be asked at each start.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Enter the server address, e.g. https://intranet.health.gov.az.</source>
        <translation>Enter the server address, e.g. https://intranet.health.gov.az.</translation>
    </message>
    <message>
        <source>The server address cannot contain spaces.</source>
        <translation>The server address cannot contain spaces.</translation>
    </message>
    <message>
        <source>The server address must begin with https:// (or be a bare name such as intranet.health.gov.az).</source>
        <translation>The server address must begin with https:// (or be a bare name such as intranet.health.gov.az).</translation>
    </message>
    <message>
        <source>The server address has no server name, e.g. intranet.health.gov.az.</source>
        <translation>The server address has no server name, e.g. intranet.health.gov.az.</translation>
    </message>
    <message>
        <source>The port after the colon in the server address must be a number from 1 to 65535.</source>
        <translation>The port after the colon in the server address must be a number from 1 to 65535.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Enter your username.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n s</source>
        <translation>
            <numerusform>Wait %n s</numerusform>
            <numerusform>Wait %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The Intranet cannot start</source>
        <translation>The Intranet cannot start</translation>
    </message>
    <message>
        <source>This installation of the Intranet is incomplete. Please ask your service desk to repair or reinstall it.</source>
        <translation>This installation of the Intranet is incomplete. Please ask your service desk to repair or reinstall it.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Sending changes</source>
        <translation>Sending changes</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>Meeting rooms</source>
        <translation>Meeting rooms</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Folders</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Shared documents</source>
        <translation>Shared documents</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>Registries</translation>
    </message>
    <message>
        <source>Registry rows</source>
        <translation>Registry rows</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regions</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Indicator values</source>
        <translation>Indicator values</translation>
    </message>
    <message>
        <source>Preparing registry search</source>
        <translation>Preparing registry search</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <source>Offline, trying to connect…</source>
        <translation>Offline, trying to connect…</translation>
    </message>
    <message numerus="yes">
        <source>Offline, next try in %n s</source>
        <translation>
            <numerusform>Offline, next try in %n s</numerusform>
            <numerusform>Offline, next try in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes are kept on this computer and sent when the server is reachable.</source>
        <translation>Changes are kept on this computer and sent when the server is reachable.</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Not synchronised yet</translation>
    </message>
    <message>
        <source>Last synchronised: %1</source>
        <translation>Last synchronised: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n change waiting to be sent</numerusform>
            <numerusform>%n changes waiting to be sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the changes waiting to be sent</source>
        <translation>Show the changes waiting to be sent</translation>
    </message>
    <message>
        <source>Stop the synchronisation</source>
        <translation>Stop the synchronisation</translation>
    </message>
    <message>
        <source>Checking for changes…</source>
        <translation>Checking for changes…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1; still to come: %2</source>
        <translation>%1; still to come: %2</translation>
    </message>
</context>
<context>
    <name>WriteErrors</name>
    <message>
        <source>The server could not read the change. Discard it and make it again.</source>
        <translation>The server could not read the change. Discard it and make it again.</translation>
    </message>
    <message>
        <source>The change was sent without its one-time key. Discard it and make it again.</source>
        <translation>The change was sent without its one-time key. Discard it and make it again.</translation>
    </message>
    <message>
        <source>The change carries a one-time key the server does not accept. Discard it and make it again.</source>
        <translation>The change carries a one-time key the server does not accept. Discard it and make it again.</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in again and the change will be sent.</source>
        <translation>You are not signed in. Sign in again and the change will be sent.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Sign in again and the change will be sent.</source>
        <translation>Your sign-in has ended. Sign in again and the change will be sent.</translation>
    </message>
    <message>
        <source>An administrator has disconnected this computer from the Intranet.</source>
        <translation>An administrator has disconnected this computer from the Intranet.</translation>
    </message>
    <message>
        <source>You are not allowed to make this change.</source>
        <translation>You are not allowed to make this change.</translation>
    </message>
    <message>
        <source>The record no longer exists on the server.</source>
        <translation>The record no longer exists on the server.</translation>
    </message>
    <message>
        <source>The server does not accept this kind of change.</source>
        <translation>The server does not accept this kind of change.</translation>
    </message>
    <message>
        <source>The server cannot answer in a form the application reads.</source>
        <translation>The server cannot answer in a form the application reads.</translation>
    </message>
    <message>
        <source>The room is already booked for this time.</source>
        <translation>The room is already booked for this time.</translation>
    </message>
    <message>
        <source>The server is still working on this change. It will be checked again.</source>
        <translation>The server is still working on this change. It will be checked again.</translation>
    </message>
    <message>
        <source>The data on this computer must be synchronised again from the start.</source>
        <translation>The data on this computer must be synchronised again from the start.</translation>
    </message>
    <message>
        <source>Someone changed this record on the server meanwhile. Choose which version to keep.</source>
        <translation>Someone changed this record on the server meanwhile. Choose which version to keep.</translation>
    </message>
    <message>
        <source>The change is larger than the server accepts.</source>
        <translation>The change is larger than the server accepts.</translation>
    </message>
    <message>
        <source>The server does not accept this type of file.</source>
        <translation>The server does not accept this type of file.</translation>
    </message>
    <message>
        <source>The requested part of the file does not exist.</source>
        <translation>The requested part of the file does not exist.</translation>
    </message>
    <message>
        <source>The server did not accept the values: %1</source>
        <translation>The server did not accept the values: %1</translation>
    </message>
    <message>
        <source>The server already received a different change under the same key. Discard this one and make it again.</source>
        <translation>The server already received a different change under the same key. Discard this one and make it again.</translation>
    </message>
    <message>
        <source>The change was sent without the version it builds on. Discard it and make it again.</source>
        <translation>The change was sent without the version it builds on. Discard it and make it again.</translation>
    </message>
    <message>
        <source>Too many changes at once. The change will be sent again shortly.</source>
        <translation>Too many changes at once. The change will be sent again shortly.</translation>
    </message>
    <message>
        <source>Nobody checked in within 15 minutes of the start, so the room was released. Book it again if it is still free.</source>
        <translation>Nobody checked in within 15 minutes of the start, so the room was released. Book it again if it is still free.</translation>
    </message>
    <message>
        <source>The room is closed at that time: book within its opening hours.</source>
        <translation>The room is closed at that time: book within its opening hours.</translation>
    </message>
    <message>
        <source>Someone else has checked this document out for editing. Send your change once they check it in, or discard it.</source>
        <translation>Someone else has checked this document out for editing. Send your change once they check it in, or discard it.</translation>
    </message>
    <message>
        <source>The upload was cancelled or has expired. It will be sent again.</source>
        <translation>The upload was cancelled or has expired. It will be sent again.</translation>
    </message>
    <message>
        <source>The server has not received the whole file yet. It will be sent again.</source>
        <translation>The server has not received the whole file yet. It will be sent again.</translation>
    </message>
    <message>
        <source>The upload lost its place. It continues from what the server has.</source>
        <translation>The upload lost its place. It continues from what the server has.</translation>
    </message>
    <message>
        <source>The change collides with the server&apos;s data.</source>
        <translation>The change collides with the server&apos;s data.</translation>
    </message>
    <message>
        <source>The record is gone from the server.</source>
        <translation>The record is gone from the server.</translation>
    </message>
    <message>
        <source>The server did not accept the values.</source>
        <translation>The server did not accept the values.</translation>
    </message>
    <message>
        <source>The server refused the change.</source>
        <translation>The server refused the change.</translation>
    </message>
</context>
</TS>
