<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az">
<context>
    <name>CheckoutPanel</name>
    <message>
        <source>Check &amp;out for editing</source>
        <translation>Redaktə üçün &amp;götür</translation>
    </message>
    <message>
        <source>Check out for editing</source>
        <translation>Redaktə üçün götür</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>Redaktəni &amp;bitir</translation>
    </message>
    <message>
        <source>&amp;Release the check-out</source>
        <translation>Kilidi &amp;burax</translation>
    </message>
    <message>
        <source>Not checked out: anyone who may edit can upload a version.</source>
        <translation>Kilidlənməyib: redaktə hüququ olan hər kəs versiya yükləyə bilər.</translation>
    </message>
    <message>
        <source>You have checked this document out since %1. Others cannot upload a version or change its details until you check it in (at the latest %2).</source>
        <translation>Bu sənədi %1 tarixindən redaktə üçün götürmüsünüz. Kilidi buraxana qədər (ən gec %2) başqaları versiya yükləyə və ya onun məlumatlarını dəyişə bilməz.</translation>
    </message>
    <message>
        <source>Checked out by %1 since %2. Only they can upload a new version or change its details until they check it in (at the latest %3).</source>
        <translation>%2 tarixindən %1 redaktə üçün götürüb. Kilidi buraxana qədər (ən gec %3) yalnız o, yeni versiya yükləyə və ya sənədin məlumatlarını dəyişə bilər.</translation>
    </message>
    <message>
        <source>The server did not take your change to the details: %1 has checked this document out since %2. Your change is kept here: retry it in “Changes waiting” once they check it in, or discard it.</source>
        <translation>Server təfərrüatlara etdiyiniz dəyişikliyi qəbul etmədi: %1 bu sənədi %2 tarixindən redaktə üçün götürüb. Dəyişikliyiniz burada saxlanılır: kilid buraxılandan sonra onu «Gözləyən dəyişikliklər»də yenidən göndərin və ya ləğv edin.</translation>
    </message>
    <message>
        <source>The server did not check the document out for you: %1 has had it checked out since %2. Discard your check-out in “Changes waiting”.</source>
        <translation>Server sənədi sizin üçün redaktəyə götürmədi: %1 onu %2 tarixindən redaktə üçün götürüb. Redaktəyə götürmə sorğunuzu «Gözləyən dəyişikliklər»də ləğv edin.</translation>
    </message>
    <message>
        <source>The server did not take your new version: %1 has checked this document out since %2. Your file is kept here: retry it in “Changes waiting” once they check it in, or discard it.</source>
        <translation>Server yeni versiyanızı qəbul etmədi: %1 bu sənədi %2 tarixindən redaktə üçün götürüb. Faylınız burada saxlanılır: kilid buraxılandan sonra onu «Gözləyən dəyişikliklər»də yenidən göndərin və ya ləğv edin.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>kimsə</translation>
    </message>
