"""Step cards: read the PDFs back and check what a user would check."""

from __future__ import annotations

import functools
import pathlib

import pytest

from pmr_print import api, cli
from pmr_print.cards.sheet import A6
from pmr_print.options import PrintOptions
from pmr_print.problems import PmrError
from pmr_print.theme import PAPER_SIZES
from tests.conftest import edit, line_of
from tests.pdfcheck import page_sizes, page_texts, qpdf_check, squeezed, unembedded_fonts


@functools.cache
def cards(
    lang: str,
    protocol: str = "standard",
    layout: str | None = None,  # the API's default: 4up, or 2up in large print
    duplex: bool = False,
    paper: str = "a4",
    grayscale: bool = False,
    large_print: bool = False,
) -> bytes:
    options = PrintOptions(
        paper=paper, protocol=protocol, grayscale=grayscale, large_print=large_print
    )
    return api.cards_pdf(api.load(lang), options, layout=layout, duplex=duplex)


def squash(text: str) -> str:
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("protocol", "count"), [("standard", 13), ("short", 4)])
def test_one_card_per_step_with_its_text(lang: str, protocol: str, count: int) -> None:
    data = cards(lang, protocol, layout="1up")
    texts = page_texts(data)
    assert len(texts) == count
    guide = api.load(lang)
    for number, (step, page) in enumerate(
        zip(guide.protocol(protocol).steps, texts, strict=True), start=1
    ):
        page = squash(page)
        assert squash(step.name) in page
        assert squash(step.instruction.text) in page
        assert f"{number}/{count}" in page
        step_label = guide.labels("Step {number} of {count}", number=number, count=count)
        assert squash(step_label) in page
        assert squash(guide.cues.relax_word) in page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_4up_holds_every_step_and_the_timing_labels(lang: str) -> None:
    data = cards(lang)
    guide = api.load(lang)
    text = squeezed(data)
    for step in guide.protocol("standard").steps:
        assert squash(step.name) in text and squash(step.instruction.text) in text
    assert squash(guide.labels("Tense {seconds} s", seconds=5)) in text
    assert squash(guide.labels("Relax {seconds} s", seconds=10)) in text
    assert squash(guide.cues.tense) in text and squash(guide.cues.relax) in text


def test_release_only_cards_show_no_tensing() -> None:
    guide = api.load("zh")
    text = squeezed(cards("zh", "release-only"))
    assert squash(guide.labels("Breathe normally, notice the area")) in text
    assert squash(guide.labels("Relax {seconds} s", seconds=20)) in text
    assert squash(guide.labels("Tense {seconds} s", seconds=0)) not in text
    assert squash(guide.cues.tense) not in text


@pytest.mark.parametrize(
    ("layout", "duplex", "paper", "pages"),
    [
        ("4up", False, "a4", 4),
        ("4up", True, "a4", 8),
        ("4up", False, "letter", 4),
        ("1up", False, "a4", 13),
        ("1up", True, "letter", 26),
    ],
)
def test_layouts_give_the_right_pages(layout: str, duplex: bool, paper: str, pages: int) -> None:
    sizes = page_sizes(cards("en", layout=layout, duplex=duplex, paper=paper))
    assert len(sizes) == pages
    width, height = PAPER_SIZES[paper]
    assert all(abs(w - width) < 0.5 and abs(h - height) < 0.5 for w, h in sizes)


def test_a4_4up_cards_are_a6() -> None:
    width, height = PAPER_SIZES["a4"]
    assert abs(width / 2 - A6[0]) < 1 and abs(height / 2 - A6[1]) < 1.5


