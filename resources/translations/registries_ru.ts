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
        <source>Offline, as of %1</source>
        <translation>На этом компьютере, по состоянию на %1</translation>
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
