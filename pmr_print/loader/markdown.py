"""The Markdown parser set up for content files: the only place that configures markdown-it."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.attrs.parse import ParseError, parse
from mdit_py_plugins.front_matter import front_matter_plugin

from pmr_print.limits import quoted

# markdown-it-py's attrs plugins do not read `## Title {#id k=v}` (markdown-it-py issue #350).
TRAILING_ATTRS = re.compile(r"\s*(\{[^{}]*\}?)\s*$")


def heading_attrs_rule(state: StateCore) -> None:
    """Move a trailing `{#id key=value}` from a heading's text into the heading's attrs."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        match = TRAILING_ATTRS.search(inline.content)
        if not match or not match.group(1).startswith("{"):
            continue
        try:
            _, attrs = parse(match.group(1))
        except ParseError as error:
            token.meta["attr_error"] = f"bad attribute block {quoted(match.group(1))}: {error}"
            continue
        token.attrs.update(attrs)
        inline.content = inline.content[: match.start()]
        if inline.children:
            last = inline.children[-1]
            last.content = TRAILING_ATTRS.sub("", last.content)


PASSAGE_ID = re.compile(r"\s*\{#([A-Za-z0-9][A-Za-z0-9_-]*)\}\s*$")


def passage_id_rule(state: StateCore) -> None:
    """Move a trailing `{#id}` from a paragraph's or list item's text into its attrs: the
    passage's id, which pairs it with its translation."""
    tokens = state.tokens
    for index, token in enumerate(tokens[:-1]):
        inline = tokens[index + 1]
        if token.type != "paragraph_open" or inline.type != "inline":
            continue
        match = PASSAGE_ID.search(inline.content)
        last = inline.children[-1] if inline.children else None
        if match is None or last is None or last.type != "text":
            continue
        if not PASSAGE_ID.search(last.content):
            continue
        token.attrs["id"] = match.group(1)
        inline.content = inline.content[: match.start()]
        last.content = PASSAGE_ID.sub("", last.content)


def make_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table")
    parser.use(front_matter_plugin).use(attrs_block_plugin)
    # `[words]{group=back}` marks a clause of a combined step; no other inline attributes.
    parser.use(attrs_plugin, spans=True, after=())
    parser.core.ruler.push("heading_attrs", heading_attrs_rule)
    parser.core.ruler.push("passage_id", passage_id_rule)
    return parser
