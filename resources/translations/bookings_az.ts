<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="az">
<context>
    <name>AttributeChecks</name>
    <message>
        <source>Accessible</source>
        <translation>Əlçatan</translation>
    </message>
    <message>
        <source>Only rooms with step-free access</source>
        <translation>Yalnız pilləkənsiz girişi olan otaqlar</translation>
    </message>
    <message>
        <source>Video conference</source>
        <translation>Videokonfrans</translation>
    </message>
    <message>
        <source>Only rooms with video conferencing</source>
        <translation>Yalnız videokonfrans imkanı olan otaqlar</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Ekran</translation>
    </message>
    <message>
        <source>Only rooms with a screen or projector</source>
        <translation>Yalnız ekranı və ya proyektoru olan otaqlar</translation>
    </message>
</context>
<context>
    <name>BookingDetails</name>
    <message>
        <source>Choose a booking in the grid, or drag over free time to book.</source>
        <translation>Cədvəldə bronu seçin və ya bron etmək üçün boş vaxtın üzərindən sürüşdürün.</translation>
    </message>
    <message>
        <source>Organizer: %1</source>
        <translation>Təşkilatçı: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Ləğv edilib</translation>
    </message>
    <message>
        <source>The server refused this booking: the room was taken.</source>
        <translation>Server bu bronu qəbul etmədi: otaq artıq tutulmuşdu.</translation>
    </message>
    <message>
        <source>It clashed with: %1</source>
        <translation>Üst-üstə düşdüyü bron: %1</translation>
    </message>
    <message>
        <source>Take one of these instead:</source>
        <translation>Əvəzində bunlardan birini seçin:</translation>
    </message>
    <message>
        <source>No free room or time nearby is known.</source>
        <translation>Yaxınlıqda boş otaq və ya vaxt məlum deyil.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Book instead: %1</source>
        <translation>Əvəzində bron et: %1</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>&amp;Dəyiş…</translation>
    </message>
    <message>
        <source>Change the time or title of the booking</source>
        <translation>Bronun vaxtını və ya mövzusunu dəyiş</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Köçür…</translation>
    </message>
    <message>
        <source>Move the booking to another room or time</source>
        <translation>Bronu başqa otağa və ya vaxta köçür</translation>
    </message>
    <message>
        <source>&amp;Cancel booking</source>
        <translation>Bronu &amp;ləğv et</translation>
    </message>
    <message>
        <source>Cancel the chosen booking</source>
        <translation>Seçilmiş bronu ləğv et</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;İmtina et</translation>
    </message>
    <message>
        <source>Discard the refused booking</source>
        <translation>Rədd edilmiş brondan imtina et</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>.ics kimi ixrac et…</translation>
    </message>
    <message>
        <source>Export the booking as an iCalendar file</source>
        <translation>Bronu iCalendar faylı kimi ixrac et</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book a room</source>
        <translation>Otaq bron et</translation>
    </message>
    <message>
        <source>Change the booking</source>
        <translation>Bronu dəyiş</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Mövzu:</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Otaq:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Gün:</translation>
    </message>
    <message>
        <source>&amp;Start (Baku time):</source>
        <translation>&amp;Başlanğıc (Bakı vaxtı):</translation>
    </message>
    <message>
        <source>&amp;End (Baku time):</source>
        <translation>&amp;Son (Bakı vaxtı):</translation>
    </message>
    <message>
        <source>Meeting title</source>
        <translation>Görüşün mövzusu</translation>
    </message>
    <message>
        <source>Day of the booking</source>
        <translation>Bron günü</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Başlanğıc vaxtı</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Bitmə vaxtı</translation>
    </message>
    <message>
        <source>&amp;Attendees:</source>
        <translation>&amp;İştirakçılar:</translation>
    </message>
    <message>
        <source>Type a name, then choose below</source>
        <translation>Ad yazın, sonra aşağıdan seçin</translation>
    </message>
    <message>
        <source>Find people to invite</source>
        <translation>Dəvət ediləcək şəxsləri tap</translation>
    </message>
    <message>
        <source>People found: Enter invites</source>
        <translation>Tapılan şəxslər: Enter dəvət edir</translation>
    </message>
    <message>
        <source>Invited:</source>
        <translation>Dəvət edilənlər:</translation>
    </message>
    <message>
        <source>Invited people: Enter removes</source>
        <translation>Dəvət edilənlər: Enter çıxarır</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Təkrar:</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Təkrarlanmır</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Hər gün</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Hər həftə</translation>
    </message>
    <message>
        <source>&amp;Times:</source>
        <translation>&amp;Dəfə:</translation>
    </message>
    <message>
        <source>How many times</source>
        <translation>Neçə dəfə</translation>
    </message>
    <message>
        <source>Book only the free dates</source>
        <translation>Yalnız boş tarixləri bron et</translation>
    </message>
    <message>
        <source>Book only the free dates of the series</source>
        <translation>Seriyanın yalnız boş tarixlərini bron et</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Bron et</translation>
    </message>
    <message>
        <source>Book the room</source>
        <translation>Otağı bron et</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Yadda saxla</translation>
    </message>
    <message>
        <source>Save the changed booking</source>
        <translation>Dəyişdirilmiş bronu yadda saxla</translation>
    </message>
    <message>
        <source>%1 of %2 dates are taken: %3. Nothing was booked.</source>
        <translation>%2 tarixdən %1-i tutulub: %3. Heç nə bron edilmədi.</translation>
    </message>
    <message>
        <source>The booking could not be stored. Try again.</source>
        <translation>Bron yadda saxlanmadı. Yenidən cəhd edin.</translation>
    </message>
