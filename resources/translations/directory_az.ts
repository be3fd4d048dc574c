<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az">
<context>
    <name>ContactRow</name>
    <message>
        <source>Copied</source>
        <translation>Kopyalandı</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>Directory</source>
        <translation>Əməkdaşlar</translation>
    </message>
    <message>
        <source>No one matches &quot;%1&quot;.</source>
        <translation>«%1» üzrə heç kim tapılmadı.</translation>
    </message>
    <message>
        <source>No one works in this department.</source>
        <translation>Bu bölmədə əməkdaş yoxdur.</translation>
    </message>
    <message>
        <source>No people synced yet. They appear here after the first sync.</source>
        <translation>Əməkdaşların siyahısı hələ yüklənməyib. İlk sinxronlaşdırmadan sonra burada görünəcək.</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n əməkdaş</numerusform>
            <numerusform>%n əməkdaş</numerusform>
        </translation>
    </message>
    <message>
        <source>The directory could not be read. Try again.</source>
        <translation>Əməkdaşların siyahısını oxumaq mümkün olmadı. Bir azdan yenidən cəhd edin.</translation>
    </message>
    <message>
        <source>vCard 3.0, for Outlook and phones (*.vcf)</source>
        <translation>vCard 3.0, Outlook və telefonlar üçün (*.vcf)</translation>
    </message>
    <message>
        <source>vCard 4.0 (*.vcf)</source>
        <translation>vCard 4.0 (*.vcf)</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Kontaktı saxla</translation>
    </message>
    <message>
        <source>The file could not be saved to %1:
%2</source>
        <translation>Fayl %1 ünvanında saxlanılmadı:
