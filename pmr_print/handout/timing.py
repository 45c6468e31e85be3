"""Durations in words, for tables and cards."""

from __future__ import annotations

from pmr_print.labels import Labels


def duration(seconds: int, labels: Labels) -> str:
    minutes, rest = divmod(seconds, 60)
    if rest == 0:
        return labels("{minutes} min", minutes=minutes)
    return labels("{minutes} min {seconds} s", minutes=minutes, seconds=rest)
