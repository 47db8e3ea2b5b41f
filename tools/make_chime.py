"""Generate resources/sounds/chime.wav: a soft two-tone "ding-dong" played before each call.

Run once (the WAV is committed); kept so the sound can be changed and rebuilt the same way.
Pure Python (wave + math): two bell-like tones (E5 then C5) with a few inharmonic partials and
an exponential decay, 16-bit mono at 22,050 Hz.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "resources" / "sounds" / "chime.wav"
RATE = 22_050

# (start s, fundamental Hz, length s)
NOTES = ((0.0, 659.25, 1.1), (0.55, 523.25, 1.5))
# bell partials: (ratio to the fundamental, relative amplitude, decay per second)
PARTIALS = ((1.0, 1.0, 2.6), (2.0, 0.35, 4.0), (3.01, 0.12, 6.0), (4.2, 0.05, 8.0))


def render() -> list[float]:
    total = max(start + length for start, _, length in NOTES)
    samples = [0.0] * int(total * RATE)
    for start, freq, length in NOTES:
        offset = int(start * RATE)
        for i in range(int(length * RATE)):
            t = i / RATE
            attack = min(1.0, t / 0.004)  # 4 ms attack: no click
            value = sum(
                amp * math.exp(-decay * t) * math.sin(2 * math.pi * freq * ratio * t)
                for ratio, amp, decay in PARTIALS
            )
            samples[offset + i] += attack * value
    fade = int(0.05 * RATE)  # end exactly at silence
    for i in range(fade):
        samples[-1 - i] *= i / fade
    peak = max(abs(s) for s in samples)
    return [0.6 * s / peak for s in samples]


def main() -> int:
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(TARGET), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in render()))
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
