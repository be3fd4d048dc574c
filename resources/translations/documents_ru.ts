<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>CheckoutPanel</name>
    <message>
        <source>Check &amp;out for editing</source>
        <translation>&amp;Взять на редактирование</translation>
    </message>
    <message>
        <source>Check out for editing</source>
        <translation>Взять на редактирование</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;Вернуть документ</translation>
    </message>
    <message>
        <source>&amp;Release the check-out</source>
        <translation>&amp;Снять блокировку</translation>
    </message>
    <message>
        <source>Not checked out: anyone who may edit can upload a version.</source>
        <translation>Не заблокирован: загрузить версию может любой, у кого есть право на изменение.</translation>
    </message>
    <message>
        <source>You have checked this document out since %1. Others cannot upload a version or change its details until you check it in (at the latest %2).</source>
        <translation>Вы взяли документ на редактирование с %1. Пока вы его не вернёте (не позже %2), другие не могут загружать версии и изменять его сведения.</translation>
    </message>
    <message>
        <source>Checked out by %1 since %2. Only they can upload a new version or change its details until they check it in (at the latest %3).</source>
        <translation>Взят на редактирование: %1, с %2. Пока документ не возвращён (не позже %3), загрузить новую версию или изменить сведения может только этот сотрудник.</translation>
    </message>
    <message>
        <source>The server did not take your change to the details: %1 has checked this document out since %2. Your change is kept here: retry it in “Changes waiting” once they check it in, or discard it.</source>
        <translation>Сервер не принял ваше изменение сведений: %1 взял(а) документ на редактирование с %2. Ваше изменение сохранено здесь: повторите отправку в «Ожидающих изменениях», когда документ вернут, или отмените его.</translation>
    </message>
    <message>
        <source>The server did not check the document out for you: %1 has had it checked out since %2. Discard your check-out in “Changes waiting”.</source>
        <translation>Сервер не выдал вам документ на редактирование: %1 взял(а) его на редактирование с %2. Отмените свой запрос в «Ожидающих изменениях».</translation>
    </message>
    <message>
        <source>The server did not take your new version: %1 has checked this document out since %2. Your file is kept here: retry it in “Changes waiting” once they check it in, or discard it.</source>
        <translation>Сервер не принял вашу новую версию: %1 взял(а) документ на редактирование с %2. Ваш файл сохранён здесь: повторите отправку в «Ожидающих изменениях», когда документ вернут, или отмените её.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>кто-то</translation>
    </message>
</context>
<context>
    <name>ConflictSides</name>
    <message>
        <source>Opening…</source>
        <translation>Открывается…</translation>
    </message>
    <message>
        <source>Their version opens once the server can be reached.</source>
        <translation>Их версия откроется, когда сервер станет доступен.</translation>
    </message>
    <message>
        <source>No preview for this type of file.</source>
        <translation>Для этого типа файла нет предпросмотра.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Uploaded by %1</source>
        <translation>Загрузил(а): %1</translation>
    </message>
    <message>
        <source>Author: %1</source>
        <translation>Автор: %1</translation>
    </message>
    <message>
        <source>Yours (based on version %1)</source>
        <translation>Ваша (на основе версии %1)</translation>
    </message>
    <message>
        <source>Theirs (version %1 on the server)</source>
        <translation>Их (версия %1 на сервере)</translation>
    </message>
    <message>
        <source>Changed here %1</source>
        <translation>Изменено здесь: %1</translation>
    </message>
    <message>
        <source>Uploaded %1</source>
        <translation>Загружено: %1</translation>
    </message>
    <message>
        <source>Preview of your version</source>
        <translation>Предпросмотр вашей версии</translation>
    </message>
    <message>
        <source>Preview of their version</source>
        <translation>Предпросмотр их версии</translation>
    </message>
