"""Every word the page shows, per page language, in one typed object (the content's own words,
such as the muscle groups and protocols, come from the guide of that language). The English is
written here; every other language comes from the message catalog (pmr_print/messages/<lang>.po,
msgctxt "page"), as the messages do."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from pmr_print.messages import page_word


@dataclass(frozen=True)
class PageText:
    lang: str
    title: str
    tagline: str
    switch_label: str
    product: str
    handout: str
    handout_hint: str
    cards: str
    cards_hint: str
    log: str
    log_hint: str
    booklet: str
    booklet_hint: str
    booklet_options: str
    booklet_weeks_hint: str
    impose: str
    impose_hint: str
    workshop: str
    workshop_hint: str
    workshop_options: str
    roster: str
    roster_hint: str
    zip_ready: str
    make_zip: str
    download_zip: str
    language_paper: str
    content_lang: str
    locale: str
    automatic: str
    automatic_picked: str
    paper: str
    protocol: str
    large_print: str
    large_print_hint: str
    grayscale: str
    grayscale_hint: str
    for_whom: str
    client: str
    clinician: str
    clinic: str
    crisis_line: str
    crisis_line_hint: str
    date: str
    date_hint: str
    recording_url: str
    recording_hint: str
    leave_out: str
    leave_out_hint: str
    omit_reason: str
    card_options: str
    layout: str
    layout_auto: str
    layout_4up: str
    layout_2up: str
    layout_1up: str
    duplex: str
    duplex_hint: str
    log_options: str
    name: str
    start: str
    start_hint: str
    weeks: str
    weeks_hint: str
    diary: str
    diary_hint: str
    choose_file: str
    no_file: str
    make: str
    preview: str
    preview_empty: str
    preview_frame: str
    download: str
    working: str
    working_zip: str
    working_html: str
    packets_done: str
    progress_label: str
    pages_done: str
    pages_label: str
    weeks_done: str
    weeks_label: str
    ready: str
    fix_fields: str
    skipped_rows: str
    read_title: str
    read_intro: str
    filled_log: str
    format: str
    edition: str
    edition_pdf: str
    edition_html: str
    edition_hint: str
    make_html: str
    download_html: str
    read: str
    entries_ready: str
    entries_table: str
    read_day: str
    read_practised: str
    read_time: str
    read_minutes: str
    read_tension: str
    read_notes: str
    read_reflection: str
    read_relaxed: str
    read_noticed: str
    read_yes: str
    read_no: str
    read_raw: str
    failed: str
    footer: str
    more_options: str
    stale: str
    cleared: str
    seconds: str
    slow: str
    offline: str
    too_large: str
    busy: str
    practice: str


EN = PageText(
    lang="en",
    title="PMR Print",
    tagline="Progressive Muscle Relaxation handouts, step cards, practice logs, booklets and "
    "workshop packs, ready to print.",
    switch_label="Page language",
    product="What to print",
    handout="Therapist handout",
    handout_hint="The sequence, practice plan and cautions, for one client.",
    cards="Step cards",
    cards_hint="One illustrated card per step, to cut out or show on screen.",
    log="Practice log",
    log_hint="A weekly log to fill in, or a completed one from a diary.",
    booklet="Booklet",
    booklet_hint="The client's A5 booklet: handout, cards and log in one.",
    booklet_options="Booklet",
    booklet_weeks_hint="Weeks of practice log in it: 1 to 12; 4 if left empty.",
    impose="Print file for saddle stitching",
    impose_hint="Two pages to a side: print double-sided, flip on the short edge, fold, staple.",
    workshop="Workshop pack",
    workshop_hint="For a group: facilitator script, slides and a packet per participant.",
    workshop_options="Workshop",
    roster="Roster (CSV)",
    roster_hint="One participant a row, up to 500, with the header "
    "id,name,lang,start,omit,omit_reason.",
    zip_ready="The workshop pack is ready: download it as a zip file.",
    make_zip="Make the workshop pack",
    download_zip="Download the zip file",
    language_paper="Language and paper",
    content_lang="Language of the PDF",
    locale="Locale (dates, first weekday)",
    automatic="Automatic",
    automatic_picked="Automatic ({picked})",
    paper="Paper",
    protocol="Protocol",
    large_print="Large print",
    large_print_hint="Body text 16 pt, in a more legible face.",
    grayscale="Grayscale",
    grayscale_hint="No colour, for cheap printers.",
    for_whom="Who it is for",
    client="Client",
    clinician="Clinician",
    clinic="Clinic",
    crisis_line="Emergency and crisis numbers",
    crisis_line_hint="The clinic's numbers, printed with the cautions, e.g. Emergency 000, "
    "Lifeline 13 11 14; if left empty, “Call your local emergency number.”",
    date="Date",
    date_hint="YYYY-MM-DD; today if left empty.",
    recording_url="Recording link",
    recording_hint="Printed with a QR code; starts with https://",
    leave_out="Muscle groups to leave out",
    leave_out_hint="Ticked groups leave the table and the times; the handout says which and why.",
    omit_reason="Reason for leaving groups out",
    card_options="Step cards",
    layout="Layout",
    layout_auto="Automatic: four a sheet; two for bilingual large print",
    layout_4up="Four cards a sheet, with crop marks",
    layout_2up="Two cards a sheet (half sheets)",
    layout_1up="One card a page",
    duplex="Double-sided",
    duplex_hint="Figure on the front, text on the back; flip on the long edge.",
    log_options="Practice log",
    name="Client's name",
    start="First day",
    start_hint="YYYY-MM-DD; the coming week if left empty.",
    weeks="Weeks",
    weeks_hint="1 to 52; 4 if left empty.",
    diary="Diary (optional)",
    diary_hint="A CSV or JSON diary makes a completed log with a progress chart.",
    choose_file="Choose a file…",
    no_file="No file chosen",
    make="Make the PDF",
    preview="Preview",
    preview_empty="Choose what to print and press “Make the PDF”; it will show here.",
    preview_frame="The PDF just made",
    download="Download the PDF",
    working="Making the PDF…",
    working_zip="Making the workshop pack: a packet for each participant…",
    working_html="Making the web page…",
    packets_done="{done} of {total} packets",
    progress_label="Packets made",
    pages_done="Arranging the pages for printing: page {done} of {total}",
    pages_label="Pages arranged for printing",
    weeks_done="Drawing the log: week {done} of {total}",
    weeks_label="Weeks of the log drawn",
    ready="Ready.",
    fix_fields="Please correct the fields marked below.",
    skipped_rows="These rows were left out:",
    read_title="Read a filled-in log",
    read_intro="Upload a practice log filled in on screen to get its entries back as a diary.",
    filled_log="Filled-in log (PDF)",
    format="Format",
    edition="Edition",
    edition_pdf="PDF, to print",
    edition_html="Accessible web page (HTML)",
    edition_hint="For screen readers and reading on screen: one file that works offline.",
    make_html="Make the web page",
    download_html="Download the web page",
    read="Read the entries",
    entries_ready="The entries:",
    entries_table="The entries, day by day",
    read_day="Day",
    read_practised="Practised",
    read_time="Time",
    read_minutes="Minutes",
    read_tension="Tension before → after",
    read_notes="Notes",
    read_reflection="Weekly reflection",
    read_relaxed="How relaxed this week:",
    read_noticed="Noticed in the body:",
    read_yes="Yes",
    read_no="No",
    read_raw="The file as it is",
    failed="Something went wrong:",
    footer="Runs on this computer only: nothing you type is sent elsewhere or kept.",
    more_options="More options: locale, paper, protocol, large print",
    stale="The form has changed since this was made: press “{make}” again to download it.",
    cleared="Nothing to download: correct the fields marked and press “{make}” again.",
    seconds="{seconds} s",
    slow="This takes a few seconds.",
    offline="The page cannot reach pmr-print: it has stopped. Start it again (pmr-print serve) "
    "and press the button again; what you typed is kept.",
    too_large="This file is larger than 8 MB: choose the diary, roster or filled-in log itself.",
    busy="pmr-print is busy with three long jobs: try again in a minute.",
    practice="Practise with the voice",
)


def in_language(lang: str) -> PageText:
    """The page's words in `lang`, from the message catalog (messages/<lang>.po, msgctxt
    "page"), each English word of EN its msgid."""
    words = {
        field.name: page_word(lang, getattr(EN, field.name))
        for field in dataclasses.fields(PageText)
        if field.name != "lang"
    }
    return PageText(lang=lang, **words)


ZH = in_language("zh")

TEXTS: dict[str, PageText] = {"en": EN, "zh": ZH}
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "zh": "中文", "bi": "English + 中文"}


def negotiate(accept_language: str, offered: tuple[str, ...] = ("en", "zh")) -> str:
    """The page language an Accept-Language header prefers most, else English."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        language = tag.strip().split("-")[0].casefold()
        if language in offered and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else offered[0]


# The label each field has on the page, by its key (the JSON key, the command line's option):
# messages name a field by it.
FIELD_LABELS: dict[str, str] = {
    "lang": "content_lang",
    "omit": "leave_out",
    "entries": "diary",
    "read": "filled_log",
    "format": "edition",
    **{
        key: key
        for key in (
            "locale paper protocol large_print grayscale client clinician clinic crisis_line date "
            "recording_url omit_reason layout duplex name start weeks impose roster"
        ).split()
    },
}


def field_label(lang: str, key: str) -> str:
    """What the page calls the field `key` in `lang` (the key itself for one it does not show)."""
    text = TEXTS.get(lang, EN)
    return str(getattr(text, FIELD_LABELS[key])) if key in FIELD_LABELS else key


def quoted_label(lang: str, key: str) -> str:
    """The label inside a sentence: “Muscle groups to leave out”."""
    return f"“{field_label(lang, key)}”"
