<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AnalyticsTab</name>
    <message>
        <source>Analytics</source>
        <translation>Analytics</translation>
    </message>
    <message>
        <source>%1, a year before</source>
        <translation>%1, a year before</translation>
    </message>
    <message>
        <source>provisional: may still be revised</source>
        <translation>provisional: may still be revised</translation>
    </message>
    <message>
        <source>The indicators could not be read from this computer&apos;s copy.</source>
        <translation>The indicators could not be read from this computer&apos;s copy.</translation>
    </message>
    <message>
        <source>No values in this computer&apos;s copy yet.</source>
        <translation>No values in this computer&apos;s copy yet.</translation>
    </message>
    <message>
        <source>Values up to %1</source>
        <translation>Values up to %1</translation>
    </message>
    <message>
        <source>Data as of %1</source>
        <translation>Data as of %1</translation>
    </message>
    <message>
        <source>never synced</source>
        <translation>never synced</translation>
    </message>
    <message>
        <source>synced %1</source>
        <translation>synced %1</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Save chart as PNG</translation>
    </message>
    <message>
        <source>Save chart as SVG</source>
        <translation>Save chart as SVG</translation>
    </message>
    <message>
        <source>Save table as CSV</source>
        <translation>Save table as CSV</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Save table as XLSX</source>
        <translation>Save table as XLSX</translation>
    </message>
    <message>
        <source>Save map as PNG</source>
        <translation>Save map as PNG</translation>
    </message>
    <message>
        <source>Save bar chart as PNG</source>
        <translation>Save bar chart as PNG</translation>
    </message>
    <message>
        <source>Print the dashboard</source>
        <translation>Print the dashboard</translation>
    </message>
    <message>
        <source>The printer could not be opened.</source>
        <translation>The printer could not be opened.</translation>
    </message>
    <message>
        <source>The dashboard is printed.</source>
        <translation>The dashboard is printed.</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>&amp;Line chart</source>
        <translation>&amp;Line chart</translation>
    </message>
    <message>
        <source>District &amp;map</source>
        <translation>District &amp;map</translation>
    </message>
    <message>
        <source>Analytics views</source>
        <translation>Analytics views</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Whole country</source>
        <translation>Whole country</translation>
    </message>
    <message>
        <source>No indicators in this computer&apos;s copy yet. Connect to the network and sync.</source>
        <translation>No indicators in this computer&apos;s copy yet. Connect to the network and sync.</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>&amp;Area:</translation>
    </message>
    <message>
        <source>Area of the dashboard</source>
        <translation>Area of the dashboard</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Print the dashboard</source>
        <translation>Print the dashboard</translation>
    </message>
    <message>
        <source>Indicator tiles</source>
        <translation>Indicator tiles</translation>
    </message>
    <message>
        <source>▲ blue: higher than the same month a year before; ▼ orange: lower. The arrow tells the direction only, not whether the change is good.</source>
        <translation>▲ blue: higher than the same month a year before; ▼ orange: lower. The arrow tells the direction only, not whether the change is good.</translation>
    </message>
