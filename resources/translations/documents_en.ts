<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CheckoutPanel</name>
    <message>
        <source>Check &amp;out for editing</source>
        <translation>Check &amp;out for editing</translation>
    </message>
    <message>
        <source>Check out for editing</source>
        <translation>Check out for editing</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>Check &amp;in</translation>
    </message>
    <message>
        <source>&amp;Release the check-out</source>
        <translation>&amp;Release the check-out</translation>
    </message>
    <message>
        <source>Not checked out: anyone who may edit can upload a version.</source>
        <translation>Not checked out: anyone who may edit can upload a version.</translation>
    </message>
    <message>
        <source>You have checked this document out since %1. Others cannot upload a version or change its details until you check it in (at the latest %2).</source>
        <translation>You have checked this document out since %1. Others cannot upload a version or change its details until you check it in (at the latest %2).</translation>
    </message>
    <message>
        <source>Checked out by %1 since %2. Only they can upload a new version or change its details until they check it in (at the latest %3).</source>
        <translation>Checked out by %1 since %2. Only they can upload a new version or change its details until they check it in (at the latest %3).</translation>
    </message>
    <message>
        <source>The server did not take your change to the details: %1 has checked this document out since %2. Your change is kept here: retry it in “Changes waiting” once they check it in, or discard it.</source>
        <translation>The server did not take your change to the details: %1 has checked this document out since %2. Your change is kept here: retry it in “Changes waiting” once they check it in, or discard it.</translation>
    </message>
    <message>
        <source>The server did not check the document out for you: %1 has had it checked out since %2. Discard your check-out in “Changes waiting”.</source>
        <translation>The server did not check the document out for you: %1 has had it checked out since %2. Discard your check-out in “Changes waiting”.</translation>
    </message>
    <message>
        <source>The server did not take your new version: %1 has checked this document out since %2. Your file is kept here: retry it in “Changes waiting” once they check it in, or discard it.</source>
        <translation>The server did not take your new version: %1 has checked this document out since %2. Your file is kept here: retry it in “Changes waiting” once they check it in, or discard it.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>someone</translation>
    </message>
</context>
<context>
    <name>ConflictSides</name>
    <message>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>Their version opens once the server can be reached.</source>
        <translation>Their version opens once the server can be reached.</translation>
    </message>
    <message>
        <source>No preview for this type of file.</source>
        <translation>No preview for this type of file.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Uploaded by %1</source>
        <translation>Uploaded by %1</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>Author: %1</translation>
    </message>
    <message>
        <source>Yours (based on version %1)</source>
        <translation>Yours (based on version %1)</translation>
    </message>
    <message>
        <source>Theirs (version %1 on the server)</source>
        <translation>Theirs (version %1 on the server)</translation>
    </message>
    <message>
        <source>Changed here %1</source>
        <translation>Changed here %1</translation>
    </message>
    <message>
        <source>Uploaded %1</source>
        <translation>Uploaded %1</translation>
    </message>
    <message>
        <source>Preview of your version</source>
        <translation>Preview of your version</translation>
    </message>
    <message>
        <source>Preview of their version</source>
        <translation>Preview of their version</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Author</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modified</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>Waiting to upload</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Uploading</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Image %1</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>ministry</source>
        <translation>ministry</translation>
    </message>
    <message>
        <source>department</source>
        <translation>department</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>restricted</translation>
    </message>
    <message>
        <source>kept offline</source>
        <translation>kept offline</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>All documents</translation>
    </message>
    <message>
        <source>Kept offline</source>
        <translation>Kept offline</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Inbox (%1 unread)</source>
        <translation>Inbox (%1 unread)</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>No documents match &quot;%1&quot;.</source>
        <translation>No documents match &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Nothing is kept offline yet. Open a document or a folder and choose Keep offline.</source>
        <translation>Nothing is kept offline yet. Open a document or a folder and choose Keep offline.</translation>
    </message>
    <message>
        <source>This folder is empty. Drag files here or choose Upload.</source>
        <translation>This folder is empty. Drag files here or choose Upload.</translation>
    </message>
    <message>
        <source>No documents yet. They appear here after the first sync.</source>
        <translation>No documents yet. They appear here after the first sync.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message>
        <source>This document is no longer available.</source>
        <translation>This document is no longer available.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>File: %1 (%2, %3)</source>
        <translation>File: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>%6 uploaded version %1 while yours waited.
