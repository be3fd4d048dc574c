<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About the Intranet</source>
        <translation>О программе «Интранет»</translation>
    </message>
    <message>
        <source>Intranet %1</source>
        <translation>Интранет %1</translation>
    </message>
    <message>
        <source>Ministry of Health of the Republic of Azerbaijan</source>
        <translation>Министерство здравоохранения Азербайджанской Республики</translation>
    </message>
    <message>
        <source>Encrypted; the key is kept in this computer&apos;s credential store.</source>
        <translation>Зашифрованы; ключ хранится в хранилище учётных данных этого компьютера.</translation>
    </message>
    <message>
        <source>Encrypted; your password is asked at each start.</source>
        <translation>Зашифрованы; пароль запрашивается при каждом запуске.</translation>
    </message>
    <message>
        <source>Encrypted; this computer has no credential store, so your password is asked at each start.</source>
        <translation>Зашифрованы; на этом компьютере нет хранилища учётных данных, поэтому пароль запрашивается при каждом запуске.</translation>
    </message>
    <message>
        <source>Signed in as:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Сервер:</translation>
    </message>
    <message>
        <source>Offline data:</source>
        <translation>Автономные данные:</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Версия:</translation>
    </message>
    <message>
        <source>Policies in effect…</source>
        <translation>Действующие политики…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>ChangeWords</name>
    <message>
        <source>work phone</source>
        <translation>рабочий телефон</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>мобильный</translation>
    </message>
    <message>
        <source>office</source>
        <translation>кабинет</translation>
    </message>
    <message>
        <source>title</source>
        <translation>название</translation>
    </message>
    <message>
        <source>description</source>
        <translation>описание</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>теги</translation>
    </message>
    <message>
        <source>room</source>
        <translation>комната</translation>
    </message>
    <message>
        <source>start</source>
        <translation>начало</translation>
    </message>
    <message>
        <source>end</source>
        <translation>конец</translation>
    </message>
    <message>
        <source>every</source>
        <translation>дни недели</translation>
    </message>
    <message>
        <source>time</source>
        <translation>время</translation>
    </message>
    <message>
        <source>from – to</source>
        <translation>с – по</translation>
    </message>
    <message>
        <source>occurrences</source>
        <translation>число встреч</translation>
    </message>
    <message>
        <source>Contact details of %1</source>
        <translation>Контактные данные: %1</translation>
    </message>
    <message>
        <source>Card of %1</source>
        <translation>Карточка: %1</translation>
    </message>
    <message>
        <source>Change to %1</source>
        <translation>Изменение: %1</translation>
    </message>
    <message>
        <source>New booking: %1</source>
        <translation>Новая бронь: %1</translation>
    </message>
    <message>
        <source>Changed booking: %1</source>
        <translation>Изменённая бронь: %1</translation>
    </message>
    <message>
        <source>Cancelled booking: %1</source>
        <translation>Отменённая бронь: %1</translation>
    </message>
    <message>
        <source>Upload of %1</source>
        <translation>Загрузка: %1</translation>
    </message>
    <message>
        <source>New version of %1</source>
        <translation>Новая версия: %1</translation>
    </message>
    <message>
        <source>Details of %1</source>
        <translation>Сведения: %1</translation>
    </message>
    <message>
        <source>%1 sent to %2</source>
        <translation>%1 отправлен: %2</translation>
    </message>
    <message>
        <source>%1 marked as read</source>
        <translation>%1 отмечен как прочитанный</translation>
    </message>
