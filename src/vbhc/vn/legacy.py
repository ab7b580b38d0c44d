"""Legacy 8-bit Vietnamese font encodings (TCVN3 / ABC and VNI) read as Latin-1.

Old Word and PDF files set in .VnTime or VNI-Times fonts come out of a reader as
Latin-1 gibberish ("B¸o c¸o tµi chÝnh", "Baùo caùo"). :func:`detect_legacy` tells
whether a text looks like one of those encodings, :func:`convert_legacy` turns it
into NFC Unicode. The tables live in ``data/legacy_tcvn3.toml`` and
``data/legacy_vni.toml`` (their sources are named there).

TCVN3 keeps the capitals with marks in separate "H" fonts (.VnTimeH) that reuse the
lower-case byte values, so the text alone does not say whether "é" is ộ or Ộ. The
converter maps those slots to lower case, except inside a word whose other letters
show it was typed in capitals ("CéNG" -> "CỘNG"); a caller that knows a run was set
in an H font can upper-case the result. VNI has distinct capital marks: no ambiguity.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from ..vocab import load

__all__ = ["ENCODINGS", "convert_legacy", "detect_legacy"]

#: The encodings this module knows, as :func:`detect_legacy` names them.
ENCODINGS = ("tcvn3", "vni")

# Letters that only Unicode Vietnamese has (never produced by reading TCVN3 or VNI
# as Latin-1): Ạ..ỹ, Ă ă Đ đ Ĩ ĩ Ũ ũ Ơ ơ Ư ư.
_UNICODE_ONLY = re.compile("[\u1ea0-\u1ef9\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0]")
# Latin-1 letters that are also Vietnamese letters in Unicode.
_VIET_LATIN1 = frozenset("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_STOP_TONES = {"\u0301", "\u0323"}  # a syllable ending in c, ch, p, t takes sắc or nặng
_RHYMES = (
    "iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = re.compile(
    "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    f"({'|'.join(_RHYMES)})"
    "(ch|nh|ng|[cmnpt])?"
)
# A word for TCVN3 case decisions: ASCII letters and the Latin-1 range the table uses.
_TCVN3_WORD = re.compile("[A-Za-z\u00a1-\u00ff]+")
_SAMPLE = 65536  # characters of a long text that detection looks at
_HEAD = 3000  # characters looked at first for the fast Unicode exit
_PUNCT = "\"'()[]{}<>.,;:!?*/\\|-_=+~`^&%$#@…–—“”‘’"


@cache
def _tcvn3() -> tuple[dict[int, str], frozenset[str], frozenset[str]]:
    """The translate table, the case-ambiguous slots and the dedicated capital slots."""
    data = load("legacy_tcvn3")
    lower, upper = data["lower"], data["upper"]
    return str.maketrans({**lower, **upper}), frozenset(lower), frozenset(upper)


@cache
def _vni() -> tuple[dict[str, str], re.Pattern[str]]:
    """The VNI sequences and one pattern that finds them, longest first."""
    table: dict[str, str] = load("legacy_vni")["map"]
    keys = sorted(table, key=len, reverse=True)
    return table, re.compile("|".join(map(re.escape, keys)))


@cache
def _legacy_only() -> re.Pattern[str]:
    """Characters of either table that are not themselves Vietnamese letters."""
    chars = set(_tcvn3()[1] | _tcvn3()[2])
    chars.update(c for key in _vni()[0] for c in key if not c.isascii())
    chars -= _VIET_LATIN1
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


def _cased(word: str, capitals: frozenset[str]) -> list[tuple[int, bool]]:
    """(position, is upper) of the letters whose case the bytes keep: ASCII and dedicated capitals."""
    return [(i, c in capitals or c.isupper()) for i, c in enumerate(word)
            if c in capitals or "A" <= c <= "Z" or "a" <= c <= "z"]


def _tcvn3_word(word: str, caps_line: bool) -> str:
    table, ambiguous, capitals = _tcvn3()
    out = word.translate(table)
    if out == word or not any(c in ambiguous for c in word):
        return out
    cased = _cased(word, capitals)
    if cased and all(up for _, up in cased) and (caps_line or any(i for i, _ in cased)):
        return out.upper()  # "CéNG", "ñY": typed in capitals, so set in an H font
    return out  # "B¸o" may be Báo or BÁO: keep the lower-case reading


def _tcvn3_convert(text: str) -> str:
    _, ambiguous, capitals = _tcvn3()
    out = []
    for line in text.splitlines(keepends=True):
        # A line whose words with case-ambiguous slots show only capitals, and some of
        # them past the first letter ("CéNG HOµ X·"), was typed in capitals: its
        # one-capital words ("X·") are capitals too. "Sè: 12/KH-UBND" is not such a line.
        cased = [_cased(w, capitals) for w in _TCVN3_WORD.findall(line) if any(c in ambiguous for c in w)]
        flags = [up for word in cased for _, up in word]
        caps_line = len(flags) >= 3 and all(flags) and any(i for word in cased for i, _ in word)
        out.append(_TCVN3_WORD.sub(lambda m, c=caps_line: _tcvn3_word(m.group(), c), line))
    return "".join(out)


def _tcvn3_translate(text: str) -> str:
    return text.translate(_tcvn3()[0])


def _vni_convert(text: str) -> str:
    table, pattern = _vni()
    return pattern.sub(lambda m: table[m.group()], text)


def _is_syllable(word: str) -> bool:
    """Whether a lower-case NFC ``word`` has the shape of one Vietnamese syllable."""
    tones = 0
    tone = ""
    bases = []
    for ch in unicodedata.normalize("NFD", word):
        if ch in _TONES:
            tones += 1
            tone = ch
        else:
            bases.append(ch)
    if tones > 1:
        return False
    m = _SYLLABLE.fullmatch(unicodedata.normalize("NFC", "".join(bases)))
    if m is None:
        return False
    final = m.group(2)
    return not (final in {"c", "ch", "p", "t"} and tone not in _STOP_TONES)


# A whitespace-delimited token with at least one non-ASCII character.
_NON_ASCII_TOKEN = re.compile(r"(?<!\S)\S*[^\s\x00-\x7f]\S*")


@lru_cache(maxsize=8192)
def _verdict(word: str) -> tuple[bool, tuple[str, ...]]:
    """Whether ``word`` is a syllable as it stands, and the encodings that convert it into one."""
    hits = tuple(
        enc for enc, conv in (("tcvn3", _tcvn3_translate), ("vni", _vni_convert))
        if (out := conv(word)) != word and _is_syllable(unicodedata.normalize("NFC", out).lower())
    )
    return _is_syllable(word.lower()), hits


def _score(text: str, limit: int = 400) -> tuple[dict[str, int], int, int]:
    """Distinct words each encoding turns into syllables, distinct words already Unicode syllables, words seen."""
    legacy = dict.fromkeys(ENCODINGS, 0)
    unicode_words = 0
    seen: set[str] = set()
    for m in _NON_ASCII_TOKEN.finditer(text):
        word = m.group().strip(_PUNCT)
        if word in seen or not any("a" <= c <= "z" for c in word.lower()):
            continue  # a repeat, or a lone symbol ("µ", "×", "½": "µ" would read as "à")
        seen.add(word)
        as_is, hits = _verdict(word)
        if as_is and not hits:
            unicode_words += 1
        elif not as_is:
            for enc in hits:
                legacy[enc] += 1
        if len(seen) >= limit:
            break
    return legacy, unicode_words, len(seen)


def detect_legacy(text: str) -> str | None:
    """Return ``"tcvn3"`` or ``"vni"`` when ``text`` reads as that legacy encoding, else None.

    Words with non-ASCII characters are scored: a word counts for an encoding when it
    is not a Vietnamese syllable as it stands but converts to one. Text that already
    has Unicode-only Vietnamese letters (ạ ế ộ ư đ ...) is rejected before any scoring.

    >>> detect_legacy("B¸o c¸o tµi chÝnh"), detect_legacy("Baùo caùo taøi chính"), detect_legacy("Báo cáo tài chính")
    ('tcvn3', 'vni', None)
    """
    if not text or text.isascii():
        return None
    head = text[:_HEAD]
    head_unicode = len(_UNICODE_ONLY.findall(head))
    if head_unicode >= 20 and head_unicode >= 4 * len(_legacy_only().findall(head)):
        return None  # plainly Unicode Vietnamese: the common case, decided on the first lines
    sample = text[:_SAMPLE]
    unicode_letters = len(_UNICODE_ONLY.findall(sample))
    if unicode_letters >= 3 and unicode_letters >= len(_legacy_only().findall(sample)):
        return None
    legacy, unicode_words, seen = _score(sample)
    enc, hits = max(legacy.items(), key=lambda kv: kv[1])
    if hits >= 3 and hits > unicode_words and hits * 5 >= seen * 2:
        return enc
    return None


def convert_legacy(text: str, encoding: str) -> str:
    """Convert ``text`` from ``encoding`` ("tcvn3" or "vni") to NFC Unicode.

    Characters outside the table pass through unchanged.

    >>> convert_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3")
    'Cộng hoà xã hội chủ nghĩa Việt Nam'
    >>> convert_legacy("Vieät Nam", "vni")
    'Việt Nam'
    """
    enc = encoding.strip().lower()
    if enc not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {', '.join(ENCODINGS)}")
    text = unicodedata.normalize("NFC", text)
    out = _tcvn3_convert(text) if enc == "tcvn3" else _vni_convert(text)
    return unicodedata.normalize("NFC", out)
