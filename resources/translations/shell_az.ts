<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About the Intranet</source>
        <translation>İntranet haqqında</translation>
    </message>
    <message>
        <source>Intranet %1</source>
        <translation>İntranet %1</translation>
    </message>
    <message>
        <source>Ministry of Health of the Republic of Azerbaijan</source>
        <translation>Azərbaycan Respublikasının Səhiyyə Nazirliyi</translation>
    </message>
    <message>
        <source>Encrypted; the key is kept in this computer&apos;s credential store.</source>
        <translation>Şifrələnib; açar bu kompüterin etimadnamə anbarında saxlanılır.</translation>
    </message>
    <message>
        <source>Encrypted; your password is asked at each start.</source>
        <translation>Şifrələnib; şifrəniz hər açılışda soruşulur.</translation>
    </message>
    <message>
        <source>Encrypted; this computer has no credential store, so your password is asked at each start.</source>
        <translation>Şifrələnib; bu kompüterdə etimadnamə anbarı olmadığı üçün şifrəniz hər açılışda soruşulur.</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>İstifadəçi:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Offline data:</source>
        <translation>Oflayn məlumatlar:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versiya:</translation>
    </message>
    <message>
        <source>Policies in effect…</source>
        <translation>Qüvvədə olan siyasətlər…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
</context>
<context>
    <name>ChangeWords</name>
    <message>
        <source>work phone</source>
        <translation>iş telefonu</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>mobil</translation>
    </message>
    <message>
        <source>office</source>
        <translation>otaq</translation>
    </message>
    <message>
        <source>title</source>
        <translation>başlıq</translation>
    </message>
    <message>
        <source>description</source>
        <translation>təsvir</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>etiketlər</translation>
    </message>
    <message>
        <source>room</source>
        <translation>otaq</translation>
    </message>
    <message>
        <source>start</source>
        <translation>başlanğıc</translation>
    </message>
    <message>
        <source>end</source>
        <translation>son</translation>
    </message>
    <message>
        <source>every</source>
        <translation>həftənin günləri</translation>
    </message>
    <message>
        <source>time</source>
        <translation>vaxt</translation>
    </message>
    <message>
        <source>from – to</source>
        <translation>başlanğıc – son</translation>
    </message>
    <message>
        <source>occurrences</source>
        <translation>görüşlərin sayı</translation>
    </message>
    <message>
        <source>Contact details of %1</source>
        <translation>%1 — əlaqə məlumatları</translation>
    </message>
    <message>
        <source>Card of %1</source>
        <translation>%1 — kart</translation>
    </message>
    <message>
        <source>Change to %1</source>
        <translation>%1 — dəyişiklik</translation>
    </message>
    <message>
        <source>New booking: %1</source>
        <translation>Yeni bron: %1</translation>
    </message>
    <message>
        <source>Changed booking: %1</source>
        <translation>Dəyişdirilmiş bron: %1</translation>
    </message>
    <message>
        <source>Cancelled booking: %1</source>
        <translation>Ləğv edilmiş bron: %1</translation>
    </message>
    <message>
        <source>Upload of %1</source>
        <translation>%1 yüklənməsi</translation>
    </message>
    <message>
        <source>New version of %1</source>
        <translation>%1: yeni versiya</translation>
    </message>
    <message>
        <source>Details of %1</source>
        <translation>%1: məlumatlar</translation>
    </message>
    <message>
        <source>%1 sent to %2</source>
        <translation>%1 göndərildi: %2</translation>
    </message>
    <message>
        <source>%1 marked as read</source>
        <translation>%1 oxunmuş kimi qeyd edildi</translation>
    </message>
