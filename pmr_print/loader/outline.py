"""Nest the flat elements of a file under their headings."""

from __future__ import annotations

from dataclasses import dataclass, field

from pmr_print.loader.blocks import AttributedParagraph, Element, Heading
from pmr_print.model import BulletList, Source


@dataclass
class Node:
    heading: Heading
    blocks: list[AttributedParagraph | BulletList] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    @property
    def source(self) -> Source:
        return self.heading.source

    @property
    def id(self) -> str:
        return self.heading.attrs.get("id", "")


def nest(elements: list[Element]) -> tuple[list[Node], list[Element]]:
    """Return the top-level nodes and the elements found before the first heading."""
    roots: list[Node] = []
    stack: list[Node] = []
    orphans: list[Element] = []
    for element in elements:
        if isinstance(element, Heading):
            node = Node(element)
            while stack and stack[-1].heading.level >= element.level:
                stack.pop()
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
        elif stack:
            stack[-1].blocks.append(element)
        else:
            orphans.append(element)
    return roots, orphans
