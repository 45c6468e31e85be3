"""Pages from Jinja2 templates with autoescaping: the only place this room turns text into HTML.

Every text of the model and every untrusted value (client, clinician, reason, URL) reaches the
page through a template, which escapes it; drawings arrive as DOM-serialised SVG (svg.py).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from pmr_print.html.fonts import font_faces
from pmr_print.model import Paragraph, Span
from pmr_print.options import Settings

SAFE_SCHEMES = ("https://", "http://", "mailto:")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@dataclass(frozen=True)
class Page:
    """What heads a page: its language (BCP 47), title and author."""

    lang: str
    title: str
    author: str = ""


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
    fonts = font_faces(draft, theme.large_print)
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
