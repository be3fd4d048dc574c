<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az">
<context>
    <name>AnalyticsTab</name>
    <message>
        <source>Analytics</source>
        <translation>Analitika</translation>
    </message>
    <message>
        <source>%1, a year before</source>
        <translation>%1, bir il əvvəl</translation>
    </message>
    <message>
        <source>provisional: may still be revised</source>
        <translation>ilkin: hələ dəyişə bilər</translation>
    </message>
    <message>
        <source>The indicators could not be read from this computer&apos;s copy.</source>
        <translation>Göstəricilər bu kompüterdəki nüsxədən oxuna bilmədi.</translation>
    </message>
    <message>
        <source>No values in this computer&apos;s copy yet.</source>
        <translation>Bu kompüterdəki nüsxədə hələ dəyər yoxdur.</translation>
    </message>
    <message>
        <source>Values up to %1</source>
        <translation>Dəyərlər: %1 daxil olmaqla</translation>
    </message>
    <message>
        <source>Data as of %1</source>
        <translation>Məlumat tarixi: %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>heç vaxt sinxronlaşdırılmayıb</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>sinxronlaşdırılıb: %1</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Diaqramı PNG kimi saxla</translation>
    </message>
    <message>
        <source>Save chart as SVG</source>
        <translation>Diaqramı SVG kimi saxla</translation>
    </message>
    <message>
        <source>Save table as CSV</source>
        <translation>Cədvəli CSV kimi saxla</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Ay</translation>
    </message>
    <message>
        <source>Save table as XLSX</source>
        <translation>Cədvəli XLSX kimi saxla</translation>
    </message>
    <message>
        <source>Save map as PNG</source>
        <translation>Xəritəni PNG kimi saxla</translation>
    </message>
    <message>
        <source>Save bar chart as PNG</source>
        <translation>Sütunlu diaqramı PNG kimi saxla</translation>
    </message>
    <message>
        <source>Print the dashboard</source>
        <translation>İcmal panelini çap et</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Printer açıla bilmədi.</translation>
    </message>
    <message>
        <source>The dashboard is printed.</source>
        <translation>İcmal paneli çap olundu.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saxlanıldı: %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 saxlanıla bilmədi: %2</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;İcmal paneli</translation>
    </message>
    <message>
        <source>&amp;Line chart</source>
        <translation>&amp;Xətti diaqram</translation>
    </message>
    <message>
        <source>District &amp;map</source>
        <translation>Rayonlar &amp;xəritəsi</translation>
    </message>
    <message>
        <source>Analytics views</source>
        <translation>Analitika görünüşləri</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Whole country</source>
        <translation>Bütün ölkə</translation>
    </message>
    <message>
        <source>No indicators in this computer&apos;s copy yet. Connect to the network and sync.</source>
        <translation>Bu kompüterdəki nüsxədə hələ göstərici yoxdur. Şəbəkəyə qoşulun və sinxronlaşdırın.</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Ərazi:</translation>
    </message>
    <message>
        <source>Area of the dashboard</source>
        <translation>İcmal panelinin ərazisi</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Ça&amp;p et…</translation>
    </message>
    <message>
        <source>Print the dashboard</source>
        <translation>İcmal panelini çap et</translation>
    </message>
    <message>
        <source>Indicator tiles</source>
        <translation>Göstərici kartları</translation>
    </message>
    <message>
        <source>▲ blue: higher than the same month a year before; ▼ orange: lower. The arrow tells the direction only, not whether the change is good.</source>
        <translation>▲ mavi: bir il əvvəlki eyni aydan yüksək; ▼ narıncı: aşağı. Ox yalnız istiqaməti göstərir, dəyişikliyin yaxşı və ya pis olduğunu yox.</translation>
    </message>
