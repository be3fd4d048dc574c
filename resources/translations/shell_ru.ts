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
</TS>
