"""Bilingual editions (`--lang bi`): English and Chinese in parallel."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest

from pmr_print import api
from pmr_print.cli import main
from pmr_print.model import GROUP_IDS
from pmr_print.options import HandoutDetails, PrintOptions, resolve_pair
from pmr_print.problems import ContentError, PmrError, UsageError
from pmr_print.typography.linebreak import CANNOT_END, CANNOT_START
from tests import pdfcheck
from tests.conftest import edit, line_of

DAY = dt.date(2026, 3, 9)
SIZES = [(paper, large) for paper in ("a4", "letter") for large in (False, True)]


@pytest.fixture(scope="module")
def pair() -> api.Bilingual:
    return api.load("bi")


@pytest.fixture
def no_locale_environment(monkeypatch) -> None:
    for variable in ("LC_ALL", "LC_TIME", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def test_bi_loads_the_english_and_the_chinese_guide(pair) -> None:
    assert isinstance(pair, api.Bilingual) and pair.lang == "bi"
    assert [guide.lang for guide in pair.guides] == ["en", "zh"]
    assert pair.en == api.load("en") and pair.zh == api.load("zh")


def test_bi_needs_both_languages_to_agree_beyond_the_wording(content_copy) -> None:
    guide = content_copy / "zh" / "guide.md"
    line = line_of(guide, "{#feet")
    text = guide.read_text(encoding="utf-8").splitlines()[line - 1]
    edit(guide, text, text.replace("tense=5", "tense=7"))
    assert api.load("zh", content_copy).group("feet").tense_seconds == 7  # fine on its own
    with pytest.raises(ContentError) as error:
        api.load("bi", content_copy)
    assert f"{guide}:{line}: timing of 'feet' differs from en" in str(error.value)


@pytest.mark.parametrize(
    ("locale", "paper", "first_weekday", "en_locale", "zh_locale"),
    [
        (None, "letter", 6, "en_US", "zh_Hans_CN"),  # no locale anywhere: as for English
        ("en_GB", "a4", 0, "en_GB", "zh_Hans_CN"),
        ("zh_CN", "a4", 0, "en_US", "zh_Hans_CN"),
        ("zh_SG", "a4", 6, "en_SG", "zh_Hans_SG"),
        ("en_CA", "letter", 6, "en_CA", "zh_Hans_CN"),
    ],
)
def test_the_locale_decides_paper_and_week_and_each_side_formats_its_own_dates(
    pair, no_locale_environment, locale, paper, first_weekday, en_locale, zh_locale
) -> None:
    en, zh = resolve_pair(PrintOptions(locale=locale), pair)
    assert en.theme == zh.theme and en.theme.paper == paper
    assert en.first_weekday == zh.first_weekday == first_weekday
    assert (str(en.locale), str(zh.locale)) == (en_locale, zh_locale)
    assert en.protocol.id == zh.protocol.id == "standard"
    assert en.protocol.name != zh.protocol.name


def test_an_english_or_chinese_request_decides_for_bi(pair) -> None:
    en, zh = resolve_pair(PrintOptions(region="zh_CN"), pair)
    assert en.theme.paper == "a4" and str(zh.locale) == "zh_Hans_CN"


def test_bi_takes_no_locale_of_a_third_language(pair) -> None:
    with pytest.raises(UsageError, match="--locale fr_FR is not a 'en' or 'zh' locale"):
        resolve_pair(PrintOptions(locale="fr_FR"), pair)


def squeeze(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def handouts(pair) -> dict[tuple[str, bool], bytes]:
    """The bilingual handout on A4 and Letter, normal and large print."""
    return {
        (paper, large): api.handout_pdf(
            pair,
            PrintOptions(paper=paper, large_print=large),
            HandoutDetails(client="Jane Miller", date=DAY),
        )
        for paper, large in SIZES
    }


def same_page(pages: list[str], *texts: str) -> bool:
    """Whether one page holds all the texts (whitespace aside: lines wrap anywhere)."""
    wanted = [squeeze(text) for text in texts]
    return any(all(text in squeeze(page) for text in wanted) for page in pages)


@pytest.mark.parametrize("step_id", GROUP_IDS)
def test_each_step_of_the_handout_stands_beside_its_translation(pair, handouts, step_id) -> None:
    en, zh = (guide.group(step_id) for guide in pair.guides)
    texts = (en.name, en.instruction.text, zh.name, zh.instruction.text)
    for size, data in handouts.items():
        assert same_page(pdfcheck.page_texts(data), *texts), (step_id, size)


@pytest.mark.parametrize(("paper", "large"), SIZES)
def test_the_bilingual_handout_builds_with_both_languages_labels_and_dates(
    pair, handouts, paper, large
) -> None:
    data = handouts[(paper, large)]
    pages = pdfcheck.page_texts(data)
    width = {"a4": 595.3, "letter": 612.0}[paper]
    assert all(abs(w - width) < 0.5 for w, _ in pdfcheck.page_sizes(data))
    text = squeeze("".join(pages))
    for guide in pair.guides:
        assert squeeze(guide.title) in text
        assert squeeze(guide.labels("Client")) in text
        for section in guide.sections:
            if section.id not in ("protocols", "screening"):
                assert squeeze(section.title) in text, section.id
    assert "March9,2026" in text and "2026年3月9日" in text
    count = len(pages)
    assert squeeze(f"Page {count} of {count} · 第{count}页，共{count}页") in squeeze(pages[-1])
    assert pdfcheck.unembedded_fonts(data) == []


def test_a_bilingual_pdf_carries_the_chinese_language_and_both_titles(handouts) -> None:
    reader = pypdf.PdfReader(io.BytesIO(handouts[("a4", False)]))
    assert reader.trailer["/Root"]["/Lang"] == "zh-Hans-CN"
    assert reader.metadata.title == "Progressive Muscle Relaxation · 渐进式肌肉放松"
    titles = [entry.title for entry in reader.outline]
    assert "What PMR is · 什么是渐进式肌肉放松" in titles


def test_the_cli_writes_the_bilingual_handout(tmp_path, capsys) -> None:
    out = tmp_path / "handout-bi.pdf"
    assert main(["handout", "--lang", "bi", "--locale", "en_GB", "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    assert pdfcheck.page_sizes(out.read_bytes())[0][0] == pytest.approx(595.3, abs=0.5)


@pytest.fixture(scope="module")
def card_sets(pair) -> dict[tuple[str, bool], bytes]:
    """Bilingual step cards on A4 and Letter, normal and large print, default layout."""
    return {
        (paper, large): api.cards_pdf(pair, PrintOptions(paper=paper, large_print=large))
        for paper, large in SIZES
    }


@pytest.mark.parametrize("step_id", GROUP_IDS)
def test_each_step_card_carries_both_languages(pair, card_sets, step_id) -> None:
    en, zh = (guide.group(step_id) for guide in pair.guides)
    texts = (en.name, en.instruction.text, zh.name, zh.instruction.text)
    for size, data in card_sets.items():
        assert same_page(pdfcheck.page_texts(data), *texts), (step_id, size)


@pytest.mark.parametrize(("paper", "large"), SIZES)
def test_bilingual_cards_build_with_both_labels_and_cues(pair, card_sets, paper, large) -> None:
    data = card_sets[(paper, large)]
    pages = pdfcheck.page_texts(data)
    assert len(pages) == (7 if large else 4)  # large print: two wider cards a sheet (2up)
    first = squeeze(pages[0])
    assert squeeze("Step 1 of 13 · 第1步，共13步") in first
    assert squeeze("Feet · " + pair.zh.group("feet").name) in first
    for guide in pair.guides:
        assert squeeze(guide.cues.relax_word) in first
        assert squeeze(guide.labels("Tense {seconds} s", seconds=5)) in first
    assert pdfcheck.unembedded_fonts(data) == []


def test_bilingual_duplex_cards_put_both_languages_on_the_back(pair) -> None:
    data = api.cards_pdf(pair, PrintOptions(paper="a4"), duplex=True)
    pages = pdfcheck.page_texts(data)
    en, zh = (guide.group("feet") for guide in pair.guides)
    assert squeeze(en.instruction.text) not in squeeze(pages[0])
    assert same_page(pages[1:2], en.instruction.text, zh.instruction.text)


def test_a_card_too_full_for_its_layout_names_a_bigger_one(pair) -> None:
    options = PrintOptions(large_print=True)
    with pytest.raises(PmrError, match="try --layout 2up"):
        api.cards_pdf(pair, options, layout="4up")


def test_a_product_without_a_bilingual_edition_says_so_in_one_line(tmp_path, capsys) -> None:
    out = tmp_path / "log.pdf"
    assert main(["log", "--lang", "bi", "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert error == (
        "pmr-print: the practice log has no bilingual edition (--lang bi) yet; "
        "use --lang en or --lang zh\n"
    )
    assert not out.exists()


def test_no_chinese_line_of_a_bilingual_edition_starts_or_ends_with_the_wrong_mark(
    handouts, card_sets
) -> None:
    for data in [*handouts.values(), *card_sets.values()]:
        lines = [line.strip() for page in pdfcheck.page_texts(data) for line in page.splitlines()]
        lines = [line for line in lines if line]
        assert [line for line in lines if line[0] in CANNOT_START] == []
        assert [line for line in lines if line[-1] in CANNOT_END] == []


def test_the_bilingual_handout_counts_the_steps_it_prints_in_both_languages(pair) -> None:
    details = HandoutDetails(date=DAY, omit=("back", "neck"), omit_reason="recent injury")
    text = " ".join(pdfcheck.text(api.handout_pdf(pair, PrintOptions(), details)).split())
    assert "11 steps, about 3 min 45 s" in text and "11个步骤，约3分45秒" in text
    assert "just over 4 minutes" not in text and "4分多钟" not in "".join(text.split())
    page = api.handout_html(pair, PrintOptions(), details)
    assert "11 steps, about 3 min 45 s" in page and "11个步骤，约3分45秒" in page


def test_the_bilingual_booklet_refuses_to_leave_out_every_group_as_the_english_one_does(
    pair,
) -> None:
    details = api.BookletDetails(omit=GROUP_IDS)
    for edition in (pair, pair.en):
        with pytest.raises(UsageError, match="leaves no step of the protocol 'standard'"):
            api.booklet_pdf(edition, PrintOptions(), details)


def test_large_print_numbers_touching_chinese_take_the_chinese_figures() -> None:
    """Issue 19: read back from the bilingual large-print booklet, the figures of 收紧5秒 and
    第1周 (set beside English in the English faces' lines) are Noto Sans SC's, not Atkinson
    Hyperlegible's slashed ones; English large print keeps Atkinson for every figure."""
    data = api.booklet_pdf(api.load("bi"), PrintOptions(large_print=True))
    found: dict[str, set[str]] = {"收紧5秒": set(), "第1周": set()}
    for page in range(len(pdfcheck.page_texts(data))):
        chars = pdfcheck.char_fonts(data, page)
        text = "".join(char for char, _ in chars)
        for pattern, fonts in found.items():
            for start in (m.start() for m in re.finditer(pattern, text)):
                span = chars[start : start + len(pattern)]
                fonts.update(font for char, font in span if char.isdigit())
    assert all(fonts for fonts in found.values()), found
    assert not any("Atkinson" in font for fonts in found.values() for font in fonts), found
    english = api.handout_pdf(api.load("en"), PrintOptions(large_print=True))
    figures = {font for char, font in pdfcheck.char_fonts(english) if char.isdigit()}
    assert figures and all(font.startswith("AtkinsonHyperlegible") for font in figures), figures


def test_only_a_number_touching_chinese_takes_the_chinese_figures() -> None:
    from pmr_print.pdf.markup import runs
    from pmr_print.pdf.styles import faces_for
    from pmr_print.theme import make_theme

    faces = faces_for(make_theme("a4", large_print=True))
    han, latin = faces.han.name, faces.latin.name
    assert runs("收紧5秒", faces, "t") == [(han, "收紧5秒")]
    assert runs("0表示", faces, "t") == [(han, "0表示")]
    assert runs("Week 4 第4周", faces, "t") == [(latin, "Week 4 "), (han, "第4周")]
    for latin_text in ("12", "5 minutes", "doi:10.1037", "Step 1 of 4"):
        assert runs(latin_text, faces, "t") == [(latin, latin_text)]
    normal = faces_for(make_theme("a4"))
    assert runs("收紧5秒", normal, "t")[1] == (normal.latin.name, "5")
