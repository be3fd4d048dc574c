<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AttributeChecks</name>
    <message>
        <source>Accessible</source>
        <translation>Доступная</translation>
    </message>
    <message>
        <source>Only rooms with step-free access</source>
        <translation>Только комнаты с доступом без ступенек</translation>
    </message>
    <message>
        <source>Video conference</source>
        <translation>Видеоконференция</translation>
    </message>
    <message>
        <source>Only rooms with video conferencing</source>
        <translation>Только комнаты с видеоконференцсвязью</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Экран</translation>
    </message>
    <message>
        <source>Only rooms with a screen or projector</source>
        <translation>Только комнаты с экраном или проектором</translation>
    </message>
</context>
<context>
    <name>BookingDetails</name>
    <message>
        <source>Choose a booking in the grid, or drag over free time to book.</source>
        <translation>Выберите бронь в сетке или проведите мышью по свободному времени, чтобы забронировать.</translation>
    </message>
    <message>
        <source>Organizer: %1</source>
        <translation>Организатор: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>The server refused this booking: the room was taken.</source>
        <translation>Сервер отклонил бронь: комната уже занята.</translation>
    </message>
    <message>
        <source>It clashed with: %1</source>
        <translation>Пересекается с: %1</translation>
    </message>
    <message>
        <source>Take one of these instead:</source>
        <translation>Выберите взамен один из вариантов:</translation>
    </message>
    <message>
        <source>No free room or time nearby is known.</source>
        <translation>Свободных комнат или времени поблизости не найдено.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Book instead: %1</source>
        <translation>Забронировать взамен: %1</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>Change the time or title of the booking</source>
        <translation>Изменить время или тему брони</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Перенести…</translation>
    </message>
    <message>
        <source>Move the booking to another room or time</source>
        <translation>Перенести бронь в другую комнату или на другое время</translation>
    </message>
    <message>
        <source>&amp;Cancel booking</source>
        <translation>&amp;Отменить бронь</translation>
    </message>
    <message>
        <source>Cancel the chosen booking</source>
        <translation>Отменить выбранную бронь</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>От&amp;казаться</translation>
    </message>
    <message>
        <source>Discard the refused booking</source>
        <translation>Отказаться от отклонённой брони</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Экспорт в .ics…</translation>
    </message>
    <message>
        <source>Export the booking as an iCalendar file</source>
        <translation>Экспортировать бронь в файл iCalendar</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book a room</source>
        <translation>Забронировать комнату</translation>
    </message>
    <message>
        <source>Change the booking</source>
        <translation>Изменить бронь</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Тема:</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Комната:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;День:</translation>
    </message>
    <message>
        <source>&amp;Start (Baku time):</source>
        <translation>&amp;Начало (время Баку):</translation>
    </message>
    <message>
        <source>&amp;End (Baku time):</source>
        <translation>&amp;Конец (время Баку):</translation>
    </message>
    <message>
        <source>Meeting title</source>
        <translation>Тема встречи</translation>
    </message>
    <message>
        <source>Day of the booking</source>
        <translation>День брони</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Время начала</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Время окончания</translation>
    </message>
    <message>
        <source>&amp;Attendees:</source>
        <translation>&amp;Участники:</translation>
    </message>
    <message>
        <source>Type a name, then choose below</source>
        <translation>Введите имя и выберите ниже</translation>
    </message>
    <message>
        <source>Find people to invite</source>
        <translation>Найти приглашаемых</translation>
    </message>
    <message>
        <source>People found: Enter invites</source>
        <translation>Найденные люди: Enter приглашает</translation>
    </message>
    <message>
        <source>Invited:</source>
        <translation>Приглашены:</translation>
    </message>
    <message>
        <source>Invited people: Enter removes</source>
        <translation>Приглашённые: Enter удаляет</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Повтор:</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Не повторяется</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Ежедневно</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Еженедельно</translation>
    </message>
    <message>
        <source>&amp;Times:</source>
        <translation>&amp;Раз:</translation>
    </message>
    <message>
        <source>How many times</source>
        <translation>Сколько раз</translation>
    </message>
    <message>
        <source>Book only the free dates</source>
        <translation>Забронировать только свободные даты</translation>
    </message>
    <message>
        <source>Book only the free dates of the series</source>
        <translation>Забронировать только свободные даты серии</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Забронировать</translation>
    </message>
    <message>
        <source>Book the room</source>
        <translation>Забронировать комнату</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save the changed booking</source>
        <translation>Сохранить изменённую бронь</translation>
    </message>
    <message>
        <source>%1 of %2 dates are taken: %3. Nothing was booked.</source>
        <translation>Занято дат: %1 из %2: %3. Ничего не забронировано.</translation>
    </message>
    <message>
        <source>The booking could not be stored. Try again.</source>
        <translation>Не удалось сохранить бронь. Попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>BookingMover</name>
    <message>
        <source>The move could not be stored. Try again.</source>
        <translation>Перенос не удалось сохранить. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Не перенесено: %1</translation>
    </message>
    <message>
        <source>Not moved: the room is taken then by “%1” (%2–%3, %4).</source>
        <translation>Не перенесено: комната в это время занята «%1» (%2–%3, %4).</translation>
    </message>
