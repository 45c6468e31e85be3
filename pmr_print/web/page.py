"""The page: one Jinja2 template, autoescaped, in the page's language. The muscle groups and
protocols are named by the content of that language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import jinja2

from pmr_print.theme import PAPER_SIZES
from pmr_print.web.products import PRODUCTS, Shelf
from pmr_print.web.text import LANGUAGE_NAMES, TEXTS, PageText

# The locales offered; the command line takes any CLDR locale whose language matches --lang.
LOCALES = (
    "en_US",
    "en_GB",
    "en_CA",
    "en_AU",
    "en_NZ",
    "en_IE",
    "en_IN",
    "en_SG",
    "zh_CN",
    "zh_SG",
    "zh_HK",
    "zh_TW",
)


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("pmr_print.web", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


@dataclass(frozen=True)
class Filled:
    """The values a form was sent with (each a list, as a form sends them), for the page to show
    again beside its errors."""

    values: Mapping[str, object]

    def get(self, key: str, default: str = "") -> str:
        value = self.values.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        return default if value is None else str(value)

    def has(self, key: str, item: str) -> bool:
        value = self.values.get(key)
        items = value if isinstance(value, list) else [value]
        return item in [str(part) for part in items]


def render_page(
    text: PageText,
    shelf: Shelf,
    values: Mapping[str, object],
    errors: Mapping[str, str],
) -> str:
    guide = shelf.guide(text.lang)
    filled = Filled(values)
    return (
        environment()
        .get_template("page.html")
        .render(
            t=text,
            switch=[(lang, LANGUAGE_NAMES[lang]) for lang in TEXTS if lang != text.lang],
            languages=[(lang, LANGUAGE_NAMES.get(lang, lang)) for lang in shelf.editions],
            locales=LOCALES,
            papers=sorted(PAPER_SIZES),
            protocols=[(protocol.id, protocol.name) for protocol in guide.protocols],
            groups=[(group.id, group.name) for group in guide.groups],
            products=[(key, getattr(text, key), getattr(text, f"{key}_hint")) for key in PRODUCTS],
            enabled=tuple(PRODUCTS),
            product=filled.get("product", "handout"),
            v=filled,
            errors=errors,
        )
    )