</context>
<context>
    <name>ExplorePage</name>
    <message>
        <source>Whole country</source>
        <translation>Bütün ölkə</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Hədəf: %1</translation>
    </message>
    <message>
        <source>Alert level: %1</source>
        <translation>Xəbərdarlıq səviyyəsi: %1</translation>
    </message>
    <message>
        <source>Tick one or more areas on the left to draw their lines.</source>
        <translation>Xətlərini çəkmək üçün soldan bir və ya bir neçə ərazi seçin.</translation>
    </message>
    <message>
        <source>No values for these areas in this period. Choose other months or areas.</source>
        <translation>Bu ərazilər üçün bu dövrdə dəyər yoxdur. Başqa aylar və ya ərazilər seçin.</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(ilkin)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>məlumat yoxdur</translation>
    </message>
    <message>
        <source>(negative: check the source)</source>
        <translation>(mənfi: mənbəni yoxlayın)</translation>
    </message>
    <message>
        <source>Months marked provisional may still be revised.</source>
        <translation>İlkin kimi qeyd olunmuş aylar hələ dəyişə bilər.</translation>
    </message>
    <message>
        <source>* not every district of the area reported that month.</source>
        <translation>* həmin ay ərazinin bütün rayonları məlumat verməyib.</translation>
    </message>
    <message>
        <source>Only the first %1 areas ticked are drawn.</source>
        <translation>Yalnız seçilmiş ilk %1 ərazi çəkilir.</translation>
    </message>
    <message>
        <source>&amp;Indicator:</source>
        <translation>&amp;Göstərici:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Başlanğıc:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Son:</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Göstərici</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>İlk ay</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Son ay</translation>
    </message>
    <message>
        <source>&amp;Against the year before</source>
        <translation>&amp;Bir il əvvəllə müqayisə</translation>
    </message>
    <message>
        <source>Add each area&apos;s line of the same months a year before</source>
        <translation>Hər ərazi üçün bir il əvvəlki eyni ayların xəttini əlavə et</translation>
    </message>
    <message>
        <source>Economic regions and districts to compare</source>
        <translation>Müqayisə üçün iqtisadi rayonlar və rayonlar</translation>
    </message>
    <message>
        <source>Line chart of the areas over the months</source>
        <translation>Ərazilərin aylar üzrə xətti diaqramı</translation>
    </message>
    <message>
        <source>Table of the line chart: months by areas</source>
        <translation>Xətti diaqramın cədvəli: aylar və ərazilər</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG…</source>
        <translation>Diaqramı &amp;PNG kimi saxla…</translation>
    </message>
    <message>
        <source>Save chart as S&amp;VG…</source>
        <translation>Diaqramı S&amp;VG kimi saxla…</translation>
    </message>
    <message>
        <source>Save table as &amp;CSV…</source>
        <translation>Cədvəli &amp;CSV kimi saxla…</translation>
    </message>
    <message>
        <source>Save table as &amp;XLSX…</source>
        <translation>Cədvəli &amp;XLSX kimi saxla…</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>%1 (every district has the same value)</source>
        <translation>%1 (bütün rayonlarda dəyər eynidir)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>məlumat yoxdur</translation>
    </message>
    <message>
        <source>! beyond the alert level (%1)</source>
        <translation>! xəbərdarlıq səviyyəsindən kənarda (%1)</translation>
    </message>
    <message>
        <source>Whole country: %1</source>
        <translation>Bütün ölkə: %1</translation>
    </message>
    <message>
        <source>No district has a value for this month. Choose another month or indicator.</source>
        <translation>Bu ay üçün heç bir rayonun dəyəri yoxdur. Başqa ay və ya göstərici seçin.</translation>
    </message>
    <message>
        <source>Average district: %1</source>
        <translation>Orta rayon: %1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Hədəf: %1</translation>
    </message>
    <message>
        <source>Alert level: %1</source>
        <translation>Xəbərdarlıq səviyyəsi: %1</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Rayon</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Dəyər</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Sinif</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Hədlər</translation>
    </message>
    <message>
        <source>Not on the map (no grid cell): %1</source>
        <translation>Xəritədə yoxdur (xanası yoxdur): %1</translation>
    </message>
    <message>
        <source>beyond the alert level</source>
        <translation>xəbərdarlıq səviyyəsindən kənarda</translation>
    </message>
    <message>
        <source>target met</source>
        <translation>hədəfə çatılıb</translation>
    </message>
    <message>
        <source>short of the target</source>
        <translation>hədəfə çatılmayıb</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1: məlumat yoxdur</translation>
    </message>
    <message>
        <source>%1: %2 (class %3)</source>
        <translation>%1: %2 (sinif %3)</translation>
    </message>
    <message>
        <source>&amp;Indicator:</source>
        <translation>&amp;Göstərici:</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Ay:</translation>
    </message>
    <message>
        <source>Indicator of the map</source>
        <translation>Xəritənin göstəricisi</translation>
    </message>
    <message>
        <source>Month of the map</source>
        <translation>Xəritənin ayı</translation>
    </message>
    <message>
        <source>District map: arrow keys move between districts, Enter shows the district&apos;s line</source>
        <translation>Rayonlar xəritəsi: ox düymələri rayonlar arasında keçir, Enter rayonun xəttini göstərir</translation>
    </message>
    <message>
        <source>Table of the map: every district&apos;s value and class</source>
        <translation>Xəritənin cədvəli: hər rayonun dəyəri və sinfi</translation>
    </message>
    <message>
        <source>Save map as P&amp;NG…</source>
        <translation>Xəritəni P&amp;NG kimi saxla…</translation>
    </message>
    <message>
        <source>Save map as PNG</source>
        <translation>Xəritəni PNG kimi saxla</translation>
    </message>
    <message>
        <source>Save &amp;bar chart as PNG…</source>
        <translation>&amp;Sütunlu diaqramı PNG kimi saxla…</translation>
    </message>
    <message>
        <source>Save bar chart as PNG</source>
        <translation>Sütunlu diaqramı PNG kimi saxla</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Xəritə</translation>
    </message>
    <message>
        <source>Bar chart</source>
        <translation>Sütunlu diaqram</translation>
    </message>
    <message>
        <source>Map or bar chart of the districts</source>
        <translation>Rayonların xəritəsi və ya sütunlu diaqramı</translation>
    </message>
    <message>
        <source>Bar chart of the districts, highest first, the whole country marked</source>
        <translation>Rayonların sütunlu diaqramı: ən yüksəkdən başlayaraq, bütün ölkə qeyd olunub</translation>
    </message>