</context>
<context>
    <name>BookingRulesPanel</name>
    <message>
        <source>Released: nobody checked in within 15 minutes of the start.</source>
        <translation>Освобождено: в течение 15 минут после начала никто не отметился.</translation>
    </message>
    <message>
        <source>Checked in.</source>
        <translation>Отмечено.</translation>
    </message>
    <message>
        <source>Check in, or the room is released 15 minutes after the start.</source>
        <translation>Отметьтесь, иначе комната освободится через 15 минут после начала.</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;Отметиться</translation>
    </message>
    <message>
        <source>Check in to the chosen booking</source>
        <translation>Отметиться в выбранном бронировании</translation>
    </message>
    <message>
        <source>Edit the whole &amp;series…</source>
        <translation>Изменить всю &amp;серию…</translation>
    </message>
    <message>
        <source>Change the title or times of every future occurrence</source>
        <translation>Изменить название или время всех будущих повторений</translation>
    </message>
    <message>
        <source>Cancel the &amp;whole series</source>
        <translation>Отменить &amp;всю серию</translation>
    </message>
    <message>
        <source>Cancel every future occurrence of the series</source>
        <translation>Отменить все будущие повторения серии</translation>
    </message>
</context>
<context>
    <name>BookingWords</name>
    <message>
        <source>%1 dates of the series are taken: nothing was booked.</source>
        <translation>Занято дат серии: %1; ничего не забронировано.</translation>
    </message>
    <message>
        <source>The series has no dates.</source>
        <translation>В серии нет дат.</translation>
    </message>
    <message>
        <source>Give the meeting a title.</source>
        <translation>Укажите тему встречи.</translation>
    </message>
    <message>
        <source>The title is too long (at most %1 characters).</source>
        <translation>Тема слишком длинная (не более %1 символов).</translation>
    </message>
    <message>
        <source>The title contains characters that cannot be used.</source>
        <translation>Тема содержит недопустимые символы.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>Окончание должно быть позже начала.</translation>
    </message>
    <message>
        <source>A booking lasts at most %1 hours.</source>
        <translation>Бронь длится не более %1 часов.</translation>
    </message>
    <message>
        <source>The start is in the past.</source>
        <translation>Время начала уже прошло.</translation>
    </message>
    <message>
        <source>The room seats at most %1 people.</source>
        <translation>Комната вмещает не более %1 человек.</translation>
    </message>
    <message>
        <source>The room is already booked for part of that time.</source>
        <translation>Комната уже забронирована на часть этого времени.</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>Больше не существует.</translation>
    </message>
    <message>
        <source>Only the organizer or an administrator may change it.</source>
        <translation>Изменить может только организатор или администратор.</translation>
    </message>
    <message>
        <source>A cancelled booking cannot be changed.</source>
        <translation>Отменённую бронь нельзя изменить.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
    <message>
        <source>The room is closed then: book within its opening hours.</source>
        <translation>В это время комната закрыта: бронируйте в часы работы.</translation>
    </message>
    <message>
        <source>Check-in opens 15 minutes before the start.</source>
        <translation>Отметка открывается за 15 минут до начала.</translation>
    </message>
    <message>
        <source>Too late: nobody checked in and the room was released.</source>
        <translation>Слишком поздно: никто не отметился, и комната освобождена.</translation>
    </message>
    <message>
        <source>A series reaches at most %1 days ahead.</source>
        <translation>Серия может длиться не более %1 дней вперёд.</translation>
    </message>
    <message>
        <source>Confirmed by the server</source>
        <translation>Подтверждено сервером</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Ожидает отправки</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>Отправляется</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Отклонено сервером</translation>
    </message>
    <message>
        <source>Refused: the room was taken</source>
        <translation>Отклонено: комната занята</translation>
    </message>