</context>
<context>
    <name>BookingMover</name>
    <message>
        <source>The move could not be stored. Try again.</source>
        <translation>Köçürmə saxlanmadı. Yenidən cəhd edin.</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Köçürülmədi: %1</translation>
    </message>
    <message>
        <source>Not moved: the room is taken then by “%1” (%2–%3, %4).</source>
        <translation>Köçürülmədi: otaq o vaxt “%1” ilə tutulub (%2–%3, %4).</translation>
    </message>
</context>
<context>
    <name>BookingRulesPanel</name>
    <message>
        <source>Released: nobody checked in within 15 minutes of the start.</source>
        <translation>Azad edildi: başlanğıcdan sonra 15 dəqiqə ərzində heç kim qeydiyyatdan keçmədi.</translation>
    </message>
    <message>
        <source>Checked in.</source>
        <translation>Qeydiyyatdan keçib.</translation>
    </message>
    <message>
        <source>Check in, or the room is released 15 minutes after the start.</source>
        <translation>Qeydiyyatdan keçin, yoxsa otaq başlanğıcdan 15 dəqiqə sonra azad ediləcək.</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>Qeydiyyatdan &amp;keç</translation>
    </message>
    <message>
        <source>Check in to the chosen booking</source>
        <translation>Seçilmiş bronda qeydiyyatdan keçmək</translation>
    </message>
    <message>
        <source>Edit the whole &amp;series…</source>
        <translation>Bütün &amp;seriyanı dəyiş…</translation>
    </message>
    <message>
        <source>Change the title or times of every future occurrence</source>
        <translation>Hər gələcək təkrarın adını və ya vaxtını dəyişmək</translation>
    </message>
    <message>
        <source>Cancel the &amp;whole series</source>
        <translation>Bütün seriyanı &amp;ləğv et</translation>
    </message>
    <message>
        <source>Cancel every future occurrence of the series</source>
        <translation>Seriyanın bütün gələcək təkrarlarını ləğv etmək</translation>
    </message>