</context>
<context>
    <name>DocumentsModel</name>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Waiting to upload</source>
        <translation>Ждёт загрузки</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Загружается</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Отклонено сервером</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Конфликт</translation>
    </message>
    <message>
        <source>Image %1</source>
        <translation>Изображение %1</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>ministry</source>
        <translation>министерство</translation>
    </message>
    <message>
        <source>department</source>
        <translation>отдел</translation>
    </message>
    <message>
        <source>restricted</source>
        <translation>ограниченный</translation>
    </message>
    <message>
        <source>kept offline</source>
        <translation>доступна офлайн</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Все документы</translation>
    </message>
    <message>
        <source>Kept offline</source>
        <translation>Доступные офлайн</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <source>Inbox (%1 unread)</source>
        <translation>Входящие (%1 непрочитанных)</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправленные</translation>
    </message>
    <message>
        <source>No documents match &quot;%1&quot;.</source>
        <translation>Нет документов по запросу «%1».</translation>
    </message>
    <message>
        <source>Nothing is kept offline yet. Open a document or a folder and choose Keep offline.</source>
        <translation>Пока ничего не хранится офлайн. Откройте документ или папку и выберите «Хранить офлайн».</translation>
    </message>
    <message>
        <source>This folder is empty. Drag files here or choose Upload.</source>
        <translation>Папка пуста. Перетащите файлы сюда или выберите «Загрузить».</translation>
    </message>
    <message>
        <source>No documents yet. They appear here after the first sync.</source>
        <translation>Документов пока нет. Они появятся здесь после первой синхронизации.</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n документ</numerusform>
            <numerusform>%n документа</numerusform>
            <numerusform>%n документов</numerusform>
        </translation>
    </message>
    <message>
        <source>This document is no longer available.</source>
        <translation>Этот документ больше недоступен.</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Открывается…</translation>
    </message>
    <message>
        <source>File: %1 (%2, %3)</source>
        <translation>Файл: %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Версия %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Теги: %1</translation>
    </message>
    <message>
        <source>%6 uploaded version %1 while yours waited.
Yours: %2, %3.
Theirs: %4, %5.</source>
        <translation>Пока ваша версия ждала, %6 загрузил(а) версию %1.
Ваша: %2, %3.
Их: %4, %5.</translation>
    </message>
    <message>
        <source>Someone uploaded version %1 while yours waited.
Yours: %2, %3.
Theirs: %4, %5.</source>
        <translation>Пока ваша версия ждала, кто-то загрузил версию %1.
