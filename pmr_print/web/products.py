"""What each product takes (the command line's long options, as JSON keys) and how it is made,
through pmr_print.api only. Content is loaded once, when the server starts."""

from __future__ import annotations

import codecs
import datetime as dt
import os
import pathlib
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import BinaryIO, TypeVar
from urllib.parse import quote

from babel.dates import format_date

from pmr_print import api
from pmr_print.files import download_name, slug
from pmr_print.limits import check_text, quoted
from pmr_print.messages import (
    PACKET_FAILED,
    READ_MISSING,
    ROSTER_MISSING,
    ROSTER_ROW,
    ROW_PROBLEM,
    Said,
    translate,
)
from pmr_print.model import Bilingual, Edition, Guide
from pmr_print.options import (
    BookletDetails,
    HandoutDetails,
    LogDetails,
    PrintOptions,
    check_omit,
    iso_date,
    resolve,
    resolve_pair,
)
from pmr_print.problems import PmrError, UsageError, summarised
from pmr_print.spreadsheets import decode, fallback_encoding
from pmr_print.web.fields import FieldErrors, Reader, Upload, key_named, message

# crisis_line: the page shows it for the handout, booklet and workshop (printed in their cautions)
COMMON = ("lang", "locale", "paper", "protocol", "large_print", "grayscale", "crisis_line")
HANDOUT = (  # in the page's order, which is the order of its messages
    "client",
    "clinician",
    "clinic",
    "date",
    "recording_url",
    "omit",
    "omit_reason",
    "format",
)
CARDS = ("layout", "duplex", "format")
EDITIONS = ("pdf", "html")  # `--format` of handout and cards: the accessible HTML edition
HTML = "text/html; charset=utf-8"
LOG = ("name", "start", "weeks", "entries", "read", "format")
PERSON = HANDOUT[:7]  # who a booklet is for: the handout's options without --format
BOOKLET = (*PERSON, "weeks", "impose", "format")
WORKSHOP = ("roster", "clinician", "clinic")
T = TypeVar("T")
FORMATS = {"json": "application/json", "csv": "text/csv; charset=utf-8"}
WEB_ROWS = api.WEB_ROWS  # the most participants a web workshop takes (413 above)
LONG_LOG_WEEKS = 12  # a log of more weeks is long work (pmr_print.web.workers)


@dataclass(frozen=True)
class Shelf:
    """The content of every language, and the bilingual edition (`bi`) when there are English and
    Chinese, loaded once."""

    editions: dict[str, Edition]
    content_dir: pathlib.Path | None = None

    @classmethod
    def load(cls, content_dir: pathlib.Path | None = None) -> Shelf:
        langs = api.languages(content_dir)
        editions: dict[str, Edition] = {lang: api.load(lang, content_dir) for lang in langs}
        if {"en", "zh"} <= set(langs):
            editions[Bilingual.lang] = api.load(Bilingual.lang, content_dir)
        return cls(editions, content_dir)

    def edition(self, lang: str) -> Edition:
        """A language loaded at start: a request's value never becomes a path."""
        found = self.editions.get(lang)
        if found is None:
            known = ", ".join(self.editions)
            raise UsageError(f"--lang: unknown language {quoted(lang)}; use one of: {known}")
        return found

    def guide(self, lang: str) -> Guide:
        """One language's guide, for the page's words (English when there is none)."""
        found = self.editions.get(lang) or self.editions.get("en")
        if isinstance(found, Guide):
            return found
        return next(edition for edition in self.editions.values() if isinstance(edition, Guide))


@dataclass(frozen=True)
class Result:
    """What a request gets back: the bytes, their type, a file name and the rows left out."""

    body: bytes
    media_type: str
    filename: str
    problems: tuple[str, ...] = field(default=())
    path: pathlib.Path | None = None  # the body in a file instead, sent and removed (a workshop)

    def disposition(self, kind: str = "inline") -> str:
        """The header naming the download: `filename` in ASCII, `filename*` as made (from
        slugs: no separator, no direction mark)."""
        ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "-", self.filename)
        ascii_name = re.sub(r"-+(?=[.-])", "", ascii_name).strip("-")
        return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(self.filename)}"


