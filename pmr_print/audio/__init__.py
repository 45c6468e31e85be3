"""The spoken session: a guided session as one audio file with WebVTT captions.

It reads the session plan (`plans.session`, audience "listener") and nothing of the other
products: each spoken line is a clip placed at the line's time on a silent track as long as the
plan. Clips of the shipped content ship with the package (`clips/`, keyed by a hash of text,
voice and engine, so changed words never play a stale clip; `pmr_print.recordings`, a plain
room, keeps the keys and lengths, which the handout's plan reads too); a clinic's own words are
spoken by the `[voice]` extra (`voice.py`: Kokoro-82M through onnxruntime) into a user cache.
The base install needs only numpy and soundfile.

    loudness.py  ITU-R BS.1770 loudness and a peak limiter (numpy only)
    voice.py     synthesis, the [voice] extra (imported only when a line has no clip)
    session.py   the track and its captions from a plan
    encode.py    Opus, MP3 and WAV bytes (24 kHz mono)
"""