Ваша: %2, %3.
Их: %4, %5.</translation>
    </message>
    <message>
        <source>No preview for this type of file. It is kept encrypted on this computer.</source>
        <translation>Для этого типа файлов нет предпросмотра. Файл хранится на этом компьютере в зашифрованном виде.</translation>
    </message>
    <message>
        <source>This document is not kept on this computer and the server cannot be reached. It opens once you are online.</source>
        <translation>Этот документ не хранится на этом компьютере, а сервер недоступен. Он откроется, когда появится связь.</translation>
    </message>
    <message>
        <source>Upload documents</source>
        <translation>Загрузить документы</translation>
    </message>
    <message>
        <source>Choose a folder to upload to first.</source>
        <translation>Сначала выберите папку для загрузки.</translation>
    </message>
    <message>
        <source>Preparing %1…</source>
        <translation>Подготовка %1…</translation>
    </message>
    <message>
        <source>Upload a new version</source>
        <translation>Загрузить новую версию</translation>
    </message>
    <message>
        <source>%1 is queued: it uploads when the server can be reached.</source>
        <translation>%1 в очереди: загрузится, когда сервер будет доступен.</translation>
    </message>
    <message>
        <source>%1 was not queued: %2</source>
        <translation>%1 не поставлен в очередь: %2</translation>
    </message>
    <message>
        <source>the name is empty</source>
        <translation>имя пустое</translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation>длиннее %1 символов</translation>
    </message>
    <message>
        <source>it contains hidden control characters</source>
        <translation>содержит скрытые управляющие символы</translation>
    </message>
    <message>
        <source>file names may not contain / \ : * ? &quot; &lt; &gt; |</source>
        <translation>имя файла не может содержать / \ : * ? &quot; &lt; &gt; |</translation>
    </message>
    <message>
        <source>a name may not start or end with a space or end with a dot</source>
        <translation>имя не может начинаться или заканчиваться пробелом или заканчиваться точкой</translation>
    </message>
    <message>
        <source>Windows reserves this name for devices</source>
        <translation>Windows резервирует это имя для устройств</translation>
    </message>
    <message>
        <source>a file of this name (ignoring case) is already in the folder</source>
        <translation>в папке уже есть файл с таким именем (без учёта регистра)</translation>
    </message>
    <message>
        <source>the file is larger than %1 MB</source>
        <translation>файл больше %1 МБ</translation>
    </message>
    <message>
        <source>you may not add documents to this folder</source>
        <translation>вы не можете добавлять документы в эту папку</translation>
    </message>
    <message>
        <source>it is no longer available</source>
        <translation>больше недоступен</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>ничего не изменилось</translation>
    </message>
    <message>
        <source>your file equals the server&apos;s version</source>
        <translation>ваш файл совпадает с версией на сервере</translation>
    </message>
    <message>
        <source>you cannot send a document to yourself</source>
        <translation>нельзя отправить документ самому себе</translation>
    </message>
    <message>
        <source>too many tags</source>
        <translation>слишком много тегов</translation>
    </message>
    <message>
        <source>someone else has checked this document out: only they can change it until they check it in</source>
        <translation>документ взят на редактирование другим сотрудником: пока он его не вернёт, изменять его может только он</translation>
    </message>
    <message>
        <source>it is not on the server yet</source>
        <translation>его ещё нет на сервере</translation>
    </message>
    <message>
        <source>Sent: it goes out with the next sync.</source>
        <translation>Отправлено: уйдёт со следующей синхронизацией.</translation>
    </message>
    <message numerus="yes">
        <source>%n new document(s) in your inbox.</source>
        <translation>
            <numerusform>%n новый документ во входящих.</numerusform>
            <numerusform>%n новых документа во входящих.</numerusform>
            <numerusform>%n новых документов во входящих.</numerusform>
        </translation>
    </message>
    <message>
        <source>unread</source>
        <translation>не прочитано</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>ещё не прочитано</translation>
    </message>
    <message>
        <source>(no note)</source>
        <translation>(без записки)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От кого</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Прочитано</translation>
    </message>
    <message>
        <source>Sent on</source>
        <translation>Отправлено</translation>
    </message>
    <message>
        <source>Details saved: sent with the next sync.</source>
        <translation>Сведения сохранены: уйдут со следующей синхронизацией.</translation>
    </message>
    <message>
        <source>You changed %1: upload it as a new version</source>
        <translation>Вы изменили %1: загрузить как новую версию</translation>
    </message>
    <message>
        <source>Not kept offline: documents kept offline would take %1, more than the %2 your administrator allows. Stop keeping something else first.</source>
        <translation>Не сохранено офлайн: документы, хранимые офлайн, заняли бы %1, больше разрешённых администратором %2. Сначала перестаньте хранить офлайн что-то другое.</translation>
    </message>
    <message numerus="yes">
        <source>Kept offline is full (%1): %n document(s) of the folders kept offline were not downloaded.</source>
        <translation>
            <numerusform>Место для офлайн-хранения заполнено (%1): %n документ из папок, хранимых офлайн, не загружен.</numerusform>
            <numerusform>Место для офлайн-хранения заполнено (%1): %n документа из папок, хранимых офлайн, не загружены.</numerusform>
            <numerusform>Место для офлайн-хранения заполнено (%1): %n документов из папок, хранимых офлайн, не загружены.</numerusform>
        </translation>
    </message>
    <message>
        <source>On this computer: %1</source>
        <translation>На этом компьютере: %1</translation>
    </message>
    <message>
        <source>Kept offline: %1 of %2</source>
        <translation>Хранится офлайн: %1 из %2</translation>
    </message>
    <message>
        <source>Stop keeping offline</source>
        <translation>Больше не хранить офлайн</translation>
    </message>
    <message>
        <source>&amp;Keep offline</source>
        <translation>&amp;Хранить офлайн</translation>
    </message>
    <message>
        <source>Stop keeping the folder offline</source>
        <translation>Больше не хранить папку офлайн</translation>
    </message>
    <message>
        <source>Keep the &amp;folder offline</source>
        <translation>Хранить &amp;папку офлайн</translation>
    </message>
    <message>
        <source>Search title, description, tags, file name or author</source>
        <translation>Поиск по названию, описанию, тегам, имени файла или автору</translation>
    </message>
    <message>
        <source>Search documents</source>
        <translation>Поиск документов</translation>
    </message>
    <message>
        <source>Folders, inbox and sent documents</source>
        <translation>Папки, входящие и отправленные документы</translation>
    </message>
    <message>
        <source>Documents of the folder</source>
        <translation>Документы папки</translation>
    </message>
    <message>
        <source>Documents sent to you or by you</source>
        <translation>Документы, отправленные вам или вами</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Document details</source>
        <translation>Сведения о документе</translation>
    </message>
    <message>
        <source>Note from the sender</source>
        <translation>Записка отправителя</translation>
    </message>
    <message>
        <source>&amp;Upload…</source>
        <translation>&amp;Загрузить…</translation>
    </message>
    <message>
        <source>New &amp;version…</source>
        <translation>Новая &amp;версия…</translation>
    </message>
    <message>
        <source>Send &amp;to…</source>
        <translation>&amp;Отправить…</translation>
    </message>
    <message>
        <source>&amp;Mark as read</source>
        <translation>&amp;Отметить как прочитанное</translation>
    </message>
    <message>
        <source>Keep mine as newest</source>
        <translation>Сделать мою версию новейшей</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Оставить их версию</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Сохранить обе</translation>
    </message>
    <message>
        <source>Free up space</source>
        <translation>Освободить место</translation>
    </message>
    <message>
        <source>Open in its &amp;program</source>
        <translation>Открыть в &amp;программе</translation>
    </message>
    <message>
        <source>Edit &amp;details…</source>
        <translation>Изменить &amp;сведения…</translation>
    </message>
    <message>
        <source>Choose a folder on the left, then a document to preview it here.</source>
        <translation>Выберите папку слева, затем документ — он откроется здесь.</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Что-то пошло не так: %1</translation>
    </message>
    <message>
        <source>Checked out: others cannot upload a version or change its details.</source>
        <translation>Взят на редактирование: другие не могут загружать версии и изменять сведения.</translation>
    </message>
    <message>
        <source>Checked in: others can upload versions and change its details again.</source>
        <translation>Документ возвращён: другие снова могут загружать версии и изменять сведения.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Не выполнено: %1</translation>
    </message>
    <message>
        <source>Upload cancelled: nothing of it stays on the server.</source>
        <translation>Загрузка отменена: на сервере от неё ничего не осталось.</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Details of “%1”</source>
        <translation>Сведения: «%1»</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Tags, separated by commas</source>
        <translation>Теги через запятую</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Название</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Описание</translation>
    </message>
    <message>
        <source>T&amp;ags</source>
        <translation>&amp;Теги</translation>
    </message>