Maker = Callable[[Reader, Shelf], Result]


@dataclass(frozen=True)
class WebProduct:
    keys: tuple[str, ...]
    make: Maker
    long: Callable[[Reader], bool] = lambda reader: False  # runs in the long-work worker


def common(reader: Reader, shelf: Shelf) -> tuple[Edition | None, PrintOptions]:
    lang = reader.text("lang", "en") or "en"
    edition = reader.check("lang", lambda: shelf.edition(lang))
    crisis = reader.text("crisis_line")
    crisis_line = reader.check("crisis_line", lambda: check_text("crisis_line", crisis)) or ""
    options = PrintOptions(
        locale=reader.text("locale") or None,
        paper=reader.text("paper").casefold() or None,
        protocol=reader.text("protocol", "standard") or "standard",
        large_print=reader.flag("large_print"),
        grayscale=reader.flag("grayscale"),
        region=reader.region,
        crisis_line=crisis_line,
    )
    if edition is not None:
        for key, alone in (
            ("locale", PrintOptions(locale=options.locale)),
            ("paper", PrintOptions(paper=options.paper)),
            ("protocol", PrintOptions(protocol=options.protocol)),
        ):
            reader.check(key, lambda alone=alone: settings(edition, alone))  # type: ignore[misc]
    return edition, options


def settings(edition: Edition, options: PrintOptions) -> object:
    """Resolve the options against the edition (UsageError naming what is wrong)."""
    if isinstance(edition, Bilingual):
        return resolve_pair(options, edition)
    return resolve(options, edition)


def edition_name(reader: Reader) -> str:
    """The edition asked for ("en", "zh", "bi"), as file names say it."""
    return reader.text("lang", "en") or "en"


def file_name(product: str, lang: str, who: str, suffix: str = "pdf") -> str:
    """The name the command line would write by default: handout-en-jane-miller.pdf."""
    return "-".join(part for part in (product, lang, slug(who)) if part) + f".{suffix}"


def handout_details(
    reader: Reader, edition: Edition | None, protocol: str
) -> HandoutDetails | None:
    """Who it is for; every bad field in one round, leaving out every group included."""
    texts = {key: reader.text(key) for key in ("client", "clinician", "clinic", "recording_url")}
    for key, value in texts.items():
        reader.check(key, lambda key=key, value=value: HandoutDetails(**{key: value}))  # type: ignore[misc]
    omit = reader.items("omit")
    omit_ok = reader.check("omit", lambda: HandoutDetails(omit=omit)) is not None
    reason = reader.text("omit_reason")
    reader.check(
        "omit_reason",
        lambda: HandoutDetails(omit=omit if omit_ok else ("feet",), omit_reason=reason),
    )
    date = reader.check("date", lambda: iso_date(reader.text("date") or None, "--date"))
    guides = edition.guides if isinstance(edition, Bilingual) else (edition,) if edition else ()
    for guide in guides if omit_ok and omit else ():
        found = {item.id: item for item in guide.protocols}.get(protocol)
        if found is not None:
            reader.check("omit", lambda found=found: check_omit(found, HandoutDetails(omit=omit)))  # type: ignore[misc]
    if reader.errors:
        return None
    return HandoutDetails(**texts, date=date, omit=omit, omit_reason=reason)


def edition_format(reader: Reader) -> str:
    """pdf, or html for the accessible edition (`--format`)."""
    kind = reader.text("format", "pdf") or "pdf"
    if kind not in EDITIONS:
        reader.fail("format", f"--format: {quoted(kind)} is not one of: {', '.join(EDITIONS)}")
    return kind


