"""The therapist handout, read back from the PDF as a clinician's tools would."""

from __future__ import annotations

import datetime as dt
import io
import os
import pathlib
import re
import subprocess
import sys

import pypdf
import pytest

from pmr_print import api
from pmr_print.cli import main
from pmr_print.options import HandoutDetails, PrintOptions, resolve
from pmr_print.plans.handout import plan_handout
from pmr_print.problems import UsageError
from tests import pdfcheck

DOIS = (
    "10.1037/a0027326",
    "10.1037/11859-010",
    "10.2147/PRBM.S437277",
    "10.1155/2021/5924040",
)
DAY = dt.date(2026, 3, 9)


@pytest.fixture(scope="module")
def guides() -> dict[str, api.Guide]:
    return {lang: api.load(lang) for lang in ("en", "zh")}


def handout(guide: api.Guide, paper: str = "a4", **details: object) -> bytes:
    options = PrintOptions(paper=paper)
    return api.handout_pdf(guide, options, HandoutDetails(date=DAY, **details))  # type: ignore[arg-type]


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_handout_holds_what_the_clinician_promised(guides, lang: str, paper: str) -> None:
    guide = guides[lang]
    client = "王芳" if lang == "zh" else "Jane Miller"
    data = handout(guide, paper, client=client, omit=("back", "neck"), omit_reason="injury")
    pages = pdfcheck.page_texts(data)
    assert 2 <= len(pages) <= 4
    width = {"a4": 595.3, "letter": 612.0}[paper]
    assert all(abs(w - width) < 0.5 for w, _ in pdfcheck.page_sizes(data))
    text = "".join("".join(pages).split())
    assert "".join(client.split()) in text
    for group in guide.groups:
        instruction = "".join(group.instruction.text.split())
        if group.id in ("back", "neck"):
            assert instruction not in text, group.id
        else:
            assert instruction in text and "".join(group.name.split()) in text, group.id
    assert "".join(guide.section("drawbacks").title.split()) in text
    for doi in DOIS:
        assert doi in text


def test_omitted_groups_are_named_with_the_reason_and_leave_the_times(guides) -> None:
    guide = guides["en"]
    text = " ".join(
        pdfcheck.text(handout(guide, omit=("back",), omit_reason="recent injury")).split()
    )
    assert "Left out for this client Back Reason: recent injury" in text
    # 12 groups of 15 s and a minute of quiet; the full protocol would be 4 min 15 s.
    assert "4 min; quiet time at the end: 60 s" in text
    assert "4 min 15 s" not in text


def test_drawbacks_come_before_the_sequence(guides) -> None:
    guide = guides["en"]
    text = pdfcheck.text(handout(guide))
    assert text.index(guide.section("drawbacks").title) < text.index(guide.group("feet").name)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_markup_laden_name_prints_literally(guides, lang: str) -> None:
    name = 'Ann <b>Lee</b> & <img src="/etc/passwd"/> <a href="https://x.test">x</a>'
    data = handout(guides[lang], client=name, clinician="<font size=40>Dr</font>")
    text = "".join(pdfcheck.text(data).split())
    assert "".join(name.split()) in text
    assert "<fontsize=40>Dr</font>" in text
    reader = pypdf.PdfReader(io.BytesIO(data))
    uris = [
        a.get_object()["/A"].get("/URI") for page in reader.pages for a in page.get("/Annots") or []
    ]
    assert "https://x.test" not in uris


def test_dois_are_live_links_and_sections_are_bookmarked(guides) -> None:
    guide = guides["zh"]
    data = handout(guide, client="王芳", clinician="李医生")
    reader = pypdf.PdfReader(io.BytesIO(data))
    uris = {
        str(a.get_object()["/A"]["/URI"])
        for page in reader.pages
        for a in page.get("/Annots") or []
        if "/URI" in a.get_object().get("/A", {})
    }
    assert {f"https://doi.org/{doi}" for doi in DOIS} <= uris
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    landing = [reader.get_destination_page_number(item) for item in reader.outline]
    assert landing == sorted(landing) and landing[-1] == len(reader.pages) - 1  # right pages
    for section_id in ("about", "drawbacks", "sequence", "benefits", "references"):
        assert guide.section(section_id).title in outline
    meta = reader.metadata
    assert meta.title == guide.title and meta.author == "李医生"
    assert reader.trailer["/Root"]["/Lang"] == "zh-Hans-CN"


