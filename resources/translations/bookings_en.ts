<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AttributeChecks</name>
    <message>
        <source>Accessible</source>
        <translation>Accessible</translation>
    </message>
    <message>
        <source>Only rooms with step-free access</source>
        <translation>Only rooms with step-free access</translation>
    </message>
    <message>
        <source>Video conference</source>
        <translation>Video conference</translation>
    </message>
    <message>
        <source>Only rooms with video conferencing</source>
        <translation>Only rooms with video conferencing</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>Only rooms with a screen or projector</source>
        <translation>Only rooms with a screen or projector</translation>
    </message>
</context>
<context>
    <name>BookingDetails</name>
    <message>
        <source>Choose a booking in the grid, or drag over free time to book.</source>
        <translation>Choose a booking in the grid, or drag over free time to book.</translation>
    </message>
    <message>
        <source>Organizer: %1</source>
        <translation>Organizer: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>The server refused this booking: the room was taken.</source>
        <translation>The server refused this booking: the room was taken.</translation>
    </message>
    <message>
        <source>It clashed with: %1</source>
        <translation>It clashed with: %1</translation>
    </message>
    <message>
        <source>Take one of these instead:</source>
        <translation>Take one of these instead:</translation>
    </message>
    <message>
        <source>No free room or time nearby is known.</source>
        <translation>No free room or time nearby is known.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Book instead: %1</source>
        <translation>Book instead: %1</translation>
    </message>
    <message>
        <source>C&amp;hange…</source>
        <translation>C&amp;hange…</translation>
    </message>
    <message>
        <source>Change the time or title of the booking</source>
        <translation>Change the time or title of the booking</translation>
    </message>
    <message>
        <source>&amp;Move…</source>
        <translation>&amp;Move…</translation>
    </message>
    <message>
        <source>Move the booking to another room or time</source>
        <translation>Move the booking to another room or time</translation>
    </message>
    <message>
        <source>&amp;Cancel booking</source>
        <translation>&amp;Cancel booking</translation>
    </message>
    <message>
        <source>Cancel the chosen booking</source>
        <translation>Cancel the chosen booking</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Discard the refused booking</source>
        <translation>Discard the refused booking</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>Export .ics…</translation>
    </message>
    <message>
        <source>Export the booking as an iCalendar file</source>
        <translation>Export the booking as an iCalendar file</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>Book a room</source>
        <translation>Book a room</translation>
    </message>
    <message>
        <source>Change the booking</source>
        <translation>Change the booking</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Room:</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <source>&amp;Start (Baku time):</source>
        <translation>&amp;Start (Baku time):</translation>
    </message>
    <message>
        <source>&amp;End (Baku time):</source>
        <translation>&amp;End (Baku time):</translation>
    </message>
    <message>
        <source>Meeting title</source>
        <translation>Meeting title</translation>
    </message>
    <message>
        <source>Day of the booking</source>
        <translation>Day of the booking</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Start time</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>End time</translation>
    </message>
    <message>
        <source>&amp;Attendees:</source>
        <translation>&amp;Attendees:</translation>
    </message>
    <message>
        <source>Type a name, then choose below</source>
        <translation>Type a name, then choose below</translation>
    </message>
    <message>
        <source>Find people to invite</source>
        <translation>Find people to invite</translation>
    </message>
    <message>
        <source>People found: Enter invites</source>
        <translation>People found: Enter invites</translation>
    </message>
    <message>
        <source>Invited:</source>
        <translation>Invited:</translation>
    </message>
    <message>
        <source>Invited people: Enter removes</source>
        <translation>Invited people: Enter removes</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Does not repeat</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>&amp;Times:</source>
        <translation>&amp;Times:</translation>
    </message>
    <message>
        <source>How many times</source>
        <translation>How many times</translation>
    </message>
    <message>
        <source>Book only the free dates</source>
        <translation>Book only the free dates</translation>
    </message>
    <message>
        <source>Book only the free dates of the series</source>
        <translation>Book only the free dates of the series</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>Book the room</source>
        <translation>Book the room</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save the changed booking</source>
        <translation>Save the changed booking</translation>
    </message>
    <message>
        <source>%1 of %2 dates are taken: %3. Nothing was booked.</source>
        <translation>%1 of %2 dates are taken: %3. Nothing was booked.</translation>
    </message>
    <message>
        <source>The booking could not be stored. Try again.</source>
        <translation>The booking could not be stored. Try again.</translation>
    </message>