</context>
<context>
    <name>BookingsTab</name>
    <message>
        <source>Bookings</source>
        <translation>Бронирования</translation>
    </message>
    <message>
        <source>★ My favourites</source>
        <translation>★ Моё избранное</translation>
    </message>
    <message>
        <source>All floors</source>
        <translation>Все этажи</translation>
    </message>
    <message>
        <source>Floor %1</source>
        <translation>%1 этаж</translation>
    </message>
    <message>
        <source>Not synced yet: connect once to see the rooms.</source>
        <translation>Ещё не синхронизировано: подключитесь один раз, чтобы увидеть комнаты.</translation>
    </message>
    <message>
        <source>Bookings as of %1 (Baku time)</source>
        <translation>Брони на %1 (время Баку)</translation>
    </message>
    <message>
        <source>No favourite rooms yet. Choose a building, select a room in the grid and press F (or click the star beside its name) to star it; starred rooms of every building are shown here.</source>
        <translation>Избранных комнат пока нет. Выберите здание, выделите комнату в таблице и нажмите F (или щёлкните звёздочку рядом с её названием); здесь показываются избранные комнаты всех зданий.</translation>
    </message>
    <message>
        <source>The calendar file could not be written.</source>
        <translation>Не удалось записать файл календаря.</translation>
    </message>
    <message>
        <source>Save as iCalendar</source>
        <translation>Сохранить как iCalendar</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Файлы iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Предыдущий день</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Следующий день</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Сегодня</translation>
    </message>
    <message>
        <source>Show today</source>
        <translation>Показать сегодня</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Показанный день</translation>
    </message>
    <message>
        <source>Building:</source>
        <translation>Здание:</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Здание</translation>
    </message>
    <message>
        <source>Floor:</source>
        <translation>Этаж:</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Этаж</translation>
    </message>
    <message>
        <source>Find a room</source>
        <translation>Найти комнату</translation>
    </message>
    <message>
        <source>My bookings</source>
        <translation>Мои брони</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Week of a room</source>
        <translation>Неделя комнаты</translation>
    </message>
    <message>
        <source>taken: %1</source>
        <translation>занято: %1</translation>
    </message>
    <message>
        <source>Export my bookings (.ics)…</source>
        <translation>Экспорт моих броней (.ics)…</translation>
    </message>
    <message>
        <source>Export my bookings as an iCalendar file</source>
        <translation>Экспортировать мои брони в файл iCalendar</translation>
    </message>
    <message>
        <source>Day grid: rooms and their bookings</source>
        <translation>Сетка дня: комнаты и их брони</translation>
    </message>
    <message>
        <source>Arrow keys move between rooms and half hours; Enter books or opens a booking; M moves the chosen booking; F stars the room.</source>
        <translation>Стрелки переходят между комнатами и получасами; Enter бронирует или открывает бронь; M переносит выбранную бронь; F добавляет комнату в избранное.</translation>
    </message>
    <message>
        <source>Only the organizer or an administrator may move this booking.</source>
        <translation>Перенести эту бронь может только организатор или администратор.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>No rooms in the cache yet. Connect to the network and sync once.</source>
        <translation>В кэше ещё нет комнат. Подключитесь к сети и выполните синхронизацию.</translation>
    </message>
    <message>
        <source>floor %1 · %2 seats</source>
        <translation>этаж %1 · мест: %2</translation>
    </message>
</context>
<context>
    <name>CheckInReminders</name>
    <message>
        <source>Check in to %1 in %2 by %3 or the room is released</source>
        <translation>Отметьтесь на «%1» в %2 до %3, иначе комната будет освобождена</translation>
    </message>
