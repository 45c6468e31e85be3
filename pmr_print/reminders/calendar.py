"""The reminders' .ics text: one event repeating daily, its alarm, and the practice plan."""

from __future__ import annotations

import datetime as dt
import hashlib

from pmr_print.model import Guide

PRODUCT_ID = "-//pmr-print//practice reminders//EN"
MINUTES = 20  # how long the event blocks: about a session of the extended protocol


def reminders(guide: Guide, start: dt.date, days: int, at: dt.time) -> str:
    """The calendar: practice every day from `start` for `days` days at `at` (local time)."""
    labels = guide.labels
    first = dt.datetime.combine(start, at.replace(second=0, microsecond=0))
    plan = "\n".join(f"- {item.text}" for item in guide.section("practice-plan").items)
    uid = hashlib.sha256(f"{guide.lang}|{first.isoformat()}|{days}".encode()).hexdigest()[:24]
    title = labels("Time for your muscle relaxation practice")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{text(labels('Practice reminders: muscle relaxation'))}",
        "BEGIN:VEVENT",
        f"UID:{uid}@pmr-print",
        f"DTSTAMP:{start:%Y%m%d}T000000Z",  # from the input, not the clock: the same bytes
        f"DTSTART:{first:%Y%m%dT%H%M%S}",  # floating: the client's local time, wherever
        f"DURATION:PT{MINUTES}M",
        f"RRULE:FREQ=DAILY;COUNT={days}",
        f"SUMMARY;LANGUAGE={guide.lang}:{text(title)}",
        f"DESCRIPTION;LANGUAGE={guide.lang}:{text(plan)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:PT0M",
        f"DESCRIPTION:{text(title)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(folded(line) + "\r\n" for line in lines)


def text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545, 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\n").replace("\n", "\\n")


def folded(line: str) -> str:
    """The line folded at 75 octets, never inside a UTF-8 character (RFC 5545, 3.1)."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    return "\r\n".join([*out, current])
