"""The Bookings tab (issue 11): day grid, free-room finder, booking form, .ics export."""

from ui.bookings.tab import BookingsTab

__all__ = ["BookingsTab"]
