"""What each product says, in one language: plain frozen records that every painter reads.

A plan holds every sentence, label, number, duration, date and unit already chosen and formatted
for one language, totals computed from the steps actually printed. It is built from the model and
the options and imports no ReportLab, Jinja, pypdf or anything of pdf/ or html/. Painters (the
PDF and HTML renderers, the bilingual layout given two plans, the booklet and the workshop, which
compose plans) only place what a plan says.

    timeline   the protocol as a clock: when each step tenses, holds and relaxes
    step       one step as cards, booklet pages, slides, HTML cards and a spoken session say it
    cards      the step cards as a set: their heading, title, protocol line and a step plan each
    handout    the therapist handout
    log        the weekly practice log
    session    the facilitator script, the slides and the spoken session: every spoken line, timed

Plans may import each other, the model, i18n, languages and options; products and composers import
plans; a plan imports no product, composer, painter or surface.
"""
