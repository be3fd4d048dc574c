<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ContactRow</name>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>Directory</source>
        <translation>Directory</translation>
    </message>
    <message>
        <source>No one matches &quot;%1&quot;.</source>
        <translation>No one matches &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>No one works in this department.</source>
        <translation>No one works in this department.</translation>
    </message>
    <message>
        <source>No people synced yet. They appear here after the first sync.</source>
        <translation>No people synced yet. They appear here after the first sync.</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <source>The directory could not be read. Try again.</source>
        <translation>The directory could not be read. Try again.</translation>
    </message>
    <message>
        <source>vCard 3.0, for Outlook and phones (*.vcf)</source>
        <translation>vCard 3.0, for Outlook and phones (*.vcf)</translation>
    </message>
    <message>
        <source>vCard 4.0 (*.vcf)</source>
        <translation>vCard 4.0 (*.vcf)</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Save contact</translation>
    </message>
    <message>
        <source>The file could not be saved to %1:
%2</source>
        <translation>The file could not be saved to %1:
%2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Work phone</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>%1 - phone list</source>
        <translation>%1 - phone list</translation>
    </message>
    <message>
        <source>Export phone list</source>
        <translation>Export phone list</translation>
    </message>
    <message>
        <source>CSV files for Excel (*.csv)</source>
        <translation>CSV files for Excel (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n people of %1 exported to %2</source>
        <translation>
            <numerusform>%n person of %1 exported to %2</numerusform>
            <numerusform>%n people of %1 exported to %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Print phone list</source>
        <translation>Print phone list</translation>
    </message>
    <message>
        <source>Phone list, %1</source>
        <translation>Phone list, %1</translation>
    </message>
    <message numerus="yes">
        <source>The phone list of %1 (%n people) is printed.</source>
        <translation>
            <numerusform>The phone list of %1 (%n person) is printed.</numerusform>
            <numerusform>The phone list of %1 (%n people) is printed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search by name, position, phone or email (Ctrl+F)</source>
        <translation>Search by name, position, phone or email (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the directory</source>
        <translation>Search the directory</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Export phone list…</source>
        <translation>Export phone list…</translation>
    </message>
    <message>
        <source>Export the department&apos;s phone list</source>
        <translation>Export the department&apos;s phone list</translation>
    </message>
    <message>
        <source>Save the chosen department&apos;s phone list as a CSV file for Excel</source>
        <translation>Save the chosen department&apos;s phone list as a CSV file for Excel</translation>
    </message>
    <message>
        <source>Print phone list…</source>
        <translation>Print phone list…</translation>
    </message>
    <message>
        <source>Print the department&apos;s phone list</source>
        <translation>Print the department&apos;s phone list</translation>
    </message>
    <message>
        <source>Print the chosen department&apos;s phone list</source>
        <translation>Print the chosen department&apos;s phone list</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>Whole ministry</source>
        <translation>Whole ministry</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Head</translation>
    </message>
</context>
<context>
    <name>MyDetailsDialog</name>
    <message>
        <source>The change could not be saved on this computer. Please try again.</source>
        <translation>The change could not be saved on this computer. Please try again.</translation>
    </message>
    <message>
        <source>Enter a work phone number; it cannot be removed.</source>
        <translation>Enter a work phone number; it cannot be removed.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>At most %n character.</numerusform>
            <numerusform>At most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only digits, spaces and + - ( ) are allowed, with at least one digit.</source>
        <translation>Only digits, spaces and + - ( ) are allowed, with at least one digit.</translation>
    </message>
    <message>
        <source>Use one line without control characters.</source>
        <translation>Use one line without control characters.</translation>
    </message>
    <message>
        <source>A number needs at least one digit.</source>
        <translation>A number needs at least one digit.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>You may change only your own details.</source>
        <translation>You may change only your own details.</translation>
    </message>
    <message>
        <source>This person is no longer in the directory.</source>
        <translation>This person is no longer in the directory.</translation>
    </message>
    <message>
        <source>This value is not accepted.</source>
        <translation>This value is not accepted.</translation>
    </message>
    <message>
        <source>My details</source>
        <translation>My details</translation>
    </message>
    <message>
        <source>Contact details of %1</source>
        <translation>Contact details of %1</translation>
    </message>
    <message>
        <source>Your name, position and department come from the personnel system. The change is sent to the server when it is reachable.</source>
        <translation>Your name, position and department come from the personnel system. The change is sent to the server when it is reachable.</translation>
    </message>
    <message>
        <source>&amp;Work phone:</source>
        <translation>&amp;Work phone:</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Work phone</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>&amp;Mobile:</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>&amp;Office:</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>Problem with %1</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Close this message</source>
        <translation>Close this message</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>PersonCardView</name>
    <message>
        <source>⚠ Conflict: this card was changed on the server while your change waited.</source>
        <translation>⚠ Conflict: this card was changed on the server while your change waited.</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Resolve…</translation>
    </message>
    <message>
        <source>⚠ The server refused your change: %1</source>
        <translation>⚠ The server refused your change: %1</translation>
    </message>
    <message>
        <source>Changes waiting…</source>
        <translation>Changes waiting…</translation>
    </message>
    <message>
        <source>Sending your change…</source>
        <translation>Sending your change…</translation>
    </message>
    <message>
        <source>Your change is waiting to be sent.</source>
        <translation>Your change is waiting to be sent.</translation>
    </message>
    <message>
        <source>No mail program is set up on this computer, so the message could not be opened. Copy the address and write from your web mail.</source>
        <translation>No mail program is set up on this computer, so the message could not be opened. Copy the address and write from your web mail.</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copy address</translation>
    </message>
    <message>
        <source>%1 is copied. Paste it into your web mail.</source>
        <translation>%1 is copied. Paste it into your web mail.</translation>
    </message>
    <message>
        <source>Contact saved to %1</source>
        <translation>Contact saved to %1</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <source>Back to the previous card (Alt+Left)</source>
        <translation>Back to the previous card (Alt+Left)</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Department:</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Manager:</translation>
    </message>
    <message>
        <source>Work phone:</source>
        <translation>Work phone:</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>Mobile:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Email:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Office:</translation>
    </message>
    <message>
        <source>&amp;Edit contact details…</source>
        <translation>&amp;Edit contact details…</translation>
    </message>
    <message>
        <source>Change the work phone, mobile and office</source>
        <translation>Change the work phone, mobile and office</translation>
    </message>
    <message>
        <source>Edit contact details</source>
        <translation>Edit contact details</translation>
    </message>
    <message>
        <source>Write email</source>
        <translation>Write email</translation>
    </message>
    <message>
        <source>Open a new message in your mail program</source>
        <translation>Open a new message in your mail program</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Save contact</translation>
    </message>
    <message>
        <source>Save as a vCard file for Outlook or a phone</source>
        <translation>Save as a vCard file for Outlook or a phone</translation>
    </message>
    <message>
        <source>Open the manager&apos;s card</source>
        <translation>Open the manager&apos;s card</translation>
    </message>
    <message>
        <source>Person card</source>
        <translation>Person card</translation>
    </message>
    <message>
        <source>Direct reports</source>
        <translation>Direct reports</translation>
    </message>
    <message>
        <source>Copy the work phone</source>
        <translation>Copy the work phone</translation>
    </message>
    <message>
        <source>Copy the mobile number</source>
        <translation>Copy the mobile number</translation>
    </message>
    <message>
        <source>Copy the email address</source>
        <translation>Copy the email address</translation>
    </message>
    <message>
        <source>Copy the office</source>
        <translation>Copy the office</translation>
    </message>
    <message>
        <source>This person is no longer in the directory.</source>
        <translation>This person is no longer in the directory.</translation>
    </message>
    <message>
        <source>Choose a person to see their card.</source>
        <translation>Choose a person to see their card.</translation>
    </message>
    <message numerus="yes">
        <source>Direct reports (%n)</source>
        <translation>
            <numerusform>Direct reports (%n)</numerusform>
            <numerusform>Direct reports (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
</TS>