</context>
<context>
    <name>TileWidget</name>
    <message>
        <source>No values for this area.</source>
        <translation>Bu ərazi üçün dəyər yoxdur.</translation>
    </message>
    <message>
        <source>Month: %1</source>
        <translation>Ay: %1</translation>
    </message>
    <message>
        <source>%1 of %2 districts reported</source>
        <translation>%2 rayondan %1-i məlumat verib</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>ilkin</translation>
    </message>
    <message>
        <source>no longer published</source>
        <translation>artıq dərc olunmur</translation>
    </message>
    <message>
        <source>⚠ Beyond the alert level (%1)</source>
        <translation>⚠ Xəbərdarlıq səviyyəsindən kənarda (%1)</translation>
    </message>
    <message>
        <source>✓ Target (%1) met</source>
        <translation>✓ Hədəfə (%1) çatılıb</translation>
    </message>
    <message>
        <source>○ Short of the target (%1)</source>
        <translation>○ Hədəfə (%1) çatılmayıb</translation>
    </message>
    <message>
        <source>No value a year before to compare with.</source>
        <translation>Müqayisə üçün bir il əvvəlki dəyər yoxdur.</translation>
    </message>
    <message>
        <source>A year before (%1) the value was 0.</source>
        <translation>Bir il əvvəl (%1) dəyər 0 idi.</translation>
    </message>
    <message>
        <source>= the same as in %1</source>
        <translation>= %1 ilə eynidir</translation>
    </message>
    <message>
        <source>▲ %1 % higher than in %2</source>
        <translation>▲ %2 ilə müqayisədə %1 % yüksəkdir</translation>
    </message>
    <message>
        <source>▼ %1 % lower than in %2</source>
        <translation>▼ %2 ilə müqayisədə %1 % aşağıdır</translation>
    </message>
</context>
</TS>
