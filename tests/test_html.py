"""The accessible HTML edition: structure read back from the page with html.parser."""

from __future__ import annotations

import datetime as dt
import pathlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import pytest

from pmr_print import api, cli
from pmr_print.html import fonts
from pmr_print.model import Bilingual, Guide
from tests.browser import Server, serious_violations

VOID = {"meta", "link", "br", "img", "input", "hr", "col", "source", "area", "base", "wbr"}
DAY = dt.date(2026, 3, 9)


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def walk(self) -> list[Node]:
        found = [self]
        for child in self.children:
            if isinstance(child, Node):
                found += child.walk()
        return found

    def find_all(self, tag: str) -> list[Node]:
        return [node for node in self.walk() if node.tag == tag]

    @property
    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text for c in self.children)

    def lang(self) -> str:
        """The language in effect here: the nearest lang attribute."""
        node: Node | None = self
        while node is not None:
            if "lang" in node.attrs:
                return node.attrs["lang"]
            node = node.parent
        return ""


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.current is builder.root, f"<{builder.current.tag}> never closed"
    return builder.root


@pytest.fixture(scope="module")
def guides() -> dict[str, Guide]:
    return {lang: api.load(lang) for lang in ("en", "zh")}


def handout(guide: Guide, **details: object) -> Node:
    options = api.PrintOptions()
    values: dict[str, object] = {"date": DAY, **details}
    return parse(api.handout_html(guide, options, api.HandoutDetails(**values)))  # type: ignore[arg-type]