</context>
<context>
    <name>BookingMover</name>
    <message>
        <source>The move could not be stored. Try again.</source>
        <translation>The move could not be stored. Try again.</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Not moved: %1</translation>
    </message>
    <message>
        <source>Not moved: the room is taken then by “%1” (%2–%3, %4).</source>
        <translation>Not moved: the room is taken then by “%1” (%2–%3, %4).</translation>
    </message>
</context>
<context>
    <name>BookingRulesPanel</name>
    <message>
        <source>Released: nobody checked in within 15 minutes of the start.</source>
        <translation>Released: nobody checked in within 15 minutes of the start.</translation>
    </message>
    <message>
        <source>Checked in.</source>
        <translation>Checked in.</translation>
    </message>
    <message>
        <source>Check in, or the room is released 15 minutes after the start.</source>
        <translation>Check in, or the room is released 15 minutes after the start.</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>Check &amp;in</translation>
    </message>
    <message>
        <source>Check in to the chosen booking</source>
        <translation>Check in to the chosen booking</translation>
    </message>
    <message>
        <source>Edit the whole &amp;series…</source>
        <translation>Edit the whole &amp;series…</translation>
    </message>
    <message>
        <source>Change the title or times of every future occurrence</source>
        <translation>Change the title or times of every future occurrence</translation>
    </message>
    <message>
        <source>Cancel the &amp;whole series</source>
        <translation>Cancel the &amp;whole series</translation>
    </message>
    <message>
        <source>Cancel every future occurrence of the series</source>
        <translation>Cancel every future occurrence of the series</translation>
    </message>
</context>
<context>
    <name>BookingWords</name>
    <message>
        <source>%1 dates of the series are taken: nothing was booked.</source>
        <translation>%1 dates of the series are taken: nothing was booked.</translation>
    </message>
    <message>
        <source>The series has no dates.</source>
        <translation>The series has no dates.</translation>
    </message>
    <message>
        <source>Give the meeting a title.</source>
        <translation>Give the meeting a title.</translation>
    </message>
    <message>
        <source>The title is too long (at most %1 characters).</source>
        <translation>The title is too long (at most %1 characters).</translation>
    </message>
    <message>
        <source>The title contains characters that cannot be used.</source>
        <translation>The title contains characters that cannot be used.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>The end must come after the start.</translation>
    </message>
    <message>
        <source>A booking lasts at most %1 hours.</source>
        <translation>A booking lasts at most %1 hours.</translation>
    </message>
    <message>
        <source>The start is in the past.</source>
        <translation>The start is in the past.</translation>
    </message>
    <message>
        <source>The room seats at most %1 people.</source>
        <translation>The room seats at most %1 people.</translation>
    </message>
    <message>
        <source>The room is already booked for part of that time.</source>
        <translation>The room is already booked for part of that time.</translation>
    </message>
    <message>
        <source>It no longer exists.</source>
        <translation>It no longer exists.</translation>
    </message>
    <message>
        <source>Only the organizer or an administrator may change it.</source>
        <translation>Only the organizer or an administrator may change it.</translation>
    </message>
    <message>
        <source>A cancelled booking cannot be changed.</source>
        <translation>A cancelled booking cannot be changed.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nothing was changed.</translation>
    </message>
    <message>
        <source>The room is closed then: book within its opening hours.</source>
        <translation>The room is closed then: book within its opening hours.</translation>
    </message>
    <message>
        <source>Check-in opens 15 minutes before the start.</source>
        <translation>Check-in opens 15 minutes before the start.</translation>
    </message>
    <message>
        <source>Too late: nobody checked in and the room was released.</source>
        <translation>Too late: nobody checked in and the room was released.</translation>
    </message>
    <message>
        <source>A series reaches at most %1 days ahead.</source>
        <translation>A series reaches at most %1 days ahead.</translation>
    </message>
    <message>
        <source>Confirmed by the server</source>
        <translation>Confirmed by the server</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Being sent</source>
        <translation>Being sent</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refused by the server</translation>
    </message>
    <message>
        <source>Refused: the room was taken</source>
        <translation>Refused: the room was taken</translation>
    </message>
