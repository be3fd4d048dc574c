<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>ContactRow</name>
    <message>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
</context>
<context>
    <name>DirectoryTab</name>
    <message>
        <source>Directory</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>No one matches &quot;%1&quot;.</source>
        <translation>По запросу «%1» никого не найдено.</translation>
    </message>
    <message>
        <source>No one works in this department.</source>
        <translation>В этом подразделении нет сотрудников.</translation>
    </message>
    <message>
        <source>No people synced yet. They appear here after the first sync.</source>
        <translation>Список сотрудников ещё не загружен. Он появится здесь после первой синхронизации.</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n сотрудник</numerusform>
            <numerusform>%n сотрудника</numerusform>
            <numerusform>%n сотрудников</numerusform>
        </translation>
    </message>
    <message>
        <source>The directory could not be read. Try again.</source>
        <translation>Не удалось прочитать список сотрудников. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>vCard 3.0, for Outlook and phones (*.vcf)</source>
        <translation>vCard 3.0 для Outlook и телефонов (*.vcf)</translation>
    </message>
    <message>
        <source>vCard 4.0 (*.vcf)</source>
        <translation>vCard 4.0 (*.vcf)</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Сохранить контакт</translation>
    </message>
    <message>
        <source>The file could not be saved to %1:
%2</source>
        <translation>Не удалось сохранить файл в %1:
