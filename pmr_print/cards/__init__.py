"""Step cards: a card per step of a protocol, each with the step's name, figure, instruction,
safety line and timing strip, in one language or two; 4-up with crop marks, 2-up or one a page,
duplex if asked. Every word comes from the step plan (pmr_print/plans/step.py); the cards only
place it.

The front door, for the API and for composers (the booklet, the workshop):

    render_cards        the cards as a PDF, given a guide and settings per language
    overflowing_steps   the steps whose text would not fit on a card (pmr-print check)
    LAYOUTS             the sheet layouts: 4up, 2up, 1up
    step_figure         a step plan's figure as a drawing of a given size
    safety_line         a step's "Stop if it hurts." as a flowable, in each language planned
    timing_strip        a step's timing strip as a flowable, from its plan in each language

    render.py   lays out and draws a card's sides, writes the PDF
    strip.py    the timing strip
    sheet.py    where the cards go on the paper, crop marks
"""

from pmr_print.cards.render import overflowing_steps, render_cards, safety_line, step_figure
from pmr_print.cards.sheet import LAYOUTS
from pmr_print.cards.strip import timing_strip

__all__ = [
    "LAYOUTS",
    "overflowing_steps",
    "render_cards",
    "safety_line",
    "step_figure",
    "timing_strip",
]
