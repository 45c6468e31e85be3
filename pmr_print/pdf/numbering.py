"""Page numbers counted through a packet: a document printed with others in one packet (the
workshop's handout, then its log) numbers its pages as part of the whole, "Page 5 of 8" on the
log's first page after a four-page handout. A single document counts its own pages."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Through:
    """How many pages of the packet come before the document, and how many after it."""

    before: int
    after: int


THROUGH: ContextVar[Through | None] = ContextVar("pmr_print_numbered_through", default=None)


@contextmanager
def numbered_through(before: int, after: int) -> Iterator[None]:
    """Render a document as pages `before + 1` on of a packet of `before + its pages + after`."""
    token = THROUGH.set(Through(before, after))
    try:
        yield
    finally:
        THROUGH.reset(token)


def counted_through() -> bool:
    """Whether the document is rendered as part of a packet (numbered_through)."""
    return THROUGH.get() is not None


def page_label(labels: Callable[..., str], page: int, pages: int) -> str:
    """ "Page {page} of {pages}" for the document's `page` of its `pages`, counted through the
    packet it is rendered for (numbered_through), if any."""
    through = THROUGH.get() or Through(0, 0)
    whole = through.before + pages + through.after
    return labels("Page {page} of {pages}", page=through.before + page, pages=whole)