def make_handout(reader: Reader, shelf: Shelf) -> Result:
    edition, options = common(reader, shelf)
    details = handout_details(reader, edition, options.protocol)
    kind = edition_format(reader)
    reader.done()
    assert edition is not None and details is not None
    name = file_name("handout", edition_name(reader), details.client, kind)
    if kind == "html":
        page = build(reader, HANDOUT, lambda: api.handout_html(edition, options, details))
        return Result(page.encode("utf-8"), HTML, name)
    pdf = build(reader, HANDOUT, lambda: api.handout_pdf(edition, options, details))
    return Result(pdf, "application/pdf", name)


def make_cards(reader: Reader, shelf: Shelf) -> Result:
    edition, options = common(reader, shelf)
    layout = reader.text("layout") or None  # None: the API's default for the edition
    if layout is not None:
        reader.check("layout", lambda: api.card_layout(layout))
    duplex = reader.flag("duplex")
    kind = edition_format(reader)
    reader.done()
    assert edition is not None
    if kind == "html":
        page = build(reader, CARDS, lambda: api.cards_html(edition, options))
        return Result(
            page.encode("utf-8"), HTML, file_name("cards", edition_name(reader), "", kind)
        )
    pdf = build(
        reader, CARDS, lambda: api.cards_pdf(edition, options, layout=layout, duplex=duplex)
    )
    return Result(pdf, "application/pdf", file_name("cards", edition_name(reader), ""))


def make_booklet(reader: Reader, shelf: Shelf) -> Result:
    edition, options = common(reader, shelf)
    person = handout_details(reader, edition, options.protocol)
    weeks = reader.number("weeks")
    if weeks is not None:
        reader.check("weeks", lambda: BookletDetails(weeks=weeks))
    impose = reader.flag("impose")
    kind = edition_format(reader)
    if person is not None and "weeks" not in reader.errors:  # its log's weeks within the years
        whole = {**vars(person), "weeks": 4 if weeks is None else weeks}
        reader.check("date", lambda: BookletDetails(**whole))
    reader.done()
    assert edition is not None and person is not None
    details = BookletDetails(**vars(person), weeks=4 if weeks is None else weeks)
    # The print file is not the reading booklet: a name of its own, so neither is printed for
    # the other.
    variant = "booklet-print-file" if impose and kind == "pdf" else "booklet"
    name = file_name(variant, edition_name(reader), details.client, kind)
    if kind == "html":
        page = build(reader, BOOKLET, lambda: api.booklet_html(edition, options, details))
        return Result(page.encode("utf-8"), HTML, name)
    pdf = build(
        reader,
        BOOKLET,
        lambda: api.booklet_pdf(edition, options, details, impose, reader.progress),
    )
    return Result(pdf, "application/pdf", name)


def make_workshop(reader: Reader, shelf: Shelf) -> Result:
    """The script, the slides and a packet per roster row, as a zip; bad rows are listed."""
    edition, options = common(reader, shelf)
    lead = {key: reader.text(key) for key in ("clinician", "clinic")}
    for key, value in lead.items():
        reader.check(key, lambda key=key, value=value: HandoutDetails(**{key: value}))  # type: ignore[misc]
    roster = reader.file("roster")
    if roster is None:
        reader.say("roster", ROSTER_MISSING)
    text = (
        reader.check("roster", lambda: decoded(roster, reader.lang, "roster")) if roster else None
    )
    reader.done()
    assert roster is not None and text is not None
    details = api.WorkshopDetails(
        clinician=lead["clinician"], clinic=lead["clinic"], lang=edition_name(reader)
    )
    # The zip goes to a file as it is made, and is sent from there (app.result_response).
    handle, spooled = tempfile.mkstemp(prefix="pmr-workshop-", suffix=".zip")
    os.close(handle)
    path = pathlib.Path(spooled)
    try:
        with path.open("wb") as out:
            problems = build(
                reader,
                WORKSHOP,
                lambda: workshop_zip(
                    out, text.encode("utf-8"), roster.name, options, details, shelf, reader
                ),
                "roster",
            )
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    # One name per run (to the second): a corrected roster's pack is not "workshop-en (1).zip".
    made = dt.datetime.now().strftime("%Y-%m-%d-%H%M%S")
    name = file_name("workshop", edition_name(reader), made, "zip")
    listed = roster_words(problems, reader.lang)
    return Result(b"", "application/zip", name, listed, path)