</context>
<context>
    <name>BookingWords</name>
    <message>
        <source>%1 dates of the series are taken: nothing was booked.</source>
        <translation>Seriyanın %1 tarixi tutulub: heç nə bron edilmədi.</translation>
    </message>
    <message>
        <source>The series has no dates.</source>
        <translation>Seriyada tarix yoxdur.</translation>
    </message>
    <message>
        <source>Give the meeting a title.</source>
        <translation>Görüşün mövzusunu yazın.</translation>
    </message>
    <message>
        <source>The title is too long (at most %1 characters).</source>
        <translation>Mövzu çox uzundur (ən çox %1 simvol).</translation>
    </message>
    <message>
        <source>The title contains characters that cannot be used.</source>
        <translation>Mövzuda istifadə edilə bilməyən simvollar var.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>Bitmə vaxtı başlanğıcdan sonra olmalıdır.</translation>
    </message>
    <message>
        <source>A booking lasts at most %1 hours.</source>
        <translation>Bron ən çox %1 saat davam edə bilər.</translation>
    </message>
    <message>
        <source>The start is in the past.</source>
        <translation>Başlanğıc vaxtı artıq keçib.</translation>
    </message>
    <message>
        <source>The room seats at most %1 people.</source>
        <translation>Otaq ən çox %1 nəfər tutur.</translation>
    </message>
    <message>
        <source>The room is already booked for part of that time.</source>
        <translation>Otaq bu vaxtın bir hissəsi üçün artıq bron edilib.</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>Artıq mövcud deyil.</translation>
    </message>
    <message>
        <source>Only the organizer or an administrator may change it.</source>
        <translation>Yalnız təşkilatçı və ya administrator dəyişə bilər.</translation>
    </message>
    <message>
        <source>A cancelled booking cannot be changed.</source>
        <translation>Ləğv edilmiş bron dəyişdirilə bilməz.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Heç nə dəyişdirilmədi.</translation>
    </message>
    <message>
        <source>The room is closed then: book within its opening hours.</source>
        <translation>Otaq o vaxt bağlıdır: iş saatları daxilində bron edin.</translation>
    </message>
    <message>
        <source>Check-in opens 15 minutes before the start.</source>
        <translation>Qeydiyyat başlanğıcdan 15 dəqiqə əvvəl açılır.</translation>
    </message>
    <message>
        <source>Too late: nobody checked in and the room was released.</source>
        <translation>Gecdir: heç kim qeydiyyatdan keçmədi və otaq azad edildi.</translation>
    </message>
    <message>
        <source>A series reaches at most %1 days ahead.</source>
        <translation>Seriya ən çox %1 gün irəli uzana bilər.</translation>
    </message>
    <message>
        <source>Confirmed by the server</source>
        <translation>Server tərəfindən təsdiqlənib</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Göndərilməyi gözləyir</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>Göndərilir</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Server tərəfindən rədd edilib</translation>
    </message>
    <message>
        <source>Refused: the room was taken</source>
        <translation>Rədd edilib: otaq tutulmuşdu</translation>
    </message>
</context>
<context>
    <name>BookingsTab</name>
    <message>
        <source>Bookings</source>
        <translation>Rezervasiyalar</translation>
    </message>
    <message>
        <source>★ My favourites</source>
        <translation>★ Seçilmiş otaqlarım</translation>
    </message>
    <message>
        <source>All floors</source>
        <translation>Bütün mərtəbələr</translation>
    </message>
    <message>
        <source>Floor %1</source>
        <translation>Mərtəbə %1</translation>
    </message>
    <message>
        <source>Not synced yet: connect once to see the rooms.</source>
        <translation>Hələ sinxronlaşdırılmayıb: otaqları görmək üçün bir dəfə qoşulun.</translation>
    </message>
    <message>
        <source>Bookings as of %1 (Baku time)</source>
        <translation>Bronlar %1 vəziyyətinə (Bakı vaxtı)</translation>
    </message>
    <message>
        <source>No favourite rooms yet. Choose a building, select a room in the grid and press F (or click the star beside its name) to star it; starred rooms of every building are shown here.</source>
        <translation>Hələ seçilmiş otaq yoxdur. Bina seçin, cədvəldə otağı seçin və F düyməsini basın (və ya adının yanındakı ulduza klikləyin); bütün binaların seçilmiş otaqları burada göstərilir.</translation>
    </message>
    <message>
        <source>The calendar file could not be written.</source>
        <translation>Təqvim faylı yazıla bilmədi.</translation>
    </message>
    <message>
        <source>Save as iCalendar</source>
        <translation>iCalendar kimi saxla</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar faylları (*.ics)</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Əvvəlki gün</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Növbəti gün</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Bu gün</translation>
    </message>
    <message>
        <source>Show today</source>
        <translation>Bu günü göstər</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Göstərilən gün</translation>
    </message>
    <message>
        <source>Building:</source>
        <translation>Bina:</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Bina</translation>
    </message>
    <message>
        <source>Floor:</source>
        <translation>Mərtəbə:</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Mərtəbə</translation>
    </message>
    <message>
        <source>Find a room</source>
        <translation>Otaq tap</translation>
    </message>
    <message>
        <source>My bookings</source>
        <translation>Bronlarım</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Gün</translation>
    </message>
    <message>
        <source>Week of a room</source>
        <translation>Otağın həftəsi</translation>
    </message>
    <message>
        <source>taken: %1</source>
        <translation>tutulub: %1</translation>
    </message>
    <message>
        <source>Export my bookings (.ics)…</source>
        <translation>Bronlarımı ixrac et (.ics)…</translation>
    </message>
    <message>
        <source>Export my bookings as an iCalendar file</source>
        <translation>Bronlarımı iCalendar faylı kimi ixrac et</translation>
    </message>
    <message>
        <source>Day grid: rooms and their bookings</source>
        <translation>Günlük cədvəl: otaqlar və onların bronları</translation>
    </message>
    <message>
        <source>Arrow keys move between rooms and half hours; Enter books or opens a booking; M moves the chosen booking; F stars the room.</source>
        <translation>Ox düymələri otaqlar və yarımsaatlar arasında keçir; Enter bron edir və ya bronu açır; M seçilmiş bronu köçürür; F otağı seçilmişlərə əlavə edir.</translation>
    </message>
    <message>
        <source>Only the organizer or an administrator may move this booking.</source>
        <translation>Bu bronu yalnız təşkilatçı və ya administrator köçürə bilər.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>gözləyir</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rədd edilib</translation>
    </message>
    <message>
        <source>No rooms in the cache yet. Connect to the network and sync once.</source>
        <translation>Keşdə hələ otaq yoxdur. Şəbəkəyə qoşulun və bir dəfə sinxronlaşdırın.</translation>
    </message>
    <message>
        <source>floor %1 · %2 seats</source>
        <translation>mərtəbə %1 · %2 yer</translation>
    </message>
