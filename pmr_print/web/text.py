"""Every word the page shows, per page language, in one typed object (the content's own words,
such as the muscle groups and protocols, come from the guide of that language)."""

from __future__ import annotations

from dataclasses import dataclass


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
)

ZH = PageText(
    lang="zh",
    title="渐进式肌肉放松 · 打印",
    tagline="为渐进式肌肉放松训练生成可直接打印的讲义、步骤卡、练习记录表、小册子和工作坊资料。",
    switch_label="页面语言",
    product="打印内容",
    handout="治疗师讲义",
    handout_hint="为一位来访者准备的步骤顺序、练习计划和注意事项。",
    cards="步骤卡",
    cards_hint="每一步一张配图卡片，可裁切使用，也可在屏幕上展示。",
    log="练习记录表",
    log_hint="每周一页的空白记录表，或根据日记生成的完整记录。",
    booklet="小册子",
    booklet_hint="给来访者的 A5 小册子：讲义、步骤卡和记录表合为一册。",
    booklet_options="小册子",
    booklet_weeks_hint="册内练习记录的周数：1 到 12；留空则为 4 周。",
    impose="骑马钉打印文件",
    impose_hint="每面两页：双面打印，沿短边翻转，对折后装订。",
    workshop="团体工作坊资料",
    workshop_hint="用于团体：主持人讲稿、投影片和每位参与者一份资料。",
    workshop_options="工作坊",
    roster="名单（CSV）",
    roster_hint="每行一位参与者，最多 500 位，表头为 id,name,lang,start,omit,omit_reason。",
    zip_ready="工作坊资料已生成，请下载 zip 文件。",
    make_zip="生成工作坊资料",
    download_zip="下载 zip 文件",
    language_paper="语言与纸张",
    content_lang="PDF 的语言",
    locale="地区（日期格式、每周首日）",
    automatic="自动",
    automatic_picked="自动（{picked}）",
    paper="纸张",
    protocol="练习方案",
    large_print="大字版",
    large_print_hint="正文 16 磅，字体更易辨认。",
    grayscale="灰度",
    grayscale_hint="不用彩色，适合普通打印机。",
    for_whom="使用对象",
    client="来访者",
    clinician="治疗师",
    clinic="机构",
    date="日期",
    date_hint="格式为 YYYY-MM-DD；留空则为今天。",
    recording_url="录音链接",
    recording_hint="会附二维码打印；以 https:// 开头。",
    leave_out="需要跳过的肌肉群",
    leave_out_hint="勾选的肌肉群将不出现在表格和时长中，讲义会注明跳过哪些及原因。",
    omit_reason="跳过肌肉群的原因",
    card_options="步骤卡",
    layout="版式",
    layout_auto="自动：每页四张；双语大字版每页两张",
    layout_4up="每页四张，带裁切线",
    layout_2up="每页两张（半页）",
    layout_1up="每页一张",
    duplex="双面打印",
    duplex_hint="正面为插图，背面为文字；沿长边翻转。",
    log_options="练习记录表",
    name="来访者姓名",
    start="第一天",
    start_hint="格式为 YYYY-MM-DD；留空则从下周开始。",
    weeks="周数",
    weeks_hint="1 到 52；留空则为 4 周。",
    diary="日记（可选）",
    diary_hint="上传 CSV 或 JSON 日记，可生成带进度图的完整记录。",
    choose_file="选择文件",
    no_file="未选择文件",
    make="生成 PDF",
    preview="预览",
    preview_empty="选择要打印的内容，然后点击“生成 PDF”，结果会显示在这里。",
    preview_frame="刚生成的 PDF",
    download="下载 PDF",
    working="正在生成 PDF……",
    ready="已生成。",
    fix_fields="请修改下面标出的内容。",
    skipped_rows="以下各行未被采用：",
    read_title="读取已填写的记录表",
    read_intro="上传在屏幕上填写过的练习记录表，取回其中的记录。",
    filled_log="已填写的记录表（PDF）",
    format="格式",
    edition="版本",
    edition_pdf="PDF（用于打印）",
    edition_html="无障碍网页（HTML）",
    edition_hint="适合读屏软件和屏幕阅读：单个文件，离线也能打开。",
    make_html="生成网页",
    download_html="下载网页",
    read="读取记录",
    entries_ready="记录如下：",
    failed="出现问题：",
    footer="仅在本机运行：您输入的内容不会发送到别处，也不会被保存。",
    more_options="更多选项：地区、纸张、练习方案、大字版",
    stale="表单已修改，预览已过时：请再次点击“{make}”后再下载。",
    cleared="暂无可下载的文件：请修改标出的内容，再点击“{make}”。",
    seconds="{seconds} 秒",
    slow="需要几秒钟，请稍候。",
    offline="页面无法连接到 pmr-print：程序已停止。请重新启动（pmr-print serve），"
    "再点击按钮；已填写的内容会保留。",
    too_large="文件超过 8 MB：请选择日记、名单或已填写的记录表本身。",
    busy="pmr-print 正在处理三项耗时任务，请一分钟后再试。",
)

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
            "locale paper protocol large_print grayscale client clinician clinic date "
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
