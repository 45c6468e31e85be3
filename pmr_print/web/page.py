"""The page: one Jinja2 template, autoescaped, in the page's language. The muscle groups and
protocols are named by the content of that language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

import jinja2

from pmr_print.options import PrintOptions, Settings
from pmr_print.theme import PAPER_SIZES
from pmr_print.web.products import PRODUCTS, Shelf, settings
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


PAPER_NAMES = {"a4": "A4", "letter": "Letter"}


def automatic(shelf: Shelf, lang: str, region: str | None) -> dict[str, str]:
    """What "Automatic" picks for an edition, for a request from `region` (its first
    Accept-Language tag), as the products resolve it: the paper, and the locale of the dates
    and the first weekday."""
    found = settings(shelf.edition(lang), PrintOptions(region=region))
    first = found[0] if isinstance(found, tuple) else found
    assert isinstance(first, Settings)
    paper = first.theme.paper
    locale = "_".join(part for part in (first.locale.language, first.locale.territory) if part)
    return {"paper": PAPER_NAMES.get(paper, paper.upper()), "locale": locale}


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
    region: str | None = None,
) -> str:
    guide = shelf.guide(text.lang)
    filled = Filled(values)
    chosen_lang = filled.get("lang", text.lang)
    chosen_lang = chosen_lang if chosen_lang in shelf.editions else text.lang
    return (
        environment()
        .get_template("page.html")
        .render(
            t=text,
            switch=[(lang, LANGUAGE_NAMES[lang]) for lang in TEXTS if lang != text.lang],
            languages=[(lang, LANGUAGE_NAMES.get(lang, lang)) for lang in shelf.editions],
            locales=LOCALES,
            papers=sorted(PAPER_SIZES),
            paper_names={name: PAPER_NAMES.get(name, name.upper()) for name in PAPER_SIZES},
            auto={lang: automatic(shelf, lang, region) for lang in shelf.editions},
            chosen_lang=chosen_lang,
            protocols=[(protocol.id, protocol.name) for protocol in guide.protocols],
            groups=[(group.id, group.name) for group in guide.groups],
            products=[(key, getattr(text, key), getattr(text, f"{key}_hint")) for key in PRODUCTS],
            enabled=tuple(PRODUCTS),
            product=filled.get("product", "handout"),
            v=filled,
            errors=errors,
        )
    )