</context>
<context>
    <name>BookingsTab</name>
    <message>
        <source>Bookings</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <source>★ My favourites</source>
        <translation>★ My favourites</translation>
    </message>
    <message>
        <source>All floors</source>
        <translation>All floors</translation>
    </message>
    <message>
        <source>Floor %1</source>
        <translation>Floor %1</translation>
    </message>
    <message>
        <source>Not synced yet: connect once to see the rooms.</source>
        <translation>Not synced yet: connect once to see the rooms.</translation>
    </message>
    <message>
        <source>Bookings as of %1 (Baku time)</source>
        <translation>Bookings as of %1 (Baku time)</translation>
    </message>
    <message>
        <source>No favourite rooms yet. Choose a building, select a room in the grid and press F (or click the star beside its name) to star it; starred rooms of every building are shown here.</source>
        <translation>No favourite rooms yet. Choose a building, select a room in the grid and press F (or click the star beside its name) to star it; starred rooms of every building are shown here.</translation>
    </message>
    <message>
        <source>The calendar file could not be written.</source>
        <translation>The calendar file could not be written.</translation>
    </message>
    <message>
        <source>Save as iCalendar</source>
        <translation>Save as iCalendar</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar files (*.ics)</translation>
    </message>
    <message>
        <source>Previous day</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <source>Next day</source>
        <translation>Next day</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Today</translation>
    </message>
    <message>
        <source>Show today</source>
        <translation>Show today</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Day shown</translation>
    </message>
    <message>
        <source>Building:</source>
        <translation>Building:</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <source>Floor:</source>
        <translation>Floor:</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <source>Find a room</source>
        <translation>Find a room</translation>
    </message>
    <message>
        <source>My bookings</source>
        <translation>My bookings</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week of a room</source>
        <translation>Week of a room</translation>
    </message>
    <message>
        <source>taken: %1</source>
        <translation>taken: %1</translation>
    </message>
    <message>
        <source>Export my bookings (.ics)…</source>
        <translation>Export my bookings (.ics)…</translation>
    </message>
    <message>
        <source>Export my bookings as an iCalendar file</source>
        <translation>Export my bookings as an iCalendar file</translation>
    </message>
    <message>
        <source>Day grid: rooms and their bookings</source>
        <translation>Day grid: rooms and their bookings</translation>
    </message>
    <message>
        <source>Arrow keys move between rooms and half hours; Enter books or opens a booking; M moves the chosen booking; F stars the room.</source>
        <translation>Arrow keys move between rooms and half hours; Enter books or opens a booking; M moves the chosen booking; F stars the room.</translation>
    </message>
    <message>
        <source>Only the organizer or an administrator may move this booking.</source>
        <translation>Only the organizer or an administrator may move this booking.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>No rooms in the cache yet. Connect to the network and sync once.</source>
        <translation>No rooms in the cache yet. Connect to the network and sync once.</translation>
    </message>
    <message>
        <source>floor %1 · %2 seats</source>
        <translation>floor %1 · %2 seats</translation>
    </message>
</context>
<context>
    <name>CheckInReminders</name>
    <message>
        <source>Check in to %1 in %2 by %3 or the room is released</source>
        <translation>Check in to %1 in %2 by %3 or the room is released</translation>
    </message>
