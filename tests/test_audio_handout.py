"""The handout states how long the spoken session lasts (issue 24): the length that `pmr-print
audio` makes for the same options, to the minute, beside the recording's QR code, in the PDF and
the HTML edition, each language its own."""

from __future__ import annotations

import pytest

from pmr_print import api
from pmr_print.audio import encode
from pmr_print.options import HandoutDetails, PrintOptions, resolve
from pmr_print.plans.handout import plan_handout
from tests import pdfcheck

RECORDING = "https://clinic.example.org/pmr/session.mp3"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_handout_states_the_length_of_the_session_pmr_print_audio_makes(lang: str) -> None:
    """The same options (the short protocol, the back left out): the handout's minutes are the
    audio file's length, rounded, in the PDF and the HTML edition, beside the recording."""
    guide = api.load(lang)
    options = PrintOptions(protocol="short")
    details = HandoutDetails(omit=("back",), recording_url=RECORDING)
    audio = api.audio(guide, options, details, "wav").audio
    heard = len(encode.decode(audio)) / encode.SAMPLE_RATE
    stated = plan_handout(guide, resolve(options, guide), details).session
    assert abs(stated.seconds - heard) < 0.05 and stated.minutes == round(heard / 60)
    said = {"en": f"lasts about {stated.minutes} minutes.", "zh": f"全程约{stated.minutes}分钟。"}
    assert said[lang] in stated.sentence
    printed = "".join(pdfcheck.text(api.handout_pdf(guide, options, details)).split())
    assert "".join(stated.sentence.split()) in printed
    assert stated.sentence in api.handout_html(guide, options, details)


def test_the_bilingual_handout_states_each_languages_session() -> None:
    details = HandoutDetails(recording_url=RECORDING)
    sentences = [plan_handout(guide, resolve(PrintOptions(), guide), details).session.sentence
                 for guide in (api.load("en"), api.load("zh"))]  # fmt: skip
    printed = "".join(pdfcheck.text(api.handout_pdf(api.load("bi"), None, details)).split())
    page = api.handout_html(api.load("bi"), None, details)
    for sentence in sentences:
        assert "".join(sentence.split()) in printed and sentence in page