def test_duplex_backs_line_up_with_their_fronts() -> None:
    """Long-edge flip: a card's back is on the next page, in the mirrored column."""
    data = cards("en", layout="4up", duplex=True)
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    guide = api.load("en")
    steps = guide.protocol("standard").steps

    def x_of(page_number: int, needle: str) -> float:
        found: list[float] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
            if needle in text and not found:
                found.append(tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

        reader.pages[page_number].extract_text(visitor_text=visit)
        assert found, needle
        return found[0]

    width = PAPER_SIZES["a4"][0]
    front_first, back_first = x_of(0, steps[0].name), x_of(1, steps[0].name)
    front_second, back_second = x_of(0, steps[1].name), x_of(1, steps[1].name)
    assert front_first < width / 2 < back_first  # card 1: left on the front, right on the back
    assert back_second < width / 2 < front_second
    assert abs((back_first - width / 2) - front_first) < 1  # same place within its card
    # the instruction is on the back only
    assert squash(steps[0].instruction.text) not in squash(page_texts(data)[0])
    assert squash(steps[0].instruction.text) in squash(page_texts(data)[1])


@pytest.mark.parametrize("variant", [{}, {"grayscale": True}, {"large_print": True}])
def test_every_font_is_embedded(variant: dict[str, bool], tmp_path: pathlib.Path) -> None:
    for lang in ("en", "zh"):
        data = cards(lang, "short", **variant)
        assert unembedded_fonts(data) == []
        qpdf_check(data, tmp_path)


def test_large_print_keeps_the_instruction_at_16_pt() -> None:
    import io

    import pypdf

    data = cards("en", "short", large_print=True)
    sizes: list[float] = []
    reader = pypdf.PdfReader(io.BytesIO(data))

    words = set(api.load("en").protocol("short").steps[2].instruction.text.split())

    def visit(text: str, cm: list[float], _tm: object, _font: object, size: float) -> None:
        if text.strip() and set(text.split()) <= words:
            sizes.append(size * cm[3])

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 16


@pytest.mark.slow
def test_two_builds_are_byte_identical() -> None:
    guide = api.load("zh")
    options = PrintOptions(protocol="short")
    assert api.cards_pdf(guide, options) == api.cards_pdf(guide, options)


def test_all_builds_cards_in_every_language() -> None:
    """The builder `pmr-print all` runs gives a card for every step, in each language."""
    for lang in api.languages():
        guide = api.load(lang)
        words = squeezed(api.builders()["cards"](guide, PrintOptions()))
        for step in guide.protocol("standard").steps:
            assert "".join(step.name.split()) in words, (lang, step.id)


def test_unknown_layout_is_a_usage_error() -> None:
    with pytest.raises(PmrError, match="layout"):
        api.cards_pdf(api.load("en"), layout="9up")


def test_too_long_instruction_fails_naming_the_step(
    content_copy: pathlib.Path, tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide_md = content_copy / "en" / "guide.md"
    sentence = (
        "Lift your chest and gently curve your lower back backwards (don't round it), just enough"
    )
    edit(guide_md, sentence, " ".join([sentence] * 12))
    line = line_of(guide_md, "### Back")
    output = tmp_path / "cards.pdf"
    status = cli.main(["cards", "--lang", "en", "--content", str(content_copy), "-o", str(output)])
    assert status == 2
    assert not output.exists() and list(tmp_path.glob("*.pdf")) == []
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert f"guide.md:{line}:" in error and "Back" in error and "id back" in error


def test_cli_writes_the_cards(tmp_path: pathlib.Path) -> None:
    output = tmp_path / "cards-zh.pdf"
    assert cli.main(["cards", "--lang", "zh", "--protocol", "short", "-o", str(output)]) == 0
    assert len(page_texts(output.read_bytes())) == 1


def char_boxes(data: bytes) -> list[list[tuple[float, float, float, float]]]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    pages = []
    for page in document:
        textpage = page.get_textpage()
        pages.append(
            [
                textpage.get_charbox(i)
                for i in range(textpage.count_chars())
                if not textpage.get_text_range(i, 1).isspace()
            ]
        )
    document.close()
    return pages


@pytest.mark.parametrize(
    ("lang", "protocol", "paper", "large_print"),
    [
        ("en", "short", "a4", True),
        ("zh", "short", "letter", True),
        ("en", "standard", "letter", False),
        ("zh", "release-only", "a4", False),
    ],
)
def test_all_text_keeps_inside_the_cards_safe_margin(
    lang: str, protocol: str, paper: str, large_print: bool
) -> None:
    from pmr_print.cards.sheet import make_sheet

    sheet = make_sheet(PAPER_SIZES[paper], "2up" if large_print else "4up")
    width, height = sheet.card_size
    safe = sheet.safe_margin - 1.5  # a glyph's ink may overhang its advance a little
    for page in char_boxes(cards(lang, protocol, paper=paper, large_print=large_print)):
        assert page
        for left, bottom, right, top in page:
            x0, y0 = left % width, bottom % height
            assert x0 >= safe and y0 >= safe, (left, bottom)
            assert x0 + (right - left) <= width - safe and y0 + (top - bottom) <= height - safe


def test_the_booklet_takes_the_cards_only_through_their_front_door() -> None:
    """The booklet composes step plans and the cards' figure and strip, not the cards' insides."""
    import ast

    import pmr_print.cards

    root = pathlib.Path(pmr_print.cards.__file__).parent.parent / "booklet"
    taken = set()
    for path in root.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                "pmr_print.cards"
            ):
                assert node.module == "pmr_print.cards", f"{path.name} imports {node.module}"
                taken |= {alias.name for alias in node.names}
    assert taken <= set(pmr_print.cards.__all__)
    assert len(taken) <= 3


@pytest.mark.parametrize("lang", ["en", "zh", "bi"])
def test_large_print_cards_are_2up_with_the_figure_beside_a_cue_word_of_large_size(
    lang: str,
) -> None:
    """Large print defaults to 2-up (13 cards on 7 pages), each card a figure beside its text;
    nothing on a card, the strip's cue word included, is set below large print's small size."""
    from pmr_print.theme import LARGE_TYPE
    from tests.pagecheck import problems

    data = api.cards_pdf(api.load(lang), PrintOptions(large_print=True))
    assert len(page_texts(data)) == 7
    assert problems(data, large_least=LARGE_TYPE.small, chinese=lang != "en") == []


def figure_heights(data: bytes, layout: str) -> list[float]:
    """Each card's figure height in points, read from the rendered pages: the rows holding the
    body's fill (pmr_print.illustrations.FigureColours.colour) in its card. Every figure shows
    some of the body unlit, so two sizes of one card's figure measure in proportion."""
    import numpy
    import pypdfium2

    body = numpy.array([0xED, 0xE7, 0xE1])
    columns, rows = {"4up": (2, 2), "2up": (1, 2), "1up": (1, 1)}[layout]
    heights = []
    document = pypdfium2.PdfDocument(data)
    for page in document:
        scale = 100 / 72
        pixels = numpy.asarray(page.render(scale=scale).to_pil().convert("RGB"), dtype=int)
        tall, wide = pixels.shape[0] // rows, pixels.shape[1] // columns
        for row in range(rows):
            for column in range(columns):
                card = pixels[row * tall : (row + 1) * tall, column * wide : (column + 1) * wide]
                near = abs(card - body).max(axis=2) <= 3
                lit = numpy.flatnonzero(near.sum(axis=1) >= 3)
                if lit.size:
                    heights.append((lit[-1] - lit[0]) / scale)
    document.close()
    return heights


@pytest.mark.parametrize("lang", ["en", "zh", "bi"])
@pytest.mark.parametrize("layout", ["2up", "1up"])
def test_large_print_figures_are_as_large_as_on_a_normal_print_card(lang: str, layout: str) -> None:
    """Every layout builds in large print (a bilingual 1-up card too), each card's figure at
    least as tall as on the A6 card in normal print, its text at least 16 pt (24 pt on a 1-up
    card, where normal print sets 21 pt), its cue word at least 12 pt."""
    from pmr_print.theme import LARGE_TYPE
    from tests.pagecheck import problems, read

    large = api.cards_pdf(api.load(lang), PrintOptions(large_print=True), layout=layout)
    normal = api.cards_pdf(api.load(lang), PrintOptions(), layout="4up")
    pairs = list(zip(figure_heights(large, layout), figure_heights(normal, "4up"), strict=True))
    assert len(pairs) == 13
    assert all(big >= small - 1 for big, small in pairs), pairs
    assert problems(large, large_least=LARGE_TYPE.small, chinese=lang != "en") == []
    if layout == "1up":
        sizes = [glyph.size for page in read(large, ink=False) for glyph in page.glyphs]
        assert max(sizes) > 21 and min(sizes) >= 13 * 1.5 - 0.1
