"""A track as the bytes of an audio file: Ogg Opus (default), MP3 or WAV.

Opus and MP3 go through the libsndfile inside soundfile's wheel (libopus and libogg are BSD;
libsndfile, LAME and mpg123 LGPL shared libraries); WAV through the standard library.
"""

from __future__ import annotations

import io
import wave

import numpy as np

from pmr_print.audio.clips import SAMPLE_RATE
from pmr_print.audio.loudness import Samples

FORMATS = ("opus", "mp3", "wav")
MEDIA_TYPES = {"opus": "audio/ogg", "mp3": "audio/mpeg", "wav": "audio/wav"}
OPUS_LEVEL = 0.96  # libsndfile's compression level: about 16 kb/s mono, clear speech
CLIP_LEVEL = 0.975  # about 12 kb/s: the shipped clips, kept small
LITTLE_INT16 = np.dtype(np.int16).newbyteorder("little")  # WAV samples


def encode(samples: Samples, kind: str, level: float = OPUS_LEVEL) -> bytes:
    if kind == "wav":
        return wav(samples)
    import soundfile

    out = io.BytesIO()
    if kind == "opus":
        soundfile.write(out, samples, SAMPLE_RATE, format="OGG", subtype="OPUS",
                        compression_level=level)  # fmt: skip
        return fixed_serial(out.getvalue())
    soundfile.write(out, samples, SAMPLE_RATE, format="MP3", subtype="MPEG_LAYER_III",
                    compression_level=0.9)  # fmt: skip
    return out.getvalue()


def decode(data: bytes) -> Samples:
    import soundfile

    samples, rate = soundfile.read(io.BytesIO(data), dtype="float32")
    assert rate == SAMPLE_RATE, rate
    return np.asarray(samples, np.float32)


def wav(samples: Samples) -> bytes:
    pcm = np.round(np.clip(samples, -1.0, 1.0) * 32767).astype(LITTLE_INT16)
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(2)
        file.setframerate(SAMPLE_RATE)
        file.writeframes(pcm.tobytes())
    return out.getvalue()


def fixed_serial(ogg: bytes, serial: int = 0x504D5231) -> bytes:
    """The Ogg stream with one fixed serial number: libsndfile draws a random one, which is all
    that differs between two encodings of the same track. Each page's CRC is recomputed."""
    out, at = bytearray(ogg), 0
    while at + 27 <= len(out) and out[at : at + 4] == b"OggS":
        segments = out[at + 26]
        size = 27 + segments + sum(out[at + 27 : at + 27 + segments])
        out[at + 14 : at + 18] = serial.to_bytes(4, "little")
        out[at + 22 : at + 26] = bytes(4)
        out[at + 22 : at + 26] = ogg_crc(bytes(out[at : at + size])).to_bytes(4, "little")
        at += size
    return bytes(out)


def ogg_crc(page: bytes) -> int:
    """Ogg's CRC-32: polynomial 0x04C11DB7, unreflected, initial value 0."""
    crc = 0
    for byte in page:
        crc = OGG_TABLE[((crc >> 24) ^ byte) & 0xFF] ^ ((crc << 8) & 0xFFFFFFFF)
    return crc


def ogg_table() -> list[int]:
    table = []
    for index in range(256):
        r = index << 24
        for _ in range(8):
            r = ((r << 1) ^ 0x04C11DB7) if r & 0x80000000 else r << 1
        table.append(r & 0xFFFFFFFF)
    return table


OGG_TABLE = ogg_table()
