"""A track as the bytes of an audio file: Ogg Opus (default), MP3 or WAV.

Opus and MP3 go through the libsndfile inside soundfile's wheel (libopus and libogg are BSD;
libsndfile, LAME and mpg123 LGPL shared libraries); WAV through the standard library.
"""

from __future__ import annotations

import io
import wave

import numpy as np

from pmr_print.audio.loudness import Samples

SAMPLE_RATE = 24_000  # Kokoro's: the clips' and the track's
FORMATS = ("opus", "mp3", "wav")
MEDIA_TYPES = {"opus": "audio/ogg", "mp3": "audio/mpeg", "wav": "audio/wav"}
# libsndfile's compression level sets Opus's bitrate: 6 kb/s + (1 - level) x 250 kb/s.
OPUS_LEVEL = 0.96  # 16 kb/s mono: a session, clear speech
LITTLE_INT16 = np.dtype(np.int16).newbyteorder("little")  # WAV samples


def encode(samples: Samples, kind: str, level: float = OPUS_LEVEL) -> bytes:
    if kind == "wav":
        return wav(samples)
    import soundfile

    out = io.BytesIO()
    if kind == "opus":
        soundfile.write(out, samples, SAMPLE_RATE, format="OGG", subtype="OPUS",
                        compression_level=level)  # fmt: skip
        return tidy_ogg(out.getvalue())
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


def tidy_ogg(ogg: bytes, serial: int = 0x504D5231) -> bytes:
    """The Ogg stream with one fixed serial number and no padding in its comment header.

    libsndfile draws a random serial number, which is all that differs between two encodings of
    the same track, and pads the comment header (OpusTags) with about 800 zero bytes for tags
    written later: 13 % of a short clip. Each page's CRC is recomputed."""
    out, at = bytearray(), 0
    while at + 27 <= len(ogg) and ogg[at : at + 4] == b"OggS":
        segments = ogg[at + 26]
        size = 27 + segments + sum(ogg[at + 27 : at + 27 + segments])
        page = bytearray(ogg[at : at + size])
        body = bytes(page[27 + segments :])
        if body.startswith(b"OpusTags") and segments and page[26 + segments] < 255:
            page = bytearray(page[:26]) + lacing(len(tags := unpadded(body))) + tags
        page[14:18] = serial.to_bytes(4, "little")
        page[22:26] = bytes(4)
        page[22:26] = ogg_crc(bytes(page)).to_bytes(4, "little")
        out += page
        at += size
    return bytes(out)


def unpadded(tags: bytes) -> bytes:
    """An OpusTags packet up to the end of its last comment (RFC 7845, section 5.2)."""
    end = 12 + int.from_bytes(tags[8:12], "little")  # after the vendor string
    count = int.from_bytes(tags[end : end + 4], "little")
    end += 4
    for _ in range(count):
        end += 4 + int.from_bytes(tags[end : end + 4], "little")
    return tags[:end]


def lacing(size: int) -> bytes:
    """An Ogg page's segment count and table for one packet of `size` bytes that ends on it."""
    table = bytes([255] * (size // 255) + [size % 255])
    return bytes([len(table)]) + table


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
