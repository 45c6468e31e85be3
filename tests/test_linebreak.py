"""Regression tests for pmr_print.typography.linebreak.KinsokuParagraph.

KinsokuParagraph relies on private ReportLab helpers, so these tests set real paragraphs into real
PDFs and read the lines back with pypdfium2 (cross-checked with pdftotext when installed). The same
checker is run on ReportLab's own wordWrap='CJK' to prove that it can find violations.
"""

from __future__ import annotations

import ctypes
import html
import io
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)

from pmr_print.typography import linebreak
from pmr_print.typography.linebreak import KinsokuParagraph

FONTS = Path(__file__).resolve().parents[1] / "fonts"

# Written out from the spec rather than imported, so that the tests also guard the constants.
CLOSING = set("，。、；：！？）」』》〉】〕”’…·%‰,.;:!?)]}")
OPENING = set("（「『《〈【〔“‘([{")
TOKEN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.–/-]*[A-Za-z0-9])?")

WIDTHS = [60 + 5 * i for i in range(41)]  # 60, 65, ... 260 pt
PAGE_W, PAGE_H, X0 = 300, 800, 20


def latin(text: str) -> str:
    return f'<font face="NotoSans">{text}</font>'


MIXED = (
    f"渐进式肌肉放松（{latin('PMR')}）由{latin('Edmund Jacobson')}于{latin('1938')}年提出。"
    f"练习时，请先“绷紧”，再“放松”：每组肌肉保持{latin('5–10')}秒，每天练习{latin('20')}分钟……"
    "《放松训练手册》建议：每天练习、每周记录！你准备好了吗？"
    f"参见{latin('Dolbier &amp; Rush')}（{latin('2012')}），{latin('DOI')}："
    f'<a href="https://doi.org/10.1037/a0027326">{latin("10.1037/a0027326")}</a>；'
    "另见【附录】「练习日志」『注意事项』〈说明〉〔补充〕。"
    "<b>重要：</b>如有不适（例如头晕、疼痛），请<i>立即</i>停止！"
    f"{latin('Tense, then relax (slowly).')}“放松”‘呼吸’——慢慢来；《手册》第{latin('3')}章。"
)
# The same text as one fragment: no tags and no entity (the parser makes "&" a fragment of its own).
SINGLE = re.sub(r"<[^>]+>", "", MIXED).replace("&amp;", "和")

ENGLISH = (
    "Progressive muscle relaxation (PMR) was described by Edmund Jacobson in 1938. Tense each "
    "muscle group for 5–10 seconds, then relax for 20–30 seconds; notice the difference! "
    "See Dolbier &amp; Rush (2012), doi:10.1037/a0027326, and the practice log, "
    '"week by week." Don’t hurry: well-being takes time.'
)
ENGLISH_MARKUP = ENGLISH.replace("Edmund Jacobson", "<b>Edmund Jacobson</b>").replace(
    "practice log", '<a href="#log"><i>practice log</i></a>'
)


def setup_module():
    for name, file in [
        ("NotoSansSC", "NotoSansSC-Regular.ttf"),
        ("NotoSansSC-Bold", "NotoSansSC-Bold.ttf"),
        ("NotoSans", "NotoSans-Regular.ttf"),
        ("NotoSans-Bold", "NotoSans-Bold.ttf"),
        ("NotoSans-Italic", "NotoSans-Italic.ttf"),
        ("NotoSans-BoldItalic", "NotoSans-BoldItalic.ttf"),
    ]:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONTS / file)))
    pdfmetrics.registerFontFamily(
        "NotoSansSC", normal="NotoSansSC", bold="NotoSansSC-Bold", italic="NotoSansSC",
        boldItalic="NotoSansSC-Bold",
    )  # fmt: skip
    pdfmetrics.registerFontFamily(
        "NotoSans", normal="NotoSans", bold="NotoSans-Bold", italic="NotoSans-Italic",
        boldItalic="NotoSans-BoldItalic",
    )  # fmt: skip


def style(font="NotoSansSC", wrap="CJK", **kw) -> ParagraphStyle:
    return ParagraphStyle("t", fontName=font, fontSize=10, leading=14, wordWrap=wrap, **kw)