</context>
<context>
    <name>ChangesWindow</name>
    <message>
        <source>The list could not be read. Please try again.</source>
        <translation>Не удалось прочитать список. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Отклонено: %1</translation>
    </message>
    <message>
        <source>Conflict: %1</source>
        <translation>Конфликт: %1</translation>
    </message>
    <message>
        <source>Waiting for the change before it</source>
        <translation>Ждёт предыдущего изменения</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Отправляется</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Ждёт отправки</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Конфликт</translation>
    </message>
    <message>
        <source>Discard the change</source>
        <translation>Отменить изменение</translation>
    </message>
    <message>
        <source>Discard “%1”? The record goes back to the version on the server; this cannot be undone.</source>
        <translation>Отменить «%1»? Запись вернётся к версии на сервере; это нельзя отменить.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Keep the change</source>
        <translation>Оставить изменение</translation>
    </message>
    <message>
        <source>Changes waiting</source>
        <translation>Ожидающие изменения</translation>
    </message>
    <message>
        <source>Changes made on this computer that the server has not accepted yet, oldest first. They are sent on their own when the server is reachable.</source>
        <translation>Изменения, сделанные на этом компьютере и ещё не принятые сервером, сначала самые старые. Они отправятся сами, когда сервер будет доступен.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Сделано</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Column headings</source>
        <translation>Заголовки столбцов</translation>
    </message>
    <message>
        <source>Nothing is waiting: the server has accepted every change made here.</source>
        <translation>Ничего не ждёт: сервер принял все изменения, сделанные здесь.</translation>
    </message>
    <message>
        <source>&amp;Retry now</source>
        <translation>&amp;Повторить сейчас</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Повторить сейчас</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>&amp;Отменить…</translation>
    </message>
    <message>
        <source>&amp;Open the record</source>
        <translation>&amp;Открыть запись</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Открыть запись</translation>
    </message>
    <message>
        <source>Re&amp;solve the conflict…</source>
        <translation>&amp;Разрешить конфликт…</translation>
    </message>
    <message>
        <source>Resolve the conflict</source>
        <translation>Разрешить конфликт</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>About the chosen change</source>
        <translation>О выбранном изменении</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>%1 changed it on the server (%2).</source>
        <translation>%1 изменил(а) её на сервере (%2).</translation>
    </message>
    <message>
        <source>%1 changed it on the server.</source>
        <translation>%1 изменил(а) её на сервере.</translation>
    </message>
    <message>
        <source>It was changed on the server (%1).</source>
        <translation>Она изменена на сервере (%1).</translation>
    </message>
    <message>
        <source>It was changed on the server.</source>
        <translation>Она изменена на сервере.</translation>
    </message>
    <message>
        <source>Changed on both sides</source>
        <translation>Изменено с обеих сторон</translation>
    </message>
    <message>
        <source>This meeting series was changed on the server while your change to the whole series waited to be sent. Choose which version of the series to keep.</source>
        <translation>Эта серия встреч была изменена на сервере, пока ваше изменение всей серии ждало отправки. Выберите, какую версию серии сохранить.</translation>
    </message>
    <message>
        <source>This record was changed on the server while your change waited to be sent. Choose which version to keep.</source>
        <translation>Пока ваше изменение ждало отправки, эту запись изменили на сервере. Выберите, какую версию сохранить.</translation>
    </message>
    <message>
        <source>Both versions, field by field</source>
        <translation>Обе версии, поле за полем</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Ваша версия</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>На сервере</translation>
    </message>
    <message numerus="yes">
        <source>%1 marks the fields that differ (%n field(s)).</source>
        <translation>
            <numerusform>%1 отмечает различающиеся поля (%n поле).</numerusform>
            <numerusform>%1 отмечает различающиеся поля (%n поля).</numerusform>
            <numerusform>%1 отмечает различающиеся поля (%n полей).</numerusform>
        </translation>
    </message>
    <message>
        <source>differs</source>
        <translation>отличается</translation>
    </message>
    <message>
        <source>Your version of %1</source>
        <translation>%1: ваша версия</translation>
    </message>
    <message>
        <source>The server&apos;s version of %1</source>
        <translation>%1: версия на сервере</translation>
    </message>
    <message>
        <source>&amp;Keep mine</source>
        <translation>&amp;Оставить мою</translation>
    </message>
    <message>
        <source>Send your version again, over the server&apos;s</source>
        <translation>Отправить вашу версию снова, поверх серверной</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Оставить мою</translation>
    </message>
    <message>
        <source>&amp;Take the server&apos;s</source>
        <translation>&amp;Взять серверную</translation>
    </message>
    <message>
        <source>Drop your change and show the server&apos;s version</source>
        <translation>Отменить ваше изменение и показать версию сервера</translation>
    </message>
    <message>
        <source>Take the server&apos;s</source>
        <translation>Взять серверную</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>Change your version before sending it again</source>
        <translation>Изменить вашу версию перед повторной отправкой</translation>
    </message>
    <message>
        <source>Edit my version</source>
        <translation>Изменить мою версию</translation>
    </message>
    <message>
        <source>Decide later</source>
        <translation>Решить позже</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>User guide — Intranet</source>
        <translation>Руководство пользователя — Интранет</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The user guide is missing from this installation.</source>
        <translation>Руководство пользователя отсутствует в этой установке.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Log folder</source>
        <translation>Папка журналов</translation>
    </message>
    <message>
        <source>The log folder could not be opened. You find the logs here:</source>
        <translation>Не удалось открыть папку журналов. Журналы находятся здесь:</translation>
    </message>