def roster_words(problems: Iterable[api.RowProblem], lang: str) -> tuple[str, ...]:
    """The roster's rows left out, in the page's language where the catalog has their words
    (a row's bad values); a packet that failed to build says so, with the build's words."""
    lines = []
    joiner = "；" if lang == "zh" else "; "
    for problem in problems:
        if problem.said:
            message = joiner.join(said.text(lang, str) for said in problem.said)
        else:  # a packet that failed to build: the build's own words, said to be that
            message = translate(lang, PACKET_FAILED).format(detail=problem.message)
        where = {"origin": problem.origin, "line": problem.line, "id": quoted(problem.id)}
        lines.append(translate(lang, ROSTER_ROW).format(**where, message=message))
    return tuple(lines)


def workshop_zip(
    out: BinaryIO,
    data: bytes,
    origin: str,
    options: PrintOptions,
    details: api.WorkshopDetails,
    shelf: Shelf,
    reader: Reader,
) -> list[api.RowProblem]:
    """The web's workshop into `out`: at most WEB_ROWS participants; the reader's progress,
    each packet done."""
    return api.write_workshop_zip(
        out,
        data,
        origin,
        options,
        details,
        shelf.content_dir,
        max_rows=WEB_ROWS,
        progress=reader.progress,
        by_name=True,  # packets/jm-jane-miller.pdf: found by name in the downloaded zip
    )


def log_details(reader: Reader) -> LogDetails | None:
    name = reader.text("name")
    reader.check("name", lambda: LogDetails(name=name))
    weeks = reader.number("weeks")
    reader.check("weeks", lambda: LogDetails(weeks=weeks))
    start = reader.check("start", lambda: iso_date(reader.text("start") or None, "--start"))
    if reader.errors:
        return None
    return LogDetails(name=name, start=start, weeks=weeks)


def make_log(reader: Reader, shelf: Shelf) -> Result:
    if reader.file("read") is not None:
        return read_back(reader)
    if reader.text("format", "pdf") not in ("", "pdf"):  # a log is a PDF; csv/json: `read`
        reader.fail("format", "--format: a log is a PDF; csv and json are for reading one back")
    edition, options = common(reader, shelf)
    details = log_details(reader)
    diary = reader.file("entries")
    text = reader.check("entries", lambda: decoded(diary, reader.lang)) if diary else None
    if reader.text("format") in FORMATS:  # the read form sent without its file
        reader.say("read", READ_MISSING)
    reader.done()
    assert edition is not None and details is not None
    name = file_name("log", edition_name(reader), details.name)
    if diary is None or text is None:
        return Result(
            build(
                reader, LOG, lambda: api.log_pdf(edition, options, details, None, reader.progress)
            ),
            "application/pdf",
            name,
        )
    pdf, problems = build(
        reader,
        LOG,
        lambda: api.diary_log_pdf(
            edition, options, details, text, diary.name, progress=reader.progress
        ),
        "entries",
    )
    return Result(pdf, "application/pdf", name, in_words(problems, reader.lang))


def decoded(upload: Upload, lang: str, field: str = "entries") -> str:
    """A spreadsheet's text: its byte order mark, else UTF-8, else the page language's code page."""
    return decode(upload.data, upload.name, fallback_encoding(lang), field)


