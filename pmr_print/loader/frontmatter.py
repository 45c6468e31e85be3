"""Read the `key: value` front matter at the top of guide.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

from markdown_it.token import Token

from pmr_print.limits import quoted
from pmr_print.problems import Problem


@dataclass(frozen=True)
class FrontMatter:
    lang: str
    title: str
    subtitle: str
    cue_tense: str
    cue_relax: str
    relax_word: str


KEYS = tuple(f.name for f in fields(FrontMatter))


def read_front_matter(
    tokens: Sequence[Token], path: str, lang: str, problems: list[Problem]
) -> FrontMatter | None:
    token = next((t for t in tokens if t.type == "front_matter"), None)
    if token is None:
        problems.append(Problem(path, 1, "missing front matter: start the file with '---'"))
        return None
    values: dict[str, str] = {}
    first_line = (token.map[0] if token.map else 0) + 2
    for offset, raw in enumerate(token.content.splitlines()):
        line = first_line + offset
        key, colon, value = raw.partition(":")
        key = key.strip()
        if not raw.strip():
            continue
        if not colon or key not in KEYS:
            problems.append(
                Problem(
                    path, line, f"unknown front matter line {quoted(raw)} (keys: {', '.join(KEYS)})"
                )
            )
        elif key in values:
            problems.append(Problem(path, line, f"duplicate front matter key '{key}'"))
        else:
            values[key] = value.strip()
    missing = [key for key in KEYS if not values.get(key)]
    for key in missing:
        problems.append(Problem(path, first_line - 1, f"front matter needs '{key}: ...'"))
    if values.get("lang") and values["lang"] != lang:
        problems.append(
            Problem(path, first_line, f"lang is '{values['lang']}' but the folder is '{lang}'")
        )
    return None if missing else FrontMatter(**values)