def test_header_date_is_formatted_for_the_language(guides) -> None:
    assert "2026年3月9日" in pdfcheck.squeezed(handout(guides["zh"]))
    assert "March 9, 2026" in pdfcheck.text(handout(guides["en"]))


def test_page_numbers_count_every_page(guides) -> None:
    pages = pdfcheck.page_texts(handout(guides["en"]))
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page


def test_recording_adds_a_qr_code_with_the_url(guides) -> None:
    url = "https://example.org/pmr?a=1&b=2"
    plain = handout(guides["en"])
    with_qr = handout(guides["en"], recording_url=url)
    assert url in pdfcheck.text(with_qr)
    assert len(with_qr) > len(plain)


def test_every_font_is_embedded_and_the_file_is_sound(guides, tmp_path) -> None:
    for lang in ("en", "zh"):
        data = handout(guides[lang], recording_url="https://example.org", omit=("jaw",))
        assert pdfcheck.unembedded_fonts(data) == []
        rows = pdfcheck.pdffonts_rows(data, tmp_path)
        assert rows is None or all(" yes yes yes " in row for row in rows), rows
        pdfcheck.qpdf_check(data, tmp_path)
        assert len(data) < 300_000


def test_large_print_and_grayscale_still_fit_and_embed(guides) -> None:
    options = PrintOptions(large_print=True, grayscale=True)
    data = api.handout_pdf(guides["zh"], options, HandoutDetails(date=DAY))
    assert pdfcheck.unembedded_fonts(data) == []
    assert "安全须知" in pdfcheck.squeezed(data)


@pytest.mark.slow
def test_two_builds_are_byte_identical(guides) -> None:
    assert handout(guides["zh"], client="王芳") == handout(guides["zh"], client="王芳")


@pytest.mark.slow
def test_a_build_in_another_process_is_byte_identical(guides, tmp_path) -> None:
    out = tmp_path / "h.pdf"
    args = ["handout", "--lang", "zh", "--date", DAY.isoformat(), "--paper", "a4", "-o", str(out)]
    subprocess.run([sys.executable, "-m", "pmr_print", *args], check=True, capture_output=True)
    assert out.read_bytes() == handout(guides["zh"])


def test_an_unknown_omitted_step_lists_the_valid_ids(tmp_path, capsys) -> None:
    out = tmp_path / "h.pdf"
    assert main(["handout", "--omit", "back,knees", "-o", str(out)]) == 2
    error = capsys.readouterr().err
    assert "'knees'" in error and "forehead" in error and "arms-hands" in error
    assert len(error.strip().splitlines()) == 1
    assert not out.exists()