</context>
<context>
    <name>ChangesWindow</name>
    <message>
        <source>The list could not be read. Please try again.</source>
        <translation>Siyahını oxumaq olmadı. Yenidən cəhd edin.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Rədd edildi: %1</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Ziddiyyət: %1</translation>
    </message>
    <message>
        <source>Waiting for the change before it</source>
        <translation>Əvvəlki dəyişikliyi gözləyir</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Göndərilir</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Göndərilməyi gözləyir</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rədd edildi</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Ziddiyyət</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Dəyişikliyi ləğv et</translation>
    </message>
    <message>
        <source>Discard “%1”? The record goes back to the version on the server; this cannot be undone.</source>
        <translation>“%1” ləğv edilsin? Qeyd serverdəki versiyaya qayıdır; bunu geri qaytarmaq olmaz.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <source>Keep the change</source>
        <translation>Dəyişikliyi saxla</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>Gözləyən dəyişikliklər</translation>
    </message>
    <message>
        <source>Changes made on this computer that the server has not accepted yet, oldest first. They are sent on their own when the server is reachable.</source>
        <translation>Bu kompüterdə edilən və server tərəfindən hələ qəbul edilməmiş dəyişikliklər, ən köhnəsi əvvəldə. Server əlçatan olanda özləri göndərilir.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Dəyişiklik</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Edilib</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Vəziyyət</translation>
    </message>
    <message>
        <source>Column headings</source>
        <translation>Sütun başlıqları</translation>
    </message>
    <message>
        <source>Nothing is waiting: the server has accepted every change made here.</source>
        <translation>Gözləyən heç nə yoxdur: server burada edilən bütün dəyişiklikləri qəbul edib.</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;İndi yenidən göndər</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>İndi yenidən göndər</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Ləğv et…</translation>
    </message>
    <message>
        <source>&amp;Open the record</source>
        <translation>Qeydi &amp;aç</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Qeydi aç</translation>
    </message>
    <message>
        <source>Re&amp;solve the conflict…</source>
        <translation>Ziddiyyəti &amp;həll et…</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>Ziddiyyəti həll et</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <source>About the chosen change</source>
        <translation>Seçilmiş dəyişiklik haqqında</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>%1 changed it on the server (%2).</source>
        <translation>%1 onu serverdə dəyişdi (%2).</translation>
    </message>
    <message>
        <source>%1 changed it on the server.</source>
        <translation>%1 onu serverdə dəyişdi.</translation>
    </message>
    <message>
        <source>It was changed on the server (%1).</source>
        <translation>O, serverdə dəyişdirilib (%1).</translation>
    </message>
    <message>
        <source>It was changed on the server.</source>
        <translation>O, serverdə dəyişdirilib.</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>Hər iki tərəfdə dəyişdirilib</translation>
    </message>
    <message>
        <source>This meeting series was changed on the server while your change to the whole series waited to be sent. Choose which version of the series to keep.</source>
        <translation>Bütün seriyaya etdiyiniz dəyişiklik göndərilməyi gözləyərkən bu görüş seriyası serverdə dəyişdirildi. Seriyanın hansı variantının saxlanacağını seçin.</translation>
    </message>
    <message>
        <source>This record was changed on the server while your change waited to be sent. Choose which version to keep.</source>
        <translation>Dəyişikliyiniz göndərilməyi gözləyərkən bu qeyd serverdə dəyişdirildi. Hansı versiyanın saxlanacağını seçin.</translation>
    </message>
    <message>
        <source>Both versions, field by field</source>
        <translation>Hər iki versiya, sahə-sahə</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Sahə</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Sizin versiya</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Serverdə</translation>
    </message>
    <message numerus="yes">
        <source>%1 marks the fields that differ (%n field(s)).</source>
        <translation>
            <numerusform>%1 fərqlənən sahələri işarələyir (%n sahə).</numerusform>
            <numerusform>%1 fərqlənən sahələri işarələyir (%n sahə).</numerusform>
        </translation>
    </message>
    <message>
        <source>differs</source>
        <translation>fərqlənir</translation>
    </message>
    <message>
        <source>Your version of %1</source>
        <translation>%1: sizin versiya</translation>
    </message>
    <message>
        <source>The server&apos;s version of %1</source>
        <translation>%1: serverdəki versiya</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Mənimkini saxla</translation>
    </message>
    <message>
        <source>Send your version again, over the server&apos;s</source>
        <translation>Versiyanızı serverdəkinin üzərinə yenidən göndərin</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Mənimkini saxla</translation>
    </message>
    <message>
        <source>&amp;Take the server&apos;s</source>
        <translation>&amp;Serverdəkini götür</translation>
    </message>
    <message>
        <source>Drop your change and show the server&apos;s version</source>
        <translation>Dəyişikliyinizi ləğv edib serverdəki versiyanı göstərin</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>Serverdəkini götür</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Redaktə et…</translation>
    </message>
    <message>
        <source>Change your version before sending it again</source>
        <translation>Yenidən göndərməzdən əvvəl versiyanızı dəyişin</translation>
    </message>
    <message>
        <source>Edit my version</source>
        <translation>Mənim versiyamı redaktə et</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Sonra qərar ver</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide — Intranet</source>
        <translation>İstifadəçi bələdçisi — İntranet</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>İstifadəçi bələdçisi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>İstifadəçi bələdçisi bu quraşdırmada yoxdur.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Log folder</source>
        <translation>Jurnal qovluğu</translation>
    </message>
    <message>
        <source>The log folder could not be opened. You find the logs here:</source>
        <translation>Jurnal qovluğunu açmaq mümkün olmadı. Jurnallar buradadır:</translation>
    </message>
