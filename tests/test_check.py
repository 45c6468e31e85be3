"""`pmr-print check` on broken copies of the content: one FILE:LINE line per problem, exit 2."""

import pathlib

import pytest

from pmr_print.cli import main
from tests.conftest import edit, line_of


def check(content: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    status = main(["check", "--content", str(content)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.err.splitlines()


def test_shipped_content_is_fine(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check"]) == 0
    assert "content is fine" in capsys.readouterr().out


def test_bad_number(content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = content_copy / "en" / "guide.md"
    line = line_of(guide, "{#jaw ")
    edit(guide, "{#jaw tense=5", "{#jaw tense=five")
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert lines == [
        f"{guide}:{line}: bad number tense='five' on muscle group: "
        "expected a whole number from 1 to 3600"
    ]


def test_step_missing_in_zh(content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = content_copy / "zh" / "guide.md"
    text = guide.read_text(encoding="utf-8")
    start = text.index("### ", text.index("{#buttocks") - 40)
    end = text.index("### ", start + 4)
    guide.write_text(text[:start] + text[end:], encoding="utf-8")
    status, lines = check(content_copy, capsys)
    assert status == 2
    missing = "muscle group 'buttocks' is missing"
    assert any(line.startswith(f"{guide}:") and missing in line for line in lines)
    assert any("names unknown step 'buttocks'" in line for line in lines)
    assert all(line.startswith(str(guide)) for line in lines)


def test_duplicate_id(content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = content_copy / "en" / "guide.md"
    edit(guide, "{#eyes ", "{#jaw ")
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert any(line.endswith("duplicate id 'jaw'") for line in lines)
    assert any("muscle group 'eyes' is missing" in line for line in lines)


def test_unknown_attribute(content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = content_copy / "zh" / "guide.md"
    line = line_of(guide, "{#chest ")
    edit(guide, "{#chest ", "{#chest colour=red ")
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert lines == [
        f"{guide}:{line}: unknown attribute 'colour' on muscle group (allowed: id, relax, tense)"
    ]


def test_file_cut_short(content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = content_copy / "en" / "guide.md"
    text = guide.read_text(encoding="utf-8")
    cut = text[: text.index("{#neck ") + 12]
    guide.write_text(cut, encoding="utf-8")
    status, lines = check(content_copy, capsys)
    assert status == 2
    last = cut.count("\n") + 1
    assert f"{guide}:{last}: muscle group 'jaw' is missing from 'sequence'" in lines
    assert f"{guide}:{last}: required section 'references' is missing" in lines
    assert any(line.startswith(f"{guide}:{last}: bad attribute block") for line in lines)


def test_all_problems_in_one_run(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(content_copy / "en" / "guide.md", "{#feet tense=5", "{#feet tense=-1")
    edit(content_copy / "zh" / "guide.md", "{#neck ", "{#neck size=3 ")
    edit(content_copy / "zh" / "labels.po", 'msgstr "来访者"', 'msgstr ""')
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert len(lines) == 3
    assert any("labels.po" in line and "label 'Client' is not translated" in line for line in lines)


def test_timing_that_differs_between_languages(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = content_copy / "zh" / "guide.md"
    edit(guide, "{#back tense=5 relax=10", "{#back tense=5 relax=12")
    status, lines = check(content_copy, capsys)
    assert status == 2
    english = content_copy / "en" / "guide.md"
    differs = f"timing of 'back' differs from en ({english}:{line_of(english, '{#back ')})"
    assert lines == [f"{guide}:{line_of(guide, '{#back ')}: {differs}"]


def test_protocol_naming_an_unknown_step(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = content_copy / "en" / "guide.md"
    edit(guide, 'steps="feet ', 'steps="toes feet ')
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert any(
        line.startswith(f"{guide}:{line_of(guide, '{#standard')}:")
        and "names unknown step 'toes'" in line
        for line in lines
    )


def test_untranslated_and_unknown_labels(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    po = content_copy / "zh" / "labels.po"
    edit(po, 'msgstr "日期"', 'msgstr ""')
    po.write_text(
        po.read_text(encoding="utf-8") + '\nmsgid "Colour"\nmsgstr "颜色"\n', encoding="utf-8"
    )
    status, lines = check(content_copy, capsys)
    assert status == 2
    date_line, colour_line = line_of(po, 'msgid "Date"'), line_of(po, 'msgid "Colour"')
    assert f"{po}:{date_line}: label 'Date' is not translated" in lines
    assert f"{po}:{colour_line}: unknown label 'Colour'" in lines


def test_unsupported_markdown(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = content_copy / "en" / "guide.md"
    edit(
        guide, "{#breathing}\n", "{#breathing}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![x](y.png)\n"
    )
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert any("unsupported Markdown (table)" in line for line in lines)
    assert any("unsupported Markdown: an image" in line for line in lines)


def test_missing_front_matter_key_and_bad_utf8(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(content_copy / "en" / "guide.md", "relax_word:", "relax_wrd:")
    (content_copy / "zh" / "guide.md").write_bytes(b"---\nlang: zh\n\xff\xfe\n")
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert any("unknown front matter line 'relax_wrd" in line for line in lines)
    assert any("front matter needs 'relax_word" in line for line in lines)
    assert f"{content_copy / 'zh' / 'guide.md'}:3: not valid UTF-8 text" in lines


def test_characters_no_font_has(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide, labels = content_copy / "zh" / "guide.md", content_copy / "zh" / "labels.po"
    edit(guide, "收紧臀部肌肉。", "收紧臀部肌肉💪。")
    edit(labels, 'msgstr "日期"', 'msgstr "日期𝑥"')
    status, lines = check(content_copy, capsys)
    assert status == 2
    glyph = "is not in any font pmr-print ships, so it cannot be printed; replace or remove it"
    assert lines == [
        f"{guide}:{line_of(guide, '💪')}: the character '💪' (U+1F4AA FLEXED BICEPS) {glyph}",
        f"{labels}:{line_of(labels, '𝑥') - 1}: the character '𝑥' (U+1D465 MATHEMATICAL "
        f"ITALIC SMALL X) {glyph}",
    ]


def test_figure_without_alt_text(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every group and combined step says in words what its figure shows (the HTML edition's
    alt text); one left out is reported at its heading, and the PDFs still build."""
    zh = content_copy / "zh" / "guide.md"
    en = content_copy / "en" / "guide.md"
    edit(zh, "{.alt}\n面部正面图，双眼突出显示。\n", "")
    text = en.read_text(encoding="utf-8")
    start = text.index("{.alt}", text.index("{#torso "))
    en.write_text(text[:start] + text[text.index("\n\n", start) :], encoding="utf-8")
    status, lines = check(content_copy, capsys)
    assert status == 2
    message = "has no {.alt} paragraph: add one saying in words what its figure shows"
    assert lines == [
        f"{en}:{line_of(en, '{#torso ')}: 'torso' {message}, for screen readers (the HTML edition)",
        f"{zh}:{line_of(zh, '{#eyes ')}: 'eyes' {message}, for screen readers (the HTML edition)",
    ]


def test_two_alt_texts_for_one_figure(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    en = content_copy / "en" / "guide.md"
    alt = "{.alt}\nA face seen from the front, with the jaw highlighted.\n"
    edit(en, alt, alt + "\n" + alt)
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert lines == [f"{en}:{line_of(en, '{#jaw ')}: 'jaw' has 2 {{.alt}} paragraphs; give it one"]


def test_older_content_without_marked_words_is_explained(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A clinic's folder from before clauses existed: check says what to add, and where."""
    for lang in ("en", "zh"):
        guide = content_copy / lang / "guide.md"
        text = guide.read_text(encoding="utf-8").replace("{group=back}", "")
        guide.write_text(text.replace("[；", "；").replace("[; ", "; "), encoding="utf-8")
    status, lines = check(content_copy, capsys)
    assert status == 2
    for lang in ("en", "zh"):
        guide = content_copy / lang / "guide.md"
        line = line_of(guide, "{#torso ") + 2  # the instruction paragraph
        assert any(
            entry.startswith(f"{guide}:{line}: combined step 'torso' covers 'back' but marks no ")
            and "[words]{group=back}" in entry
            and "--omit back" in entry
            and "content/README.md" in entry
            for entry in lines
        ), lines


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (  # a group the step does not cover
            "{group=jaw}",
            "{group=feet}",
            "combined step 'face-neck' marks words for 'feet', which it does not cover",
        ),
        (  # not the form of a clause
            "{group=jaw}",
            "{.jaw}",
            "[words]{class=jaw}: mark a clause as [words]{group=ID}",
        ),
        (  # a space between the words and the mark
            "]{group=jaw}",
            "] {group=jaw}",
            "mark a clause as [words]{group=ID}, the words in square brackets right before it",
        ),
        (  # marked words in a single group's instruction
            "Bite your back teeth together",
            "[Bite your back teeth together]{group=jaw}",
            "words marked {group=jaw} only work in the instruction of a combined step",
        ),
        (  # one clause inside another
            "[, slowly drawing your chin towards your chest]{group=neck}",
            "[, slowly [drawing]{group=jaw} your chin towards your chest]{group=neck}",
            "a marked clause cannot hold another one",
        ),
    ],
)
def test_misused_marked_words_are_reported_where_they_are(
    content_copy: pathlib.Path,
    capsys: pytest.CaptureFixture[str],
    old: str,
    new: str,
    message: str,
) -> None:
    guide = content_copy / "en" / "guide.md"
    line = line_of(guide, old)
    edit(guide, old, new)
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert any(entry.startswith(f"{guide}:{line}: ") and message in entry for entry in lines), lines


def test_languages_mark_words_for_the_same_groups(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    guide = content_copy / "zh" / "guide.md"
    line = line_of(guide, "{group=lower-legs}")
    edit(guide, "[，同时把脚尖往回勾向小腿]{group=lower-legs}", "，同时把脚尖往回勾向小腿")
    status, lines = check(content_copy, capsys)
    assert status == 2
    english = content_copy / "en" / "guide.md"
    assert lines == [
        f"{guide}:{line}: step 'legs-feet' marks words for other groups than in en "
        f"(lower-legs, {english}:{line_of(english, '{group=lower-legs}')})"
    ]


def test_a_variant_the_glossary_replaces_is_reported_where_it_is_used(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One vocabulary (issue 20): a variant in guide.md or labels.po, at its FILE:LINE."""
    guide, labels = content_copy / "zh" / "guide.md", content_copy / "zh" / "labels.po"
    glossary = content_copy / "zh" / "glossary.md"
    edit(guide, "- **一痛就停**：", "- **痛就停**：")
    edit(labels, 'msgstr "安全须知"\n\nmsgid "Say', 'msgstr "安全提示"\n\nmsgid "Say')
    english = content_copy / "en" / "guide.md"
    edit(english, "- **Stop if it hurts.**", "- **Stop at pain.**")
    status, lines = check(content_copy, capsys)
    assert status == 2
    en_glossary = content_copy / "en" / "glossary.md"
    assert lines == [
        f"{english}:{line_of(english, 'Stop at pain.')}: 'Stop at pain': the glossary says "
        f"'Stop if it hurts' (stop-if-it-hurts, {en_glossary}:"
        f"{line_of(en_glossary, '{#stop-if-it-hurts}')})",
        f"{guide}:{line_of(guide, '**痛就停**')}: '痛就停': the glossary says '一痛就停' "
        f"(stop-if-it-hurts, {glossary}:{line_of(glossary, '{#stop-if-it-hurts}')})",
        f"{labels}:{line_of(labels, '安全提示')}: '安全提示': the glossary says '安全须知' "
        f"(safety-box, {glossary}:{line_of(glossary, '{#safety-box}')})",
    ]


def test_a_term_is_not_its_own_variant_and_english_matches_whole_words(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """一痛就停 holds the variant 痛就停 but is the term; 'Bottoms up' is not 'Bottom'."""
    guide = content_copy / "en" / "guide.md"
    edit(guide, "Squeeze your buttocks together.", "Squeeze your buttocks together (bottoms up).")
    assert check(content_copy, capsys) == (0, [])
    edit(guide, "(bottoms up)", "(your BOTTOM)")
    status, lines = check(content_copy, capsys)
    assert status == 2 and len(lines) == 1 and "'Bottom': the glossary says 'Buttocks'" in lines[0]


def test_a_glossary_term_without_an_id_is_reported(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    glossary = content_copy / "zh" / "glossary.md"
    edit(glossary, "## 前额 {#forehead}", "## 前额")
    status, lines = check(content_copy, capsys)
    assert status == 2
    line = line_of(glossary, "## 前额")
    assert lines == [f"{glossary}:{line}: a term is written '## the term {{#id}}'"]


def test_a_catalog_msgfmt_would_refuse_is_reported(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A msgid defined twice: Babel keeps the first without a word, msgfmt -c refuses the file."""
    labels = content_copy / "zh" / "labels.po"
    text = labels.read_text(encoding="utf-8")
    labels.write_text(text + '\nmsgid "Date"\nmsgstr "日子"\n', encoding="utf-8")
    status, lines = check(content_copy, capsys)
    assert status == 2
    last = len(labels.read_text(encoding="utf-8").splitlines()) - 1
    first = line_of(labels, 'msgid "Date"')
    assert lines == [
        f"{labels}:{last}: label 'Date' is defined twice (first at line {first}): delete one; "
        "gettext refuses the catalog and only the first is used"
    ]


def test_a_translation_with_a_line_break_the_msgid_lacks_is_reported(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = content_copy / "zh" / "labels.po"
    edit(labels, 'msgstr "目录"', 'msgstr "目录\\n"')
    status, lines = check(content_copy, capsys)
    assert status == 2
    line = line_of(labels, 'msgid "Contents"')
    assert lines == [
        f"{labels}:{line}: label 'Contents': the translation must begin and end with a line "
        "break exactly where the msgid does"
    ]


def test_a_bad_placeholder_is_reported(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    labels = content_copy / "zh" / "labels.po"
    edit(labels, 'msgstr "第{number}周"', 'msgstr "第{numbr}周"')
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert len(lines) == 1 and "unknown placeholder {numbr}" in lines[0], lines


def test_a_passage_without_its_partner_is_reported(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bilingual edition pairs passages by id (issue 20): one renamed, one left without an
    id, and one the other language lacks are each reported where they are."""
    en, zh = content_copy / "en" / "guide.md", content_copy / "zh" / "guide.md"
    edit(zh, " {#weeks-of-practice}", " {#weeks}")
    edit(en, " {#daily-life}", "")
    status, lines = check(content_copy, capsys)
    assert status == 2
    considerations = line_of(zh, "{#considerations}")
    assert lines == [
        f"{en}:{line_of(en, 'Take it into your day')}: this passage has no id: end it with "
        "{#some-id}, the same id as its translation's, so that the bilingual edition prints "
        "the two side by side",
        f"{zh}:{line_of(zh, '{#daily-life}')}: passage 'daily-life' has no partner in en "
        "(section 'practice-plan'): give its translation the same id",
        f"{zh}:{considerations}: passage 'weeks-of-practice' of en "
        f"({en}:{line_of(en, '{#weeks-of-practice}')}) has no partner in section "
        "'considerations': translate it and end it with {#weeks-of-practice}",
        f"{zh}:{line_of(zh, '{#weeks}')}: passage 'weeks' has no partner in en (section "
        "'considerations'): give its translation the same id",
    ]


def test_passages_in_another_order_are_reported(
    content_copy: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    zh = content_copy / "zh" / "guide.md"
    text = zh.read_text(encoding="utf-8")
    first = text[
        text.index("- 坚持规律练习几周") : text.index("\n", text.index("- 坚持规律练习几周"))
    ]
    second = text[text.index("- 这项练习可以和") : text.index("\n", text.index("- 这项练习可以和"))]
    zh.write_text(text.replace(first, "@@").replace(second, first).replace("@@", second), "utf-8")
    status, lines = check(content_copy, capsys)
    assert status == 2
    assert len(lines) == 1 and "passage 'combine-methods' stands elsewhere than in en" in lines[0]
