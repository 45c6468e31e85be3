"""The client's booklet and its saddle-stitch print file, read back from the PDFs."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import replace

import pypdf
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen.canvas import Canvas

from pmr_print import api
from pmr_print.booklet.impose import impose, sheet_order
from pmr_print.cli import main
from pmr_print.options import BookletDetails, PrintOptions
from pmr_print.problems import UsageError
from pmr_print.theme import PAPER_SIZES, half_sheet
from tests import pdfcheck
from tests.pagecheck import caution_pages

DAY = dt.date(2026, 3, 9)
# Each edition takes seconds to build: the fast tier checks one per language, `slow` the rest.
EDITIONS = [
    pytest.param(
        lang, paper, large, marks=[] if (paper, large) == ("a4", 0) else [pytest.mark.slow]
    )
    for lang in ("en", "zh")
    for paper in ("a4", "letter")
    for large in (0, 1)
]


@pytest.fixture(scope="module")
def guides() -> dict[str, api.Guide]:
    return {lang: api.load(lang) for lang in ("en", "zh")}


def booklet(guide: api.Guide, paper: str = "a4", large: bool = False, **details: object) -> bytes:
    options = PrintOptions(paper=paper, large_print=large)
    return api.booklet_pdf(guide, options, BookletDetails(date=DAY, **details))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def booklets(guides) -> Editions:
    """Each edition, built once for the whole module when a test first asks for it."""
    return Editions(guides)


class Editions(dict[tuple[str, str, int], bytes]):
    def __init__(self, guides: dict[str, api.Guide]) -> None:
        super().__init__()
        self.guides = guides

    def __missing__(self, key: tuple[str, str, int]) -> bytes:
        lang, paper, large = key
        client = "王芳" if lang == "zh" else "Jane Miller"
        self[key] = booklet(
            self.guides[lang], paper, bool(large), client=client, clinician="Dr Lee"
        )
        return self[key]


@pytest.fixture(scope="module")
def imposed(guides) -> bytes:
    return booklet_imposed(guides["zh"])


def booklet_imposed(guide: api.Guide) -> bytes:
    options = PrintOptions(paper="a4")
    return api.booklet_pdf(guide, options, BookletDetails(date=DAY), impose=True)


def outline(data: bytes) -> list[tuple[str, int, float]]:
    """(title, page number from 1, top of the target) of every outline entry."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    entries = []
    for entry in reader.outline:
        assert not isinstance(entry, list), "the outline has one level, as the contents"
        page = reader.get_destination_page_number(entry) + 1
        entries.append((str(entry.title), page, float(entry["/Top"])))
    return entries


def is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def contents(data: bytes) -> list[tuple[str, int]]:
    """(title, page) as printed on the contents page (page 2): each title is followed by its
    number; a title may wrap onto several lines."""
    lines = pdfcheck.page_texts(data)[1].splitlines()[1:]  # after the heading
    found, title = [], ""
    for line in (line.strip() for line in lines):
        if line.isdigit() and title:
            found.append((title, int(line)))
            title = ""
        elif not line.isdigit():
            title += ("" if not title or is_wide(line[0]) else " ") + line
    return found


@pytest.mark.parametrize(("lang", "paper", "large"), EDITIONS)
def test_booklet_pages_are_a5_or_half_letter_with_metadata(booklets, lang, paper, large) -> None:
    data = booklets[lang, paper, large]
    width, height = half_sheet(paper)
    sizes = pdfcheck.page_sizes(data)
    assert all(abs(w - width) < 0.5 and abs(h - height) < 0.5 for w, h in sizes)
    assert 16 <= len(sizes) <= (40 if large else 28)
    info = pypdf.PdfReader(io.BytesIO(data))
    assert info.metadata.title == api.load(lang).title
    assert info.metadata.author == "Dr Lee"
    assert str(info.trailer["/Root"]["/Lang"]) == {"en": "en-US", "zh": "zh-Hans-CN"}[lang]
    text = pdfcheck.squeezed(data)
    assert ("王芳" if lang == "zh" else "JaneMiller") in text


