"""Meeting rooms and their bookings."""