def plain_text(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


# --- reading lines back from the PDF -------------------------------------------------------------


@dataclass
class Line:
    page: int
    frame: int
    y: float
    chars: list = field(default_factory=list)  # (char, loose left, loose right)

    @property
    def text(self) -> str:
        return "".join(c for c, _, _ in self.chars).strip()

    @property
    def left(self) -> float:
        return min(left for c, left, _ in self.chars if not c.isspace())

    @property
    def right(self) -> float:
        return max(right for c, _, right in self.chars if not c.isspace())


def pdf_lines(pdf: bytes, frame_xs=()) -> list[Line]:
    """Text lines in reading order, grouped by baseline and by frame (frame_xs: the left edges
    of side-by-side frames after the first), without pdfium's generated characters."""
    lines = []
    for page_no, page in enumerate(pdfium.PdfDocument(pdf)):
        textpage = page.get_textpage()
        rows: dict[tuple, Line] = {}
        x, y = ctypes.c_double(), ctypes.c_double()
        for i in range(textpage.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
            if pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1 or char in "\r\n":
                continue
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
            left, _, right, _ = textpage.get_charbox(i, loose=True)
            key = (round(y.value, 1), sum(x.value >= left - 0.5 for left in frame_xs))
            rows.setdefault(key, Line(page_no, key[1], y.value)).chars.append((char, left, right))
        lines += [rows[k] for k in sorted(rows, key=lambda k: (k[1], -k[0]))]
    return lines


def pdftotext_lines(pdf: bytes) -> list[str]:
    out = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return [line.strip() for line in out.splitlines() if line.strip()]


# --- building and checking -----------------------------------------------------------------------


def build_sweep(cls, text: str, widths, para_style) -> bytes:
    """One page per width, each with one frame of that width holding the paragraph."""
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=(PAGE_W, PAGE_H), initialFontName="NotoSansSC", invariant=1)
    doc.addPageTemplates(
        [
            PageTemplate(f"w{i}", [Frame(X0, 20, w, PAGE_H - 40, 0, 0, 0, 0)])
            for i, w in enumerate(widths)
        ]
    )
    story = []
    for i in range(len(widths)):
        story += [NextPageTemplate(f"w{i}"), PageBreak()] if i else []
        story.append(cls(text, para_style))
    doc.build(story)
    return buf.getvalue()


@dataclass
class Report:
    starts: list = field(default_factory=list)  # lines starting with a closing mark
    ends: list = field(default_factory=list)  # lines ending with an opening mark
    excused: list = field(default_factory=list)  # closing marks pushed off a line-wide word
    words: list = field(default_factory=list)  # Latin tokens split although they fit
    overflow: list = field(default_factory=list)  # glyphs right of the frame
    lost: list = field(default_factory=list)  # paragraphs whose characters differ from the source

    def violations(self) -> int:
        return sum(map(len, (self.starts, self.ends, self.words, self.overflow, self.lost)))


def check(lines: list[Line], source: str, frames: list, font: str, report: Report) -> None:
    """Check the lines of one paragraph; frames[i] is the (left, right) of line i's frame."""
    for i, line in enumerate(lines):
        right = frames[i][1]
        if line.text[0] in CLOSING:
            (report.excused if pushed_off(lines, i, right) else report.starts).append(line.text)
        if line.text[-1] in OPENING:
            report.ends.append(line.text)
        if line.right > right + 0.01:  # loose boxes: advance and ink
            report.overflow.append((line.text, round(line.right - right, 2)))
    joined = "\n".join(line.text for line in lines)
    narrowest = min(right - left for left, right in frames)
    for token in set(TOKEN.findall(source)):
        if pdfmetrics.stringWidth(token, font, 10) <= narrowest:
            if joined.count(token) != source.count(token):
                report.words.append(token)
    if re.sub(r"\s", "", joined) != re.sub(r"\s", "", source):
        report.lost.append(joined)


def pushed_off(lines: list[Line], i: int, right: float) -> bool:
    """The one excused violation: a closing mark (；in "a0027326；") that had to leave a line
    filled by a single Latin token, because token and mark together are wider than the line."""
    if i == 0 or lines[i - 1].page != lines[i].page or not TOKEN.fullmatch(lines[i - 1].text):
        return False
    _, mark_left, mark_right = lines[i].chars[0]
    return lines[i - 1].right + (mark_right - mark_left) > right + 0.01


def sweep(cls, text: str, font: str) -> tuple[Report, list[Line]]:
    lines = pdf_lines(build_sweep(cls, text, WIDTHS, style()))
    assert {line.page for line in lines} == set(range(len(WIDTHS))), "one page per width"
    report = Report()
    for page, width in enumerate(WIDTHS):
        page_lines = [line for line in lines if line.page == page]
        check(page_lines, plain_text(text), [(X0, X0 + width)] * len(page_lines), font, report)
    return report, lines


def summary(report: Report, lines: list[Line]) -> str:
    return (
        f"{len(lines)} lines: {len(report.starts)} start with a closing mark, "
        f"{len(report.ends)} end with an opening mark, {len(report.words)} split words, "
        f"{len(report.overflow)} overflow, {len(report.lost)} lost text, "
        f"{len(report.excused)} excused"
    )


# --- tests ---------------------------------------------------------------------------------------


def test_test_text_is_covered_by_the_fonts():
    for font, text in [("NotoSansSC", SINGLE), ("NotoSans", ENGLISH)]:
        cmap = pdfmetrics.getFont(font).face.charToGlyph
        assert not [c for c in plain_text(text) if ord(c) not in cmap]
    assert len(Paragraph(SINGLE, style()).frags) == 1
    assert len(Paragraph(MIXED, style()).frags) > 10


@pytest.mark.parametrize("text, font", [(MIXED, "NotoSans"), (SINGLE, "NotoSansSC")])
def test_checker_finds_reportlab_cjk_violations(text, font):
    """Sanity check of the checker: ReportLab's own CJK wrapping breaks the rules."""
    report, lines = sweep(Paragraph, text, font)
    print("plain wordWrap='CJK':", summary(report, lines))
    assert report.starts and report.ends and report.overflow


@pytest.mark.parametrize("text, font", [(MIXED, "NotoSans"), (SINGLE, "NotoSansSC")])
def test_kinsoku_sweep_has_no_violations(text, font):
    report, lines = sweep(KinsokuParagraph, text, font)
    print("KinsokuParagraph:", summary(report, lines))
    assert report.violations() == 0, report
    # The only excuse: a closing mark pushed off a line filled by one unbreakable Latin token.
    assert all(start[0] in "；，。" for start in report.excused)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext not installed")
def test_pdftotext_reads_the_same_lines():
    pdf = build_sweep(KinsokuParagraph, MIXED, WIDTHS[::8], style())
    by_pdfium = [re.sub(r"\s", "", line.text) for line in pdf_lines(pdf)]
    assert [re.sub(r"\s", "", line) for line in pdftotext_lines(pdf)] == by_pdfium


def line_texts(para, width: float) -> list[str]:
    para.wrap(width, 10_000)
    bl = para.blPara
    if bl.kind == 0:
        return [" ".join(words) for _, words in bl.lines]
    return [" ".join("".join(w.text for w in line.words).split()) for line in bl.lines]


@pytest.mark.parametrize("text", [ENGLISH, ENGLISH_MARKUP])
def test_english_breaks_like_plain_wrapping(text):
    """Same lines as wordWrap=None, once every word fits. ReportLab lets a line overrun its width
    by 5 % of its spaces (style.spaceShrinkage, only justify shrinks them); we never overrun."""
    english, plain = style("NotoSans"), style("NotoSans", None, spaceShrinkage=0)
    widest = max(pdfmetrics.stringWidth(w, "NotoSans-Bold", 10) for w in plain_text(text).split())
    for width in range(int(widest) + 1, 400, 3):
        ours = line_texts(KinsokuParagraph(text, english), width)
        assert ours == line_texts(Paragraph(text, plain), width), width
        assert " ".join(ours) == " ".join(plain_text(text).split())  # breaks at spaces only


def test_word_wider_than_the_line_is_cut_not_overflowing():
    """Only a word wider than the line is cut (it starts a new line, where ReportLab would start
    it at the end of the current one); the words around it stay whole."""
    para = KinsokuParagraph(ENGLISH, style("NotoSans"))
    lines = line_texts(para, 80)
    assert all(line.currentWidth <= 80 + 1e-6 for line in para.blPara.lines)
    words = plain_text(ENGLISH).split()
    pieces = [w for line in lines for w in line.split() if w not in words]
    assert len(pieces) > 1 and "".join(pieces) == "doi:10.1037/a0027326,"
    whole = [w for line in lines for w in line.split() if w in words]
    assert whole == [w for w in words if not w.startswith("doi:")]


def test_bold_and_font_runs_keep_their_fonts():
    para = KinsokuParagraph(MIXED, style())
    para.wrap(90, 10_000)

    def fonts(frags):
        return [(c, f.fontName) for f in frags for c in f.text if not c.isspace()]

    assert fonts(w for line in para.blPara.lines for w in line.words) == fonts(para.frags)
    used = {f.fontName for line in para.blPara.lines for f in line.words}
    assert used == {"NotoSansSC", "NotoSansSC-Bold", "NotoSans"}
    lines = pdf_lines(build_sweep(KinsokuParagraph, MIXED, [90], style()))
    assert "".join(line.text for line in lines).replace(" ", "") == plain_text(MIXED).replace(
        " ", ""
    )


def test_centred_lines_stay_centred_and_inside():
    width = 123
    centred = style(alignment=TA_CENTER)
    lines = pdf_lines(build_sweep(KinsokuParagraph, MIXED, [width], centred))
    left_lines = pdf_lines(build_sweep(KinsokuParagraph, MIXED, [width], style()))
    assert [line.text for line in lines] == [line.text for line in left_lines]
    middle = X0 + width / 2
    for line in lines:
        assert X0 - 0.01 <= line.left and line.right <= X0 + width + 0.01
        assert abs((line.left + line.right) / 2 - middle) < 1.5, line.text


def test_br_forces_a_break_and_keeps_the_text():
    para = KinsokuParagraph("第一行，<br/>  第二行（PMR）。<br/>第三行", style())
    assert line_texts(para, 200) == ["第一行，", "第二行（PMR）。", "第三行"]


def test_split_keeps_every_character_once():
    """Paragraph.split hands the rest on as fragments: nothing may be lost, doubled or added
    (ReportLab's own helper adds a space between lines)."""
    para = KinsokuParagraph(MIXED * 2, style())
    source, pieces = "".join(f.text for f in para.frags), []
    widths = [90, 140, 110]
    while True:
        parts = para.split(widths[len(pieces) % 3], 5 * 14)
        assert parts, "a piece must fit"
        if len(parts) == 1:
            pieces.append(parts[0])
            break
        pieces.append(parts[0])
        para = parts[1]
    assert len(pieces) > 6
    assert "".join(f.text for piece in pieces for f in piece.frags) == source


def test_split_across_frames_in_a_pdf():
    widths, height = [90, 140, 110], 5 * 14
    xs = [X0, X0 + 100, X0 + 250]
    buf = io.BytesIO()
    doc = BaseDocTemplate(buf, pagesize=(400, 200), initialFontName="NotoSansSC", invariant=1)
    frames = [Frame(x, 60, w, height, 0, 0, 0, 0) for x, w in zip(xs, widths, strict=True)]
    doc.addPageTemplates([PageTemplate("three", frames)])
    doc.build([KinsokuParagraph(MIXED * 2, style())])
    lines = pdf_lines(buf.getvalue(), frame_xs=xs[1:])
    assert len({(line.page, line.frame) for line in lines}) > 6
    report, source = Report(), plain_text(MIXED * 2)
    frames = [(xs[line.frame], xs[line.frame] + widths[line.frame]) for line in lines]
    check(lines, source, frames, "NotoSans", report)
    assert report.violations() == 0, report  # includes: all text, in order, exactly once
    assert "".join(line.text for line in lines).count(" ") <= source.count(" ")  # none added


HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def lone_widths(text: str) -> list[int]:
    """Widths of the sweep at which the paragraph's last line holds one Han character."""
    found = []
    for width in range(60, 330, 2):
        lines = line_texts(KinsokuParagraph(text, style()), width)
        if len(lines) > 1 and len(HAN_CHAR.findall(lines[-1])) == 1:
            found.append(width)
    return found


def test_a_paragraph_never_ends_on_one_chinese_character(monkeypatch):
    """孤字: where greedy filling leaves one character (and its stop) alone on the last line,
    the line above gives one back; the text stays whole and within its width."""
    text = "每组肌肉先收紧五秒，再慢慢放松十秒，注意体会紧张和放松的区别。"
    assert lone_widths(text) == []
    for width in range(60, 330, 2):
        para = KinsokuParagraph(text, style())
        assert "".join(line_texts(para, width)) == text
        assert all(line.currentWidth <= width + 1e-6 for line in para.blPara.lines)
    monkeypatch.setattr(linebreak, "_pull_back", lambda *args: args[-1])
    monkeypatch.setattr(linebreak, "_BROKEN", {})
    assert lone_widths(text) != []  # the planted defect: greedy filling alone leaves one