</context>
<context>
    <name>HelpdeskDialog</name>
    <message>
        <source>Helpdesk</source>
        <translation>Texniki dəstək</translation>
    </message>
    <message>
        <source>Helpdesk contact</source>
        <translation>Texniki dəstəyin əlaqə məlumatları</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>E-poçt: %1</translation>
    </message>
    <message>
        <source>Web: %1</source>
        <translation>Sayt: %1</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>The Intranet is locked</source>
        <translation>İntranet kilidlənib</translation>
    </message>
    <message>
        <source>The window was locked after a period of inactivity. Enter the password of %1 to continue.</source>
        <translation>Pəncərə fəaliyyətsizlik səbəbindən kilidlənib. Davam etmək üçün %1 istifadəçisinin şifrəsini daxil edin.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Yoxlanılır…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Kilidi aç</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sistemdən çıx</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Şifrə</translation>
    </message>
    <message>
        <source>The password is incorrect.</source>
        <translation>Şifrə yanlışdır.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intranet — Ministry of Health</source>
        <translation>İntranet — Səhiyyə Nazirliyi</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Yenidən daxil olun</translation>
    </message>
    <message>
        <source>Sign in now</source>
        <translation>İndi daxil ol</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Sonra</translation>
    </message>
    <message>
        <source>Working offline. Sign in again to synchronise.</source>
        <translation>Oflayn rejimdə işləyirsiniz. Sinxronlaşdırmaq üçün yenidən daxil olun.</translation>
    </message>
    <message>
        <source>All Intranet data kept on this computer for your account will be removed. You will need the network to sign in again.</source>
        <translation>Hesabınız üçün bu kompüterdə saxlanılan bütün İntranet məlumatları silinəcək. Yenidən daxil olmaq üçün şəbəkə bağlantısı lazım olacaq.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent to the server will be lost.</source>
        <translation>
            <numerusform>Serverə hələ göndərilməmiş %n dəyişiklik itiriləcək.</numerusform>
            <numerusform>Serverə hələ göndərilməmiş %n dəyişiklik itiriləcək.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove offline data</source>
        <translation>Oflayn məlumatların silinməsi</translation>
    </message>
    <message>
        <source>Remove and sign out</source>
        <translation>Sil və çıx</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <source>Intranet</source>
        <translation>İntranet</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aydındır</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Intranet</source>
        <translation>&amp;İntranet</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Dil</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Kömək</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>İndi &amp;sinxronlaşdır</translation>
    </message>
    <message>
        <source>Send your changes and receive the latest data</source>
        <translation>Dəyişikliklərinizi göndərin və ən son məlumatları alın</translation>
    </message>
    <message>
        <source>&amp;Changes waiting…</source>
        <translation>&amp;Gözləyən dəyişikliklər…</translation>
    </message>
    <message>
        <source>Changes not yet accepted by the server</source>
        <translation>Server tərəfindən hələ qəbul edilməmiş dəyişikliklər</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sistemdən &amp;çıx</translation>
    </message>
    <message>
        <source>Sign out and &amp;remove offline data…</source>
        <translation>Çıx və oflayn məlumatları si&amp;l…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Proqramı &amp;bağla</translation>
    </message>
    <message>
        <source>&amp;About the Intranet</source>
        <translation>İntranet &amp;haqqında</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>İstifadəçi &amp;bələdçisi</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>&amp;Jurnal qovluğunu aç</translation>
    </message>
    <message>
        <source>Contact the &amp;helpdesk…</source>
        <translation>Texniki &amp;dəstəklə əlaqə…</translation>
    </message>
    <message>
        <source>&amp;Policies in effect…</source>
        <translation>Qüvvədə olan &amp;siyasətlər…</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Təşkilatınız tərəfindən təyin edilib</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The username or password is incorrect.</source>
        <translation>İstifadəçi adı və ya şifrə yanlışdır.</translation>
    </message>
    <message>
        <source>The password is incorrect. The server cannot be reached, so the password was checked against the offline data on this computer.</source>
        <translation>Şifrə yanlışdır. Serverlə əlaqə olmadığı üçün şifrə bu kompüterdəki oflayn məlumatlarla yoxlanıldı.</translation>
    </message>
    <message numerus="yes">
        <source>The next attempt is possible in %n second(s).</source>
        <translation>
            <numerusform>Növbəti cəhd %n saniyədən sonra mümkündür.</numerusform>
            <numerusform>Növbəti cəhd %n saniyədən sonra mümkündür.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. Check the network connection. To work offline, sign in once on this computer while connected.</source>
        <translation>%1 serveri ilə əlaqə yaratmaq mümkün deyil. Şəbəkə bağlantısını yoxlayın. Oflayn işləmək üçün əvvəlcə bu kompüterdə şəbəkəyə qoşulu halda bir dəfə daxil olun.</translation>
    </message>
    <message>
        <source>The server is not available right now. Please try again in a few minutes.</source>
        <translation>Server hazırda əlçatan deyil. Bir neçə dəqiqədən sonra yenidən cəhd edin.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please try again in %n second(s).</source>
        <translation>
            <numerusform>Həddən artıq cəhd edildi. %n saniyədən sonra yenidən cəhd edin.</numerusform>
            <numerusform>Həddən artıq cəhd edildi. %n saniyədən sonra yenidən cəhd edin.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please try again later.</source>
        <translation>Həddən artıq cəhd edildi. Bir qədər sonra yenidən cəhd edin.</translation>
    </message>
    <message numerus="yes">
        <source>You have worked offline for longer than allowed (%n day(s)). Connect to the ministry network once to continue.</source>
        <translation>
            <numerusform>İcazə verilən müddətdən (%n gün) artıq oflayn işləmisiniz. Davam etmək üçün bir dəfə nazirliyin şəbəkəsinə qoşulun.</numerusform>
            <numerusform>İcazə verilən müddətdən (%n gün) artıq oflayn işləmisiniz. Davam etmək üçün bir dəfə nazirliyin şəbəkəsinə qoşulun.</numerusform>
        </translation>
    </message>
    <message>
        <source>An administrator has disconnected this computer from the Intranet. The offline data on this computer was removed. Sign in to register the computer again.</source>
        <translation>Administrator bu kompüteri İntranetdən ayırıb. Bu kompüterdəki oflayn məlumatlar silindi. Kompüteri yenidən qeydiyyatdan keçirmək üçün daxil olun.</translation>
    </message>
    <message>
        <source>An administrator had disconnected this computer from the Intranet, so its offline data was removed. The computer is registered again and your data is being downloaded.</source>
        <translation>Administrator bu kompüteri İntranetdən ayırmışdı, ona görə də onun oflayn məlumatları silindi. Kompüter yenidən qeydiyyatdan keçirildi, məlumatlarınız yüklənir.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Please sign in again to synchronise your data.</source>
        <translation>Sessiyanızın müddəti başa çatıb. Məlumatlarınızı sinxronlaşdırmaq üçün yenidən daxil olun.</translation>
    </message>
    <message>
        <source>The offline data on this computer cannot be opened. Please contact the service desk.</source>
        <translation>Bu kompüterdəki oflayn məlumatları açmaq mümkün deyil. Texniki dəstək xidmətinə müraciət edin.</translation>
    </message>
    <message>
        <source>The offline data on this computer was written by a newer version of the application. Please update the application.</source>
        <translation>Bu kompüterdəki oflayn məlumatlar proqramın daha yeni versiyası ilə yaradılıb. Proqramı yeniləyin.</translation>
    </message>
    <message>
        <source>There is no offline data for this user on this computer. Connect to the network and sign in online first.</source>
        <translation>Bu kompüterdə həmin istifadəçinin oflayn məlumatları yoxdur. Şəbəkəyə qoşulun və əvvəlcə onlayn daxil olun.</translation>
    </message>
    <message>
        <source>The server sent an answer the application does not understand.</source>
        <translation>Server proqramın emal edə bilmədiyi cavab göndərdi.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Please try again.</source>
        <translation>Xəta baş verdi (%1). Yenidən cəhd edin.</translation>
    </message>
    <message>
        <source>The folder for the offline data is too long for Windows (more than 260 characters): %1. Please ask your service desk to choose a shorter one.</source>
        <translation>Oflayn məlumatlar üçün qovluğun yolu Windows üçün çox uzundur (260 simvoldan çox): %1. Xahiş edirik, texniki dəstək xidmətindən daha qısa qovluq seçməyi istəyin.</translation>
    </message>