</context>
<context>
    <name>CheckInReminders</name>
    <message>
        <source>Check in to %1 in %2 by %3 or the room is released</source>
        <translation>%2 otağında «%1» üçün saat %3-dək qeydiyyatdan keçin, yoxsa otaq azad ediləcək</translation>
    </message>
</context>
<context>
    <name>FinderPanel</name>
    <message>
        <source>The end must come after the start.</source>
        <translation>Bitmə vaxtı başlanğıcdan sonra olmalıdır.</translation>
    </message>
    <message>
        <source>%1 · %2, floor %3 · %4 seats</source>
        <translation>%1 · %2, mərtəbə %3 · %4 yer</translation>
    </message>
    <message>
        <source>Never synced: nothing is known about the rooms yet.</source>
        <translation>Heç vaxt sinxronlaşdırılmayıb: otaqlar haqqında hələ məlumat yoxdur.</translation>
    </message>
    <message numerus="yes">
        <source>%n free room(s)</source>
        <translation>
            <numerusform>%n boş otaq</numerusform>
            <numerusform>%n boş otaq</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, availability as of %2</source>
        <translation>%1, %2 vəziyyətinə</translation>
    </message>
    <message>
        <source>The rooms could not be read.</source>
        <translation>Otaqlar oxuna bilmədi.</translation>
    </message>
    <message>
        <source>Find a free room</source>
        <translation>Boş otaq tap</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Gün:</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>Başlanğıc – son:</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Nəfər:</translation>
    </message>
    <message>
        <source>Equipment:</source>
        <translation>Avadanlıq:</translation>
    </message>
    <message>
        <source>Only in this building</source>
        <translation>Yalnız bu binada</translation>
    </message>
    <message>
        <source>&amp;Find free rooms</source>
        <translation>Boş otaqları &amp;tap</translation>
    </message>
    <message>
        <source>&amp;Book the chosen room…</source>
        <translation>Seçilmiş otağı &amp;bron et…</translation>
    </message>
    <message>
        <source>Day to search</source>
        <translation>Axtarış günü</translation>
    </message>
    <message>
        <source>From (Baku time)</source>
        <translation>Başlanğıc (Bakı vaxtı)</translation>
    </message>
    <message>
        <source>To (Baku time)</source>
        <translation>Son (Bakı vaxtı)</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>Nəfərlərin sayı</translation>
    </message>
    <message>
        <source>Equipment the room must have</source>
        <translation>Otaqda olmalı avadanlıq</translation>
    </message>
    <message>
        <source>Search only in the building shown</source>
        <translation>Yalnız göstərilən binada axtar</translation>
    </message>
    <message>
        <source>Free rooms</source>
        <translation>Boş otaqlar</translation>
    </message>
    <message>
        <source>Find free rooms</source>
        <translation>Boş otaqları tap</translation>
    </message>
    <message>
        <source>Book the chosen room</source>
        <translation>Seçilmiş otağı bron et</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>The move could not be stored. Try again.</source>
        <translation>Köçürmə saxlanmadı. Yenidən cəhd edin.</translation>
    </message>
    <message>
        <source>Move a booking</source>
        <translation>Bronu köçür</translation>
    </message>
    <message>
        <source>Move “%1” (now %2–%3) to:</source>
        <translation>“%1” (indi %2–%3) köçürülsün:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Otaq:</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Yeni otaq</translation>
    </message>
    <message>
        <source>%1 · %2 seats</source>
        <translation>%1 · %2 yer</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Gün:</translation>
    </message>
    <message>
        <source>New day</source>
        <translation>Yeni gün</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Vaxt:</translation>
    </message>
    <message>
        <source>New start</source>
        <translation>Yeni başlama vaxtı</translation>
    </message>
    <message>
        <source>New end</source>
        <translation>Yeni bitmə vaxtı</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Köçür</translation>
    </message>
    <message>
        <source>Move the booking</source>
        <translation>Bronu köçür</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İmtina</translation>
    </message>
    <message>
        <source>Keep the booking where it is</source>
        <translation>Bronu yerində saxla</translation>
    </message>
