#!/usr/bin/env python3
# Generates the three alarm tones of the workstation (alarm-*.wav, 16-bit PCM mono); the build runs it.
"""Writes alarm-notice.wav (one soft low tone), alarm-warning.wav (two mid beeps) and alarm-serious.wav
(three fast high beeps, two pitches) into the folder given (default: ./sounds). The build calls it and compiles
the tones into the workstation (modules/ui/CMakeLists.txt): python3 tools/sounds/make-alarm-sounds.py OUTDIR"""
import math
import os
import struct
import sys
import wave

RATE = 22050
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = "sounds"


def tone(frequency, seconds, volume):
    count = int(RATE * seconds)
    fade = max(1, int(RATE * 0.01))  # 10 ms ramps: no clicks
    samples = []
    for i in range(count):
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        samples.append(volume * envelope * math.sin(2 * math.pi * frequency * i / RATE))
    return samples


def silence(seconds):
    return [0.0] * int(RATE * seconds)


def write(name, samples):
    path = os.path.join(OUT, name)
    with wave.open(path, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32767)) for s in samples))


def main():
    global OUT
    if len(sys.argv) > 1:
        OUT = sys.argv[1]
    os.makedirs(OUT, exist_ok=True)
    write("alarm-notice.wav", tone(523.25, 0.35, 0.35))
    write("alarm-warning.wav", tone(784.0, 0.18, 0.5) + silence(0.08) + tone(784.0, 0.18, 0.5))
    serious = []
    for _ in range(3):
        serious += tone(1175.0, 0.1, 0.65) + tone(880.0, 0.1, 0.65) + silence(0.04)
    write("alarm-serious.wav", serious)


if __name__ == "__main__":
    main()