</context>
<context>
    <name>PoliciesDialog</name>
    <message>
        <source>Policies in effect</source>
        <translation>Qüvvədə olan siyasətlər</translation>
    </message>
    <message>
        <source>The settings below decide how the Intranet works on this computer. Those set by your organisation cannot be changed in the app.</source>
        <translation>Aşağıdakı parametrlər İntranetin bu kompüterdə necə işlədiyini müəyyən edir. Təşkilatınızın təyin etdiklərini tətbiqdə dəyişmək olmaz.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Sütunlar</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Parametr</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Dəyər</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Mənbə</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Təşkilatınız tərəfindən təyin edilib</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Sistemin dili</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>İcazə verilir</translation>
    </message>
    <message>
        <source>Only the system&apos;s certificates</source>
        <translation>Yalnız sistemin sertifikatları</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Təyin edilməyib</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>İcazə verilmir</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Heç vaxt</translation>
    </message>
    <message>
        <source>Set by your organisation (computer policy)</source>
        <translation>Təşkilatınız tərəfindən təyin edilib (kompüter siyasəti)</translation>
    </message>
    <message>
        <source>Set by your organisation (user policy)</source>
        <translation>Təşkilatınız tərəfindən təyin edilib (istifadəçi siyasəti)</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>Sizin seçiminiz</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standart</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;Tamam</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Saxla</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Ləğv et</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Bağla</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Saxlamadan bağla</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Təfərrüatları göstər...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Təfərrüatları gizlət...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Tamam</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Saxla</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Hamısını saxla</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Aç</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Bəli</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>&amp;Hamısına bəli</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Xeyr</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Hamısına x&amp;eyr</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Dayandır</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Yenidən cəhd et</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Nəzərə alma</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bağla</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ləğv et</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Saxlamadan at</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Kömək</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Tətbiq et</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Sıfırla</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>İlkin dəyərləri bərpa et</translation>
    </message>