%2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Фамилия, имя</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Рабочий телефон</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Мобильный</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <source>%1 - phone list</source>
        <translation>%1 - список телефонов</translation>
    </message>
    <message>
        <source>Export phone list</source>
        <translation>Экспорт списка телефонов</translation>
    </message>
    <message>
        <source>CSV files for Excel (*.csv)</source>
        <translation>Файлы CSV для Excel (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n people of %1 exported to %2</source>
        <translation>
            <numerusform>%1: %n сотрудник выгружен в %2</numerusform>
            <numerusform>%1: %n сотрудника выгружены в %2</numerusform>
            <numerusform>%1: %n сотрудников выгружены в %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Print phone list</source>
        <translation>Печать списка телефонов</translation>
    </message>
    <message>
        <source>Phone list, %1</source>
        <translation>Список телефонов, %1</translation>
    </message>
    <message numerus="yes">
        <source>The phone list of %1 (%n people) is printed.</source>
        <translation>
            <numerusform>Список телефонов «%1» (%n сотрудник) отправлен на печать.</numerusform>
            <numerusform>Список телефонов «%1» (%n сотрудника) отправлен на печать.</numerusform>
            <numerusform>Список телефонов «%1» (%n сотрудников) отправлен на печать.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search by name, position, phone or email (Ctrl+F)</source>
        <translation>Поиск по имени, должности, телефону или эл. почте (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search the directory</source>
        <translation>Поиск сотрудников</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Подразделения</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Export phone list…</source>
        <translation>Экспорт списка телефонов…</translation>
    </message>
    <message>
        <source>Export the department&apos;s phone list</source>
        <translation>Экспортировать список телефонов подразделения</translation>
    </message>
    <message>
        <source>Save the chosen department&apos;s phone list as a CSV file for Excel</source>
        <translation>Сохранить список телефонов выбранного подразделения в файл CSV для Excel</translation>
    </message>
    <message>
        <source>Print phone list…</source>
        <translation>Печать списка телефонов…</translation>
    </message>
    <message>
        <source>Print the department&apos;s phone list</source>
        <translation>Распечатать список телефонов подразделения</translation>
    </message>
    <message>
        <source>Print the chosen department&apos;s phone list</source>
        <translation>Распечатать список телефонов выбранного подразделения</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Очистить поиск</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Отдел</translation>
    </message>
    <message>
        <source>Whole ministry</source>
        <translation>Всё министерство</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Руководитель</translation>
    </message>
</context>
<context>
    <name>MyDetailsDialog</name>
    <message>
        <source>The change could not be saved on this computer. Please try again.</source>
        <translation>Не удалось сохранить изменение на этом компьютере. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Enter a work phone number; it cannot be removed.</source>
        <translation>Введите рабочий телефон; его нельзя удалить.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n character(s).</source>
        <translation>
            <numerusform>Не больше %n символа.</numerusform>
            <numerusform>Не больше %n символов.</numerusform>
            <numerusform>Не больше %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only digits, spaces and + - ( ) are allowed, with at least one digit.</source>
        <translation>Допустимы только цифры, пробелы и + - ( ), хотя бы одна цифра.</translation>
    </message>
    <message>
        <source>Use one line without control characters.</source>
        <translation>Одна строка без управляющих символов.</translation>
    </message>
    <message>
        <source>A number needs at least one digit.</source>
        <translation>В номере должна быть хотя бы одна цифра.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Ничего не изменено.</translation>
    </message>
    <message>
        <source>You may change only your own details.</source>
        <translation>Вы можете изменить только свои данные.</translation>
    </message>
    <message>
        <source>This person is no longer in the directory.</source>
        <translation>Этого человека больше нет в справочнике.</translation>
    </message>
    <message>
        <source>This value is not accepted.</source>
        <translation>Это значение не принимается.</translation>
    </message>
    <message>
        <source>My details</source>
        <translation>Мои данные</translation>
    </message>
    <message>
        <source>Contact details of %1</source>
        <translation>Контактные данные: %1</translation>
    </message>
    <message>
        <source>Your name, position and department come from the personnel system. The change is sent to the server when it is reachable.</source>
        <translation>Имя, должность и отдел берутся из кадровой системы. Изменение отправится на сервер, когда он будет доступен.</translation>
    </message>
    <message>
        <source>&amp;Work phone:</source>
        <translation>&amp;Рабочий телефон:</translation>
    </message>
    <message>
        <source>Work phone</source>
        <translation>Рабочий телефон</translation>
    </message>
    <message>
        <source>&amp;Mobile:</source>
        <translation>&amp;Мобильный:</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Мобильный</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>&amp;Кабинет:</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Кабинет</translation>
    </message>
    <message>
        <source>Problem with %1</source>
        <translation>%1: ошибка</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Ошибка</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>Close this message</source>
        <translation>Закрыть сообщение</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
</context>
<context>
    <name>PersonCardView</name>
    <message>
        <source>⚠ Conflict: this card was changed on the server while your change waited.</source>
        <translation>⚠ Конфликт: пока ваше изменение ждало, карточку изменили на сервере.</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Разрешить…</translation>
    </message>
    <message>
        <source>⚠ The server refused your change: %1</source>
        <translation>⚠ Сервер отклонил ваше изменение: %1</translation>
    </message>
    <message>
        <source>Changes waiting…</source>
        <translation>Ожидающие изменения…</translation>
    </message>
    <message>
        <source>Sending your change…</source>
        <translation>Ваше изменение отправляется…</translation>
    </message>
    <message>
        <source>Your change is waiting to be sent.</source>
        <translation>Ваше изменение ждёт отправки.</translation>
    </message>
    <message>
        <source>No mail program is set up on this computer, so the message could not be opened. Copy the address and write from your web mail.</source>
        <translation>На этом компьютере не настроена почтовая программа, поэтому письмо не открылось. Скопируйте адрес и напишите из веб-почты.</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Скопировать адрес</translation>
    </message>
    <message>
        <source>%1 is copied. Paste it into your web mail.</source>
        <translation>%1 скопирован. Вставьте его в веб-почте.</translation>
    </message>
    <message>
        <source>Contact saved to %1</source>
        <translation>Контакт сохранён: %1</translation>
    </message>
    <message>
        <source>‹ Back</source>
        <translation>‹ Назад</translation>
    </message>
    <message>
        <source>Back to the previous card (Alt+Left)</source>
        <translation>Вернуться к предыдущей карточке (Alt+Влево)</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Подразделение:</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>Руководитель:</translation>
    </message>
    <message>
        <source>Work phone:</source>
        <translation>Рабочий телефон:</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>Мобильный:</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>Кабинет:</translation>
    </message>
    <message>
        <source>&amp;Edit contact details…</source>
        <translation>&amp;Изменить контакты…</translation>
    </message>
    <message>
        <source>Change the work phone, mobile and office</source>
        <translation>Изменить рабочий телефон, мобильный и кабинет</translation>
    </message>
    <message>
        <source>Edit contact details</source>
        <translation>Изменить контакты</translation>
    </message>
    <message>
        <source>Write email</source>
        <translation>Написать письмо</translation>
    </message>
    <message>
        <source>Open a new message in your mail program</source>
        <translation>Открыть новое письмо в почтовой программе</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Сохранить контакт</translation>
    </message>
    <message>
        <source>Save as a vCard file for Outlook or a phone</source>
        <translation>Сохранить как файл vCard для Outlook или телефона</translation>
    </message>
    <message>
        <source>Open the manager&apos;s card</source>
        <translation>Открыть карточку руководителя</translation>
    </message>
    <message>
        <source>Person card</source>
        <translation>Карточка сотрудника</translation>
    </message>
    <message>
        <source>Direct reports</source>
        <translation>Непосредственные подчинённые</translation>
    </message>
    <message>
        <source>Copy the work phone</source>
        <translation>Копировать рабочий телефон</translation>
    </message>
    <message>
        <source>Copy the mobile number</source>
        <translation>Копировать мобильный номер</translation>
    </message>
    <message>
        <source>Copy the email address</source>
        <translation>Копировать адрес эл. почты</translation>
    </message>
    <message>
        <source>Copy the office</source>
        <translation>Копировать номер кабинета</translation>
    </message>
    <message>
        <source>This person is no longer in the directory.</source>
        <translation>Этого сотрудника больше нет в списке.</translation>
    </message>
    <message>
        <source>Choose a person to see their card.</source>
        <translation>Выберите сотрудника, чтобы открыть его карточку.</translation>
    </message>
    <message numerus="yes">
        <source>Direct reports (%n)</source>
        <translation>
            <numerusform>Подчинённые (%n)</numerusform>
            <numerusform>Подчинённые (%n)</numerusform>
            <numerusform>Подчинённые (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
            <numerusform>и ещё %n</numerusform>
        </translation>
    </message>
</context>
</TS>