def read_back(reader: Reader) -> Result:
    """A filled log's entries, as `pmr-print log --read FILE --format json|csv` prints them."""
    upload = reader.file("read")
    assert upload is not None
    kind = reader.text("format", "json") or "json"
    if kind not in FORMATS:
        reader.fail("format", f"--format: {quoted(kind)} is not one of: {', '.join(FORMATS)}")
    if reader.file("entries") is not None:
        reader.fail("read", "--read: not allowed with --entries")
    reader.done()
    rows, reflections, problems = build(
        reader, LOG, lambda: api.read_filled(upload.data, upload.name), "read"
    )
    text = api.entries_text([entry for _, entry in rows], kind, reflections)
    # A CSV is for people, who open it in Excel: a byte order mark makes Excel read UTF-8.
    bom = codecs.BOM_UTF8 if kind == "csv" else b""
    return Result(
        bom + text.encode("utf-8"),
        FORMATS[kind],
        download_name(upload.name, f"-entries.{kind}", "log"),
        in_words(problems, reader.lang),
    )


def in_words(problems: Iterable[object], lang: str) -> tuple[str, ...]:
    """The rows left out, in the page's language where the catalog has their words (a diary's or
    a filled log's bad value), a day of a filled log named by its date ("Tuesday 10 March")."""
    lines = []
    for problem in problems:
        said = getattr(problem, "said", None)
        where = day_name(str(getattr(problem, "where", "")), lang)
        column = str(getattr(problem, "field", ""))
        if isinstance(said, Said):
            message = said.text(lang, str)
            line = translate(lang, ROW_PROBLEM)
            lines.append(line.format(where=where, column=translate(lang, column), message=message))
        elif hasattr(problem, "where") and hasattr(problem, "message"):
            lines.append(f"{where}: {column}: {problem.message}")
        else:
            lines.append(str(problem))
    return tuple(lines)


DAY_PATTERNS = {"en": "EEEE d MMMM", "zh": "M月d日EEEE"}


def day_name(where: str, lang: str) -> str:
    """A day of a filled log (2026-03-10) as the page says it: Tuesday 10 March, 3月10日星期二."""
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", where):
        return where
    locale = "zh_CN" if lang == "zh" else "en_GB"
    return format_date(dt.date.fromisoformat(where), DAY_PATTERNS.get(lang, "EEEE d MMMM"), locale)


def build(
    reader: Reader, keys: tuple[str, ...], make: Callable[[], T], fallback: str = "lang"
) -> T:
    """make(); an error it raises (one the field checks could not foresee) goes to the field
    it names, in the reader's words."""
    try:
        return make()
    except PmrError as error:
        lines = message(error, reader.lang).splitlines() or [""]
        # Many bad rows before the verdict: the message shows the first, the body has them all.
        text = "\n".join([*summarised(lines[:-1]), lines[-1]])
        said = getattr(error, "said", None)
        key = said.field if said is not None else key_named(text, COMMON + keys, fallback)
        status = 413 if isinstance(error, api.TooManyRows) else 400
        raise FieldErrors({key: text}, tuple(lines[:-1]), status) from None


def long_log(reader: Reader) -> bool:
    """A completed log (its weeks are the diary's) or one of many weeks."""
    weeks = Reader(reader.values).number("weeks")
    return reader.file("entries") is not None or (weeks or 0) > LONG_LOG_WEEKS


def long_booklet(reader: Reader) -> bool:
    """The print file, or the web page (a figure per card)."""
    probe = Reader(reader.values)
    return probe.flag("impose") or probe.text("format") == "html"


PRODUCTS: dict[str, WebProduct] = {
    "handout": WebProduct(COMMON + HANDOUT, make_handout),
    "cards": WebProduct(COMMON + CARDS, make_cards),
    "log": WebProduct(COMMON + LOG, make_log, long_log),
    "booklet": WebProduct(COMMON + BOOKLET, make_booklet, long_booklet),
    "workshop": WebProduct(COMMON + WORKSHOP, make_workshop, lambda reader: True),
}