</context>
<context>
    <name>HelpdeskDialog</name>
    <message>
        <source>Helpdesk</source>
        <translation>Служба поддержки</translation>
    </message>
    <message>
        <source>Helpdesk contact</source>
        <translation>Контакты службы поддержки</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Телефон: %1</translation>
    </message>
    <message>
        <source>E-mail: %1</source>
        <translation>Эл. почта: %1</translation>
    </message>
    <message>
        <source>Web: %1</source>
        <translation>Сайт: %1</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <source>The Intranet is locked</source>
        <translation>Интранет заблокирован</translation>
    </message>
    <message>
        <source>The window was locked after a period of inactivity. Enter the password of %1 to continue.</source>
        <translation>Окно заблокировано после периода бездействия. Чтобы продолжить, введите пароль пользователя %1.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти из системы</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>The password is incorrect.</source>
        <translation>Неверный пароль.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Intranet — Ministry of Health</source>
        <translation>Интранет — Министерство здравоохранения</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Повторный вход</translation>
    </message>
    <message>
        <source>Sign in now</source>
        <translation>Войти сейчас</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
    <message>
        <source>Working offline. Sign in again to synchronise.</source>
        <translation>Работа в автономном режиме. Чтобы синхронизировать данные, войдите снова.</translation>
    </message>
    <message>
        <source>All Intranet data kept on this computer for your account will be removed. You will need the network to sign in again.</source>
        <translation>Все данные Интранета, сохранённые на этом компьютере для вашей учётной записи, будут удалены. Для повторного входа потребуется подключение к сети.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) not yet sent to the server will be lost.</source>
        <translation>
            <numerusform>%n изменение, ещё не отправленное на сервер, будет потеряно.</numerusform>
            <numerusform>%n изменения, ещё не отправленные на сервер, будут потеряны.</numerusform>
            <numerusform>%n изменений, ещё не отправленных на сервер, будут потеряны.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove offline data</source>
        <translation>Удаление автономных данных</translation>
    </message>
    <message>
        <source>Remove and sign out</source>
        <translation>Удалить и выйти</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Intranet</source>
        <translation>Интранет</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Понятно</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Intranet</source>
        <translation>&amp;Интранет</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Synchronise now</source>
        <translation>&amp;Синхронизировать сейчас</translation>
    </message>
    <message>
        <source>Send your changes and receive the latest data</source>
        <translation>Отправить ваши изменения и получить актуальные данные</translation>
    </message>
    <message>
        <source>&amp;Changes waiting…</source>
        <translation>&amp;Ожидающие изменения…</translation>
    </message>
    <message>
        <source>Changes not yet accepted by the server</source>
        <translation>Изменения, ещё не принятые сервером</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Выйти из системы</translation>
    </message>
    <message>
        <source>Sign out and &amp;remove offline data…</source>
        <translation>Выйти и &amp;удалить автономные данные…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Закрыть программу</translation>
    </message>
    <message>
        <source>&amp;About the Intranet</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Открыть папку &amp;журналов</translation>
    </message>
    <message>
        <source>Contact the &amp;helpdesk…</source>
        <translation>Связаться со службой &amp;поддержки…</translation>
    </message>
    <message>
        <source>&amp;Policies in effect…</source>
        <translation>Действующие &amp;политики…</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Задано вашей организацией</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The username or password is incorrect.</source>
        <translation>Неверное имя пользователя или пароль.</translation>
    </message>
    <message>
        <source>The password is incorrect. The server cannot be reached, so the password was checked against the offline data on this computer.</source>
        <translation>Неверный пароль. Сервер недоступен, поэтому пароль был проверен по автономным данным на этом компьютере.</translation>
    </message>
    <message numerus="yes">
        <source>The next attempt is possible in %n second(s).</source>
        <translation>
            <numerusform>Следующая попытка возможна через %n секунду.</numerusform>
            <numerusform>Следующая попытка возможна через %n секунды.</numerusform>
            <numerusform>Следующая попытка возможна через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. Check the network connection. To work offline, sign in once on this computer while connected.</source>
        <translation>Сервер %1 недоступен. Проверьте подключение к сети. Чтобы работать автономно, сначала хотя бы один раз войдите на этом компьютере при наличии подключения.</translation>
    </message>
    <message>
        <source>The server is not available right now. Please try again in a few minutes.</source>
        <translation>Сервер сейчас недоступен. Повторите попытку через несколько минут.</translation>
    </message>
    <message numerus="yes">
        <source>Too many attempts. Please try again in %n second(s).</source>
        <translation>
            <numerusform>Слишком много попыток. Повторите попытку через %n секунду.</numerusform>
            <numerusform>Слишком много попыток. Повторите попытку через %n секунды.</numerusform>
            <numerusform>Слишком много попыток. Повторите попытку через %n секунд.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many attempts. Please try again later.</source>
        <translation>Слишком много попыток. Повторите попытку позже.</translation>
    </message>
    <message numerus="yes">
        <source>You have worked offline for longer than allowed (%n day(s)). Connect to the ministry network once to continue.</source>
        <translation>
            <numerusform>Вы работали автономно дольше допустимого срока (%n день). Чтобы продолжить, один раз подключитесь к сети министерства.</numerusform>
            <numerusform>Вы работали автономно дольше допустимого срока (%n дня). Чтобы продолжить, один раз подключитесь к сети министерства.</numerusform>
            <numerusform>Вы работали автономно дольше допустимого срока (%n дней). Чтобы продолжить, один раз подключитесь к сети министерства.</numerusform>
        </translation>
    </message>
    <message>
        <source>An administrator has disconnected this computer from the Intranet. The offline data on this computer was removed. Sign in to register the computer again.</source>
        <translation>Администратор отключил этот компьютер от Интранета. Автономные данные на этом компьютере удалены. Войдите, чтобы зарегистрировать компьютер заново.</translation>
    </message>
    <message>
        <source>An administrator had disconnected this computer from the Intranet, so its offline data was removed. The computer is registered again and your data is being downloaded.</source>
        <translation>Администратор отключал этот компьютер от Интранета, поэтому его автономные данные были удалены. Компьютер зарегистрирован заново, ваши данные загружаются.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Please sign in again to synchronise your data.</source>
        <translation>Срок действия входа истёк. Чтобы синхронизировать данные, войдите снова.</translation>
    </message>
    <message>
        <source>The offline data on this computer cannot be opened. Please contact the service desk.</source>
        <translation>Не удаётся открыть автономные данные на этом компьютере. Обратитесь в службу технической поддержки.</translation>
    </message>
    <message>
        <source>The offline data on this computer was written by a newer version of the application. Please update the application.</source>
        <translation>Автономные данные на этом компьютере созданы более новой версией программы. Обновите программу.</translation>
    </message>
    <message>
        <source>There is no offline data for this user on this computer. Connect to the network and sign in online first.</source>
        <translation>На этом компьютере нет автономных данных этого пользователя. Подключитесь к сети и сначала войдите в режиме онлайн.</translation>
    </message>
    <message>
        <source>The server sent an answer the application does not understand.</source>
        <translation>Сервер прислал ответ, который программа не может обработать.</translation>
    </message>
    <message>
        <source>Something went wrong (%1). Please try again.</source>
        <translation>Произошла ошибка (%1). Повторите попытку.</translation>
    </message>
    <message>
        <source>The folder for the offline data is too long for Windows (more than 260 characters): %1. Please ask your service desk to choose a shorter one.</source>
        <translation>Путь к папке автономных данных слишком длинный для Windows (более 260 символов): %1. Попросите службу поддержки выбрать более короткий.</translation>
    </message>
