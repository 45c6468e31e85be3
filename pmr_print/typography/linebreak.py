"""Chinese line breaking (kinsoku) for ReportLab paragraphs.

ReportLab's ``wordWrap='CJK'`` cuts after almost any character and knows one rule only: a single
closing mark may hang past the right margin. It lets lines start with ``，`` or ``》``, end with
``（`` or ``“``, and sometimes splits a Latin word. ``KinsokuParagraph`` replaces the breaker with a
greedy one that follows these rules:

* a line never starts with a ``CANNOT_START`` character and never ends with a ``CANNOT_END`` one;
* a run of narrow (not East Asian wide) characters, such as a Latin word, a number, ``8–12`` or
  a DOI, is never split, unless it is wider than the line: then it is cut rather than overflow;
* a line may break between two wide characters, between a wide and a narrow one, and after
  spaces, which are dropped at line ends and starts;
* no line is wider than its width: characters are pushed to the next line and nothing hangs.

Pure English text therefore breaks at spaces only, exactly like normal wrapping, so the class can
be used for every paragraph. Use it with ``ParagraphStyle(wordWrap='CJK')``; with any other
``wordWrap`` it behaves as a plain ``Paragraph``.

It relies on private helpers of ``reportlab.platypus.paragraph`` (``cjkU``, ``makeCJKParaLine``,
``ParaLines``, ``_handleBulletWidth``) and on how ``Paragraph.split`` uses ``blPara`` and
``_splitpara``. That is why reportlab is pinned in pyproject.toml. ``tests/test_linebreak.py`` is
the regression test that guards it: run it before changing the pin.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from itertools import accumulate, groupby
from typing import Any

from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import (
    FragLine,
    ParaLines,
    _handleBulletWidth,
    cjkU,
    makeCJKParaLine,
    sameFrag,
)
from reportlab.rl_config import _FUZZ

# Characters that may not start a line: stops, closing brackets and quotes, and marks that
# belong to what precedes them. ASCII straight quotes are left out because they open as well as
# close; being narrow, they stay attached to the word next to them anyway.
CANNOT_START = frozenset(
    "，。、；：！？）］｝」』》〉】〕〗〙〛”’〞〟…‥·・～〜％‰‱℃°′″ー々〻"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    ",.;:!?)]}%"
)

# Characters that may not end a line: opening brackets and quotes, and prefix signs that belong
# to the number after them. The wave dash is in both sets: it ties the two ends of a range.
CANNOT_END = frozenset("（［｛「『《〈【〔〖〘〚“‘〝～〜￥＄＃([{")

# Break opportunities that are dropped at a line end. No-break spaces (U+00A0, U+202F) are left
# out on purpose: they must keep their neighbours together.
SPACES = frozenset(
    " \t\n\r\x0b\x0c\x85\u1680\u2028\u2029\u205f\u3000"
    + "".join(chr(c) for c in range(0x2000, 0x200C))
)

# Unit kinds. A unit is one character, or an empty-text fragment: an image (it has a width and
# behaves like a Han character), or an anchor, index entry or <br/> (zero width; GLUE keeps it
# on the line of its neighbours).
SPACE, WIDE, NARROW, GLUE = range(4)


@functools.cache
def _char_kind(char: str) -> int:
    if char in SPACES:
        return SPACE
    return WIDE if unicodedata.east_asian_width(char) in "WF" else NARROW


def _kind(unit: cjkU) -> int:
    if not unit:
        return WIDE if unit.width else GLUE
    return _char_kind(str(unit))


@functools.cache
def _char_width(char: str, font_name: str, font_size: float) -> float:
    return float(stringWidth(char, font_name, font_size))


def _unit(char: str, frag: Any, width: float) -> cjkU:
    """What cjkU(char, frag) makes, without measuring the character again."""
    unit = str.__new__(cjkU, char)
    unit._frag = frag
    unit._width = width
    return unit


def _units(frags: Sequence[Any]) -> list[cjkU]:
    """One cjkU (a str carrying its frag and width) per character, as cjkFragSplit makes them.
    Widths are looked up once per character, face and size (the same paragraph is often set
    at several widths, and text repeats its characters)."""
    units = []
    for frag in frags:
        text = getattr(frag, "text", "")
        if not text or hasattr(frag, "cbDefn"):
            units.extend([cjkU(ch, frag, "utf8") for ch in text] or [cjkU(text, frag, "utf8")])
            continue
        name, size = frag.fontName, frag.fontSize
        units.extend([_unit(ch, frag, _char_width(ch, name, size)) for ch in text])
    return units


def _width(unit: cjkU, basis: float) -> float:
    width = unit.width
    if hasattr(width, "normalizedValue"):  # <img width="50%">: relative to the line width
        width._normalizer = basis
        width = width.normalizedValue(basis)
    return float(width)


def _may_break(last_visible: str, before: int, char: cjkU, kind: int) -> bool:
    """May a line end right before ``char``? ``before`` is the kind of the unit in front of it and
    ``last_visible`` the last non-space character in front of it."""
    if kind == SPACE or char in CANNOT_START:
        return False  # break after the spaces; a closing mark stays with what it closes
    if last_visible in CANNOT_END or GLUE in (before, kind):
        return False
    return not (before == NARROW and kind == NARROW)  # never inside a Latin word or a number


def _break_points(units: list[cjkU], kinds: list[int]) -> list[tuple[int, bool]]:
    """(i, forced) for each i where a line may end before units[i]; the last is (len, False)."""
    points = []
    last_visible = None  # None at the start of a line: a break there would leave it empty
    for i in range(1, len(units)):
        if kinds[i - 1] != SPACE:
            last_visible = units[i - 1]
        if hasattr(units[i - 1].frag, "lineBreak"):  # <br/> ends its line
            points.append((i, True))
            last_visible = None
        elif last_visible is not None and _may_break(
            last_visible, kinds[i - 1], units[i], kinds[i]
        ):
            points.append((i, False))
    points.append((len(units), False))
    return points


class _Measure:
    """Widths of unit ranges without their leading and trailing spaces (those are dropped)."""

    def __init__(self, units: list[cjkU], kinds: list[int], basis: float):
        self.sums = list(accumulate((_width(u, basis) for u in units), initial=0))
        n = len(units)
        self.lead = [n] * (n + 1)  # lead[i]: first non-space index >= i
        for i in range(n - 1, -1, -1):
            self.lead[i] = self.lead[i + 1] if kinds[i] == SPACE else i
        self.trail = [0] * (n + 1)  # trail[i]: 1 + last non-space index < i
        for i in range(1, n + 1):
            self.trail[i] = self.trail[i - 1] if kinds[i - 1] == SPACE else i

    def visible(self, start: int, end: int) -> tuple[int, int]:
        first, stop = self.lead[start], self.trail[end]
        return (first, stop) if first < stop else (first, first)

    def width(self, start: int, end: int) -> float:
        first, stop = self.visible(start, end)
        return self.sums[stop] - self.sums[first]


def _line_width(max_widths: Sequence[float], line_no: int) -> float:
    return float(max_widths[min(line_no, len(max_widths) - 1)])


def _widest_word(kinds: list[int], measure: _Measure, first: int, end: int) -> float:
    """Width of the widest run of narrow characters (Latin word, number) in units[first:end]."""
    widest, run = 0.0, None
    for i in range(first, end + 1):
        narrow = i < end and kinds[i] == NARROW
        if narrow and run is None:
            run = i
        elif not narrow and run is not None:
            widest, run = max(widest, measure.sums[i] - measure.sums[run]), None
    return widest


def _cut(
    units: list[cjkU], kinds: list[int], measure: _Measure, start: int, end: int, avail: float
) -> int:
    """Last resort for an unbreakable run wider than the line, cut as late as fits (at least one
    character). If its words fit on a line, keep them whole and break a punctuation rule (in
    ``（PMR）`` or ``a0027326；``); else cut inside the word where the punctuation rules allow."""
    first = measure.lead[start]
    fits = [c for c in range(first + 1, end) if measure.width(start, c) <= avail + _FUZZ]
    fits = fits or [first + 1]
    keep_words = _widest_word(kinds, measure, first, end) <= avail + _FUZZ

    def acceptable(c: int) -> bool:
        if keep_words:
            return not (kinds[c - 1] == NARROW and kinds[c] == NARROW)
        last_visible = units[measure.trail[c] - 1]
        return units[c] not in CANNOT_START and last_visible not in CANNOT_END

    return next((c for c in reversed(fits) if acceptable(c)), fits[-1])


def _fill(
    units: list[cjkU],
    kinds: list[int],
    points: list[tuple[int, bool]],
    measure: _Measure,
    max_widths: Sequence[float],
) -> list[tuple[int, int, bool]]:
    """Greedy filling: each line ends at the last break point that fits. (start, end, forced)."""
    spans: list[tuple[int, int, bool]] = []
    start, k = 0, 0
    while start < points[-1][0]:
        avail = _line_width(max_widths, len(spans))
        while points[k][0] <= start:
            k += 1
        end, forced = points[k]
        if measure.width(start, end) > avail + _FUZZ:
            end, forced = _cut(units, kinds, measure, start, end, avail), False
        else:
            while not forced and k + 1 < len(points):
                if measure.width(start, points[k + 1][0]) > avail + _FUZZ:
                    break
                k += 1
                end, forced = points[k]
        spans.append((start, end, forced))
        start = end
    return _pull_back(units, kinds, points, measure, max_widths, spans)


def _alone(
    units: list[cjkU], kinds: list[int], measure: _Measure, span: tuple[int, int, bool]
) -> bool:
    """Does the span hold one wide character, with only closing marks after it (a 孤字)?"""
    first, stop = measure.visible(span[0], span[1])
    if (
        stop - first < 1
        or kinds[first] != WIDE
        or not unicodedata.category(units[first]).startswith("L")
    ):
        return False
    return all(units[i] in CANNOT_START for i in range(first + 1, stop))


def _pull_back(
    units: list[cjkU],
    kinds: list[int],
    points: list[tuple[int, bool]],
    measure: _Measure,
    max_widths: Sequence[float],
    spans: list[tuple[int, int, bool]],
) -> list[tuple[int, int, bool]]:
    """A paragraph (or a <br/> line) never ends on a line holding one Chinese character: the line
    above gives up its last break so that two or more characters end the paragraph together."""
    for n in range(1, len(spans)):
        start, end, forced = spans[n]
        ends_paragraph = forced or n == len(spans) - 1
        if not ends_paragraph or spans[n - 1][2] or not _alone(units, kinds, measure, spans[n]):
            continue
        before = spans[n - 1][0]
        earlier = [
            i for i, _ in points if before < i < start and measure.visible(before, i)[1] > before
        ]
        if not earlier:
            continue
        cut = earlier[-1]
        if measure.width(cut, end) > _line_width(max_widths, n) + _FUZZ:
            continue
        spans[n - 1] = (before, cut, False)
        spans[n] = (cut, end, forced)
    return spans


def _make_lines(
    units: list[cjkU],
    spans: list[tuple[int, int, bool]],
    measure: _Measure,
    max_widths: Sequence[float],
    calc_bounds: bool,
) -> list[Any]:
    """FragLines for the spans. Each keeps its source units (spaces included) in ``src``."""
    lines: list[Any] = []
    for start, end, forced in spans:
        first, stop = measure.visible(start, end)
        if first == stop and lines:  # only the spaces after a final <br/>: nothing to draw
            lines[-1].src += units[start:end]
            continue
        avail = _line_width(max_widths, len(lines))
        used = measure.sums[stop] - measure.sums[first]
        line = _para_line(units[first:stop], avail, used, avail - used, forced, calc_bounds)
        line.wordCount = 1 + units[first:stop].count(" ")  # what TA_JUSTIFY spreads space over
        line.src = units[start:end]
        lines.append(line)
    return lines


def _para_line(
    units: list[cjkU], max_width: float, used: float, extra: float, forced: bool, bounds: bool
) -> Any:
    """What ReportLab's makeCJKParaLine makes of the units, measured once per fragment instead of
    once per character: consecutive units of equal fragments become one word."""
    if bounds:
        return makeCJKParaLine(units, max_width, used, extra, forced, bounds)
    words: list[Any] = []
    size, ascent, descent = 0, 0, 0
    previous: Any = FragLine()
    for _, same in groupby(units, key=lambda unit: id(unit.frag)):
        group = list(same)
        frag = group[0].frag
        top, bottom = getAscentDescent(frag.fontName, frag.fontSize)
        size, ascent, descent = max(size, frag.fontSize), max(ascent, top), min(descent, bottom)
        text = "".join(group)
        if words and sameFrag(previous, frag):
            words[-1].text += text
            continue
        word = frag.clone()
        word.text = text
        words.append(word)
        previous = frag
    return FragLine(kind=1, extraSpace=extra, wordCount=1, words=words, fontSize=size,
                    ascent=ascent, descent=descent, maxWidth=max_width, currentWidth=used,
                    lineBreak=forced)  # fmt: skip


def _split_lines(bl_para: Any, start: int, stop: int) -> list[Any]:
    """Frags for ``lines[start:stop]`` rebuilt from the source units, so that every character,
    including the spaces dropped at line ends, is kept exactly once. ReportLab's own helper
    (_split_blParaHard) would add a space between lines, i.e. between two Han characters."""
    units = [u for line in bl_para.lines[start:stop] for u in line.src]
    return [
        group[0].frag.clone(text="".join(group))
        for group in (list(g) for _, g in groupby(units, key=lambda u: id(u.frag)))
    ]


# Lines already broken, by what decides them (KinsokuParagraph._layout_key). Frames and tables
# ask a paragraph for its lines at one width several times, a document may be laid out more than
# once (pagination tries), and the next handout has the same paragraphs: the lines are made once.
# ReportLab does not change lines once made, so they can be shared.
_BROKEN: dict[tuple[Any, ...], Any] = {}
_BROKEN_MAX = 4096


class KinsokuParagraph(Paragraph):  # type: ignore[misc]  # ReportLab has no type information
    """A Paragraph whose ``wordWrap='CJK'`` wrapping follows Chinese line-breaking rules."""

    def breakLinesCJK(self, maxWidths: float | Sequence[float]) -> Any:  # noqa: N802, N803
        if isinstance(maxWidths, (int, float)):  # one width for every line
            maxWidths = [maxWidths]
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)  # may shorten the first line
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara  # first part of a split: keep the lines it was cut from
        key = self._layout_key(maxWidths)
        if key is None:
            return self._break(maxWidths)
        if key not in _BROKEN:
            if len(_BROKEN) >= _BROKEN_MAX:
                _BROKEN.clear()
            _BROKEN[key] = self._break(maxWidths)
        return _BROKEN[key]

    def _layout_key(self, max_widths: Sequence[float]) -> tuple[Any, ...] | None:
        """What decides the lines: the markup (its fragments are parsed from it), the style and
        the widths. None for a part of a split paragraph, which has fragments and no markup."""
        text, bullet = getattr(self, "text", None), self.bulletText
        if not isinstance(text, str) or not (bullet is None or isinstance(bullet, str)):
            return None
        return (type(self), text, self.style, bullet, *max_widths)

    def _break(self, maxWidths: Sequence[float]) -> Any:  # noqa: N803
        style = self.style
        units = _units(self.frags)
        kinds = [_kind(u) for u in units]
        if all(kind == SPACE for kind in kinds):
            return ParaLines(kind=1, lines=[])
        measure = _Measure(units, kinds, maxWidths[-1])
        spans = _fill(units, kinds, _break_points(units, kinds), measure, maxWidths)
        auto_leading = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        calc_bounds = auto_leading not in ("", "off")
        return ParaLines(kind=1, lines=_make_lines(units, spans, measure, maxWidths, calc_bounds))

    def _get_split_blParaFunc(self) -> Any:  # noqa: N802
        if self.style.wordWrap == "CJK":
            return _split_lines
        return super()._get_split_blParaFunc()