@pytest.mark.parametrize(("lang", "paper", "large"), EDITIONS)
def test_the_contents_print_the_pages_the_outline_points_to(booklets, lang, paper, large) -> None:
    data = booklets[lang, paper, large]
    marks = outline(data)
    printed = contents(data)
    assert [(title, page) for title, page, _ in marks] == printed
    guide = api.load(lang)
    titles = [title for title, _ in printed]
    assert titles[:2] == [guide.section("about").title, guide.section("drawbacks").title]
    assert guide.labels("Practice log") in titles
    assert titles[-1] == guide.section("references").title
    # Each section starts on the page named, and its title is printed there.
    pages = pdfcheck.page_texts(data)
    for title, page in printed:
        if title != guide.labels("Practice log"):  # the log prints its own title
            assert "".join(title.split()) in "".join(pages[page - 1].split()), title


@pytest.mark.parametrize(("lang", "paper", "large"), EDITIONS)
def test_no_section_starts_at_the_foot_of_a_page(booklets, lang, paper, large) -> None:
    """Below where each outline entry points, its page holds the heading and more."""
    data = booklets[lang, paper, large]
    width, _ = half_sheet(paper)
    document = pdfium.PdfDocument(data)
    try:
        for title, page, top in outline(data):
            textpage = document[page - 1].get_textpage()
            below = textpage.get_text_bounded(0, 40, width, top).strip().splitlines()
            assert len(below) >= 3, (title, below)
    finally:
        document.close()


@pytest.mark.parametrize(("lang", "paper", "large"), EDITIONS)
def test_no_page_holds_only_a_scrap_of_text(booklets, lang, paper, large) -> None:
    """Besides its running head and page number, no page holds just one or two lines (a page
    left over for notes holds its heading alone)."""
    data = booklets[lang, paper, large]
    width, height = half_sheet(paper)
    document = pdfium.PdfDocument(data)
    try:
        for index, page in enumerate(document):
            textpage = page.get_textpage()
            inside = textpage.get_text_bounded(0, 60, width, height - 60)
            lines = [line for line in inside.splitlines() if line.strip()]
            notes = [line.strip() for line in lines] in (["Notes"], ["笔记"], ["Notes · 笔记"])
            assert index == 0 or notes or len(lines) == 0 or len(lines) >= 3, (index + 1, lines)
    finally:
        document.close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_step_has_its_name_instruction_and_strip_on_one_page(guides, booklets, lang) -> None:
    guide = guides[lang]
    pages = ["".join(page.split()) for page in pdfcheck.page_texts(booklets[lang, "a4", 0])]
    relax = guide.labels("Relax {seconds} s", seconds=10)
    for step in guide.protocol("standard").steps:
        name, instruction = "".join(step.name.split()), "".join(step.instruction.text.split())
        holding = [page for page in pages if instruction in page]
        assert len(holding) == 1, step.id
        assert name in holding[0] and "".join(relax.split()) in holding[0], step.id
        assert "".join(guide.labels("Stop if it hurts.").split()) in holding[0], step.id  # as cards


def squash(text: str) -> str:
    return "".join(text.split())


def visible_texts(data: bytes) -> list[str]:
    """The text within each page's bounds: a week's half drawn across a spread leaves the other
    half beyond the page's edge, where viewers neither show nor select it."""
    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for page in document:
            width, height = page.get_size()
            texts.append(page.get_textpage().get_text_bounded(0, 0, width, height))
        return texts
    finally:
        document.close()


def test_the_log_has_a_page_per_week_turned_a_quarter(guides) -> None:
    """A week is one page turned (its top along the page's left edge): no fold runs through its
    columns; only the page number stays upright."""
    from tests.pagecheck import read

    data = booklet(guides["en"], weeks=2)
    guide = guides["en"]
    pages = visible_texts(data)
    reflection = squash(guide.labels("Weekly reflection"))
    weeks = [i + 1 for i, page in enumerate(pages) if reflection in squash(page)]
    assert len(weeks) == 2 and weeks[1] == weeks[0] + 1
    # The week after the booklet's date (a Monday; en_US weeks start on Sunday).
    assert "March 15, 2026 to March 21, 2026" in pages[weeks[0] - 1]
    for page in read(data, ink=False):
        if page.number in weeks:
            upright = "".join(glyph.char for glyph in page.glyphs if not glyph.turned)
            assert upright == str(page.number)
    assert pypdf.PdfReader(io.BytesIO(data)).get_fields() is None  # on paper: no form fields