def headings(root: Node) -> list[tuple[int, str]]:
    return [(int(n.tag[1]), n.text.strip()) for n in root.walk() if re.fullmatch(r"h[1-6]", n.tag)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_handout_has_one_h1_and_headings_that_never_skip_a_level(
    guides: dict[str, Guide], lang: str
) -> None:
    guide = guides[lang]
    found = headings(handout(guide))
    assert found[0] == (1, guide.title)
    assert [level for level, _ in found].count(1) == 1
    for (before, _), (after, text) in zip(found, found[1:], strict=False):
        assert after <= before + 1, f"h{before} then h{after} ({text})"
    titles = [text for level, text in found if level == 2]
    assert guide.section("about").title == titles[0]
    assert guide.section("references").title == titles[-1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_handout_page_and_every_text_carry_the_language(
    guides: dict[str, Guide], lang: str
) -> None:
    root = handout(guides[lang])
    html = root.find_all("html")[0]
    assert html.attrs["lang"] == {"en": "en-US", "zh": "zh-Hans-CN"}[lang]
    for node in root.walk():
        if node.tag not in ("#document", "html") and any(
            isinstance(c, str) and c.strip() for c in node.children
        ):
            assert node.lang().split("-")[0] == lang, node.tag


def test_handout_steps_table_has_header_cells_with_scope(guides: dict[str, Guide]) -> None:
    guide = guides["en"]
    table = handout(guide).find_all("table")[0]
    columns = table.find_all("thead")[0].find_all("th")
    assert [th.attrs.get("scope") for th in columns] == ["col"] * 5
    assert [th.text for th in columns][1:3] == ["Muscle group", "What to do"]
    body_rows = table.find_all("tbody")[0].find_all("tr")
    steps = guide.protocol("standard").steps
    assert len(body_rows) == len(steps)
    for row, step in zip(body_rows, steps, strict=True):
        names = row.find_all("th")
        assert [(th.attrs.get("scope"), th.text) for th in names] == [("row", step.name)]
    assert table.find_all("caption"), "a table needs a name"
    assert table.find_all("tfoot")[0].find_all("th")[0].attrs.get("scope") == "row"


def test_handout_leaves_out_omitted_groups_and_says_why(guides: dict[str, Guide]) -> None:
    guide = guides["zh"]
    root = handout(guide, omit=("back", "neck"), omit_reason="腰伤")
    names = [th.text for th in root.find_all("tbody")[0].find_all("th")]
    assert guide.group("back").name not in names and guide.group("feet").name in names
    assert "腰伤" in root.text


def test_untrusted_text_is_printed_literally(guides: dict[str, Guide]) -> None:
    evil = '<b>&amp; "quoted" <img src=x onerror=alert(1)>'
    page = api.handout_html(
        guides["en"],
        api.PrintOptions(),
        api.HandoutDetails(
            client=evil,
            clinician=evil,
            clinic="A & B",
            omit=("back",),
            omit_reason=evil,
            recording_url='https://example.org/"><script>x</script>',
        ),
    )
    root = parse(page)
    assert not root.find_all("img") and not root.find_all("script") and not root.find_all("b")
    assert evil in [dd.text for dd in root.find_all("dd")]
    assert root.find_all("title")[0].text.endswith(evil)
    assert any(evil in p.text for p in root.find_all("p"))
    links = [a.attrs["href"] for a in root.find_all("a")]
    assert 'https://example.org/"><script>x</script>' in links


def test_recording_link_with_a_qr_code_hidden_from_screen_readers(
    guides: dict[str, Guide],
) -> None:
    url = "https://example.org/pmr?a=1&b=2"
    root = handout(guides["en"], recording_url=url)
    assert url in [a.attrs["href"] for a in root.find_all("a")]
    (qr,) = root.find_all("svg")
    assert qr.attrs["aria-hidden"] == "true"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_page_is_self_contained(guides: dict[str, Guide], lang: str) -> None:
    """No request leaves the page: no remote src, stylesheet, script, font or image. Links
    (<a href>) stay, since they are followed only when clicked."""
    page = api.handout_html(
        guides[lang], api.PrintOptions(), api.HandoutDetails(recording_url="https://x.org")
    )
    root = parse(page)
    assert not root.find_all("link") and not root.find_all("script")
    assert not root.find_all("img") and not root.find_all("iframe")
    for node in root.walk():
        for name in ("src", "srcset", "data", "poster", "xlink:href"):
            assert name not in node.attrs, (node.tag, name)
        if node.tag != "a":
            assert not node.attrs.get("href", "").startswith(("http:", "https:", "//")), node.tag
    styles = "".join(style.text for style in root.find_all("style"))
    urls = re.findall(r"url\(([^)]*)\)", styles)
    assert urls and all(url.startswith("data:font/woff;base64,") for url in urls)
    assert "@import" not in styles
    assert "@media print" in styles


def test_chinese_page_embeds_its_chinese_characters(guides: dict[str, Guide]) -> None:
    page = api.handout_html(guides["zh"], api.PrintOptions())
    assert 'font-family: "PMR Sans SC"; font-weight: 700' in page
    english = api.handout_html(guides["en"], api.PrintOptions())
    assert len(english) < len(page) / 2  # no Chinese font for a page without Chinese


def test_same_input_same_page(guides: dict[str, Guide], monkeypatch: pytest.MonkeyPatch) -> None:
    # Each build cuts its font subsets afresh, at another time (fontTools reads the clock from
    # SOURCE_DATE_EPOCH when set): the page must not carry the time its fonts were cut.
    pages = []
    for now in ("1000000000", "1800000000"):
        fonts.woff_subset.cache_clear()
        monkeypatch.setenv("SOURCE_DATE_EPOCH", now)
        details = api.HandoutDetails(date=DAY)
        pages.append(api.handout_html(guides["zh"], api.PrintOptions(large_print=True), details))
    assert pages[0] == pages[1]


def test_cli_writes_the_handout_html(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["handout", "--lang", "zh", "--format", "html", "--client", "王芳"]) == 0
    written = tmp_path / "build" / "handout-zh-王芳.html"  # the client's name: issue 15
    root = parse(written.read_text(encoding="utf-8"))
    assert "王芳" in root.text
    assert cli.main(["handout", "--format", "html", "-o", str(tmp_path / "h.html")]) == 0
    assert (tmp_path / "h.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def cards(guide: Guide, **options: object) -> Node:
    return parse(api.cards_html(guide, api.PrintOptions(**options)))  # type: ignore[arg-type]


@pytest.mark.slow  # every figure drawn as SVG
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cards_every_figure_is_an_svg_named_by_the_contents_alt_text(
    guides: dict[str, Guide], lang: str
) -> None:
    guide = guides[lang]
    for protocol in ("standard", "short"):
        root = cards(guide, protocol=protocol)
        steps = guide.protocol(protocol).steps
        figures = root.find_all("svg")
        assert len(figures) == len(steps)
        titles = {n.attrs["id"]: n for n in root.walk() if n.tag == "title" and "id" in n.attrs}
        for svg, step in zip(figures, steps, strict=True):
            assert svg.attrs["role"] == "img"
            name = titles[svg.attrs["aria-labelledby"]]
            assert name.parent is svg
            assert name.text == step.alt and step.alt
            assert name.lang().split("-")[0] == lang


def test_cards_headings_steps_and_legend(guides: dict[str, Guide]) -> None:
    guide = guides["zh"]
    root = cards(guide)
    steps = guide.protocol("standard").steps
    assert headings(root) == [(1, guide.title)] + [(2, step.name) for step in steps]
    (cards_list,) = [n for n in root.find_all("ol") if n.attrs.get("class") == "cards"]
    assert len([c for c in cards_list.children if isinstance(c, Node)]) == len(steps)
    assert "第3步，共13步" in root.text or "第3步" in root.text
    safety = [p.text for p in root.find_all("p") if p.attrs.get("class") == "safety"]
    assert safety == [guide.labels("Stop if it hurts.")] * len(steps)  # as on every printed card
    legend = [li.text for ul in root.find_all("ul") for li in ul.find_all("li")]
    assert f"收紧{steps[0].tense_seconds}秒：{guide.cues.tense}" in legend


def test_card_figures_are_the_printed_cards_drawings(guides: dict[str, Guide]) -> None:
    """Same drawing as the PDF card: as many shapes, and grayscale cards stay gray."""
    from reportlab.graphics.shapes import Group

    from pmr_print.html.svg import FIGURE_SIZE
    from pmr_print.illustrations import draw_figure

    def leaves(group: Group) -> int:
        return sum(leaves(c) if isinstance(c, Group) else 1 for c in group.contents)

    guide = guides["en"]
    for protocol, tensed in (("short", True), ("release-only", False)):
        root = cards(guide, protocol=protocol)
        for svg, step in zip(root.find_all("svg"), guide.protocol(protocol).steps, strict=True):
            drawing = draw_figure(step.covers, *FIGURE_SIZE, tensed=tensed)
            drawn = [n for n in svg.walk() if n.tag in ("path", "polyline", "polygon", "circle")]
            assert len(drawn) == leaves(drawing)
    grey = api.cards_html(guide, api.PrintOptions(grayscale=True))
    colours = set(re.findall(r"rgb\((\d+)%,(\d+)%,(\d+)%\)", grey))
    assert colours and all(r == g == b for r, g, b in colours)


def test_cards_refuse_a_figure_without_alt_text(content_copy: pathlib.Path) -> None:
    from pmr_print.problems import ContentError

    guide_md = content_copy / "en" / "guide.md"
    text = guide_md.read_text(encoding="utf-8")
    line = text[: text.index("{#neck ")].count("\n") + 1
    start = text.index("{.alt}", text.index("{#neck "))  # the neck's figure description
    guide_md.write_text(text[:start] + text[text.index("\n\n", start) :], encoding="utf-8")
    guide = api.load("en", content_copy)
    assert api.handout_html(guide)  # the handout has no figures
    with pytest.raises(ContentError) as raised:
        api.cards_html(guide)
    assert [str(p) for p in raised.value.problems] == [
        f"{guide_md}:{line}: 'neck' has no {{.alt}} paragraph: add one saying in words what its "
        "figure shows, for screen readers (the HTML edition)"
    ]


def test_cli_writes_the_cards_html(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["cards", "--lang", "en", "--format", "html", "--protocol", "short"]) == 0
    root = parse((tmp_path / "build" / "cards-en.html").read_text(encoding="utf-8"))
    assert len(root.find_all("svg")) == 4


CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


@pytest.fixture(scope="module")
def pair() -> Bilingual:
    return api.load("bi")


def test_bilingual_handout_marks_every_chinese_text_with_its_language(pair: Bilingual) -> None:
    options = api.PrintOptions()
    page = api.handout_html(
        pair, options, api.HandoutDetails(client="王芳", date=DAY, omit=("back",))
    )
    root = parse(page)
    assert root.find_all("html")[0].attrs["lang"] == "en-US"
    assert [level for level, _ in headings(root)].count(1) == 1
    assert pair.en.title in root.find_all("h1")[0].text
    assert pair.zh.title in root.find_all("h1")[0].text
    for node in root.walk():
        for child in node.children:
            if isinstance(child, str) and CJK.search(child) and node.tag not in ("dd", "title"):
                assert node.lang() == "zh-Hans-CN", (node.tag, child)
            elif isinstance(child, str) and child.strip() and node.tag not in ("style", "title"):
                assert node.lang() in ("en-US", "zh-Hans-CN"), (node.tag, child)
    table = root.find_all("table")[0]
    assert all(th.attrs.get("scope") == "col" for th in table.find_all("thead")[0].find_all("th"))
    names = [th.text for th in table.find_all("tbody")[0].find_all("th")]
    assert pair.en.group("feet").name + pair.zh.group("feet").name in names
    assert pair.zh.group("back").name not in "".join(names)


def test_bilingual_cards_name_each_figure_in_both_languages(pair: Bilingual) -> None:
    root = parse(api.cards_html(pair, api.PrintOptions(protocol="short")))
    steps = zip(pair.en.protocol("short").steps, pair.zh.protocol("short").steps, strict=True)
    figures = root.find_all("svg")
    by_id = {n.attrs["id"]: n for n in root.walk() if "id" in n.attrs}
    for svg, (en, zh) in zip(figures, steps, strict=True):
        first, second = (by_id[name] for name in svg.attrs["aria-labelledby"].split())
        assert (first.tag, first.text, first.lang()) == ("title", en.alt, "en-US")
        assert (second.tag, second.text, second.lang()) == ("desc", zh.alt, "zh-Hans-CN")
    assert len(figures) == 4


def test_bilingual_cards_say_every_word_of_both_step_plans_each_in_its_language(
    pair: Bilingual,
) -> None:
    """One card template, given a plan per language: each card says what the plans say (the
    release-only protocol too, whose relax part has a cue of its own)."""
    from pmr_print.options import resolve_pair
    from pmr_print.plans.step import plan_steps

    options = api.PrintOptions(protocol="release-only")
    root = parse(api.cards_html(pair, options))
    sides = zip(pair.guides, resolve_pair(options, pair), strict=True)
    en, zh = (plan_steps(guide, settings) for guide, settings in sides)
    articles = root.find_all("article")
    assert len(articles) == len(en) == 13
    for article, plans in zip(articles, zip(en, zh, strict=True), strict=True):
        texts = {}  # each text node's words: the language in effect
        for node in article.walk():
            for child in node.children:
                if isinstance(child, str) and child.strip():
                    texts[child.strip()] = node.lang() or "en-US"
        for plan, lang in zip(plans, ("en-US", "zh-Hans-CN"), strict=True):
            words = [plan.name, plan.step_line, plan.safety, plan.relax_word]
            words += [part.legend for part in plan.strip]
            for word in words:
                found = [text for text in texts if word in text]
                assert found, (plan.number, word)
                assert lang == "en-US" or texts[found[0]] == lang, (plan.number, word)
        assert plans[0].badge in texts and plans[0].badge == plans[1].badge
        assert not any(part.kind == "tense" for plan in plans for part in plan.strip)


def test_cli_writes_the_bilingual_html(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["handout", "--lang", "bi", "--format", "html"]) == 0
    assert cli.main(["cards", "--lang", "bi", "--format", "html"]) == 0
    assert sorted(p.name for p in (tmp_path / "build").iterdir()) == [
        "cards-bi.html",
        "handout-bi.html",
    ]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("product", "lang"),
    [(p, lang) for p in ("handout", "cards") for lang in ("en", "zh", "bi")]
    + [("booklet", "en"), ("booklet", "zh"), ("booklet", "bi")],
)
def test_axe_finds_no_serious_violation_in_the_html_edition(
    guides: dict[str, Guide],
    pair: Bilingual,
    product: str,
    lang: str,
    tmp_path: pathlib.Path,
    browser: Any,
) -> None:
    guide: Guide | Bilingual = pair if lang == "bi" else guides[lang]
    options = api.PrintOptions()
    if product == "handout":
        details = api.HandoutDetails(
            client="<b>王芳 & Jane</b>",
            clinician="Dr Lee",
            date=DAY,
            omit=("back",),
            omit_reason="injury",
            recording_url="https://example.org/pmr",
        )
        page = api.handout_html(guide, options, details)
    elif product == "booklet":
        page = api.booklet_html(guide, options, api.BookletDetails(client="王芳", omit=("neck",)))
    else:
        page = api.cards_html(guide, options)
    path = tmp_path / f"{product}-{lang}.html"
    path.write_text(page, encoding="utf-8")
    browser.get(path.as_uri())
    page_lang = browser.execute_script("return document.documentElement.lang")
    assert page_lang.startswith("en" if lang == "bi" else lang)
    assert serious_violations(browser) == []
    # Every figure has a name a screen reader announces, from the content's alt text.
    names = browser.execute_script(
        "return [...document.querySelectorAll('svg[role=img]')].map(s => s.getAttribute("
        "'aria-labelledby').split(' ').map(id => document.getElementById(id).textContent)"
        ".join(' '))"
    )
    if product == "cards":
        sides = pair.guides if lang == "bi" else (guides[lang],)
        steps = zip(*(side.protocol("standard").steps for side in sides), strict=True)
        assert names == [" ".join(step.alt for step in both) for both in steps]


def test_the_web_api_and_page_offer_the_html_edition() -> None:
    from starlette.testclient import TestClient

    from pmr_print.web.app import make_app

    with TestClient(make_app(8766), base_url="http://127.0.0.1:8766") as client:
        response = client.post(
            "/api/handout", json={"lang": "zh", "client": "王芳 <b>", "format": "html"}
        )
        assert response.status_code == 200
        assert response.headers["content-type"] == "text/html; charset=utf-8"
        assert "handout-zh-" in response.headers["content-disposition"]
        assert ".html" in response.headers["content-disposition"]
        root = parse(response.text)
        assert "王芳 <b>" in [dd.text for dd in root.find_all("dd")]
        cards_page = client.post("/api/cards", json={"protocol": "short", "format": "html"})
        assert len(parse(cards_page.text).find_all("svg")) == 4
        bad = client.post("/api/cards", json={"format": "docx", "paper": "a9"})
        assert bad.status_code == 400
        fields = {error["field"] for error in bad.json()["errors"]}
        assert fields == {"format", "paper"}
        page = client.get("/en").text
        assert 'name="format" value="html"' in page


@pytest.mark.browser
def test_the_page_shows_the_html_edition_styled_in_its_preview(
    server: Server, browser: Any
) -> None:
    """Chosen on the page, the HTML handout shows in the preview frame with its own styles and
    fonts, which the page's Content-Security-Policy lets through (inline, data:)."""
    from selenium.webdriver.common.by import By

    from tests.test_web_browser import by_id, open_page, wait_for

    open_page(browser, server, "zh")
    by_id(browser, "product-handout").click()
    by_id(browser, "edition-html").click()
    assert by_id(browser, "make-button").text == "生成网页"
    by_id(browser, "f-client").send_keys("王芳")
    by_id(browser, "make-button").click()
    link = wait_for(
        lambda: by_id(browser, "download").is_displayed() and by_id(browser, "download"), "page"
    )
    assert link.get_attribute("download") == "handout-zh-王芳.html"
    browser.switch_to.frame(by_id(browser, "pdf"))
    try:
        heading = wait_for(lambda: browser.find_elements(By.TAG_NAME, "h1"), "the h1")[0]
        assert heading.value_of_css_property("color") == "rgba(47, 111, 115, 1)"  # the accent
        fonts = wait_for(
            lambda: browser.execute_script(
                "return document.fonts.status === 'loaded' && "
                "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
            ),
            "the embedded fonts",
        )
        assert '"PMR Sans SC"' in fonts or "PMR Sans SC" in fonts
    finally:
        browser.switch_to.default_content()
    by_id(browser, "product-log").click()
    assert not by_id(browser, "edition-html").is_displayed()


@pytest.mark.browser
def test_large_print_sets_the_legible_face_and_grayscale_has_no_colour(
    guides: dict[str, Guide], tmp_path: pathlib.Path, browser: Any
) -> None:
    options = api.PrintOptions(large_print=True, grayscale=True)
    path = tmp_path / "cards.html"
    path.write_text(api.cards_html(guides["en"], options), encoding="utf-8")
    browser.get(path.as_uri())
    family = browser.execute_script(
        "return getComputedStyle(document.querySelector('.instruction')).fontFamily"
    )
    assert family.startswith('"PMR Legible"')
    size = browser.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('.instruction')).fontSize)"
    )
    assert size >= 16 * 4 / 3  # 16 pt, as the large-print PDF
    colour = browser.execute_script("return getComputedStyle(document.querySelector('h1')).color")
    red, green, blue = re.findall(r"\d+", colour)[:3]
    assert red == green == blue


