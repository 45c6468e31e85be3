"""The benchmark command's pieces import and make their inputs (the benchmark itself is not a
test: it takes minutes and its numbers depend on the machine)."""

from __future__ import annotations

from benchmarks import competitors, run
from pmr_print import api
from pmr_print.resources import fonts_dir


def test_the_benchmark_inputs_carry_the_handout_content() -> None:
    guide = api.load("zh")
    html, typst = competitors.to_html(guide, fonts_dir()), competitors.to_typst(guide)
    assert guide.title in html and guide.protocol("standard").steps[0].name in html
    assert guide.protocol("standard").steps[0].name in typst
    assert competitors.typst_text("#a*b") == "\\#a\\*b"
    assert callable(run.main)