%2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad, soyad</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Vəzifə</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>İş telefonu</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-poçt</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Otaq</translation>
    </message>
    <message>
        <source>%1 - phone list</source>
        <translation>%1 - telefon siyahısı</translation>
    </message>
    <message>
        <source>Export phone list</source>
        <translation>Telefon siyahısını ixrac et</translation>
    </message>
    <message>
        <source>CSV files for Excel (*.csv)</source>
        <translation>Excel üçün CSV faylları (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n people of %1 exported to %2</source>
        <translation>
            <numerusform>%1: %n əməkdaş %2 faylına ixrac olundu</numerusform>
            <numerusform>%1: %n əməkdaş %2 faylına ixrac olundu</numerusform>
        </translation>
    </message>
    <message>
        <source>Print phone list</source>
        <translation>Telefon siyahısını çap et</translation>
    </message>
    <message>
        <source>Phone list, %1</source>
        <translation>Telefon siyahısı, %1</translation>
    </message>
    <message numerus="yes">
        <source>The phone list of %1 (%n people) is printed.</source>
        <translation>
            <numerusform>%1 telefon siyahısı (%n əməkdaş) çapa göndərildi.</numerusform>
            <numerusform>%1 telefon siyahısı (%n əməkdaş) çapa göndərildi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search by name, position, phone or email (Ctrl+F)</source>
        <translation>Axtarış: ad, vəzifə, telefon və ya e-poçt (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the directory</source>
        <translation>Əməkdaşlar arasında axtarış</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Struktur bölmələr</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Əməkdaşlar</translation>
    </message>
    <message>
        <source>Export phone list…</source>
        <translation>Telefon siyahısını ixrac et…</translation>
    </message>
    <message>
        <source>Export the department&apos;s phone list</source>
        <translation>Şöbənin telefon siyahısını ixrac et</translation>
    </message>
    <message>
        <source>Save the chosen department&apos;s phone list as a CSV file for Excel</source>
        <translation>Seçilmiş şöbənin telefon siyahısını Excel üçün CSV faylı kimi saxla</translation>
    </message>
    <message>
        <source>Print phone list…</source>
        <translation>Telefon siyahısını çap et…</translation>
    </message>
    <message>
        <source>Print the department&apos;s phone list</source>
        <translation>Şöbənin telefon siyahısını çap et</translation>
    </message>
    <message>
        <source>Print the chosen department&apos;s phone list</source>
        <translation>Seçilmiş şöbənin telefon siyahısını çap et</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Axtarış</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Axtarışı təmizlə</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Şöbə</translation>
    </message>
    <message>
        <source>Whole ministry</source>
        <translation>Bütün nazirlik</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Rəhbər</translation>
    </message>
</context>
<context>
    <name>MyDetailsDialog</name>
    <message>
        <source>The change could not be saved on this computer. Please try again.</source>
        <translation>Dəyişiklik bu kompüterdə saxlanıla bilmədi. Yenidən cəhd edin.</translation>
    </message>
    <message>
        <source>Enter a work phone number; it cannot be removed.</source>
        <translation>İş telefonu nömrəsini daxil edin; onu silmək olmaz.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>Ən çoxu %n simvol.</numerusform>
            <numerusform>Ən çoxu %n simvol.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only digits, spaces and + - ( ) are allowed, with at least one digit.</source>
        <translation>Yalnız rəqəmlər, boşluqlar və + - ( ) olar, ən azı bir rəqəm olmaqla.</translation>
    </message>
    <message>
        <source>Use one line without control characters.</source>
        <translation>İdarəedici simvollar olmadan bir sətir yazın.</translation>
    </message>
    <message>
        <source>A number needs at least one digit.</source>
        <translation>Nömrədə ən azı bir rəqəm olmalıdır.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Heç nə dəyişdirilmədi.</translation>
    </message>
    <message>
        <source>You may change only your own details.</source>
        <translation>Yalnız öz məlumatlarınızı dəyişə bilərsiniz.</translation>
    </message>
    <message>
        <source>This person is no longer in the directory.</source>
        <translation>Bu şəxs artıq kataloqda yoxdur.</translation>
    </message>
    <message>
        <source>This value is not accepted.</source>
        <translation>Bu dəyər qəbul edilmir.</translation>
    </message>
    <message>
        <source>My details</source>
        <translation>Mənim məlumatlarım</translation>
    </message>
    <message>
        <source>Contact details of %1</source>
        <translation>%1 — əlaqə məlumatları</translation>
    </message>
    <message>
        <source>Your name, position and department come from the personnel system. The change is sent to the server when it is reachable.</source>
        <translation>Adınız, vəzifəniz və şöbəniz kadr sistemindən gəlir. Dəyişiklik server əlçatan olanda göndərilir.</translation>
    </message>
    <message>
        <source>&amp;Work phone:</source>
        <translation>&amp;İş telefonu:</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>İş telefonu</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>&amp;Mobil:</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>&amp;Otaq:</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Otaq</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>%1: problem</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Saxla</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
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
        <translation>Bu bildirişi bağla</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bildiriş</translation>
    </message>
</context>
<context>
    <name>PersonCardView</name>
    <message>
        <source>⚠ Conflict: this card was changed on the server while your change waited.</source>
        <translation>⚠ Ziddiyyət: dəyişikliyiniz gözləyərkən bu kart serverdə dəyişdirildi.</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Həll et…</translation>
    </message>
    <message>
        <source>⚠ The server refused your change: %1</source>
        <translation>⚠ Server dəyişikliyinizi rədd etdi: %1</translation>
    </message>
    <message>
        <source>Changes waiting…</source>
        <translation>Gözləyən dəyişikliklər…</translation>
    </message>
    <message>
        <source>Sending your change…</source>
        <translation>Dəyişikliyiniz göndərilir…</translation>
    </message>
    <message>
        <source>Your change is waiting to be sent.</source>
        <translation>Dəyişikliyiniz göndərilməyi gözləyir.</translation>
    </message>
    <message>
        <source>No mail program is set up on this computer, so the message could not be opened. Copy the address and write from your web mail.</source>
        <translation>Bu kompüterdə poçt proqramı qurulmayıb, ona görə məktub açılmadı. Ünvanı kopyalayın və veb-poçtdan yazın.</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Ünvanı kopyala</translation>
    </message>
    <message>
        <source>%1 is copied. Paste it into your web mail.</source>
        <translation>%1 kopyalandı. Onu veb-poçtda yapışdırın.</translation>
    </message>
    <message>
        <source>Contact saved to %1</source>
        <translation>Kontakt saxlanıldı: %1</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Geri</translation>
    </message>
    <message>
        <source>Back to the previous card (Alt+Left)</source>
        <translation>Əvvəlki karta qayıt (Alt+Sol ox)</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Şöbə:</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Rəhbər:</translation>
    </message>
    <message>
        <source>Work phone:</source>
        <translation>İş telefonu:</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>Mobil telefon:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>E-poçt:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Otaq:</translation>
    </message>
    <message>
        <source>&amp;Edit contact details…</source>
        <translation>Əlaqə məlumatlarını &amp;redaktə et…</translation>
    </message>
    <message>
        <source>Change the work phone, mobile and office</source>
        <translation>İş telefonunu, mobil nömrəni və otağı dəyişin</translation>
    </message>
    <message>
        <source>Edit contact details</source>
        <translation>Əlaqə məlumatlarını redaktə et</translation>
    </message>
    <message>
        <source>Write email</source>
        <translation>E-poçt yaz</translation>
    </message>
    <message>
        <source>Open a new message in your mail program</source>
        <translation>Poçt proqramında yeni məktub aç</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Kontaktı saxla</translation>
    </message>
    <message>
        <source>Save as a vCard file for Outlook or a phone</source>
        <translation>Outlook və ya telefon üçün vCard faylı kimi saxla</translation>
    </message>
    <message>
        <source>Open the manager&apos;s card</source>
        <translation>Rəhbərin kartını aç</translation>
    </message>
    <message>
        <source>Person card</source>
        <translation>Əməkdaşın kartı</translation>
    </message>
    <message>
        <source>Direct reports</source>
        <translation>Birbaşa tabeliyində olanlar</translation>
    </message>
    <message>
        <source>Copy the work phone</source>
        <translation>İş telefonunu kopyala</translation>
    </message>
    <message>
        <source>Copy the mobile number</source>
        <translation>Mobil nömrəni kopyala</translation>
    </message>
    <message>
        <source>Copy the email address</source>
        <translation>E-poçt ünvanını kopyala</translation>
    </message>
    <message>
        <source>Copy the office</source>
        <translation>Otaq məlumatını kopyala</translation>
    </message>
    <message>
        <source>This person is no longer in the directory.</source>
        <translation>Bu əməkdaş artıq siyahıda yoxdur.</translation>
    </message>
    <message>
        <source>Choose a person to see their card.</source>
        <translation>Kartını görmək üçün əməkdaşı seçin.</translation>
    </message>
    <message numerus="yes">
        <source>Direct reports (%n)</source>
        <translation>
            <numerusform>Tabeliyində olanlar (%n)</numerusform>
            <numerusform>Tabeliyində olanlar (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>və daha %n nəfər</numerusform>
            <numerusform>və daha %n nəfər</numerusform>
        </translation>
    </message>
</context>
</TS>
