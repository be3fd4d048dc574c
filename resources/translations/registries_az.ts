<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az">
<context>
    <name>FilterRow</name>
    <message>
        <source>All</source>
        <translation>Hamısı</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>Rəqəm deyil</translation>
    </message>
    <message>
        <source>Not a date (YYYY-MM-DD)</source>
        <translation>Tarix deyil (İİİİ-AA-GG)</translation>
    </message>
    <message>
        <source>“From” is after “to”</source>
        <translation>“Başlanğıc” “son”dan sonradır</translation>
    </message>
    <message>
        <source>Not a valid filter</source>
        <translation>Yanlış filtr</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Filtr: %1</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>İstənilən</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Bəli</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Xeyr</translation>
    </message>
    <message>
        <source>from</source>
        <translation>başlanğıc</translation>
    </message>
    <message>
        <source>to</source>
        <translation>son</translation>
    </message>
    <message>
        <source>contains…</source>
        <translation>ehtiva edir…</translation>
    </message>
</context>
<context>
    <name>RegistriesOnline</name>
    <message>
        <source>The server did not answer in time. Change a filter or choose the registry again to try once more.</source>
        <translation>Server vaxtında cavab vermədi. Yenidən cəhd etmək üçün filtri dəyişin və ya reyestri yenidən seçin.</translation>
    </message>
    <message>
        <source>The server cannot be reached. This registry is not kept on this computer: browse it when the connection returns, or tick “Keep on this computer”.</source>
        <translation>Serverə qoşulmaq mümkün deyil. Bu reyestr bu kompüterdə saxlanmır: bağlantı bərpa olunanda ona baxın və ya “Bu kompüterdə saxla” qutusunu işarələyin.</translation>
    </message>
    <message>
        <source>The server could not answer (error %1). Try again later.</source>
        <translation>Server cavab verə bilmədi (xəta %1). Bir az sonra yenidən cəhd edin.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read: it is not what this version of the program expects. Try again later, or tell the help desk.</source>
        <translation>Serverin cavabını oxumaq mümkün olmadı: proqramın bu versiyasının gözlədiyi cavab deyil. Bir az sonra yenidən cəhd edin və ya yardım xidmətinə bildirin.</translation>
    </message>
    <message>
        <source>The server says this registry is not available to your role.</source>
        <translation>Serverə görə bu reyestr sizin rolunuz üçün əlçatan deyil.</translation>
    </message>
    <message>
        <source>The server no longer has this registry.</source>
        <translation>Serverdə artıq bu reyestr yoxdur.</translation>
    </message>
    <message>
        <source>Your sign-in has ended: sign in again to read from the server.</source>
        <translation>Sessiyanız başa çatıb: serverdən oxumaq üçün yenidən daxil olun.</translation>
    </message>
    <message>
        <source>The server did not accept this filter.</source>
        <translation>Server bu filtri qəbul etmədi.</translation>
    </message>
    <message>
        <source>The rows could not be read from the server.</source>
        <translation>Sətirləri serverdən oxumaq mümkün olmadı.</translation>
    </message>