</context>
<context>
    <name>ShellApp</name>
    <message>
        <source>The server cannot be reached: you are working with the data kept on this computer. Changes will be sent when the connection returns.</source>
        <translation>Serverlə əlaqə yoxdur: bu kompüterdə saxlanılan məlumatlarla işləyirsiniz. Dəyişikliklər əlaqə bərpa olunanda göndəriləcək.</translation>
    </message>
    <message>
        <source>This computer has no credential store: your password will be asked at each start.</source>
        <translation>Bu kompüterdə etimadnamə anbarı yoxdur: şifrəniz hər açılışda soruşulacaq.</translation>
    </message>
    <message>
        <source>The offline data on this computer was removed.</source>
        <translation>Bu kompüterdəki oflayn məlumatlar silindi.</translation>
    </message>
    <message>
        <source>Preparing the demonstration server…</source>
        <translation>Nümayiş serveri hazırlanır…</translation>
    </message>
    <message>
        <source>The demonstration server could not be started: %1</source>
        <translation>Nümayiş serverini işə salmaq mümkün olmadı: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Ministry Intranet</source>
        <translation>Daxil ol — Nazirliyin İntraneti</translation>
    </message>
    <message>
        <source>Ministry of Health of the Republic of Azerbaijan</source>
        <translation>Azərbaycan Respublikasının Səhiyyə Nazirliyi</translation>
    </message>
    <message>
        <source>Intranet</source>
        <translation>İntranet</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Server ünvanı:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>İstifadəçi adı:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Şifrə:</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Təşkilatınız tərəfindən təyin edilib</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Bu kompüterdə məni yadda saxla</translation>
    </message>
    <message>
        <source>Remember me on this computer (set by your organisation)</source>
        <translation>Bu kompüterdə məni xatırla (təşkilatınız tərəfindən təyin edilib)</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Administrator tərəfindən təyin edilib</translation>
    </message>
    <message>
        <source>e.g. turane.ceferli</source>
        <translation>məs., turane.ceferli</translation>
    </message>
    <message>
        <source>This computer has no working credential store, so the Intranet cannot remember you: your password will be asked at each start.</source>
        <translation>Bu kompüterdə işlək etimadnamə anbarı yoxdur, ona görə İntranet sizi yadda saxlaya bilmir: şifrəniz hər açılışda soruşulacaq.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Çıxış</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Dil:</translation>
    </message>
    <message>
        <source>Enter the server address, e.g. https://intranet.health.gov.az.</source>
        <translation>Server ünvanını daxil edin, məsələn: https://intranet.health.gov.az.</translation>
    </message>
    <message>
        <source>The server address cannot contain spaces.</source>
        <translation>Server ünvanında boşluq ola bilməz.</translation>
    </message>
    <message>
        <source>The server address must begin with https:// (or be a bare name such as intranet.health.gov.az).</source>
        <translation>Server ünvanı https:// ilə başlamalıdır (və ya sadəcə intranet.health.gov.az kimi ad olmalıdır).</translation>
    </message>
    <message>
        <source>The server address has no server name, e.g. intranet.health.gov.az.</source>
        <translation>Server ünvanında serverin adı yoxdur (məsələn, intranet.health.gov.az).</translation>
    </message>
    <message>
        <source>The port after the colon in the server address must be a number from 1 to 65535.</source>
        <translation>Server ünvanında iki nöqtədən sonrakı port 1 ilə 65535 arasında ədəd olmalıdır.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>İstifadəçi adınızı daxil edin.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Şifrənizi daxil edin.</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n s</source>
        <translation>
            <numerusform>Gözləyin: %n san.</numerusform>
            <numerusform>Gözləyin: %n san.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Daxil olunur…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Daxil ol</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The Intranet cannot start</source>
        <translation>İntranet işə düşə bilmir</translation>
    </message>
    <message>
        <source>This installation of the Intranet is incomplete. Please ask your service desk to repair or reinstall it.</source>
        <translation>İntranetin bu quraşdırması natamamdır. Xahiş edirik, texniki dəstək xidmətindən onu bərpa etməyi və ya yenidən quraşdırmağı istəyin.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Sending changes</source>
        <translation>Dəyişikliklər göndərilir</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Əməkdaşlar</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Struktur bölmələr</translation>
    </message>
    <message>
        <source>Meeting rooms</source>
        <translation>İclas otaqları</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Rezervasiyalar</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Qovluqlar</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Sənədlər</translation>
    </message>
    <message>
        <source>Shared documents</source>
        <translation>Paylaşılan sənədlər</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>Reyestrlər</translation>
    </message>
    <message>
        <source>Registry rows</source>
        <translation>Reyestr qeydləri</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regionlar</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Göstəricilər</translation>
    </message>
    <message>
        <source>Indicator values</source>
        <translation>Göstərici dəyərləri</translation>
    </message>
    <message>
        <source>Preparing registry search</source>
        <translation>Reyestr axtarışı hazırlanır</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Onlayn</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Oflayn</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Sinxronlaşdırılır…</translation>
    </message>
    <message>
        <source>Offline, trying to connect…</source>
        <translation>Oflayn, qoşulmağa cəhd edilir…</translation>
    </message>
    <message numerus="yes">
        <source>Offline, next try in %n s</source>
        <translation>
            <numerusform>Oflayn, növbəti cəhd %n san. sonra</numerusform>
            <numerusform>Oflayn, növbəti cəhd %n san. sonra</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes are kept on this computer and sent when the server is reachable.</source>
        <translation>Dəyişikliklər bu kompüterdə saxlanılır və serverlə əlaqə bərpa olunanda göndərilir.</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Hələ sinxronlaşdırılmayıb</translation>
    </message>
    <message>
        <source>Last synchronised: %1</source>
        <translation>Son sinxronlaşdırma: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>Göndərilməyi gözləyən dəyişiklik: %n</numerusform>
            <numerusform>Göndərilməyi gözləyən dəyişiklik: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the changes waiting to be sent</source>
        <translation>Göndərilməyi gözləyən dəyişiklikləri göstər</translation>
    </message>
    <message>
        <source>Stop the synchronisation</source>
        <translation>Sinxronlaşdırmanı dayandır</translation>
    </message>
    <message>
        <source>Checking for changes…</source>
        <translation>Dəyişikliklər yoxlanılır…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1; still to come: %2</source>
        <translation>%1; hələ gələcək: %2</translation>
    </message>
