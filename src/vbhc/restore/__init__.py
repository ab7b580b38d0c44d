"""Diacritic restoration: give stripped or OCR-garbled Vietnamese its marks back.

A syllable trigram model trained on administrative and legal text (``train.py`` builds
it from ``../shared/train``; the pruned tables ship in ``vbhc/data``) picks, for each
syllable without marks, the most likely marked syllable in context (Viterbi decoding).
Syllables that already carry marks, numbers, codes and abbreviations are left as they are.
"""
from __future__ import annotations

from .decode import restore_text
from .quality import TextQuality, assess

__all__ = ["TextQuality", "assess", "restore_text"]