</context>
<context>
    <name>RegistriesTab</name>
    <message>
        <source>Registries</source>
        <translation>Reyestrlər</translation>
    </message>
    <message>
        <source>No registries yet. They appear after the first sync with the server.</source>
        <translation>Hələ reyestr yoxdur. Serverlə ilk sinxronlaşmadan sonra görünəcəklər.</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n sətir</numerusform>
            <numerusform>%n sətir</numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation>bu kompüterdə</translation>
    </message>
    <message>
        <source>not on this computer</source>
        <translation>bu kompüterdə deyil</translation>
    </message>
    <message>
        <source>Healthcare workers (personal data)</source>
        <translation>Tibb işçiləri (şəxsi məlumatlar)</translation>
    </message>
    <message>
        <source>Not available to your role. The healthcare workers&apos; registry holds personal data: analysts and administrators may read it.</source>
        <translation>Sizin rolunuz üçün əlçatan deyil. Tibb işçilərinin reyestrində şəxsi məlumatlar var: onu yalnız analitiklər və administratorlar oxuya bilər.</translation>
    </message>
    <message>
        <source>This registry is not on this computer. Tick “Keep on this computer” to download it at the next sync (about %1 MB).</source>
        <translation>Bu reyestr bu kompüterdə deyil. Növbəti sinxronlaşmada yükləmək üçün “Bu kompüterdə saxla” qutusunu işarələyin (təxminən %1 MB).</translation>
    </message>
    <message>
        <source>Will be downloaded at the next sync</source>
        <translation>Növbəti sinxronlaşmada yüklənəcək</translation>
    </message>
    <message>
        <source>Not kept on this computer</source>
        <translation>Bu kompüterdə saxlanmır</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Sayılır…</translation>
    </message>
    <message>
        <source>The rows could not be read.</source>
        <translation>Sətirləri oxumaq mümkün olmadı.</translation>
    </message>
    <message>
        <source>Preparing sorting and filters: %1 of %2</source>
        <translation>Çeşidləmə və filtrlər hazırlanır: %1 / %2</translation>
    </message>
    <message>
        <source>All ATC groups</source>
        <translation>Bütün ATC qrupları</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Bəli</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Xeyr</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>Excel üçün CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel kitabı (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>Görünüşü ixrac et</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>%1 faylına ixrac edilir…</translation>
    </message>
    <message numerus="yes">
        <source>%n rows exported to %1</source>
        <translation>
            <numerusform>%n sətir %1 faylına ixrac edildi</numerusform>
            <numerusform>%n sətir %1 faylına ixrac edildi</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Faylı yazmaq mümkün olmadı: %1</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>İxrac alınmadı.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>İxrac ləğv edildi; fayl yazılmadı.</translation>
    </message>
    <message>
        <source>&amp;Registries</source>
        <translation>&amp;Reyestrlər</translation>
    </message>
    <message>
        <source>Keep on this computer</source>
        <translation>Bu kompüterdə saxla</translation>
    </message>
    <message>
        <source>&amp;ATC classification</source>
        <translation>&amp;ATC təsnifatı</translation>
    </message>
    <message>
        <source>ATC code</source>
        <translation>ATC kodu</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Dərmanlar</translation>
    </message>
    <message>
        <source>ATC classification</source>
        <translation>ATC təsnifatı</translation>
    </message>
    <message>
        <source>Search the whole row…</source>
        <translation>Bütün sətirdə axtar…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>onlayn</translation>
    </message>
    <message>
        <source>personal data · not available to your role</source>
        <translation>şəxsi məlumatlar · rolunuz üçün əlçatan deyil</translation>
    </message>
    <message>
        <source>Not available to your role. “%1” holds personal data: analysts and administrators may read it.</source>
        <translation>Sizin rolunuz üçün əlçatan deyil. “%1” şəxsi məlumatlardan ibarətdir: onu yalnız analitiklər və administratorlar oxuya bilər.</translation>
    </message>
    <message>
        <source>This registry is not on this computer, and the server cannot be reached now: browse it online when the connection returns, or tick “Keep on this computer” to download it at the next sync (about %1 MB).</source>
        <translation>Bu reyestr bu kompüterdə deyil, server isə indi əlçatan deyil: bağlantı bərpa olunanda onu onlayn baxın və ya növbəti sinxronlaşmada yükləmək üçün “Bu kompüterdə saxla” qutusunu işarələyin (təxminən %1 MB).</translation>
    </message>
    <message numerus="yes">
        <source>%n rows on the server</source>
        <translation>
            <numerusform>serverdə %n sətir</numerusform>
            <numerusform>serverdə %n sətir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows so far, more as you scroll</source>
        <translation>
            <numerusform>hələlik %n sətir, aşağı sürüşdürdükcə daha çoxu</numerusform>
            <numerusform>hələlik %n sətir, aşağı sürüşdürdükcə daha çoxu</numerusform>
        </translation>
    </message>
    <message>
        <source>On this computer, as of %1</source>
        <translation>Bu kompüterdə, %1 vəziyyətinə</translation>
    </message>
    <message>
        <source>Online: read from the server until the next sync downloads it</source>
        <translation>Onlayn: növbəti sinxronlaşma onu yükləyənədək serverdən oxunur</translation>
    </message>
    <message>
        <source>Online: read from the server</source>
        <translation>Onlayn: serverdən oxunur</translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %n rows written</source>
        <translation>
            <numerusform>%1 faylına ixrac: %n sətir yazıldı</numerusform>
            <numerusform>%1 faylına ixrac: %n sətir yazıldı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %n of %2 rows written</source>
        <translation>
            <numerusform>%1 faylına ixrac: %2 sətirdən %n yazıldı</numerusform>
            <numerusform>%1 faylına ixrac: %2 sətirdən %n yazıldı</numerusform>
        </translation>
    </message>
    <message>
        <source>The export stopped; no file was written. %1</source>
        <translation>İxrac dayandı; fayl yazılmadı. %1</translation>
    </message>
    <message>
        <source>The pick lists&apos; counts could not be read: %1</source>
        <translation>Seçim siyahılarının saylarını oxumaq mümkün olmadı: %1</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Oxunmadı</translation>
    </message>
    <message>
        <source>The ATC classification could not be read: %1</source>
        <translation>ATC təsnifatını oxumaq mümkün olmadı: %1</translation>
    </message>
    <message>
        <source>Search the whole row</source>
        <translation>Bütün sətirdə axtar</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Bütün sətirlər</translation>
    </message>
    <message>
        <source>Expiring within 90 days</source>
        <translation>90 gün ərzində müddəti bitənlər</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Müddəti bitmiş</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Görünüş</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>&amp;Görünüş:</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV ixrac et…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>XLSX ixrac et…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>İxracı ləğv et</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>İxracın gedişi</translation>
    </message>
    <message>
        <source>Registry rows</source>
        <translation>Reyestrin sətirləri</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bildiriş</translation>
    </message>
    <message>
        <source>Row &amp;details</source>
        <translation>Sətrin &amp;təfərrüatı</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Sahə</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Dəyər</translation>
    </message>
    <message>
        <source>Row details</source>
        <translation>Sətrin təfərrüatı</translation>
    </message>
    <message>
        <source>Column headings</source>
        <translation>Sütun başlıqları</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Dəyəri kopyala</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>Sətri kopyala</translation>
    </message>
</context>
<context>
    <name>RegistryTableModel</name>
    <message>
        <source>Yes</source>
        <translation>Bəli</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Xeyr</translation>
    </message>
</context>
</TS>