</context>
<context>
    <name>WriteErrors</name>
    <message>
        <source>The server could not read the change. Discard it and make it again.</source>
        <translation>Server dəyişikliyi oxuya bilmədi. Onu ləğv edib yenidən edin.</translation>
    </message>
    <message>
        <source>The change was sent without its one-time key. Discard it and make it again.</source>
        <translation>Dəyişiklik birdəfəlik açarı olmadan göndərildi. Onu ləğv edib yenidən edin.</translation>
    </message>
    <message>
        <source>The change carries a one-time key the server does not accept. Discard it and make it again.</source>
        <translation>Dəyişikliyin birdəfəlik açarını server qəbul etmir. Onu ləğv edib yenidən edin.</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in again and the change will be sent.</source>
        <translation>Siz daxil olmamısınız. Yenidən daxil olun, dəyişiklik göndəriləcək.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Sign in again and the change will be sent.</source>
        <translation>Girişinizin müddəti bitib. Yenidən daxil olun, dəyişiklik göndəriləcək.</translation>
    </message>
    <message>
        <source>An administrator has disconnected this computer from the Intranet.</source>
        <translation>Administrator bu kompüteri İntranetdən ayırıb.</translation>
    </message>
    <message>
        <source>You are not allowed to make this change.</source>
        <translation>Bu dəyişikliyi etməyə icazəniz yoxdur.</translation>
    </message>
    <message>
        <source>The record no longer exists on the server.</source>
        <translation>Qeyd artıq serverdə yoxdur.</translation>
    </message>
    <message>
        <source>The server does not accept this kind of change.</source>
        <translation>Server bu növ dəyişikliyi qəbul etmir.</translation>
    </message>
    <message>
        <source>The server cannot answer in a form the application reads.</source>
        <translation>Server proqramın oxuya biləcəyi formada cavab verə bilmir.</translation>
    </message>
    <message>
        <source>The room is already booked for this time.</source>
        <translation>Otaq bu vaxt üçün artıq bron edilib.</translation>
    </message>
    <message>
        <source>The server is still working on this change. It will be checked again.</source>
        <translation>Server hələ bu dəyişiklik üzərində işləyir. Yenidən yoxlanılacaq.</translation>
    </message>
    <message>
        <source>The data on this computer must be synchronised again from the start.</source>
        <translation>Bu kompüterdəki məlumatlar yenidən əvvəldən sinxronlaşdırılmalıdır.</translation>
    </message>
    <message>
        <source>Someone changed this record on the server meanwhile. Choose which version to keep.</source>
        <translation>Bu arada kimsə qeydi serverdə dəyişdi. Hansı versiyanın saxlanacağını seçin.</translation>
    </message>
    <message>
        <source>The change is larger than the server accepts.</source>
        <translation>Dəyişiklik serverin qəbul etdiyindən böyükdür.</translation>
    </message>
    <message>
        <source>The server does not accept this type of file.</source>
        <translation>Server bu fayl növünü qəbul etmir.</translation>
    </message>
    <message>
        <source>The requested part of the file does not exist.</source>
        <translation>Faylın istənilən hissəsi yoxdur.</translation>
    </message>
    <message>
        <source>The server did not accept the values: %1</source>
        <translation>Server dəyərləri qəbul etmədi: %1</translation>
    </message>
    <message>
        <source>The server already received a different change under the same key. Discard this one and make it again.</source>
        <translation>Server eyni açarla başqa dəyişiklik artıq alıb. Bunu ləğv edib yenidən edin.</translation>
    </message>
    <message>
        <source>The change was sent without the version it builds on. Discard it and make it again.</source>
        <translation>Dəyişiklik əsaslandığı versiya olmadan göndərildi. Onu ləğv edib yenidən edin.</translation>
    </message>
    <message>
        <source>Too many changes at once. The change will be sent again shortly.</source>
        <translation>Eyni anda çox dəyişiklik var. Dəyişiklik tezliklə yenidən göndəriləcək.</translation>
    </message>
    <message>
        <source>Nobody checked in within 15 minutes of the start, so the room was released. Book it again if it is still free.</source>
        <translation>Başlanğıcdan sonra 15 dəqiqə ərzində heç kim qeydiyyatdan keçmədi, ona görə otaq boşaldıldı. Hələ boşdursa, yenidən bron edin.</translation>
    </message>
    <message>
        <source>The room is closed at that time: book within its opening hours.</source>
        <translation>Otaq həmin vaxt bağlıdır: iş saatları daxilində bron edin.</translation>
    </message>
    <message>
        <source>Someone else has checked this document out for editing. Send your change once they check it in, or discard it.</source>
        <translation>Bu sənədi redaktə üçün başqası götürüb. O, sənədi qaytardıqdan sonra dəyişikliyinizi göndərin və ya onu ləğv edin.</translation>
    </message>
    <message>
        <source>The upload was cancelled or has expired. It will be sent again.</source>
        <translation>Yükləmə ləğv edilib və ya müddəti bitib. Fayl yenidən göndəriləcək.</translation>
    </message>
    <message>
        <source>The server has not received the whole file yet. It will be sent again.</source>
        <translation>Server faylın hamısını hələ almayıb. Fayl yenidən göndəriləcək.</translation>
    </message>
    <message>
        <source>The upload lost its place. It continues from what the server has.</source>
        <translation>Yükləmə yerini itirdi. Serverdə olan hissədən davam edir.</translation>
    </message>
    <message>
        <source>The change collides with the server&apos;s data.</source>
        <translation>Dəyişiklik serverdəki məlumatlarla toqquşur.</translation>
    </message>
    <message>
        <source>The record is gone from the server.</source>
        <translation>Qeyd serverdən silinib.</translation>
    </message>
    <message>
        <source>The server did not accept the values.</source>
        <translation>Server dəyərləri qəbul etmədi.</translation>
    </message>
    <message>
        <source>The server refused the change.</source>
        <translation>Server dəyişikliyi rədd etdi.</translation>
    </message>
</context>
</TS>
