"""How large content may be: checked on the raw text, before markdown-it parses it.

markdown-it takes time growing faster than linearly on some shapes (50,000 nested links take it
seconds, and the layout of a 10 MB paragraph minutes and gigabytes), so a guide whose file or one
of whose paragraphs is far beyond any real one is refused with FILE:LINE by `check` and by every
build alike, instead of being parsed. The limits are many times the shipped content's: its
longest paragraph has under 400 characters, its guide.md 15 kB.
"""

from __future__ import annotations

import re

from pmr_print.problems import ContentError, Problem

MAX_GUIDE_CHARS = 1_000_000
MAX_PARAGRAPH_CHARS = 5_000
BLANK_LINES = re.compile(r"\n[ \t]*\n")


class TooLarge(ContentError):
    """A guide refused for its size, before it was parsed."""


def size_problems(text: str, path: str) -> list[Problem]:
    """A problem for each block of lines (between blank lines) over MAX_PARAGRAPH_CHARS, at the
    line it starts on; else one for a guide over MAX_GUIDE_CHARS."""
    problems = []
    line, start = 1, 0
    for found in [*BLANK_LINES.finditer(text), None]:
        end = len(text) if found is None else found.start()
        if end - start > MAX_PARAGRAPH_CHARS:
            message = (
                f"a paragraph of {end - start:,} characters; at most {MAX_PARAGRAPH_CHARS:,}: "
                "split it into shorter ones"
            )
            problems.append(Problem(path, line + text[start:end][:1].count("\n"), message))
        if found is not None:
            line += text.count("\n", start, found.end())
            start = found.end()
    if not problems and len(text) > MAX_GUIDE_CHARS:
        message = f"{len(text):,} characters; a guide has at most {MAX_GUIDE_CHARS:,}"
        problems.append(Problem(path, 1, message))
    return problems