</context>
<context>
    <name>ConflictSides</name>
    <message>
        <source>Opening…</source>
        <translation>Açılır…</translation>
    </message>
    <message>
        <source>Their version opens once the server can be reached.</source>
        <translation>Onların versiyası serverə qoşulduqda açılacaq.</translation>
    </message>
    <message>
        <source>No preview for this type of file.</source>
        <translation>Bu fayl növünə önbaxış yoxdur.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Uploaded by %1</source>
        <translation>Yükləyən: %1</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>Müəllif: %1</translation>
    </message>
    <message>
        <source>Yours (based on version %1)</source>
        <translation>Sizinki (%1-ci versiya əsasında)</translation>
    </message>
    <message>
        <source>Theirs (version %1 on the server)</source>
        <translation>Onlarınkı (serverdə %1-ci versiya)</translation>
    </message>
    <message>
        <source>Changed here %1</source>
        <translation>Burada dəyişdirilib: %1</translation>
    </message>
    <message>
        <source>Uploaded %1</source>
        <translation>Yüklənib: %1</translation>
    </message>
    <message>
        <source>Preview of your version</source>
        <translation>Sizin versiyanızın önbaxışı</translation>
    </message>
    <message>
        <source>Preview of their version</source>
        <translation>Onların versiyasının önbaxışı</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Title</source>
        <translation>Başlıq</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Növ</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Müəllif</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versiya</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ölçü</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Dəyişdirilib</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Vəziyyət</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>Yüklənməyi gözləyir</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Yüklənir</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Server qəbul etmədi</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Ziddiyyət</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Şəkil %1</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Mətn</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fayl</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documents</source>
        <translation>Sənədlər</translation>
    </message>
    <message>
        <source>ministry</source>
        <translation>nazirlik</translation>
    </message>
    <message>
        <source>department</source>
        <translation>şöbə</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>məhdud</translation>
    </message>
    <message>
        <source>kept offline</source>
        <translation>oflayn saxlanılır</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Bütün sənədlər</translation>
    </message>
    <message>
        <source>Kept offline</source>
        <translation>Oflayn saxlananlar</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Gələnlər</translation>
    </message>
    <message>
        <source>Inbox (%1 unread)</source>
        <translation>Gələnlər (%1 oxunmamış)</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Göndərilənlər</translation>
    </message>
    <message>
        <source>No documents match &quot;%1&quot;.</source>
        <translation>&quot;%1&quot; üzrə sənəd tapılmadı.</translation>
    </message>
    <message>
        <source>Nothing is kept offline yet. Open a document or a folder and choose Keep offline.</source>
        <translation>Hələ heç nə oflayn saxlanmır. Sənədi və ya qovluğu açın və «Oflayn saxla» seçin.</translation>
    </message>
    <message>
        <source>This folder is empty. Drag files here or choose Upload.</source>
        <translation>Qovluq boşdur. Faylları bura sürükləyin və ya «Yüklə» seçin.</translation>
    </message>
    <message>
        <source>No documents yet. They appear here after the first sync.</source>
        <translation>Hələ sənəd yoxdur. Onlar ilk sinxronizasiyadan sonra burada görünəcək.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n sənəd</numerusform>
            <numerusform>%n sənəd</numerusform>
        </translation>
    </message>
    <message>
        <source>This document is no longer available.</source>
        <translation>Bu sənəd artıq mövcud deyil.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Açılır…</translation>
    </message>
    <message>
        <source>File: %1 (%2, %3)</source>
        <translation>Fayl: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versiya %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Etiketlər: %1</translation>
    </message>
    <message>
        <source>%6 uploaded version %1 while yours waited.
Yours: %2, %3.
Theirs: %4, %5.</source>
        <translation>Sizinki gözləyərkən %6 %1 versiyasını yüklədi.
Sizinki: %2, %3.
Onlarınkı: %4, %5.</translation>
    </message>
    <message>
        <source>Someone uploaded version %1 while yours waited.
Yours: %2, %3.
Theirs: %4, %5.</source>
        <translation>Sizinki gözləyərkən başqası %1 versiyasını yüklədi.