</context>
<context>
    <name>PoliciesDialog</name>
    <message>
        <source>Policies in effect</source>
        <translation>Действующие политики</translation>
    </message>
    <message>
        <source>The settings below decide how the Intranet works on this computer. Those set by your organisation cannot be changed in the app.</source>
        <translation>Параметры ниже определяют, как Интранет работает на этом компьютере. Заданные вашей организацией нельзя изменить в приложении.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Параметр</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Задано вашей организацией</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Язык системы</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Разрешено</translation>
    </message>
    <message>
        <source>Only the system&apos;s certificates</source>
        <translation>Только сертификаты системы</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Не задано</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Не разрешено</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Никогда</translation>
    </message>
    <message>
        <source>Set by your organisation (computer policy)</source>
        <translation>Задано вашей организацией (политика компьютера)</translation>
    </message>
    <message>
        <source>Set by your organisation (user policy)</source>
        <translation>Задано вашей организацией (политика пользователя)</translation>
    </message>
    <message>
        <source>The server</source>
        <translation>Сервер</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>Ваш выбор</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>О&amp;тмена</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Закрыть без сохранения</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Показать подробности...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Скрыть подробности...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Сохранить все</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Да</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Да для &amp;всех</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Нет</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Н&amp;ет для всех</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Прервать</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Не сохранять</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Применить</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Восстановить значения по умолчанию</translation>
    </message>