</context>
<context>
    <name>MyBookings</name>
    <message>
        <source>cancelled</source>
        <translation>ləğv edilib</translation>
    </message>
    <message>
        <source>released</source>
        <translation>azad edilib</translation>
    </message>
    <message>
        <source>No upcoming bookings where you organize or attend. Book a room in the grid.</source>
        <translation>Təşkil etdiyiniz və ya iştirak etdiyiniz qarşıdakı bron yoxdur. Cədvəldə otaq bron edin.</translation>
    </message>
    <message>
        <source>My upcoming bookings</source>
        <translation>Qarşıdakı bronlarım</translation>
    </message>
</context>
<context>
    <name>SeriesEditDialog</name>
    <message>
        <source>Edit the whole series</source>
        <translation>Bütün seriyanı dəyiş</translation>
    </message>
    <message>
        <source>Title of every occurrence</source>
        <translation>Hər təkrarın adı</translation>
    </message>
    <message>
        <source>Start of every occurrence</source>
        <translation>Hər təkrarın başlanğıcı</translation>
    </message>
    <message>
        <source>End of every occurrence</source>
        <translation>Hər təkrarın sonu</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Başlayır:</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Bitir:</translation>
    </message>
    <message>
        <source>Cancelled and past occurrences stay as they are.</source>
        <translation>Ləğv edilmiş və keçmiş təkrarlar olduğu kimi qalır.</translation>
    </message>
    <message>
        <source>The change could not be saved; nothing was changed.</source>
        <translation>Dəyişiklik saxlanmadı; heç nə dəyişmədi.</translation>
    </message>
</context>
<context>
    <name>WeekPanel</name>
    <message>
        <source>Remove the room from favourites</source>
        <translation>Otağı seçilmişlərdən çıxar</translation>
    </message>
    <message>
        <source>Add the room to favourites</source>
        <translation>Otağı seçilmişlərə əlavə et</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Otaq:</translation>
    </message>
    <message>
        <source>Room shown for the week</source>
        <translation>Həftəsi göstərilən otaq</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Əvvəlki həftə</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Növbəti həftə</translation>
    </message>
    <message>
        <source>Week shown</source>
        <translation>Göstərilən həftə</translation>
    </message>
    <message>
        <source>Green with a bar: your bookings</source>
        <translation>Zolaqlı yaşıl: sizin bronlarınız</translation>
    </message>
    <message>
        <source>Mon–Fri &amp;only</source>
        <translation>B.e.–C. &amp;yalnız</translation>
    </message>
    <message>
        <source>Show the working week only</source>
        <translation>Yalnız iş həftəsini göstər</translation>
    </message>
    <message>
        <source>Week of the room: days and their bookings</source>
        <translation>Otağın həftəsi: günlər və bronlar</translation>
    </message>
    <message>
        <source>Choose a room to see its week.</source>
        <translation>Həftəsini görmək üçün otaq seçin.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>gözləyir</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>rədd edilib</translation>
    </message>
    <message>
        <source>your booking</source>
        <translation>sizin bronunuz</translation>
    </message>
    <message>
        <source>free</source>
        <translation>boş</translation>
    </message>
</context>
</TS>