</context>
<context>
    <name>SendDialog</name>
    <message>
        <source>Send “%1” to…</source>
        <translation>Отправить «%1»…</translation>
    </message>
    <message>
        <source>Type a colleague&apos;s name</source>
        <translation>Введите имя коллеги</translation>
    </message>
    <message>
        <source>Search for a colleague</source>
        <translation>Поиск коллеги</translation>
    </message>
    <message>
        <source>Colleagues found: tick those to send to</source>
        <translation>Найденные коллеги: отметьте получателей</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Записка</translation>
    </message>
    <message>
        <source>Note to the recipients</source>
        <translation>Записка получателям</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Choose at least one colleague to send to.</source>
        <translation>Выберите хотя бы одного коллегу.</translation>
    </message>
    <message>
        <source>The note is too long (at most %1 characters).</source>
        <translation>Записка слишком длинная (не более %1 символов).</translation>
    </message>
</context>
<context>
    <name>UploadProgress</name>
    <message>
        <source>&amp;Cancel upload</source>
        <translation>&amp;Отменить загрузку</translation>
    </message>
    <message>
        <source>Cancel upload</source>
        <translation>Отменить загрузку</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Ход загрузки</translation>
    </message>
    <message>
        <source>Uploading %1: %2 of %3</source>
        <translation>Загрузка %1: %2 из %3</translation>
    </message>
</context>
</TS>