def test_a_large_print_week_is_split_between_columns_over_facing_pages(guides) -> None:
    """Large print: a week's columns on two facing pages, upright, each page with the Day
    column (the right page's says the weekday only, its date beside it across the spread);
    the left page has the practice columns, the right page the ratings and at least 35 mm to
    write what was noticed."""
    data = booklet(guides["en"], large=True, weeks=1)
    pages = [squash(page) for page in visible_texts(data)]
    left = next(i for i, page in enumerate(pages) if "Practised" in page and "Week1" in page)
    right = pages[left + 1]
    assert left % 2 == 1  # 0-based: the page number left + 1 is even, a left-hand page
    assert "Tensionbefore" not in pages[left] and "Tensionbefore" in right
    assert "Practised" not in right
    assert "Sun,Mar15" in pages[left] and "Sat,Mar21" in pages[left]  # en_US: Sunday first
    assert "SunMonTueWedThuFriSat" in right


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_bilingual_large_print_week_leaves_35_mm_to_write_what_was_noticed(paper) -> None:
    from pmr_print.pdf.styles import make_styles
    from pmr_print.plans.log import joined, plan_log
    from pmr_print.practice_log.split import page_layouts

    pair = api.load("bi")
    settings = api.resolve_pair(PrintOptions(paper=paper, large_print=True), pair)
    plans = [
        plan_log(guide, setting, api.LogDetails(), DAY, 1)
        for guide, setting in zip(pair.guides, settings, strict=True)
    ]
    theme = replace(settings[0].theme, page_size=half_sheet(paper))
    _, pages = page_layouts(theme, make_styles(theme, "en"), joined(plans))
    assert pages[1].column("notes")[1] >= 35 * 72 / 25.4


def test_omitted_groups_and_the_recording_reach_the_booklet(guides) -> None:
    data = booklet(
        guides["en"],
        omit=("back",),
        omit_reason="recent back injury",
        recording_url="https://example.org/pmr",
    )
    text = pdfcheck.text(data)
    assert "recent back injury" in text and "https://example.org/pmr" in text
    assert guides["en"].group("back").instruction.text.split()[0] not in text.split("Back")[0]
    assert "Step 12 of 12" in text


def test_weeks_are_checked(guides) -> None:
    with pytest.raises(UsageError, match="--weeks 13"):
        BookletDetails(weeks=13)


# Imposition -------------------------------------------------------------------------------


