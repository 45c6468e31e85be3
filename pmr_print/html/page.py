"""Pages from Jinja2 templates with autoescaping: the only place this room turns text into HTML.

Every text of the model and every untrusted value (client, clinician, reason, URL) reaches the
page through a template, which escapes it; drawings arrive as DOM-serialised SVG (svg.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from pmr_print.html.fonts import font_faces
from pmr_print.languages import SEPARATOR
from pmr_print.model import Guide, Paragraph, Span
from pmr_print.options import Settings

SAFE_SCHEMES = ("https://", "http://", "mailto:")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@dataclass(frozen=True)
class Page:
    """What heads a page: its language (BCP 47), title and author; `folio`, "Page {page} of
    {pages}" in its language(s), printed with the title (and so the client's name) in the
    margin of every printed page (base.html)."""

    lang: str
    title: str
    author: str = ""
    folio: str = ""


def folio(guides: Sequence[Guide]) -> str:
    """ "Page {page} of {pages}", joined in every language: "… · 第{page}页，共{pages}页"."""
    return SEPARATOR.join(guide.labels("Page {page} of {pages}") for guide in guides)


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string for a <style>: anything but ASCII letters, digits and spaces
    is a hex escape, so no value (a client named `"}</style>`) ends the string or the element,
    and the style holds no Chinese that a screen reader would take for unmarked text."""
    kept = (
        char if (char.isascii() and char.isalnum()) or char == " " else f"\\{ord(char):x} "
        for char in text
    )
    return Markup('"' + "".join(kept) + '"')


def page_counters(folio: str) -> Markup:
    """ "Page {page} of {pages}" as CSS content: "Page " counter(page) " of " counter(pages)."""
    parts = re.split(r"\{(page|pages)\}", folio)
    values = [
        f"counter({part})" if index % 2 else css_string(part)
        for index, part in enumerate(parts)
        if index % 2 or part
    ]
    return Markup(" ".join(values))


def language_tag(settings: Settings) -> str:
    """BCP 47 for the lang attribute, with the script: en-US, zh-Hans-CN (Settings.tag)."""
    return settings.tag


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pmr_print.html", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["runs"] = runs
    env.filters["safe_href"] = safe_href
    env.filters["css_string"] = css_string
    env.filters["page_counters"] = page_counters
    env.globals["zip"] = zip
    return env


@functools.cache
def stylesheet() -> Markup:
    """style.css: written by us, so it goes into the page as it is."""
    return Markup(resources.files("pmr_print.html").joinpath("style.css").read_text("utf-8"))


def render(template: str, page: Page, settings: Settings, **context: object) -> str:
    """The template as a whole HTML document, with font subsets for exactly its characters."""
    chosen = environment().get_template(template)
    theme = settings.theme
    common = {
        "page": page,
        "colours": theme.colours,
        "theme": theme,
        "stylesheet": stylesheet(),
        **context,
    }
    draft = chosen.render(fonts=[], **common)
    # the margin's words are escaped in the style (css_string): their characters are added
    fonts = font_faces(draft + page.title + page.folio, theme.large_print)
    return chosen.render(fonts=fonts, **common)


def runs(paragraph: Paragraph) -> list[Span]:
    """The paragraph's spans with its line breaks resolved: a space between words, nothing
    between Chinese characters (where a browser would show a space)."""
    full = paragraph.text
    position = 0
    result = []
    for span in paragraph.spans:
        chars = []
        for offset, char in enumerate(span.text):
            at = position + offset
            if char == "\n":
                before, after = full[at - 1 : at], full[at + 1 : at + 2]
                char = "" if _CJK.match(before) and _CJK.match(after) else " "
            chars.append(char)
        position += len(span.text)
        result.append(replace(span, text="".join(chars), href=safe_href(span.href)))
    return result


def safe_href(href: str | None) -> str | None:
    """A link target the page may carry: web and mail links only (no javascript: and the like)."""
    if href and href.strip().lower().startswith(SAFE_SCHEMES):
        return href.strip()
    return None