</context>
<context>
    <name>ShellApp</name>
    <message>
        <source>The server cannot be reached: you are working with the data kept on this computer. Changes will be sent when the connection returns.</source>
        <translation>Сервер недоступен: вы работаете с данными, сохранёнными на этом компьютере. Изменения будут отправлены, когда связь восстановится.</translation>
    </message>
    <message>
        <source>This computer has no credential store: your password will be asked at each start.</source>
        <translation>На этом компьютере нет хранилища учётных данных: пароль будет запрашиваться при каждом запуске.</translation>
    </message>
    <message>
        <source>The offline data on this computer was removed.</source>
        <translation>Автономные данные на этом компьютере удалены.</translation>
    </message>
    <message>
        <source>Preparing the demonstration server…</source>
        <translation>Подготовка демонстрационного сервера…</translation>
    </message>
    <message>
        <source>The demonstration server could not be started: %1</source>
        <translation>Не удалось запустить демонстрационный сервер: %1</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Ministry Intranet</source>
        <translation>Вход — Интранет министерства</translation>
    </message>
    <message>
        <source>Ministry of Health of the Republic of Azerbaijan</source>
        <translation>Министерство здравоохранения Азербайджанской Республики</translation>
    </message>
    <message>
        <source>Intranet</source>
        <translation>Интранет</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Адрес сервера:</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Задано вашей организацией</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Запомнить меня на этом компьютере</translation>
    </message>
    <message>
        <source>Remember me on this computer (set by your organisation)</source>
        <translation>Запомнить меня на этом компьютере (задано вашей организацией)</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Задано администратором</translation>
    </message>
    <message>
        <source>e.g. turane.ceferli</source>
        <translation>например, turane.ceferli</translation>
    </message>
    <message>
        <source>This computer has no working credential store, so the Intranet cannot remember you: your password will be asked at each start.</source>
        <translation>На этом компьютере нет работающего хранилища учётных данных, поэтому Интранет не может вас запомнить: пароль будет запрашиваться при каждом запуске.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Язык:</translation>
    </message>
    <message>
        <source>Enter the server address, e.g. https://intranet.health.gov.az.</source>
        <translation>Введите адрес сервера, например: https://intranet.health.gov.az.</translation>
    </message>
    <message>
        <source>The server address cannot contain spaces.</source>
        <translation>Адрес сервера не может содержать пробелы.</translation>
    </message>
    <message>
        <source>The server address must begin with https:// (or be a bare name such as intranet.health.gov.az).</source>
        <translation>Адрес сервера должен начинаться с https:// (или быть просто именем, например intranet.health.gov.az).</translation>
    </message>
    <message>
        <source>The server address has no server name, e.g. intranet.health.gov.az.</source>
        <translation>В адресе сервера нет имени сервера (например, intranet.health.gov.az).</translation>
    </message>
    <message>
        <source>The port after the colon in the server address must be a number from 1 to 65535.</source>
        <translation>Порт после двоеточия в адресе сервера должен быть числом от 1 до 65535.</translation>
    </message>
    <message>
        <source>Enter your username.</source>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message numerus="yes">
        <source>Wait %n s</source>
        <translation>
            <numerusform>Подождите %n с</numerusform>
            <numerusform>Подождите %n с</numerusform>
            <numerusform>Подождите %n с</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Выполняется вход…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The Intranet cannot start</source>
        <translation>Интранет не может запуститься</translation>
    </message>
    <message>
        <source>This installation of the Intranet is incomplete. Please ask your service desk to repair or reinstall it.</source>
        <translation>Эта установка Интранета неполная. Попросите службу поддержки восстановить или переустановить её.</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>Sending changes</source>
        <translation>Отправка изменений</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Подразделения</translation>
    </message>
    <message>
        <source>Meeting rooms</source>
        <translation>Переговорные комнаты</translation>
    </message>
    <message>
        <source>Bookings</source>
        <translation>Бронирования</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Папки</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>Shared documents</source>
        <translation>Общие документы</translation>
    </message>
    <message>
        <source>Registries</source>
        <translation>Реестры</translation>
    </message>
    <message>
        <source>Registry rows</source>
        <translation>Записи реестров</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Регионы</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <source>Indicator values</source>
        <translation>Значения показателей</translation>
    </message>
    <message>
        <source>Preparing registry search</source>
        <translation>Подготовка поиска по реестрам</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>В сети</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Автономный режим</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Offline, trying to connect…</source>
        <translation>Автономный режим, попытка подключения…</translation>
    </message>
    <message numerus="yes">
        <source>Offline, next try in %n s</source>
        <translation>
            <numerusform>Автономный режим, следующая попытка через %n с</numerusform>
            <numerusform>Автономный режим, следующая попытка через %n с</numerusform>
            <numerusform>Автономный режим, следующая попытка через %n с</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes are kept on this computer and sent when the server is reachable.</source>
        <translation>Изменения сохраняются на этом компьютере и будут отправлены, когда сервер станет доступен.</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Ещё не синхронизировано</translation>
    </message>
    <message>
        <source>Last synchronised: %1</source>
        <translation>Последняя синхронизация: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting to be sent</source>
        <translation>
            <numerusform>%n изменение ожидает отправки</numerusform>
            <numerusform>%n изменения ожидают отправки</numerusform>
            <numerusform>%n изменений ожидают отправки</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the changes waiting to be sent</source>
        <translation>Показать изменения, ждущие отправки</translation>
    </message>
    <message>
        <source>Stop the synchronisation</source>
        <translation>Остановить синхронизацию</translation>
    </message>
    <message>
        <source>Checking for changes…</source>
        <translation>Проверка изменений…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1; still to come: %2</source>
        <translation>%1; ещё впереди: %2</translation>
    </message>