</context>
<context>
    <name>FinderPanel</name>
    <message>
        <source>The end must come after the start.</source>
        <translation>The end must come after the start.</translation>
    </message>
    <message>
        <source>%1 · %2, floor %3 · %4 seats</source>
        <translation>%1 · %2, floor %3 · %4 seats</translation>
    </message>
    <message>
        <source>Never synced: nothing is known about the rooms yet.</source>
        <translation>Never synced: nothing is known about the rooms yet.</translation>
    </message>
    <message numerus="yes">
        <source>%n free room(s)</source>
        <translation>
            <numerusform>%n free room</numerusform>
            <numerusform>%n free rooms</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, availability as of %2</source>
        <translation>%1, availability as of %2</translation>
    </message>
    <message>
        <source>The rooms could not be read.</source>
        <translation>The rooms could not be read.</translation>
    </message>
    <message>
        <source>Find a free room</source>
        <translation>Find a free room</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Day:</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>From – to:</translation>
    </message>
    <message>
        <source>People:</source>
        <translation>People:</translation>
    </message>
    <message>
        <source>Equipment:</source>
        <translation>Equipment:</translation>
    </message>
    <message>
        <source>Only in this building</source>
        <translation>Only in this building</translation>
    </message>
    <message>
        <source>&amp;Find free rooms</source>
        <translation>&amp;Find free rooms</translation>
    </message>
    <message>
        <source>&amp;Book the chosen room…</source>
        <translation>&amp;Book the chosen room…</translation>
    </message>
    <message>
        <source>Day to search</source>
        <translation>Day to search</translation>
    </message>
    <message>
        <source>From (Baku time)</source>
        <translation>From (Baku time)</translation>
    </message>
    <message>
        <source>To (Baku time)</source>
        <translation>To (Baku time)</translation>
    </message>
    <message>
        <source>Number of people</source>
        <translation>Number of people</translation>
    </message>
    <message>
        <source>Equipment the room must have</source>
        <translation>Equipment the room must have</translation>
    </message>
    <message>
        <source>Search only in the building shown</source>
        <translation>Search only in the building shown</translation>
    </message>
    <message>
        <source>Free rooms</source>
        <translation>Free rooms</translation>
    </message>
    <message>
        <source>Find free rooms</source>
        <translation>Find free rooms</translation>
    </message>
    <message>
        <source>Book the chosen room</source>
        <translation>Book the chosen room</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>The move could not be stored. Try again.</source>
        <translation>The move could not be stored. Try again.</translation>
    </message>
    <message>
        <source>Move a booking</source>
        <translation>Move a booking</translation>
    </message>
    <message>
        <source>Move “%1” (now %2–%3) to:</source>
        <translation>Move “%1” (now %2–%3) to:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Room:</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>New room</translation>
    </message>
    <message>
        <source>%1 · %2 seats</source>
        <translation>%1 · %2 seats</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <source>New day</source>
        <translation>New day</translation>
    </message>
    <message>
        <source>&amp;Time:</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <source>New start</source>
        <translation>New start</translation>
    </message>
    <message>
        <source>New end</source>
        <translation>New end</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Move the booking</source>
        <translation>Move the booking</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Keep the booking where it is</source>
        <translation>Keep the booking where it is</translation>
    </message>
</context>
<context>
    <name>MyBookings</name>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>released</source>
        <translation>released</translation>
    </message>
    <message>
        <source>No upcoming bookings where you organize or attend. Book a room in the grid.</source>
        <translation>No upcoming bookings where you organize or attend. Book a room in the grid.</translation>
    </message>
    <message>
        <source>My upcoming bookings</source>
        <translation>My upcoming bookings</translation>
    </message>
</context>
<context>
    <name>SeriesEditDialog</name>
    <message>
        <source>Edit the whole series</source>
        <translation>Edit the whole series</translation>
    </message>
    <message>
        <source>Title of every occurrence</source>
        <translation>Title of every occurrence</translation>
    </message>
    <message>
        <source>Start of every occurrence</source>
        <translation>Start of every occurrence</translation>
    </message>
    <message>
        <source>End of every occurrence</source>
        <translation>End of every occurrence</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Title:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Starts:</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Ends:</translation>
    </message>
    <message>
        <source>Cancelled and past occurrences stay as they are.</source>
        <translation>Cancelled and past occurrences stay as they are.</translation>
    </message>
    <message>
        <source>The change could not be saved; nothing was changed.</source>
        <translation>The change could not be saved; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>WeekPanel</name>
    <message>
        <source>Remove the room from favourites</source>
        <translation>Remove the room from favourites</translation>
    </message>
    <message>
        <source>Add the room to favourites</source>
        <translation>Add the room to favourites</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Room:</translation>
    </message>
    <message>
        <source>Room shown for the week</source>
        <translation>Room shown for the week</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Next week</translation>
    </message>
    <message>
        <source>Week shown</source>
        <translation>Week shown</translation>
    </message>
    <message>
        <source>Green with a bar: your bookings</source>
        <translation>Green with a bar: your bookings</translation>
    </message>
    <message>
        <source>Mon–Fri &amp;only</source>
        <translation>Mon–Fri &amp;only</translation>
    </message>
    <message>
        <source>Show the working week only</source>
        <translation>Show the working week only</translation>
    </message>
    <message>
        <source>Week of the room: days and their bookings</source>
        <translation>Week of the room: days and their bookings</translation>
    </message>
    <message>
        <source>Choose a room to see its week.</source>
        <translation>Choose a room to see its week.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>your booking</source>
        <translation>your booking</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
</context>
</TS>
