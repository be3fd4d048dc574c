<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>FilterRow</name>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Not a number</source>
        <translation>Не число</translation>
    </message>
    <message>
        <source>Not a date (YYYY-MM-DD)</source>
        <translation>Не дата (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>“From” is after “to”</source>
        <translation>«С» позже, чем «по»</translation>
    </message>
    <message>
        <source>Not a valid filter</source>
        <translation>Неверный фильтр</translation>
    </message>
    <message>
        <source>Filter: %1</source>
        <translation>Фильтр: %1</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Любое</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>from</source>
        <translation>с</translation>
    </message>
    <message>
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <source>contains…</source>
        <translation>содержит…</translation>
    </message>
</context>
<context>
    <name>RegistriesOnline</name>
    <message>
        <source>The server did not answer in time. Change a filter or choose the registry again to try once more.</source>
        <translation>Сервер не ответил вовремя. Измените фильтр или выберите реестр снова, чтобы повторить попытку.</translation>
    </message>
    <message>
        <source>The server cannot be reached. This registry is not kept on this computer: browse it when the connection returns, or tick “Keep on this computer”.</source>
        <translation>Сервер недоступен. Этот реестр не хранится на этом компьютере: просмотрите его, когда связь восстановится, или отметьте «Хранить на этом компьютере».</translation>
    </message>
    <message>
        <source>The server could not answer (error %1). Try again later.</source>
        <translation>Сервер не смог ответить (ошибка %1). Повторите попытку позже.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be read: it is not what this version of the program expects. Try again later, or tell the help desk.</source>
        <translation>Не удалось прочитать ответ сервера: эта версия программы ожидает другой ответ. Повторите попытку позже или сообщите в службу поддержки.</translation>
    </message>
    <message>
        <source>The server says this registry is not available to your role.</source>
        <translation>По данным сервера, этот реестр недоступен для вашей роли.</translation>
    </message>
    <message>
        <source>The server no longer has this registry.</source>
        <translation>На сервере больше нет этого реестра.</translation>
    </message>
    <message>
        <source>Your sign-in has ended: sign in again to read from the server.</source>
        <translation>Ваш сеанс завершён: войдите снова, чтобы читать данные с сервера.</translation>
    </message>
    <message>
        <source>The server did not accept this filter.</source>
        <translation>Сервер не принял этот фильтр.</translation>
    </message>
    <message>
        <source>The rows could not be read from the server.</source>
        <translation>Не удалось прочитать строки с сервера.</translation>
    </message>
</context>
<context>
    <name>RegistriesTab</name>
    <message>
        <source>Registries</source>
        <translation>Реестры</translation>
    </message>
    <message>
        <source>No registries yet. They appear after the first sync with the server.</source>
        <translation>Реестров пока нет. Они появятся после первой синхронизации с сервером.</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n строка</numerusform>
            <numerusform>%n строки</numerusform>
            <numerusform>%n строк</numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation>на этом компьютере</translation>
    </message>
    <message>
        <source>not on this computer</source>
        <translation>не на этом компьютере</translation>
    </message>
    <message>
        <source>Healthcare workers (personal data)</source>
        <translation>Медицинские работники (персональные данные)</translation>
    </message>
    <message>
        <source>Not available to your role. The healthcare workers&apos; registry holds personal data: analysts and administrators may read it.</source>
        <translation>Недоступно для вашей роли. Реестр медицинских работников содержит персональные данные: его могут читать аналитики и администраторы.</translation>
    </message>
    <message>
        <source>This registry is not on this computer. Tick “Keep on this computer” to download it at the next sync (about %1 MB).</source>
        <translation>Этого реестра нет на этом компьютере. Отметьте «Хранить на этом компьютере», чтобы загрузить его при следующей синхронизации (около %1 МБ).</translation>
    </message>
    <message>
        <source>Will be downloaded at the next sync</source>
        <translation>Будет загружен при следующей синхронизации</translation>
    </message>
    <message>
        <source>Not kept on this computer</source>
        <translation>Не хранится на этом компьютере</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <source>The rows could not be read.</source>
        <translation>Не удалось прочитать строки.</translation>
    </message>
    <message>
        <source>Preparing sorting and filters: %1 of %2</source>
        <translation>Подготовка сортировки и фильтров: %1 из %2</translation>
    </message>
    <message>
        <source>All ATC groups</source>
        <translation>Все группы АТХ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV для Excel (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>Экспорт представления</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Экспорт в %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n rows exported to %1</source>
        <translation>
            <numerusform>%n строка экспортирована в %1</numerusform>
            <numerusform>%n строки экспортированы в %1</numerusform>
            <numerusform>%n строк экспортировано в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Не удалось записать файл: %1</translation>
    </message>
    <message>
        <source>The export failed.</source>
        <translation>Экспорт не удался.</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>Экспорт отменён; файл не записан.</translation>
    </message>
    <message>
        <source>&amp;Registries</source>
        <translation>&amp;Реестры</translation>
    </message>
    <message>
        <source>Keep on this computer</source>
        <translation>Хранить на этом компьютере</translation>
    </message>
    <message>
        <source>&amp;ATC classification</source>
        <translation>&amp;Классификация АТХ</translation>
    </message>
    <message>
        <source>ATC code</source>
        <translation>Код АТХ</translation>
    </message>
    <message>
        <source>Medicines</source>
        <translation>Лекарства</translation>
    </message>
    <message>
        <source>ATC classification</source>
        <translation>Классификация АТХ</translation>
    </message>
    <message>
        <source>Search the whole row…</source>
        <translation>Поиск по всей строке…</translation>
    </message>
    <message>
        <source>online</source>
        <translation>онлайн</translation>
    </message>
    <message>
        <source>personal data · not available to your role</source>
        <translation>персональные данные · недоступно для вашей роли</translation>
    </message>
    <message>
        <source>Not available to your role. “%1” holds personal data: analysts and administrators may read it.</source>
        <translation>Недоступно для вашей роли. «%1» содержит персональные данные: его могут читать аналитики и администраторы.</translation>
    </message>
    <message>
        <source>This registry is not on this computer, and the server cannot be reached now: browse it online when the connection returns, or tick “Keep on this computer” to download it at the next sync (about %1 MB).</source>
        <translation>Этого реестра нет на этом компьютере, а сервер сейчас недоступен: просмотрите его онлайн, когда связь восстановится, или отметьте «Хранить на этом компьютере», чтобы загрузить его при следующей синхронизации (около %1 МБ).</translation>
    </message>
    <message numerus="yes">
        <source>%n rows on the server</source>
        <translation>
            <numerusform>%n строка на сервере</numerusform>
            <numerusform>%n строки на сервере</numerusform>
            <numerusform>%n строк на сервере</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows so far, more as you scroll</source>
        <translation>
            <numerusform>пока %n строка, дальше — при прокрутке</numerusform>
            <numerusform>пока %n строки, дальше — при прокрутке</numerusform>
            <numerusform>пока %n строк, дальше — при прокрутке</numerusform>
        </translation>
    </message>
    <message>
        <source>On this computer, as of %1</source>
        <translation>На этом компьютере, по состоянию на %1</translation>
    </message>
    <message>
        <source>Online: read from the server until the next sync downloads it</source>
        <translation>Онлайн: читается с сервера, пока следующая синхронизация не загрузит его</translation>
    </message>
    <message>
        <source>Online: read from the server</source>
        <translation>Онлайн: читается с сервера</translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %n rows written</source>
        <translation>
            <numerusform>Экспорт в %1: записана %n строка</numerusform>
            <numerusform>Экспорт в %1: записаны %n строки</numerusform>
            <numerusform>Экспорт в %1: записано %n строк</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting to %1: %n of %2 rows written</source>
        <translation>
            <numerusform>Экспорт в %1: записана %n строка из %2</numerusform>
            <numerusform>Экспорт в %1: записаны %n строки из %2</numerusform>
            <numerusform>Экспорт в %1: записано %n строк из %2</numerusform>
        </translation>
    </message>
    <message>
        <source>The export stopped; no file was written. %1</source>
        <translation>Экспорт остановлен; файл не записан. %1</translation>
    </message>
    <message>
        <source>The pick lists&apos; counts could not be read: %1</source>
        <translation>Не удалось прочитать количества для списков выбора: %1</translation>
    </message>
    <message>
        <source>Could not be read</source>
        <translation>Не прочитано</translation>
    </message>
    <message>
        <source>The ATC classification could not be read: %1</source>
        <translation>Не удалось прочитать классификацию ATC: %1</translation>
    </message>
    <message>
        <source>Search the whole row</source>
        <translation>Поиск по всей строке</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>Все строки</translation>
    </message>
    <message>
        <source>Expiring within 90 days</source>
        <translation>Истекают в течение 90 дней</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истёкшие</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Представление</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>&amp;Представление:</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>Экспорт XLSX…</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Отменить экспорт</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Ход экспорта</translation>
    </message>
    <message>
        <source>Registry rows</source>
        <translation>Строки реестра</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Row &amp;details</source>
        <translation>&amp;Подробности строки</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Row details</source>
        <translation>Подробности строки</translation>
    </message>
    <message>
        <source>Column headings</source>
        <translation>Заголовки столбцов</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Копировать значение</translation>
    </message>
    <message>
        <source>Copy row</source>
        <translation>Копировать строку</translation>
    </message>
</context>
<context>
    <name>RegistryTableModel</name>
    <message>
        <source>Yes</source>
        <translation>Да</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Нет</translation>
    </message>
</context>
</TS>