Sizinki: %2, %3.
Onlarınkı: %4, %5.</translation>
    </message>
    <message>
        <source>No preview for this type of file. It is kept encrypted on this computer.</source>
        <translation>Bu fayl növü üçün önbaxış yoxdur. Fayl bu kompüterdə şifrələnmiş saxlanılır.</translation>
    </message>
    <message>
        <source>This document is not kept on this computer and the server cannot be reached. It opens once you are online.</source>
        <translation>Bu sənəd bu kompüterdə saxlanılmır və serverə qoşulmaq mümkün deyil. Şəbəkəyə qoşulduqdan sonra açılacaq.</translation>
    </message>
    <message>
        <source>Upload documents</source>
        <translation>Sənədləri yüklə</translation>
    </message>
    <message>
        <source>Choose a folder to upload to first.</source>
        <translation>Əvvəlcə yükləmək üçün qovluq seçin.</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>%1 hazırlanır…</translation>
    </message>
    <message>
        <source>Upload a new version</source>
        <translation>Yeni versiya yüklə</translation>
    </message>
    <message>
        <source>%1 is queued: it uploads when the server can be reached.</source>
        <translation>%1 növbəyə qoyuldu: serverə qoşulduqda yüklənəcək.</translation>
    </message>
    <message>
        <source>%1 was not queued: %2</source>
        <translation>%1 növbəyə qoyulmadı: %2</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>ad boşdur</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>%1 simvoldan uzundur</translation>
    </message>
    <message>
        <source>it contains hidden control characters</source>
        <translation>gizli idarəetmə simvolları var</translation>
    </message>
    <message>
        <source>file names may not contain / \ : * ? &quot; &lt; &gt; |</source>
        <translation>fayl adında / \ : * ? &quot; &lt; &gt; | ola bilməz</translation>
    </message>
    <message>
        <source>a name may not start or end with a space or end with a dot</source>
        <translation>ad boşluqla başlaya və ya bitə, nöqtə ilə bitə bilməz</translation>
    </message>
    <message>
        <source>Windows reserves this name for devices</source>
        <translation>Windows bu adı qurğular üçün saxlayır</translation>
    </message>
    <message>
        <source>a file of this name (ignoring case) is already in the folder</source>
        <translation>qovluqda bu adda (böyük-kiçik hərf fərqi nəzərə alınmadan) fayl artıq var</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>fayl %1 MB-dan böyükdür</translation>
    </message>
    <message>
        <source>you may not add documents to this folder</source>
        <translation>bu qovluğa sənəd əlavə edə bilməzsiniz</translation>
    </message>
    <message>
        <source>it is no longer available</source>
        <translation>artıq mövcud deyil</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>heç nə dəyişməyib</translation>
    </message>
    <message>
        <source>your file equals the server&apos;s version</source>
        <translation>faylınız serverdəki versiya ilə eynidir</translation>
    </message>
    <message>
        <source>you cannot send a document to yourself</source>
        <translation>sənədi özünüzə göndərə bilməzsiniz</translation>
    </message>
    <message>
        <source>too many tags</source>
        <translation>etiket çox çoxdur</translation>
    </message>
    <message>
        <source>someone else has checked this document out: only they can change it until they check it in</source>
        <translation>sənədi başqası redaktə üçün götürüb: kilidi buraxana qədər onu yalnız o dəyişə bilər</translation>
    </message>
    <message>
        <source>it is not on the server yet</source>
        <translation>hələ serverdə deyil</translation>
    </message>
    <message>
        <source>Sent: it goes out with the next sync.</source>
        <translation>Göndərildi: növbəti sinxronlaşdırma ilə çatdırılacaq.</translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s) in your inbox.</source>
        <translation>
            <numerusform>Gələnlərdə %n yeni sənəd var.</numerusform>
            <numerusform>Gələnlərdə %n yeni sənəd var.</numerusform>
        </translation>
    </message>
    <message>
        <source>unread</source>
        <translation>oxunmayıb</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>hələ oxunmayıb</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(qeyd yoxdur)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Kimdən</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Kimə</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Sənəd</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Oxunub</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Göndərilib</translation>
    </message>
    <message>
        <source>Details saved: sent with the next sync.</source>
        <translation>Məlumatlar saxlanıldı: növbəti sinxronlaşdırma ilə göndəriləcək.</translation>
    </message>
    <message>
        <source>You changed %1: upload it as a new version</source>
        <translation>%1 dəyişdirildi: yeni versiya kimi yüklə</translation>
    </message>
    <message>
        <source>Not kept offline: documents kept offline would take %1, more than the %2 your administrator allows. Stop keeping something else first.</source>
        <translation>Oflayn saxlanmadı: oflayn saxlanan sənədlər %1 tutardı, bu isə administratorunuzun icazə verdiyi %2 həddindən çoxdur. Əvvəlcə başqa bir şeyi oflayn saxlamağı dayandırın.</translation>
    </message>
    <message numerus="yes">
        <source>Kept offline is full (%1): %n document(s) of the folders kept offline were not downloaded.</source>
        <translation>
            <numerusform>Oflayn saxlama yeri doludur (%1): oflayn saxlanan qovluqlardan %n sənəd endirilmədi.</numerusform>
            <numerusform>Oflayn saxlama yeri doludur (%1): oflayn saxlanan qovluqlardan %n sənəd endirilmədi.</numerusform>
        </translation>
    </message>
    <message>
        <source>On this computer: %1</source>
        <translation>Bu kompüterdə: %1</translation>
    </message>
    <message>
        <source>Kept offline: %1 of %2</source>
        <translation>Oflayn saxlanır: %1 / %2</translation>
    </message>
    <message>
        <source>Stop keeping offline</source>
        <translation>Oflayn saxlamağı dayandır</translation>
    </message>
    <message>
        <source>&amp;Keep offline</source>
        <translation>&amp;Oflayn saxla</translation>
    </message>
    <message>
        <source>Stop keeping the folder offline</source>
        <translation>Qovluğu oflayn saxlamağı dayandır</translation>
    </message>
    <message>
        <source>Keep the &amp;folder offline</source>
        <translation>&amp;Qovluğu oflayn saxla</translation>
    </message>
    <message>
        <source>Search title, description, tags, file name or author</source>
        <translation>Başlıq, təsvir, etiket, fayl adı və ya müəllif üzrə axtarış</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>Sənədlərdə axtarış</translation>
    </message>
    <message>
        <source>Folders, inbox and sent documents</source>
        <translation>Qovluqlar, gələn və göndərilən sənədlər</translation>
    </message>
    <message>
        <source>Documents of the folder</source>
        <translation>Qovluğun sənədləri</translation>
    </message>
    <message>
        <source>Documents sent to you or by you</source>
        <translation>Sizə və ya sizin göndərdiyiniz sənədlər</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Önbaxış</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Sənədin məlumatları</translation>
    </message>
    <message>
        <source>Note from the sender</source>
        <translation>Göndərənin qeydi</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>&amp;Yüklə…</translation>
    </message>
    <message>
        <source>New &amp;version…</source>
        <translation>Yeni &amp;versiya…</translation>
    </message>
    <message>
        <source>Send &amp;to…</source>
        <translation>&amp;Göndər…</translation>
    </message>
    <message>
        <source>&amp;Mark as read</source>
        <translation>&amp;Oxunmuş kimi qeyd et</translation>
    </message>
    <message>
        <source>Keep mine as newest</source>
        <translation>Mənimkini ən yeni et</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Onlarınkını saxla</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Hər ikisini saxla</translation>
    </message>
    <message>
        <source>Free up space</source>
        <translation>Yer boşalt</translation>
    </message>
    <message>
        <source>Open in its &amp;program</source>
        <translation>Öz &amp;proqramında aç</translation>
    </message>
    <message>
        <source>Edit &amp;details…</source>
        <translation>&amp;Məlumatları dəyiş…</translation>
    </message>
    <message>
        <source>Choose a folder on the left, then a document to preview it here.</source>
        <translation>Soldan qovluq, sonra sənəd seçin: önbaxışı burada görünəcək.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Xəta baş verdi: %1</translation>
    </message>
    <message>
        <source>Checked out: others cannot upload a version or change its details.</source>
        <translation>Redaktə üçün götürüldü: başqaları versiya yükləyə və ya məlumatları dəyişə bilməz.</translation>
    </message>
    <message>
        <source>Checked in: others can upload versions and change its details again.</source>
        <translation>Kilid buraxıldı: başqaları yenidən versiya yükləyə və məlumatları dəyişə bilər.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Edilmədi: %1</translation>
    </message>
    <message>
        <source>Upload cancelled: nothing of it stays on the server.</source>
        <translation>Yükləmə ləğv edildi: serverdə ondan heç nə qalmır.</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Details of “%1”</source>
        <translation>«%1»: məlumatlar</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Başlıq</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Təsvir</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Etiketlər, vergüllə ayrılmış</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Başlıq</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Təsvir</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Etiketlər</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send “%1” to…</source>
        <translation>«%1» sənədini göndər…</translation>
    </message>
    <message>
        <source>Type a colleague&apos;s name</source>
        <translation>Həmkarın adını yazın</translation>
    </message>
    <message>
        <source>Search for a colleague</source>
        <translation>Həmkar axtarışı</translation>
    </message>
    <message>
        <source>Colleagues found: tick those to send to</source>
        <translation>Tapılan həmkarlar: göndəriləcəkləri işarələyin</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Qeyd</translation>
    </message>
    <message>
        <source>Note to the recipients</source>
        <translation>Alıcılara qeyd</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Göndər</translation>
    </message>
    <message>
        <source>Choose at least one colleague to send to.</source>
        <translation>Ən azı bir həmkar seçin.</translation>
    </message>
    <message>
        <source>The note is too long (at most %1 characters).</source>
        <translation>Qeyd çox uzundur (ən çoxu %1 simvol).</translation>
    </message>
</context>
<context>
    <name>UploadProgress</name>
    <message>
        <source>&amp;Cancel upload</source>
        <translation>Yükləməni &amp;ləğv et</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Yükləməni ləğv et</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Yükləmənin gedişi</translation>
    </message>
    <message>
        <source>Uploading %1: %2 of %3</source>
        <translation>%1 yüklənir: %3-dan %2</translation>
    </message>
</context>
</TS>
