"""Turn markdown-it's flat token stream into a flat list of content elements with sources."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from pmr_print.model import BulletList, Paragraph, Source, Span
from pmr_print.problems import Problem

MISPLACED_CLAUSE = "{group="
CLAUSE_FORM = (
    "mark a clause as [words]{group=ID}, the words in square brackets right before it, "
    "e.g. [, arching your back slightly]{group=back}"
)
UNSUPPORTED_INLINE = {
    "code_inline": "inline code",
    "html_inline": "inline HTML",
    "image": "an image",
}


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    attrs: dict[str, str]
    source: Source


@dataclass(frozen=True)
class AttributedParagraph:
    paragraph: Paragraph
    classes: tuple[str, ...] = ()


Element = Heading | AttributedParagraph | BulletList


@dataclass
class Reader:
    """Walks the tokens of one file, collecting elements and problems."""

    path: str
    tokens: Sequence[Token]
    problems: list[Problem] = field(default_factory=list)
    position: int = 0

    def source(self, token: Token) -> Source:
        return Source(self.path, token.map[0] + 1 if token.map else 1)

    def problem(self, token: Token, message: str) -> None:
        self.problems.append(Problem.at(self.source(token), message))

    def elements(self) -> list[Element]:
        found: list[Element] = []
        while self.position < len(self.tokens):
            element = self.element(self.tokens[self.position])
            if element is not None:
                found.append(element)
        return found

    def element(self, token: Token) -> Element | None:
        if token.type == "heading_open":
            return self.heading(token)
        if token.type == "paragraph_open":
            return self.attributed_paragraph(token)
        if token.type == "bullet_list_open":
            return self.bullet_list(token)
        if token.type != "front_matter":
            self.problem(
                token, f"unsupported Markdown ({describe(token)}): use paragraphs and '-' lists"
            )
        self.skip_block()
        return None

    def skip_block(self) -> None:
        """Step past the current token and, for an opening token, everything up to its close."""
        depth = 0
        while self.position < len(self.tokens):
            depth += self.tokens[self.position].nesting
            self.position += 1
            if depth <= 0:
                return

    def heading(self, token: Token) -> Heading:
        inline = self.tokens[self.position + 1]
        self.position += 3
        if "attr_error" in token.meta:
            self.problem(token, token.meta["attr_error"])
        attrs = {str(key): str(value) for key, value in token.attrs.items()}
        return Heading(int(token.tag[1]), inline.content.strip(), attrs, self.source(token))

    def attributed_paragraph(self, token: Token) -> AttributedParagraph:
        paragraph = self.paragraph(token)
        classes = tuple(str(token.attrs.get("class", "")).split())
        unknown = set(token.attrs) - {"class", "id"}
        if unknown:
            self.problem(token, f"unknown paragraph attribute(s): {', '.join(sorted(unknown))}")
        return AttributedParagraph(paragraph, classes)

    def paragraph(self, token: Token) -> Paragraph:
        inline = self.tokens[self.position + 1]
        self.position += 3
        passage = str(token.attrs.get("id", ""))
        return Paragraph(self.spans(inline), self.source(token), passage)

    def bullet_list(self, token: Token) -> BulletList:
        self.position += 1
        items: list[Paragraph] = []
        while self.tokens[self.position].type != "bullet_list_close":
            current = self.tokens[self.position]
            if current.type == "paragraph_open":
                items.append(self.paragraph(current))
            elif current.type in ("list_item_open", "list_item_close"):
                self.position += 1
            else:
                self.problem(current, f"unsupported Markdown inside a list ({describe(current)})")
                self.skip_block()
        self.position += 1
        return BulletList(tuple(items), self.source(token))

    def spans(self, inline: Token) -> tuple[Span, ...]:
        spans: list[Span] = []
        bold = italic = False
        href: str | None = None
        group: str | None = None
        for child in inline.children or []:
            kind = child.type
            if kind == "text":
                if MISPLACED_CLAUSE in child.content:
                    self.problem(inline, CLAUSE_FORM)
                spans.append(Span(child.content, bold, italic, href, group))
            elif kind in ("softbreak", "hardbreak"):
                spans.append(Span("\n", bold, italic, href, group))
            elif kind in ("strong_open", "strong_close"):
                bold = kind == "strong_open"
            elif kind in ("em_open", "em_close"):
                italic = kind == "em_open"
            elif kind in ("link_open", "link_close"):
                href = str(child.attrs["href"]) if kind == "link_open" else None
            elif kind == "span_open":
                group = self.clause_group(inline, child, group)
            elif kind == "span_close":
                group = None
            else:
                self.problem(inline, f"unsupported Markdown: {UNSUPPORTED_INLINE.get(kind, kind)}")
        return merge_spans(spans)

    def clause_group(self, inline: Token, span: Token, outer: str | None) -> str | None:
        """The group of a `[words]{group=id}` clause; anything else there is reported."""
        attrs = {str(key): str(value) for key, value in span.attrs.items()}
        if outer is not None:
            self.problem(inline, "a marked clause cannot hold another one: " + CLAUSE_FORM)
        elif set(attrs) != {"group"} or not attrs["group"]:
            found = " ".join(f"{key}={value}" for key, value in attrs.items())
            self.problem(inline, f"[words]{{{found}}}: {CLAUSE_FORM}")
        return attrs.get("group") or None


def describe(token: Token) -> str:
    return token.type.removesuffix("_open").replace("_", " ")


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def merge_spans(spans: list[Span]) -> tuple[Span, ...]:
    """Join runs of the same style; a line break becomes a space, or nothing between Han text."""
    text = "".join(span.text for span in spans)
    merged: list[Span] = []
    offset = 0
    for span in spans:
        piece = span.text
        if piece == "\n":
            before = text[offset - 1] if offset else " "
            after = text[offset + 1] if offset + 1 < len(text) else " "
            piece = "" if is_wide(before) and is_wide(after) else " "
        offset += len(span.text)
        if merged and replace(merged[-1], text="") == replace(span, text=""):  # same style
            merged[-1] = replace(span, text=merged[-1].text + piece)
        elif piece:
            merged.append(replace(span, text=piece))
    return tuple(merged)