def test_a_name_the_fonts_lack_is_one_clear_error_and_no_file(tmp_path, capsys) -> None:
    out = tmp_path / "h.pdf"
    assert main(["handout", "--client", "Ann 💪", "-o", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert "U+1F4AA" in error and "--client" in error
    assert len(error.splitlines()) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_bad_details_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="https://"):
        HandoutDetails(recording_url="file:///etc/passwd")
    with pytest.raises(UsageError, match="--omit"):
        HandoutDetails(omit_reason="no omit given")


def test_cli_writes_the_handout(tmp_path, capsys) -> None:
    out = tmp_path / "sub" / "handout.pdf"
    code = main(["handout", "--lang", "zh", "--client", "王芳", "--omit", "back", "-o", str(out)])
    assert code == 0 and out.exists()
    assert re.search(r"王芳", pdfcheck.squeezed(out.read_bytes()))


def test_an_unwritable_output_is_one_clear_line(tmp_path, capsys) -> None:
    assert main(["handout", "-o", str(tmp_path)]) == 2  # a folder, not a file
    error = capsys.readouterr().err.strip()
    assert error == f"pmr-print: cannot write {tmp_path}: it is a folder, not a file"
    assert list(tmp_path.iterdir()) == []


def test_release_only_gives_its_shared_cue_once_and_no_tensing_time(guides) -> None:
    guide = guides["en"]
    options = PrintOptions(protocol="release-only")
    text = pdfcheck.text(api.handout_pdf(guide, options, HandoutDetails(date=DAY)))
    cue = " ".join(guide.protocol("release-only").steps[0].instruction.text.split()[:8])
    assert " ".join(text.split()).count(cue) == 1
    assert "What to do" not in text
    assert "Forehead – 20" in " ".join(text.split())


def test_a_combined_step_drops_the_words_of_an_omitted_group_or_says_to_leave_it_out(
    guides,
) -> None:
    options = PrintOptions(protocol="short")
    details = HandoutDetails(date=DAY, omit=("back", "eyes"))
    text = " ".join(pdfcheck.text(api.handout_pdf(guides["en"], options, details)).split())
    assert "curve your lower back" not in text and "Leave out: Back" not in text  # its words went
    assert text.count("Leave out: Eyes") == 1  # "screw up your face" has no words to drop
    assert "Left out for this client Back and eyes" in text


def test_a_long_name_is_cut_in_the_footer_not_printed_over_the_page_number(guides) -> None:
    name = "Maximilian Alexander Fitzgerald-Worthington of Greater Riverside County Services"
    pages = pdfcheck.page_texts(handout(guides["en"], client=name))
    assert name in " ".join(pages[0].split())  # whole in the header
    for number, page in enumerate(pages, start=1):
        footer = " ".join(page.splitlines()[0].split())
        assert footer.endswith("…"), footer
        assert f"Page {number} of {len(pages)}" in page


GOLDEN = pathlib.Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_handout_plan_reads_as_its_golden_text(guides, lang: str) -> None:
    """What the handout says, as plain text; regenerate with PMR_REGENERATE=1 after a wording
    change, and read the difference."""
    guide = guides[lang]
    settings = resolve(PrintOptions(protocol="short"), guide)
    details = HandoutDetails(
        client="王芳" if lang == "zh" else "Jane Miller",
        date=DAY,
        omit=("arms-hands", "eyes"),
        omit_reason="recent injury",
        recording_url="https://example.org/pmr.mp3",
    )
    text = plan_handout(guide, settings, details).pretty()
    golden = GOLDEN / f"handout-plan-{lang}.txt"
    if os.environ.get("PMR_REGENERATE"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_groups_left_out_change_the_counted_steps_and_time_above_the_table(
    guides, lang: str
) -> None:
    """The protocol's summary counts all 13 groups and just over 4 minutes: with two left out,
    the handout says what the 11 rows beneath it add up to instead."""
    guide = guides[lang]
    whole = " ".join(guide.protocol("standard").summary.text.split())
    text = " ".join(pdfcheck.text(handout(guide, omit=("back", "neck"))).split())
    assert "".join(whole.split()) not in "".join(text.split())
    said = {"en": "11 steps, about 3 min 45 s", "zh": "11个步骤，约3分45秒"}[lang]
    assert said in text
    assert said.split()[-1] in text  # the total beneath the rows says the same
    html = api.handout_html(guide, PrintOptions(), HandoutDetails(omit=("back", "neck")))
    assert said in html and whole not in html
    # Leaving out a group of a combined step drops no step: its summary stays true.
    settings = resolve(PrintOptions(protocol="short"), guide)
    plan = plan_handout(guide, settings, HandoutDetails(omit=("back",)))
    assert plan.sequence.summary == guide.protocol("short").summary


def test_the_booklet_notes_the_groups_left_out_once_under_its_table(guides) -> None:
    details = api.BookletDetails(date=DAY, omit=("back", "neck"), omit_reason="recent injury")
    text = pdfcheck.text(api.booklet_pdf(guides["en"], PrintOptions(), details))
    assert text.count("Left out for this client") == 1
    assert "11 steps, about 3 min 45 s" in " ".join(text.split())


def test_the_booklet_takes_the_handout_through_its_front_door() -> None:
    """The booklet imports `pmr_print.handout` (its __init__), never a module inside it."""
    import ast

    inside = [
        f"{path.name}: {node.module}"
        for path in pathlib.Path(api.__file__).parent.joinpath("booklet").glob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pmr_print.handout.")
    ]
    assert inside == []


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("large", [False, True])
def test_bullets_and_boxes_hang_clear_of_their_text(lang: str, large: bool) -> None:
    """A list's runover lines start under its first line's text: the bullet (from the Latin face)
    and the checklist's box end, with ReportLab's 0.6 em after them, inside the indent."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from pmr_print.pdf.blocks import BULLET, CHECKBOX, checklist_style
    from pmr_print.pdf.styles import make_styles
    from pmr_print.theme import make_theme

    styles = make_styles(make_theme("a4", large_print=large), lang)
    for style, mark in (
        (styles.bullet, BULLET),
        (checklist_style(styles.bullet, styles.faces.han.name), CHECKBOX),
    ):
        size = style.bulletFontSize
        right = style.bulletIndent + stringWidth(mark, style.bulletFontName, size) + 0.6 * size
        assert right <= style.leftIndent, (style.name, style.bulletFontName)
    assert styles.bullet.bulletFontName == styles.faces.latin.name


def test_chinese_large_print_sets_its_figures_in_the_chinese_face() -> None:
    """Atkinson Hyperlegible's slashed zero looks foreign in 2026年3月9日: Chinese large print
    takes a number in Chinese text from the Han face; after a Latin word it stays Latin."""
    from pmr_print.pdf.markup import runs
    from pmr_print.pdf.styles import make_styles
    from pmr_print.theme import make_theme

    zh = make_styles(make_theme("a4", large_print=True), "zh").faces
    assert runs("2026年3月9日", zh, "test") == [(zh.han.name, "2026年3月9日")]
    assert runs("doi:10.1037", zh, "test") == [(zh.latin.name, "doi:10.1037")]
    en = make_styles(make_theme("a4", large_print=True), "en").faces
    assert runs("2026", en, "test") == [(en.latin.name, "2026")]
    normal = make_styles(make_theme("a4"), "zh").faces
    assert runs("2026年", normal, "test")[0] == (normal.latin.name, "2026")


def figures_of(data: bytes, after: str) -> list[str]:
    """The fonts of the four figures just before the first `after` on page 1 ("2026" of 2026年)."""
    chars = pdfcheck.char_fonts(data)
    ends = [i for i, (char, _) in enumerate(chars) if char == after]
    assert ends, f"no {after!r} on page 1"
    fonts = [font for char, font in chars[ends[0] - 4 : ends[0]] if char.isdigit()]
    assert len(fonts) == 4
    return fonts


def test_the_printed_chinese_date_of_large_print_has_no_slashed_zero(guides) -> None:
    """Read back from the PDF: the date 2026年3月9日 on page 1 is in Noto Sans SC's figures in
    Chinese large print and in the bilingual one (whose details table sets the Chinese date in
    the Chinese faces); English large print keeps Atkinson Hyperlegible for every figure."""
    large = PrintOptions(large_print=True)
    details = HandoutDetails(date=DAY, client="王芳")
    chinese = api.handout_pdf(guides["zh"], large, details)
    assert set(figures_of(chinese, "年")) == {"NotoSansSC-Regular"}
    both = api.handout_pdf(api.load("bi"), large, details)
    assert set(figures_of(both, "年")) == {"NotoSansSC-Regular"}
    english = api.handout_pdf(guides["en"], large, details)
    english_figures = {font for char, font in pdfcheck.char_fonts(english) if char.isdigit()}
    assert english_figures == {"AtkinsonHyperlegible-Regular"}


def test_the_bilingual_large_print_footer_counts_its_chinese_pages_in_chinese_figures() -> None:
    """第10页，共17页 in Noto Sans SC's figures; 'Page 10 of 17' beside it stays Atkinson."""
    data = api.handout_pdf(api.load("bi"), PrintOptions(large_print=True), HandoutDetails(date=DAY))
    pages = pdfcheck.page_texts(data)
    assert len(pages) >= 10
    chars = pdfcheck.char_fonts(data, page=9)
    text = "".join(char for char, _ in chars)
    english, chinese = text.index("Page 10 of"), text.index("第10页")
    assert {font for _, font in chars[english + 5 : english + 7]} == {
        "AtkinsonHyperlegible-Regular"
    }
    assert {font for _, font in chars[chinese + 1 : chinese + 3]} == {"NotoSansSC-Regular"}
