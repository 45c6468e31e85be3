"""Practice reminders: the practice plan as an iCalendar file (RFC 5545) that common calendars
open: one daily event at a floating local time (it rings at that hour wherever the phone is), for
the practice log's weeks, with an alarm, in the client's language. Plain text, no library."""
