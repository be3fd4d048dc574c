<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru">
<context>
    <name>AnalyticsTab</name>
    <message>
        <source>Analytics</source>
        <translation>Аналитика</translation>
    </message>
    <message>
        <source>%1, a year before</source>
        <translation>%1, годом ранее</translation>
    </message>
    <message>
        <source>provisional: may still be revised</source>
        <translation>предварительные: ещё могут измениться</translation>
    </message>
    <message>
        <source>The indicators could not be read from this computer&apos;s copy.</source>
        <translation>Не удалось прочитать показатели из копии на этом компьютере.</translation>
    </message>
    <message>
        <source>No values in this computer&apos;s copy yet.</source>
        <translation>В копии на этом компьютере пока нет значений.</translation>
    </message>
    <message>
        <source>Values up to %1</source>
        <translation>Значения по %1 включительно</translation>
    </message>
    <message>
        <source>Data as of %1</source>
        <translation>Данные на %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>ещё не синхронизировано</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>синхронизировано: %1</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Сохранить диаграмму как PNG</translation>
    </message>
    <message>
        <source>Save chart as SVG</source>
        <translation>Сохранить диаграмму как SVG</translation>
    </message>
    <message>
        <source>Save table as CSV</source>
        <translation>Сохранить таблицу как CSV</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
    <message>
        <source>Save table as XLSX</source>
        <translation>Сохранить таблицу как XLSX</translation>
    </message>
    <message>
        <source>Save map as PNG</source>
        <translation>Сохранить карту как PNG</translation>
    </message>
    <message>
        <source>Save bar chart as PNG</source>
        <translation>Сохранить столбчатую диаграмму как PNG</translation>
    </message>
    <message>
        <source>Print the dashboard</source>
        <translation>Напечатать сводку</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>Не удалось открыть принтер.</translation>
    </message>
    <message>
        <source>The dashboard is printed.</source>
        <translation>Сводка напечатана.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Сохранено: %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Не удалось сохранить %1: %2</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Сводка</translation>
    </message>
    <message>
        <source>&amp;Line chart</source>
        <translation>&amp;Линейный график</translation>
    </message>
    <message>
        <source>District &amp;map</source>
        <translation>&amp;Карта районов</translation>
    </message>
    <message>
        <source>Analytics views</source>
        <translation>Представления аналитики</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Whole country</source>
        <translation>Вся страна</translation>
    </message>
    <message>
        <source>No indicators in this computer&apos;s copy yet. Connect to the network and sync.</source>
        <translation>В копии на этом компьютере пока нет показателей. Подключитесь к сети и выполните синхронизацию.</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Территория:</translation>
    </message>
    <message>
        <source>Area of the dashboard</source>
        <translation>Территория сводки</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Печать…</translation>
    </message>
    <message>
        <source>Print the dashboard</source>
        <translation>Напечатать сводку</translation>
    </message>
    <message>
        <source>Indicator tiles</source>
        <translation>Карточки показателей</translation>
    </message>
    <message>
        <source>▲ blue: higher than the same month a year before; ▼ orange: lower. The arrow tells the direction only, not whether the change is good.</source>
        <translation>▲ синий: выше, чем в тот же месяц год назад; ▼ оранжевый: ниже. Стрелка показывает только направление, а не то, хорошо ли это изменение.</translation>
    </message>