</context>
<context>
    <name>WriteErrors</name>
    <message>
        <source>The server could not read the change. Discard it and make it again.</source>
        <translation>Сервер не смог прочитать изменение. Отмените его и сделайте заново.</translation>
    </message>
    <message>
        <source>The change was sent without its one-time key. Discard it and make it again.</source>
        <translation>Изменение отправлено без одноразового ключа. Отмените его и сделайте заново.</translation>
    </message>
    <message>
        <source>The change carries a one-time key the server does not accept. Discard it and make it again.</source>
        <translation>Сервер не принимает одноразовый ключ изменения. Отмените его и сделайте заново.</translation>
    </message>
    <message>
        <source>You are not signed in. Sign in again and the change will be sent.</source>
        <translation>Вы не вошли в систему. Войдите снова, и изменение будет отправлено.</translation>
    </message>
    <message>
        <source>Your sign-in has ended. Sign in again and the change will be sent.</source>
        <translation>Ваш вход завершён. Войдите снова, и изменение будет отправлено.</translation>
    </message>
    <message>
        <source>An administrator has disconnected this computer from the Intranet.</source>
        <translation>Администратор отключил этот компьютер от Интранета.</translation>
    </message>
    <message>
        <source>You are not allowed to make this change.</source>
        <translation>У вас нет права вносить это изменение.</translation>
    </message>
    <message>
        <source>The record no longer exists on the server.</source>
        <translation>Этой записи больше нет на сервере.</translation>
    </message>
    <message>
        <source>The server does not accept this kind of change.</source>
        <translation>Сервер не принимает такое изменение.</translation>
    </message>
    <message>
        <source>The server cannot answer in a form the application reads.</source>
        <translation>Сервер не может ответить в понятном приложению виде.</translation>
    </message>
    <message>
        <source>The room is already booked for this time.</source>
        <translation>Комната на это время уже забронирована.</translation>
    </message>
    <message>
        <source>The server is still working on this change. It will be checked again.</source>
        <translation>Сервер ещё обрабатывает это изменение. Оно будет проверено снова.</translation>
    </message>
    <message>
        <source>The data on this computer must be synchronised again from the start.</source>
        <translation>Данные на этом компьютере нужно синхронизировать заново с начала.</translation>
    </message>
    <message>
        <source>Someone changed this record on the server meanwhile. Choose which version to keep.</source>
        <translation>Тем временем кто-то изменил эту запись на сервере. Выберите, какую версию сохранить.</translation>
    </message>
    <message>
        <source>The change is larger than the server accepts.</source>
        <translation>Изменение больше, чем принимает сервер.</translation>
    </message>
    <message>
        <source>The server does not accept this type of file.</source>
        <translation>Сервер не принимает файлы этого типа.</translation>
    </message>
    <message>
        <source>The requested part of the file does not exist.</source>
        <translation>Запрошенной части файла не существует.</translation>
    </message>
    <message>
        <source>The server did not accept the values: %1</source>
        <translation>Сервер не принял значения: %1</translation>
    </message>
    <message>
        <source>The server already received a different change under the same key. Discard this one and make it again.</source>
        <translation>Сервер уже получил другое изменение с тем же ключом. Отмените это и сделайте заново.</translation>
    </message>
    <message>
        <source>The change was sent without the version it builds on. Discard it and make it again.</source>
        <translation>Изменение отправлено без версии, на которой оно основано. Отмените его и сделайте заново.</translation>
    </message>
    <message>
        <source>Too many changes at once. The change will be sent again shortly.</source>
        <translation>Слишком много изменений сразу. Изменение скоро будет отправлено снова.</translation>
    </message>
    <message>
        <source>Nobody checked in within 15 minutes of the start, so the room was released. Book it again if it is still free.</source>
        <translation>Никто не отметился в течение 15 минут после начала, поэтому комната освобождена. Забронируйте её снова, если она ещё свободна.</translation>
    </message>
    <message>
        <source>The room is closed at that time: book within its opening hours.</source>
        <translation>В это время комната закрыта: бронируйте в часы её работы.</translation>
    </message>
    <message>
        <source>Someone else has checked this document out for editing. Send your change once they check it in, or discard it.</source>
        <translation>Этот документ взят на редактирование другим сотрудником. Отправьте своё изменение, когда он его вернёт, или отмените его.</translation>
    </message>
    <message>
        <source>The upload was cancelled or has expired. It will be sent again.</source>
        <translation>Загрузка отменена или её срок истёк. Файл будет отправлен снова.</translation>
    </message>
    <message>
        <source>The server has not received the whole file yet. It will be sent again.</source>
        <translation>Сервер ещё не получил файл целиком. Он будет отправлен снова.</translation>
    </message>
    <message>
        <source>The upload lost its place. It continues from what the server has.</source>
        <translation>Загрузка сбилась. Она продолжится с того, что уже есть на сервере.</translation>
    </message>
    <message>
        <source>The change collides with the server&apos;s data.</source>
        <translation>Изменение противоречит данным на сервере.</translation>
    </message>
    <message>
        <source>The record is gone from the server.</source>
        <translation>Запись удалена с сервера.</translation>
    </message>
    <message>
        <source>The server did not accept the values.</source>
        <translation>Сервер не принял значения.</translation>
    </message>
    <message>
        <source>The server refused the change.</source>
        <translation>Сервер отклонил изменение.</translation>
    </message>
</context>
</TS>
