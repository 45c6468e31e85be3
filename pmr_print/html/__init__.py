"""The accessible HTML edition: one self-contained HTML file per product, from the same model.

ReportLab cannot write tagged PDF, so screen-reader users get this edition instead: semantic
headings, lists and tables, `lang` on the text, figures as inline SVG named by the content's
alt texts, embedded font subsets and no request to anywhere. Text reaches the page only through
Jinja2 templates with autoescaping (page.py); this room never imports the PDF rooms.
"""