@pytest.mark.slow  # a whole booklet
def test_booklet_is_the_handout_then_a_card_per_step(guides: dict[str, Guide]) -> None:
    guide = guides["zh"]
    details = api.BookletDetails(client="王芳", date=DAY, omit=("back",))
    root = parse(api.booklet_html(guide, api.PrintOptions(), details))
    found = headings(root)
    assert [level for level, _ in found].count(1) == 1
    for (before, _), (after, text) in zip(found, found[1:], strict=False):
        assert after <= before + 1, f"h{before} then h{after} ({text})"
    steps = guide.protocol("standard").without(frozenset({"back"})).steps
    assert (2, guide.labels("Step cards")) in found
    assert found[-len(steps) :] == [(3, step.name) for step in steps]
    figures = root.find_all("svg")
    assert [svg.attrs.get("role") for svg in figures] == ["img"] * len(steps)
    assert len(root.find_all("table")) == 1


@pytest.mark.slow  # a whole bilingual booklet
def test_bilingual_booklet_is_the_bilingual_handout_then_the_bilingual_cards(
    pair: Bilingual,
) -> None:
    details = api.BookletDetails(date=DAY, omit=("neck",))
    root = parse(api.booklet_html(pair, api.PrintOptions(), details))
    found = headings(root)
    assert [level for level, _ in found].count(1) == 1
    steps = pair.en.protocol("standard").without(frozenset({"neck"})).steps
    assert [level for level, _ in found[-len(steps) :]] == [3] * len(steps)
    assert len(root.find_all("svg")) == len(steps)
    for node in root.walk():
        for child in node.children:
            if isinstance(child, str) and CJK.search(child) and node.tag != "title":
                assert node.lang() == "zh-Hans-CN", (node.tag, child)


@pytest.mark.parametrize("lang", ["zh", "bi"])
def test_chinese_large_print_has_the_chinese_faces_figures(lang: str) -> None:
    """Chinese text is set in PMR Sans SC first (style.css): in large print that face carries
    the page's figures, so 2026年3月9日 reads in the Chinese face's figures, not in Atkinson
    Hyperlegible's slashed zeros (as the large-print PDFs)."""
    import base64
    import io
    import re as regex

    from fontTools.ttLib import TTFont

    page = api.handout_html(api.load(lang), api.PrintOptions(large_print=True))
    faces = regex.findall(r'font-family: "PMR Sans SC"[^}]*?base64,([A-Za-z0-9+/=]+)', page)
    assert faces
    for data in faces:
        font = TTFont(io.BytesIO(base64.b64decode(data)))
        assert set("0123456789") & {chr(code) for code in font.getBestCmap()}, "no figures"
    normal = api.handout_html(api.load(lang), api.PrintOptions())
    for data in regex.findall(r'font-family: "PMR Sans SC"[^}]*?base64,([A-Za-z0-9+/=]+)', normal):
        cmap = TTFont(io.BytesIO(base64.b64decode(data))).getBestCmap()
        assert not set("0123456789") & {chr(code) for code in cmap}
