"""What every product promises, whatever it is: checked on each product `pmr-print all` builds.

Fonts embedded, same bytes for the same input, large print really large, grayscale really gray,
and `all` writing every product in every language without leaving temporary files behind.
"""

from __future__ import annotations

import functools
import statistics

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
import pytest

from pmr_print import api
from pmr_print.cli import main
from pmr_print.options import PrintOptions
from pmr_print.pdf import output
from pmr_print.typography.linebreak import CANNOT_END, CANNOT_START
from tests import pdfcheck
from tests.conftest import edit

PRODUCTS = sorted(api.builders())
LANGS = ("en", "zh")


@pytest.fixture(scope="module")
def guides() -> dict[str, api.Guide]:
    return {lang: api.load(lang) for lang in LANGS}


def build(guides, product: str, lang: str, **options: object) -> bytes:
    """Built once for the module (the checks only read it); `fresh` builds again."""
    return built(product, lang, tuple(sorted(options.items())))


@functools.cache
def built(product: str, lang: str, options: tuple[tuple[str, object], ...]) -> bytes:
    return fresh(api.load(lang), product, lang, **dict(options))


def fresh(guide: api.Guide, product: str, lang: str, **options: object) -> bytes:
    return api.builders()[product](guide, PrintOptions(**options))  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("product", PRODUCTS)
def test_every_font_is_embedded(guides, product: str, lang: str, tmp_path) -> None:
    data = build(guides, product, lang)
    assert pdfcheck.unembedded_fonts(data) == []
    rows = pdfcheck.pdffonts_rows(data, tmp_path)
    assert rows is None or all(row.split()[-5] == "yes" for row in rows), rows  # the emb column
    pdfcheck.qpdf_check(data, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("product", PRODUCTS)
def test_the_same_input_gives_the_same_bytes(guides, product: str) -> None:
    assert fresh(guides["zh"], product, "zh") == fresh(guides["zh"], product, "zh")


def char_sizes(data: bytes, page_index: int = 0) -> list[float]:
    document = pdfium.PdfDocument(data)
    textpage = document[page_index].get_textpage()
    sizes = [
        pdfium_raw.FPDFText_GetFontSize(textpage.raw, i)
        for i in range(textpage.count_chars())
        if not textpage.get_text_range(i, 1).isspace()
    ]
    document.close()
    return sizes


@pytest.mark.slow  # reads every character's size back
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("product", PRODUCTS)
def test_large_print_sets_body_text_at_16_pt_or_more(guides, product: str, lang: str) -> None:
    normal = statistics.median(char_sizes(build(guides, product, lang)))
    large = statistics.median(char_sizes(build(guides, product, lang, large_print=True)))
    assert large >= 16 > normal


@pytest.mark.slow  # renders every page
@pytest.mark.parametrize("product", PRODUCTS)
def test_grayscale_prints_no_colour(guides, product: str) -> None:
    def coloured_pixels(data: bytes) -> int:
        document = pdfium.PdfDocument(data)
        count = 0
        for page in document:
            image = page.render(scale=0.5).to_pil().convert("RGB")
            count += sum(
                1 for r, g, b in image.get_flattened_data() if max(r, g, b) - min(r, g, b) > 12
            )
        document.close()
        return count

    assert coloured_pixels(build(guides, product, "en")) > 0  # the colour version has colour
    assert coloured_pixels(build(guides, product, "en", grayscale=True)) == 0


@pytest.mark.slow  # a process pool
def test_all_builds_every_product_in_every_language(guides, tmp_path, capsys) -> None:
    assert main(["all", "-o", str(tmp_path)]) == 0
    written = sorted(path.name for path in tmp_path.iterdir())
    bilingual = [f"{product}-bi.pdf" for product in api.BILINGUAL_PRODUCTS]
    expected = [f"{product}-{lang}.pdf" for product in PRODUCTS for lang in LANGS]
    assert written == sorted(expected + bilingual)
    assert capsys.readouterr().out.count(".pdf") == len(written)
    # Built in worker processes, yet the same bytes as a build in this one.
    for product in PRODUCTS:
        assert (tmp_path / f"{product}-zh.pdf").read_bytes() == fresh(guides["zh"], product, "zh")


def test_a_crash_while_writing_leaves_the_old_file_and_no_temporary_file(
    tmp_path, monkeypatch, capsys
) -> None:
    target = tmp_path / "handout-en.pdf"
    target.write_bytes(b"old")

    def crash(_: int) -> None:
        raise KeyboardInterrupt  # like a crash or Ctrl-C half-way through writing

    monkeypatch.setattr(output.os, "fsync", crash)
    assert main(["handout", "-o", str(target)]) == 130  # Ctrl-C: one line, exit 130
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["handout-en.pdf"]
    assert capsys.readouterr().err == "pmr-print: interrupted; nothing was written\n"


@pytest.mark.slow  # a process pool
def test_all_writes_nothing_when_one_product_fails(content_copy, tmp_path, capsys) -> None:
    guide = content_copy / "en" / "guide.md"
    edit(guide, "Hold, then settle back and relax.", "Hold, then settle back and relax. " * 40)
    out = tmp_path / "out"
    assert main(["all", "--content", str(content_copy), "-o", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("pmr-print: cards-en.pdf: ") and f"{guide}:" in error
    assert len(error.splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("product", PRODUCTS)
def test_no_chinese_line_starts_or_ends_with_the_wrong_mark(
    guides, product: str, large_print: bool
) -> None:
    """Read back from the PDF: no line starts with ，。：） or ends with （「《 and the like."""
    data = build(guides, product, "zh", large_print=large_print)
    lines = [line.strip() for page in pdfcheck.page_texts(data) for line in page.splitlines()]
    lines = [line for line in lines if line]
    assert len(lines) > 20
    assert [line for line in lines if line[0] in CANNOT_START] == []
    assert [line for line in lines if line[-1] in CANNOT_END] == []