</context>
<context>
    <name>FinderPanel</name>
    <message>
        <source>The end must come after the start.</source>
        <translation>Окончание должно быть позже начала.</translation>
    </message>
    <message>
        <source>%1 · %2, floor %3 · %4 seats</source>
        <translation>%1 · %2, этаж %3 · мест: %4</translation>
    </message>
    <message>
        <source>Never synced: nothing is known about the rooms yet.</source>
        <translation>Синхронизации ещё не было: о комнатах пока ничего не известно.</translation>
    </message>
    <message numerus="yes">
        <source>%n free room(s)</source>
        <translation>
            <numerusform>%n свободная комната</numerusform>
            <numerusform>%n свободные комнаты</numerusform>
            <numerusform>%n свободных комнат</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, availability as of %2</source>
        <translation>%1, доступность на %2</translation>
    </message>
    <message>
        <source>The rooms could not be read.</source>
        <translation>Не удалось прочитать комнаты.</translation>
    </message>
    <message>
        <source>Find a free room</source>
        <translation>Найти свободную комнату</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>День:</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>С – по:</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>Человек:</translation>
    </message>
    <message>
        <source>Equipment:</source>
        <translation>Оборудование:</translation>
    </message>
    <message>
        <source>Only in this building</source>
        <translation>Только в этом здании</translation>
    </message>
    <message>
        <source>&amp;Find free rooms</source>
        <translation>&amp;Найти свободные комнаты</translation>
    </message>
    <message>
        <source>&amp;Book the chosen room…</source>
        <translation>&amp;Забронировать выбранную комнату…</translation>
    </message>
    <message>
        <source>Day to search</source>
        <translation>День поиска</translation>
    </message>
    <message>
        <source>From (Baku time)</source>
        <translation>С (время Баку)</translation>
    </message>
    <message>
        <source>To (Baku time)</source>
        <translation>По (время Баку)</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>Число участников</translation>
    </message>
    <message>
        <source>Equipment the room must have</source>
        <translation>Оборудование, которое должно быть в комнате</translation>
    </message>
    <message>
        <source>Search only in the building shown</source>
        <translation>Искать только в показанном здании</translation>
    </message>
    <message>
        <source>Free rooms</source>
        <translation>Свободные комнаты</translation>
    </message>
    <message>
        <source>Find free rooms</source>
        <translation>Найти свободные комнаты</translation>
    </message>
    <message>
        <source>Book the chosen room</source>
        <translation>Забронировать выбранную комнату</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>The move could not be stored. Try again.</source>
        <translation>Перенос не удалось сохранить. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Move a booking</source>
        <translation>Перенос брони</translation>
    </message>
    <message>
        <source>Move “%1” (now %2–%3) to:</source>
        <translation>Перенести «%1» (сейчас %2–%3):</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Комната:</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Новая комната</translation>
    </message>
    <message>
        <source>%1 · %2 seats</source>
        <translation>%1 · %2 мест</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;День:</translation>
    </message>
    <message>
        <source>New day</source>
        <translation>Новый день</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Время:</translation>
    </message>
    <message>
        <source>New start</source>
        <translation>Новое начало</translation>
    </message>
    <message>
        <source>New end</source>
        <translation>Новое окончание</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Перенести</translation>
    </message>
    <message>
        <source>Move the booking</source>
        <translation>Перенести бронь</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Keep the booking where it is</source>
        <translation>Оставить бронь на месте</translation>
    </message>
</context>
<context>
    <name>MyBookings</name>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>released</source>
        <translation>освобождено</translation>
    </message>
    <message>
        <source>No upcoming bookings where you organize or attend. Book a room in the grid.</source>
        <translation>Предстоящих броней, где вы организатор или участник, нет. Забронируйте комнату в сетке.</translation>
    </message>
    <message>
        <source>My upcoming bookings</source>
        <translation>Мои предстоящие брони</translation>
    </message>
</context>
<context>
    <name>SeriesEditDialog</name>
    <message>
        <source>Edit the whole series</source>
        <translation>Изменить всю серию</translation>
    </message>
    <message>
        <source>Title of every occurrence</source>
        <translation>Название каждого повторения</translation>
    </message>
    <message>
        <source>Start of every occurrence</source>
        <translation>Начало каждого повторения</translation>
    </message>
    <message>
        <source>End of every occurrence</source>
        <translation>Конец каждого повторения</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Название:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Начало:</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Конец:</translation>
    </message>
    <message>
        <source>Cancelled and past occurrences stay as they are.</source>
        <translation>Отменённые и прошедшие повторения остаются как есть.</translation>
    </message>
    <message>
        <source>The change could not be saved; nothing was changed.</source>
        <translation>Изменение не удалось сохранить; ничего не изменено.</translation>
    </message>
</context>
<context>
    <name>WeekPanel</name>
    <message>
        <source>Remove the room from favourites</source>
        <translation>Убрать комнату из избранного</translation>
    </message>
    <message>
        <source>Add the room to favourites</source>
        <translation>Добавить комнату в избранное</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Комната:</translation>
    </message>
    <message>
        <source>Room shown for the week</source>
        <translation>Комната, чья неделя показана</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Предыдущая неделя</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Следующая неделя</translation>
    </message>
    <message>
        <source>Week shown</source>
        <translation>Показанная неделя</translation>
    </message>
    <message>
        <source>Green with a bar: your bookings</source>
        <translation>Зелёные с полосой: ваши брони</translation>
    </message>
    <message>
        <source>Mon–Fri &amp;only</source>
        <translation>Только &amp;пн–пт</translation>
    </message>
    <message>
        <source>Show the working week only</source>
        <translation>Показывать только рабочую неделю</translation>
    </message>
    <message>
        <source>Week of the room: days and their bookings</source>
        <translation>Неделя комнаты: дни и брони</translation>
    </message>
    <message>
        <source>Choose a room to see its week.</source>
        <translation>Выберите комнату, чтобы увидеть её неделю.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <source>your booking</source>
        <translation>ваша бронь</translation>
    </message>
    <message>
        <source>free</source>
        <translation>свободно</translation>
    </message>
</context>
</TS>
