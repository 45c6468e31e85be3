"""Durations in words, for tables and cards (shared with the HTML edition, so kept in i18n)."""

from __future__ import annotations

from pmr_print.i18n import duration

__all__ = ["duration"]
