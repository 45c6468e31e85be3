"""The booklet a client takes home: A5 pages (half-Letter on Letter paper) composed from the other
products' pieces: the handout's sections and tables, the cards' figures and timing strips, the
log's week grid. It draws none of them itself; it decides the pages they go on.

    story.py      what the booklet says, in reading order
    steps.py      the illustrated sequence: a step's figure, instruction and timing strip
    log_pages.py  the practice log's weeks, turned on their pages
    contents.py   the table of contents, numbered from where each section really landed
    document.py   pages, running heads, page numbers, outline
    impose.py     the saddle-stitch print file (--impose)
"""