def numbered_pages(count: int) -> bytes:
    """A small A5 booklet whose pages print only their number, large."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=half_sheet("a4"), invariant=1)
    for page in range(1, count + 1):
        canvas.setFont("Helvetica", 60)
        canvas.drawCentredString(half_sheet("a4")[0] / 2, 300, str(page))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def halves(data: bytes, bottom: float = 0, top: float = 10_000) -> list[tuple[str, str]]:
    """The text on the left and the right half of every imposed side (within bottom..top)."""
    document = pdfium.PdfDocument(data)
    try:
        found = []
        for page in document:
            width, _ = page.get_size()
            textpage = page.get_textpage()
            left = textpage.get_text_bounded(0, bottom, width / 2, top).strip()
            right = textpage.get_text_bounded(width / 2, bottom, width, top).strip()
            found.append((left, right))
        return found
    finally:
        document.close()


EXPECTED = {
    8: [("8", "1"), ("2", "7"), ("6", "3"), ("4", "5")],
    12: [("12", "1"), ("2", "11"), ("10", "3"), ("4", "9"), ("8", "5"), ("6", "7")],
    13: [
        ("", "1"),
        ("2", ""),
        ("", "3"),
        ("4", "13"),
        ("12", "5"),
        ("6", "11"),
        ("10", "7"),
        ("8", "9"),
    ],
}


@pytest.mark.parametrize("count", sorted(EXPECTED))
def test_imposed_sides_carry_the_pages_in_booklet_order(count: int) -> None:
    data = impose(numbered_pages(count), PAPER_SIZES["a4"])
    assert halves(data) == EXPECTED[count]
    width, height = PAPER_SIZES["a4"]
    assert pdfcheck.page_sizes(data) == [(pytest.approx(height), pytest.approx(width))] * (
        len(EXPECTED[count])
    )


def test_folding_the_imposed_sheets_gives_reading_order() -> None:
    """Sheets stacked (first outermost), folded: read each sheet's front right, back left,
    ..., then back right, front left, from the inside out."""
    for count in (4, 8, 12, 13, 23):
        sides = sheet_order(count)
        sheets = [sides[k : k + 2] for k in range(0, len(sides), 2)]
        first_half = [
            p for (_, front_right), (back_left, _) in sheets for p in (front_right, back_left)
        ]
        second_half = [
            p
            for (front_left, _), (_, back_right) in reversed(sheets)
            for p in (back_right, front_left)
        ]
        reading = [p for p in first_half + second_half if p is not None]
        assert reading == list(range(count))


@pytest.mark.slow  # builds and imposes whole booklets
def test_the_imposed_booklet_keeps_its_page_numbers_text_and_fonts(
    guides, imposed, tmp_path
) -> None:
    plain = booklet(guides["zh"])
    texts = visible_texts(plain)
    sides = halves(imposed, bottom=0, top=40)  # the page numbers, at the foot
    for (left, right), pages in zip(sides, sheet_order(len(texts)), strict=True):
        for found, page in zip((left, right), pages, strict=True):
            # blank, the cover, or the back cover (where to get help: no page number)
            if page is None or page in (0, len(texts) - 1) or not texts[page].strip():
                assert found == ""
            else:
                assert found == str(page + 1)
    assert sorted(pdfcheck.squeezed(imposed)) == sorted(pdfcheck.squeezed(plain))
    assert pdfcheck.unembedded_fonts(imposed) == []
    rows = pdfcheck.pdffonts_rows(imposed, tmp_path)
    assert rows is None or (rows and all(row.split()[-5] == "yes" for row in rows)), rows
    pdfcheck.qpdf_check(imposed, tmp_path)
    assert imposed == booklet_imposed(guides["zh"])


@pytest.mark.slow  # builds and imposes whole booklets
def test_booklet_command_writes_the_booklet_and_the_print_file(tmp_path, capsys) -> None:
    target = tmp_path / "b.pdf"
    argv = ["booklet", "--lang", "en", "--paper", "letter", "--weeks", "1", "--date", "2026-03-09"]
    assert main([*argv, "-o", str(target)]) == 0
    assert capsys.readouterr().out.strip() == str(target)
    plain = target.read_bytes()
    assert pdfcheck.page_sizes(plain)[0] == (396.0, 612.0)
    assert main([*argv, "--impose", "-o", str(target)]) == 0
    sheets = pdfcheck.page_sizes(target.read_bytes())
    assert (
        sheets[0] == (792.0, 612.0) and len(sheets) == -(-len(pdfcheck.page_sizes(plain)) // 4) * 2
    )
    assert main(["booklet", "--weeks", "0", "-o", str(target)]) == 2
    assert "--weeks 0" in capsys.readouterr().err


# Bilingual ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bilingual() -> Bilingual:
    """Each bilingual edition, built once for the module when a test first asks for it."""
    return Bilingual()


class Bilingual(dict[tuple[str, int], bytes]):
    def __missing__(self, key: tuple[str, int]) -> bytes:
        paper, large = key
        options = PrintOptions(paper=paper, large_print=bool(large))
        details = BookletDetails(date=DAY, client="Jane Miller")
        self[key] = api.booklet_pdf(api.load("bi"), options, details)
        return self[key]


BILINGUAL_EDITIONS = [
    pytest.param(paper, large, marks=[] if (paper, large) == ("a4", 0) else [pytest.mark.slow])
    for paper in ("a4", "letter")
    for large in (0, 1)
]


@pytest.mark.parametrize(("paper", "large"), BILINGUAL_EDITIONS)
def test_bilingual_booklet_contents_and_outline_agree(bilingual, paper, large) -> None:
    data = bilingual[paper, large]
    width, height = half_sheet(paper)
    assert all(abs(w - width) < 0.5 and abs(h - height) < 0.5 for w, h in pdfcheck.page_sizes(data))
    marks = outline(data)
    printed = [("".join(title.split()), page) for title, page in contents(data)]
    assert [("".join(title.split()), page) for title, page, _ in marks] == printed
    pair = api.load("bi")
    assert marks[0][0] == f"{pair.en.section('about').title} · {pair.zh.section('about').title}"
    assert pdfcheck.unembedded_fonts(data) == []


def bilingual_step_cases() -> list[object]:
    pair = api.load("bi")
    steps = zip(pair.en.protocol("standard").steps, pair.zh.protocol("standard").steps, strict=True)
    return [
        pytest.param(
            number,
            large,
            id=f"{en.id}-{'large' if large else 'normal'}",
            marks=[pytest.mark.slow] if large else [],
        )
        for number, (en, _) in enumerate(steps)
        for large in (0, 1)
    ]


@pytest.mark.parametrize(("number", "large"), bilingual_step_cases())
def test_every_bilingual_step_has_both_languages_on_one_page(bilingual, number, large) -> None:
    """In normal print on one page; in large print on a spread: the names, figure and strip on
    the left-hand page, both instructions and safety lines facing them (no strip stranded)."""
    pair = api.load("bi")
    pages = ["".join(page.split()) for page in pdfcheck.page_texts(bilingual["a4", large])]
    en, zh = (guide.protocol("standard").steps[number] for guide in pair.guides)
    safety = [guide.labels("Stop if it hurts.") for guide in pair.guides]  # as on the cards
    texts = [
        "".join(text.split())
        for text in (en.name, en.instruction.text, zh.name, zh.instruction.text, *safety)
    ]
    holding = [page for page in pages if texts[1] in page and texts[3] in page]
    assert len(holding) == 1, en.id
    if large:
        right = pages.index(holding[0])
        assert right % 2 == 0  # page right + 1 is odd: the right-hand page of the spread
        assert texts[0] in pages[right - 1] and texts[2] in pages[right - 1]
        assert "5s" in pages[right - 1] and "5秒" in pages[right - 1]  # the strip's legend
        texts = texts[1:2] + texts[3:]
    assert all(text in holding[0] for text in texts), en.id


@pytest.mark.parametrize(("paper", "large"), BILINGUAL_EDITIONS)
def test_the_bilingual_cautions_open_on_a_left_hand_page(bilingual, paper, large) -> None:
    """The box, taller than a page, starts on a left-hand (even) page, a right-hand page it
    would start at the top of left for notes, and runs on page after page; the contents point
    at its first page."""
    data = bilingual[paper, large]
    pages = caution_pages(data)
    assert pages[0] % 2 == 0 and pages == list(range(pages[0], pages[0] + len(pages)))
    pair = api.load("bi")
    title = "".join(pair.en.section("drawbacks").title.split())
    assert [page for name, page in contents(data) if "".join(name.split()).startswith(title)] == [
        pages[0]
    ]


@pytest.mark.parametrize(
    "paper", ["a4", pytest.param("letter", marks=pytest.mark.slow)], ids=["a4", "letter"]
)
def test_the_bilingual_normal_print_cautions_are_a_spread(bilingual, paper) -> None:
    """Each language's box whole on a page: the English on the left-hand page, its Chinese
    facing it, rather than the two languages stacked in one box over three pages."""
    data = bilingual[paper, 0]
    pages = caution_pages(data)
    assert len(pages) == 2 and pages[0] % 2 == 0 and pages[1] == pages[0] + 1
    texts = ["".join(page.split()) for page in pdfcheck.page_texts(data)]
    left, right = texts[pages[0] - 1], texts[pages[1] - 1]
    pair = api.load("bi")
    en, zh = ("".join(guide.section("drawbacks").title.split()) for guide in pair.guides)
    assert en in left and zh not in left
    assert zh in right
    assert "Stopifithurts." in left and "Stopifithurts." not in right