</context>
<context>
    <name>ExplorePage</name>
    <message>
        <source>Whole country</source>
        <translation>Whole country</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <source>Alert level: %1</source>
        <translation>Alert level: %1</translation>
    </message>
    <message>
        <source>Tick one or more areas on the left to draw their lines.</source>
        <translation>Tick one or more areas on the left to draw their lines.</translation>
    </message>
    <message>
        <source>No values for these areas in this period. Choose other months or areas.</source>
        <translation>No values for these areas in this period. Choose other months or areas.</translation>
    </message>
    <message>
        <source>(provisional)</source>
        <translation>(provisional)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>(negative: check the source)</source>
        <translation>(negative: check the source)</translation>
    </message>
    <message>
        <source>Months marked provisional may still be revised.</source>
        <translation>Months marked provisional may still be revised.</translation>
    </message>
    <message>
        <source>* not every district of the area reported that month.</source>
        <translation>* not every district of the area reported that month.</translation>
    </message>
    <message>
        <source>Only the first %1 areas ticked are drawn.</source>
        <translation>Only the first %1 areas ticked are drawn.</translation>
    </message>
    <message>
        <source>&amp;Indicator:</source>
        <translation>&amp;Indicator:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>First month</source>
        <translation>First month</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Last month</translation>
    </message>
    <message>
        <source>&amp;Against the year before</source>
        <translation>&amp;Against the year before</translation>
    </message>
    <message>
        <source>Add each area&apos;s line of the same months a year before</source>
        <translation>Add each area&apos;s line of the same months a year before</translation>
    </message>
    <message>
        <source>Economic regions and districts to compare</source>
        <translation>Economic regions and districts to compare</translation>
    </message>
    <message>
        <source>Line chart of the areas over the months</source>
        <translation>Line chart of the areas over the months</translation>
    </message>
    <message>
        <source>Table of the line chart: months by areas</source>
        <translation>Table of the line chart: months by areas</translation>
    </message>
    <message>
        <source>Save chart as &amp;PNG…</source>
        <translation>Save chart as &amp;PNG…</translation>
    </message>
    <message>
        <source>Save chart as S&amp;VG…</source>
        <translation>Save chart as S&amp;VG…</translation>
    </message>
    <message>
        <source>Save table as &amp;CSV…</source>
        <translation>Save table as &amp;CSV…</translation>
    </message>
    <message>
        <source>Save table as &amp;XLSX…</source>
        <translation>Save table as &amp;XLSX…</translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <source>%1 (every district has the same value)</source>
        <translation>%1 (every district has the same value)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>! beyond the alert level (%1)</source>
        <translation>! beyond the alert level (%1)</translation>
    </message>
    <message>
        <source>Whole country: %1</source>
        <translation>Whole country: %1</translation>
    </message>
    <message>
        <source>No district has a value for this month. Choose another month or indicator.</source>
        <translation>No district has a value for this month. Choose another month or indicator.</translation>
    </message>
    <message>
        <source>Average district: %1</source>
        <translation>Average district: %1</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Target: %1</translation>
    </message>
    <message>
        <source>Alert level: %1</source>
        <translation>Alert level: %1</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>Thresholds</translation>
    </message>
    <message>
        <source>Not on the map (no grid cell): %1</source>
        <translation>Not on the map (no grid cell): %1</translation>
    </message>
    <message>
        <source>beyond the alert level</source>
        <translation>beyond the alert level</translation>
    </message>
    <message>
        <source>target met</source>
        <translation>target met</translation>
    </message>
    <message>
        <source>short of the target</source>
        <translation>short of the target</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1: no data</translation>
    </message>
    <message>
        <source>%1: %2 (class %3)</source>
        <translation>%1: %2 (class %3)</translation>
    </message>
    <message>
        <source>&amp;Indicator:</source>
        <translation>&amp;Indicator:</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <source>Indicator of the map</source>
        <translation>Indicator of the map</translation>
    </message>
    <message>
        <source>Month of the map</source>
        <translation>Month of the map</translation>
    </message>
    <message>
        <source>District map: arrow keys move between districts, Enter shows the district&apos;s line</source>
        <translation>District map: arrow keys move between districts, Enter shows the district&apos;s line</translation>
    </message>
    <message>
        <source>Table of the map: every district&apos;s value and class</source>
        <translation>Table of the map: every district&apos;s value and class</translation>
    </message>
    <message>
        <source>Save map as P&amp;NG…</source>
        <translation>Save map as P&amp;NG…</translation>
    </message>
    <message>
        <source>Save map as PNG</source>
        <translation>Save map as PNG</translation>
    </message>
    <message>
        <source>Save &amp;bar chart as PNG…</source>
        <translation>Save &amp;bar chart as PNG…</translation>
    </message>
    <message>
        <source>Save bar chart as PNG</source>
        <translation>Save bar chart as PNG</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>Map</translation>
    </message>
    <message>
        <source>Bar chart</source>
        <translation>Bar chart</translation>
    </message>
    <message>
        <source>Map or bar chart of the districts</source>
        <translation>Map or bar chart of the districts</translation>
    </message>
    <message>
        <source>Bar chart of the districts, highest first, the whole country marked</source>
        <translation>Bar chart of the districts, highest first, the whole country marked</translation>
    </message>
</context>
<context>
    <name>TileWidget</name>
    <message>
        <source>No values for this area.</source>
        <translation>No values for this area.</translation>
    </message>
    <message>
        <source>Month: %1</source>
        <translation>Month: %1</translation>
    </message>
    <message>
        <source>%1 of %2 districts reported</source>
        <translation>%1 of %2 districts reported</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>provisional</translation>
    </message>
    <message>
        <source>no longer published</source>
        <translation>no longer published</translation>
    </message>
    <message>
        <source>⚠ Beyond the alert level (%1)</source>
        <translation>⚠ Beyond the alert level (%1)</translation>
    </message>
    <message>
        <source>✓ Target (%1) met</source>
        <translation>✓ Target (%1) met</translation>
    </message>
    <message>
        <source>○ Short of the target (%1)</source>
        <translation>○ Short of the target (%1)</translation>
    </message>
    <message>
        <source>No value a year before to compare with.</source>
        <translation>No value a year before to compare with.</translation>
    </message>
    <message>
        <source>A year before (%1) the value was 0.</source>
        <translation>A year before (%1) the value was 0.</translation>
    </message>
    <message>
        <source>= the same as in %1</source>
        <translation>= the same as in %1</translation>
    </message>
    <message>
        <source>▲ %1 % higher than in %2</source>
        <translation>▲ %1 % higher than in %2</translation>
    </message>
    <message>
        <source>▼ %1 % lower than in %2</source>
        <translation>▼ %1 % lower than in %2</translation>
    </message>
</context>
</TS>
