"""A request's values, from JSON or a form, read field by field into the API's option objects.

Each field is checked on its own by building the same option object the command line builds,
with only that field set, so the message is the command line's and every bad field is reported
at once, under its JSON key.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from pmr_print.limits import quoted, unicode_problem, unique_items
from pmr_print.messages import NOT_A_NUMBER, Param, Said
from pmr_print.problems import ContentError, PmrError
from pmr_print.web.text import field_label, quoted_label

T = TypeVar("T")
TRUE = frozenset({"true", "on", "yes", "1"})
FALSE = frozenset({"false", "off", "no", "0", ""})


@dataclass(frozen=True)
class Upload:
    """An uploaded file: its name as sent (for messages) and its bytes."""

    name: str
    data: bytes


class FieldErrors(Exception):
    """Bad input: a message per field, keyed as in the JSON body; `problems`, the full list of
    bad rows behind a message that shows only the first; `status`, the HTTP status."""

    def __init__(
        self, errors: Mapping[str, str], problems: tuple[str, ...] = (), status: int = 400
    ) -> None:
        self.errors = dict(errors)
        self.problems = problems
        self.status = status
        super().__init__("; ".join(f"{key}: {message}" for key, message in self.errors.items()))

    def as_json(self) -> dict[str, list[dict[str, str]] | list[str]]:
        found: dict[str, list[dict[str, str]] | list[str]] = {
            "errors": [{"field": key, "message": message} for key, message in self.errors.items()]
        }
        if self.problems:
            found["problems"] = list(self.problems)
        return found


def shown_key(key: str) -> str:
    """A key as messages name it: invalid Unicode escaped, cut to a readable length."""
    return quoted(key)[1:-1]


def first_problem(texts: list[object]) -> str | None:
    for text in texts:
        problem = unicode_problem(text) if isinstance(text, str) else None
        if problem is not None:
            return problem
    return None


def unicode_errors(values: Mapping[str, object]) -> dict[str, str]:
    """A message for each key, or text under a key, that is not valid Unicode (JSON allows a
    lone surrogate, "\\ud800"): refused here, before any field becomes a PDF, a page, a
    file name or a message."""
    found = {}
    for key, value in values.items():
        texts = value if isinstance(value, list) else [value]
        if unicode_problem(key):
            found[shown_key(key)] = f"the key is {unicode_problem(key)}"
            continue
        problem = first_problem(texts)
        if problem is not None:
            found[shown_key(key)] = f"--{shown_key(key).replace('_', '-')}: {problem}"
    return found


def worded(said: Said, lang: str) -> str:
    """A message in the page's words: its field named as the page labels it, in `lang`."""
    return said.text(lang, lambda key: field_label(lang, key), lambda key: quoted_label(lang, key))


def message(error: PmrError, lang: str = "en") -> str:
    """A PmrError in the page's words when it carries its message unworded; else as the command
    line words it, without a content file's path for ContentError."""
    said = getattr(error, "said", None)
    if isinstance(said, Said):
        return worded(said, lang)
    if isinstance(error, ContentError):
        return "; ".join(problem.message for problem in error.problems)
    return str(error)


def key_named(text: str, keys: tuple[str, ...], fallback: str) -> str:
    """The key of the first `--option` a message names, e.g. omit_reason for --omit-reason."""
    for found in re.finditer(r"--([a-z][a-z-]*)", text):
        key = found.group(1).replace("-", "_")
        if key in keys:
            return key
    return fallback


class Validated(Exception):
    """A dry reader's fields are all good: the build would start now."""


class Reader:
    """One request's values; every problem is kept against its key, and raised together."""

    def __init__(
        self,
        values: Mapping[str, object],
        files: Mapping[str, Upload] | None = None,
        region: str | None = None,
        lang: str = "en",
    ) -> None:
        self.values = values
        self.files = files or {}
        self.region = region  # the request's locale: the first Accept-Language tag
        self.lang = lang  # the language of the messages: the page's, or the request's
        self.errors: dict[str, str] = {}
        self.dry = False  # see dry_copy
        # (done, total): a long job's count as it goes, set in the worker (web.workers.run_job)
        self.progress: Callable[[int, int], None] | None = None

    def fail(self, key: str, text: str) -> None:
        self.errors.setdefault(key, text)

    def say(self, key: str, msgid: str, **params: Param) -> None:
        """Keep a message of the catalog against `key`, in the reader's language."""
        self.fail(key, worded(Said.of(msgid, key, **params), self.lang))

    def check(self, key: str, make: Callable[[], T]) -> T | None:
        """make(), or None with its error kept against `key`."""
        try:
            return make()
        except PmrError as error:
            self.fail(key, message(error, self.lang))
            return None

    def raw(self, key: str) -> object:
        value = self.values.get(key)
        if isinstance(value, list) and len(value) == 1:
            return value[0]
        return value

    def text(self, key: str, default: str = "") -> str:
        value = self.raw(key)
        if value is None:
            return default
        if isinstance(value, str):
            return value.strip()
        self.fail(key, "must be text")
        return default

    def flag(self, key: str) -> bool:
        value = self.raw(key)
        if value is None or isinstance(value, bool):
            return bool(value)
        if isinstance(value, str) and value.strip().casefold() in TRUE | FALSE:
            return value.strip().casefold() in TRUE
        self.fail(key, "must be true or false")
        return False

    def items(self, key: str) -> tuple[str, ...]:
        """A list, or text separated by commas as on the command line, or repeated form fields:
        each item once, and at most pmr_print.limits.MAX_ITEMS of them."""
        value = self.values.get(key)
        parts = value if isinstance(value, list) else [] if value is None else [value]
        if not all(isinstance(part, str) for part in parts):
            self.fail(key, "must be a list of texts")
            return ()
        found = [item.strip() for part in parts for item in str(part).split(",") if item.strip()]
        return self.check(key, lambda: unique_items(f"--{key.replace('_', '-')}", found)) or ()

    def number(self, key: str) -> int | None:
        value = self.raw(key)
        if value is None or value == "":
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().isdigit() and value.strip().isascii():
            return int(value.strip())
        self.say(key, NOT_A_NUMBER, value=quoted(value) if isinstance(value, str) else "?")
        return None

    def file(self, key: str) -> Upload | None:
        return self.files.get(key)

    def reject_unknown(self, known: tuple[str, ...]) -> None:
        for key in [*self.values, *self.files]:
            if key not in known:
                self.fail(shown_key(key), f"unknown option; this product takes: {', '.join(known)}")

    def done(self) -> None:
        """FieldErrors when a field is bad; Validated instead of building, for a dry reader."""
        if self.errors:
            raise FieldErrors(self.errors)
        if self.dry:
            raise Validated

    def dry_copy(self) -> Reader:
        """The same request, read to check its fields only (a product's maker stops at done())."""
        copy = Reader(self.values, self.files, self.region, self.lang)
        copy.errors = dict(self.errors)  # unknown keys, found before the maker runs
        copy.dry = True
        return copy