Yours: %2, %3.
Theirs: %4, %5.</source>
        <translation>%6 uploaded version %1 while yours waited.
Yours: %2, %3.
Theirs: %4, %5.</translation>
    </message>
    <message>
        <source>Someone uploaded version %1 while yours waited.
Yours: %2, %3.
Theirs: %4, %5.</source>
        <translation>Someone uploaded version %1 while yours waited.
Yours: %2, %3.
Theirs: %4, %5.</translation>
    </message>
    <message>
        <source>No preview for this type of file. It is kept encrypted on this computer.</source>
        <translation>No preview for this type of file. It is kept encrypted on this computer.</translation>
    </message>
    <message>
        <source>This document is not kept on this computer and the server cannot be reached. It opens once you are online.</source>
        <translation>This document is not kept on this computer and the server cannot be reached. It opens once you are online.</translation>
    </message>
    <message>
        <source>Upload documents</source>
        <translation>Upload documents</translation>
    </message>
    <message>
        <source>Choose a folder to upload to first.</source>
        <translation>Choose a folder to upload to first.</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>Preparing %1…</translation>
    </message>
    <message>
        <source>Upload a new version</source>
        <translation>Upload a new version</translation>
    </message>
    <message>
        <source>%1 is queued: it uploads when the server can be reached.</source>
        <translation>%1 is queued: it uploads when the server can be reached.</translation>
    </message>
    <message>
        <source>%1 was not queued: %2</source>
        <translation>%1 was not queued: %2</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>the name is empty</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>longer than %1 characters</translation>
    </message>
    <message>
        <source>it contains hidden control characters</source>
        <translation>it contains hidden control characters</translation>
    </message>
    <message>
        <source>file names may not contain / \ : * ? &quot; &lt; &gt; |</source>
        <translation>file names may not contain / \ : * ? &quot; &lt; &gt; |</translation>
    </message>
    <message>
        <source>a name may not start or end with a space or end with a dot</source>
        <translation>a name may not start or end with a space or end with a dot</translation>
    </message>
    <message>
        <source>Windows reserves this name for devices</source>
        <translation>Windows reserves this name for devices</translation>
    </message>
    <message>
        <source>a file of this name (ignoring case) is already in the folder</source>
        <translation>a file of this name (ignoring case) is already in the folder</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>the file is larger than %1 MB</translation>
    </message>
    <message>
        <source>you may not add documents to this folder</source>
        <translation>you may not add documents to this folder</translation>
    </message>
    <message>
        <source>it is no longer available</source>
        <translation>it is no longer available</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>nothing changed</translation>
    </message>
    <message>
        <source>your file equals the server&apos;s version</source>
        <translation>your file equals the server&apos;s version</translation>
    </message>
    <message>
        <source>you cannot send a document to yourself</source>
        <translation>you cannot send a document to yourself</translation>
    </message>
    <message>
        <source>too many tags</source>
        <translation>too many tags</translation>
    </message>
    <message>
        <source>someone else has checked this document out: only they can change it until they check it in</source>
        <translation>someone else has checked this document out: only they can change it until they check it in</translation>
    </message>
    <message>
        <source>it is not on the server yet</source>
        <translation>it is not on the server yet</translation>
    </message>
    <message>
        <source>Sent: it goes out with the next sync.</source>
        <translation>Sent: it goes out with the next sync.</translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s) in your inbox.</source>
        <translation>
            <numerusform>%n new document in your inbox.</numerusform>
            <numerusform>%n new documents in your inbox.</numerusform>
        </translation>
    </message>
    <message>
        <source>unread</source>
        <translation>unread</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>not read yet</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(no note)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Read</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Sent on</translation>
    </message>
    <message>
        <source>Details saved: sent with the next sync.</source>
        <translation>Details saved: sent with the next sync.</translation>
    </message>
    <message>
        <source>You changed %1: upload it as a new version</source>
        <translation>You changed %1: upload it as a new version</translation>
    </message>
    <message>
        <source>Not kept offline: documents kept offline would take %1, more than the %2 your administrator allows. Stop keeping something else first.</source>
        <translation>Not kept offline: documents kept offline would take %1, more than the %2 your administrator allows. Stop keeping something else first.</translation>
    </message>
    <message numerus="yes">
        <source>Kept offline is full (%1): %n document(s) of the folders kept offline were not downloaded.</source>
        <translation>
            <numerusform>Kept offline is full (%1): %n document of the folders kept offline was not downloaded.</numerusform>
            <numerusform>Kept offline is full (%1): %n documents of the folders kept offline were not downloaded.</numerusform>
        </translation>
    </message>
    <message>
        <source>On this computer: %1</source>
        <translation>On this computer: %1</translation>
    </message>
    <message>
        <source>Kept offline: %1 of %2</source>
        <translation>Kept offline: %1 of %2</translation>
    </message>
    <message>
        <source>Stop keeping offline</source>
        <translation>Stop keeping offline</translation>
    </message>
    <message>
        <source>&amp;Keep offline</source>
        <translation>&amp;Keep offline</translation>
    </message>
    <message>
        <source>Stop keeping the folder offline</source>
        <translation>Stop keeping the folder offline</translation>
    </message>
    <message>
        <source>Keep the &amp;folder offline</source>
        <translation>Keep the &amp;folder offline</translation>
    </message>
    <message>
        <source>Search title, description, tags, file name or author</source>
        <translation>Search title, description, tags, file name or author</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>Search documents</translation>
    </message>
    <message>
        <source>Folders, inbox and sent documents</source>
        <translation>Folders, inbox and sent documents</translation>
    </message>
    <message>
        <source>Documents of the folder</source>
        <translation>Documents of the folder</translation>
    </message>
    <message>
        <source>Documents sent to you or by you</source>
        <translation>Documents sent to you or by you</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Document details</translation>
    </message>
    <message>
        <source>Note from the sender</source>
        <translation>Note from the sender</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>&amp;Upload…</translation>
    </message>
    <message>
        <source>New &amp;version…</source>
        <translation>New &amp;version…</translation>
    </message>
    <message>
        <source>Send &amp;to…</source>
        <translation>Send &amp;to…</translation>
    </message>
    <message>
        <source>&amp;Mark as read</source>
        <translation>&amp;Mark as read</translation>
    </message>
    <message>
        <source>Keep mine as newest</source>
        <translation>Keep mine as newest</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Keep both</translation>
    </message>
    <message>
        <source>Free up space</source>
        <translation>Free up space</translation>
    </message>
    <message>
        <source>Open in its &amp;program</source>
        <translation>Open in its &amp;program</translation>
    </message>
    <message>
        <source>Edit &amp;details…</source>
        <translation>Edit &amp;details…</translation>
    </message>
    <message>
        <source>Choose a folder on the left, then a document to preview it here.</source>
        <translation>Choose a folder on the left, then a document to preview it here.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
    <message>
        <source>Checked out: others cannot upload a version or change its details.</source>
        <translation>Checked out: others cannot upload a version or change its details.</translation>
    </message>
    <message>
        <source>Checked in: others can upload versions and change its details again.</source>
        <translation>Checked in: others can upload versions and change its details again.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Not done: %1</translation>
    </message>
    <message>
        <source>Upload cancelled: nothing of it stays on the server.</source>
        <translation>Upload cancelled: nothing of it stays on the server.</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Details of “%1”</source>
        <translation>Details of “%1”</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Tags, separated by commas</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>T&amp;ags</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send “%1” to…</source>
        <translation>Send “%1” to…</translation>
    </message>
    <message>
        <source>Type a colleague&apos;s name</source>
        <translation>Type a colleague&apos;s name</translation>
    </message>
    <message>
        <source>Search for a colleague</source>
        <translation>Search for a colleague</translation>
    </message>
    <message>
        <source>Colleagues found: tick those to send to</source>
        <translation>Colleagues found: tick those to send to</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Note to the recipients</source>
        <translation>Note to the recipients</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Choose at least one colleague to send to.</source>
        <translation>Choose at least one colleague to send to.</translation>
    </message>
    <message>
        <source>The note is too long (at most %1 characters).</source>
        <translation>The note is too long (at most %1 characters).</translation>
    </message>
</context>
<context>
    <name>UploadProgress</name>
    <message>
        <source>&amp;Cancel upload</source>
        <translation>&amp;Cancel upload</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Cancel upload</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Upload progress</translation>
    </message>
    <message>
        <source>Uploading %1: %2 of %3</source>
        <translation>Uploading %1: %2 of %3</translation>
    </message>
</context>
</TS>