</context>
<context>
    <name>ExplorePage</name>
    <message>
        <source>Whole country</source>
        <translation>Вся страна</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Цель: %1</translation>
    </message>
    <message>
        <source>Alert level: %1</source>
        <translation>Уровень тревоги: %1</translation>
    </message>
    <message>
        <source>Tick one or more areas on the left to draw their lines.</source>
        <translation>Отметьте слева одну или несколько территорий, чтобы построить их линии.</translation>
    </message>
    <message>
        <source>No values for these areas in this period. Choose other months or areas.</source>
        <translation>Для этих территорий за этот период нет значений. Выберите другие месяцы или территории.</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(предварительно)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>(negative: check the source)</source>
        <translation>(отрицательное: проверьте источник)</translation>
    </message>
    <message>
        <source>Months marked provisional may still be revised.</source>
        <translation>Месяцы с пометкой «предварительно» ещё могут измениться.</translation>
    </message>
    <message>
        <source>* not every district of the area reported that month.</source>
        <translation>* в тот месяц сообщили не все районы территории.</translation>
    </message>
    <message>
        <source>Only the first %1 areas ticked are drawn.</source>
        <translation>Построены только первые %1 отмеченных территорий.</translation>
    </message>
    <message>
        <source>&amp;Indicator:</source>
        <translation>&amp;Показатель:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>Первый месяц</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Последний месяц</translation>
    </message>
    <message>
        <source>&amp;Against the year before</source>
        <translation>&amp;Сравнить с прошлым годом</translation>
    </message>
    <message>
        <source>Add each area&apos;s line of the same months a year before</source>
        <translation>Добавить для каждой территории линию тех же месяцев годом ранее</translation>
    </message>
    <message>
        <source>Economic regions and districts to compare</source>
        <translation>Экономические районы и районы для сравнения</translation>
    </message>
    <message>
        <source>Line chart of the areas over the months</source>
        <translation>Линейный график территорий по месяцам</translation>
    </message>
    <message>
        <source>Table of the line chart: months by areas</source>
        <translation>Таблица линейного графика: месяцы по территориям</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG…</source>
        <translation>Сохранить диаграмму как &amp;PNG…</translation>
    </message>
    <message>
        <source>Save chart as S&amp;VG…</source>
        <translation>Сохранить диаграмму как S&amp;VG…</translation>
    </message>
    <message>
        <source>Save table as &amp;CSV…</source>
        <translation>Сохранить таблицу как &amp;CSV…</translation>
    </message>
    <message>
        <source>Save table as &amp;XLSX…</source>
        <translation>Сохранить таблицу как &amp;XLSX…</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>%1 (every district has the same value)</source>
        <translation>%1 (во всех районах одинаковое значение)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>нет данных</translation>
    </message>
    <message>
        <source>! beyond the alert level (%1)</source>
        <translation>! за уровнем тревоги (%1)</translation>
    </message>
    <message>
        <source>Whole country: %1</source>
        <translation>Вся страна: %1</translation>
    </message>
    <message>
        <source>No district has a value for this month. Choose another month or indicator.</source>
        <translation>Ни у одного района нет значения за этот месяц. Выберите другой месяц или показатель.</translation>
    </message>
    <message>
        <source>Average district: %1</source>
        <translation>Средний район: %1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Цель: %1</translation>
    </message>
    <message>
        <source>Alert level: %1</source>
        <translation>Уровень тревоги: %1</translation>
    </message>
    <message>
        <source>District</source>
        <translation>Район</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Класс</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Пороги</translation>
    </message>
    <message>
        <source>Not on the map (no grid cell): %1</source>
        <translation>Нет на карте (нет клетки): %1</translation>
    </message>
    <message>
        <source>beyond the alert level</source>
        <translation>за уровнем тревоги</translation>
    </message>
    <message>
        <source>target met</source>
        <translation>цель достигнута</translation>
    </message>
    <message>
        <source>short of the target</source>
        <translation>цель не достигнута</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1: нет данных</translation>
    </message>
    <message>
        <source>%1: %2 (class %3)</source>
        <translation>%1: %2 (класс %3)</translation>
    </message>
    <message>
        <source>&amp;Indicator:</source>
        <translation>&amp;Показатель:</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Месяц:</translation>
    </message>
    <message>
        <source>Indicator of the map</source>
        <translation>Показатель карты</translation>
    </message>
    <message>
        <source>Month of the map</source>
        <translation>Месяц карты</translation>
    </message>
    <message>
        <source>District map: arrow keys move between districts, Enter shows the district&apos;s line</source>
        <translation>Карта районов: стрелки переходят между районами, Enter показывает линию района</translation>
    </message>
    <message>
        <source>Table of the map: every district&apos;s value and class</source>
        <translation>Таблица карты: значение и класс каждого района</translation>
    </message>
    <message>
        <source>Save map as P&amp;NG…</source>
        <translation>Сохранить карту как P&amp;NG…</translation>
    </message>
    <message>
        <source>Save map as PNG</source>
        <translation>Сохранить карту как PNG</translation>
    </message>
    <message>
        <source>Save &amp;bar chart as PNG…</source>
        <translation>Сохранить &amp;столбчатую диаграмму как PNG…</translation>
    </message>
    <message>
        <source>Save bar chart as PNG</source>
        <translation>Сохранить столбчатую диаграмму как PNG</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Bar chart</source>
        <translation>Столбчатая диаграмма</translation>
    </message>
    <message>
        <source>Map or bar chart of the districts</source>
        <translation>Карта или столбчатая диаграмма районов</translation>
    </message>
    <message>
        <source>Bar chart of the districts, highest first, the whole country marked</source>
        <translation>Столбчатая диаграмма районов: от наибольшего, вся страна отмечена</translation>
    </message>
</context>
<context>
    <name>TileWidget</name>
    <message>
        <source>No values for this area.</source>
        <translation>Для этой территории нет значений.</translation>
    </message>
    <message>
        <source>Month: %1</source>
        <translation>Месяц: %1</translation>
    </message>
    <message>
        <source>%1 of %2 districts reported</source>
        <translation>сообщили %1 из %2 районов</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>предварительно</translation>
    </message>
    <message>
        <source>no longer published</source>
        <translation>больше не публикуется</translation>
    </message>
    <message>
        <source>⚠ Beyond the alert level (%1)</source>
        <translation>⚠ За уровнем тревоги (%1)</translation>
    </message>
    <message>
        <source>✓ Target (%1) met</source>
        <translation>✓ Цель (%1) достигнута</translation>
    </message>
    <message>
        <source>○ Short of the target (%1)</source>
        <translation>○ Цель (%1) не достигнута</translation>
    </message>
    <message>
        <source>No value a year before to compare with.</source>
        <translation>Нет значения годом ранее для сравнения.</translation>
    </message>
    <message>
        <source>A year before (%1) the value was 0.</source>
        <translation>Год назад (%1) значение было 0.</translation>
    </message>
    <message>
        <source>= the same as in %1</source>
        <translation>= столько же, сколько за %1</translation>
    </message>
    <message>
        <source>▲ %1 % higher than in %2</source>
        <translation>▲ на %1 % выше, чем за %2</translation>
    </message>
    <message>
        <source>▼ %1 % lower than in %2</source>
        <translation>▼ на %1 % ниже, чем за %2</translation>
    </message>
</context>
</TS>
