"""Stage 2: a raw string → the normalised text every later stage and every span refers to.

NFC; new-style tone placement; one kind of line break and space; Markdown marks and
stray page numbers removed; double-spaced text (a blank line after every line, as Word
exports often are) closed up; hard-wrapped lines of a paragraph joined. Runs of spaces
inside a line are kept: they separate the two columns of the header and the footer.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from .. import vocab
from ..vn.text import fold, is_upper_text, new_tone_placement, nfc

__all__ = ["NormalText", "normalise"]

# (str.replace is many times faster than str.translate on non-ASCII text.)
_REPLACEMENTS = [(c, "") for c in "\ufeff\u200b\u200c\u200d\u2060\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"] + [
    ("<br>", "\n"), ("<br/>", "\n"), ("<br />", "\n"), ("<BR>", "\n"),
    ("\u00a0", " "), ("\u2007", " "), ("\u202f", " "), ("\u3000", " "), ("\t", "    "),
    ("\r\n", "\n"), ("\r", "\n"), ("\f", "\n"), ("\v", "\n"),
]
_MD_HEADING = re.compile(r"^[ ]{0,3}#{1,6}[ ]+", re.MULTILINE)
_MD_STRONG = re.compile(r"\*\*|(?<!_)__(?!_)")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_PAGE_NUMBER = re.compile(r"^\s*(?:-\s*)?(?:(?:trang|page)\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*-)?\s*$", re.IGNORECASE)
_PAGE_FIRST = set("0123456789-tTpP")
_CLOSERS = " \t\"”’)*"


def _ends_sentence(line: str) -> bool:
    """True when ``line`` ends with . ; : ! ? (or "./."), quotes and brackets aside."""
    return line.rstrip(_CLOSERS)[-1:] in (".", ";", ":", "!", "?")
_NUMBERED = re.compile(r"^\s*(?:[IVXLivxl]{1,5}|\d{1,2})\s*[.)]\s")
_LIST_MARKER = re.compile(r"^\s*(?:[a-zđ]\s*[).]|[-+•*]\s)")


@dataclass(frozen=True)
class NormalText:
    """The normalised text, its folded view (same length) and the offsets of its lines."""

    text: str
    folded: str
    line_starts: tuple[int, ...]
    lines: tuple[str, ...]
    origins: tuple[int, ...] = ()   # for each line, the input line it begins with (0-based)

    def line_at(self, offset: int) -> int:
        """The index of the line holding character ``offset``."""
        return max(0, bisect_right(self.line_starts, offset) - 1)

    def line_span(self, index: int) -> tuple[int, int]:
        """``[start, end)`` of line ``index`` in :attr:`text`."""
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else len(self.text)
        return start, end


def _strip_markdown(text: str) -> str:
    """Remove Markdown marks; each pattern runs only when its mark occurs at all."""
    if "#" in text:
        text = _MD_HEADING.sub("", text)
    if "**" in text or "__" in text:
        text = _MD_STRONG.sub("", text)
    if "*" in text:
        text = _MD_EMPHASIS.sub(r"\1", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    return text


def _is_double_spaced(lines: list[str]) -> bool:
    """True when most text lines are followed by exactly one blank line."""
    text_lines = 0
    single_gaps = 0
    for i, line in enumerate(lines[:-2]):
        if line.strip():
            text_lines += 1
            if not lines[i + 1].strip() and lines[i + 2].strip():
                single_gaps += 1
    return text_lines >= 8 and single_gaps >= 0.6 * text_lines


def _close_up(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Drop single blank lines; keep one blank line where there were two or more."""
    out: list[tuple[str, int]] = []
    blanks = 0
    for line, origin in lines:
        if line.strip():
            if blanks >= 2 and out:
                out.append(("", origin))
            out.append((line, origin))
            blanks = 0
        else:
            blanks += 1
    return out


def _starts_lower(line: str) -> bool:
    s = line.lstrip()
    return bool(s) and s[0].isalpha() and s[0].islower() and not _LIST_MARKER.match(s)


@cache
def _connectors() -> frozenset[str]:
    return frozenset(vocab.load("body")["wrap_connectors"])


def _is_table_row(line: str) -> bool:
    """A row of a table written "a | b | c" (or Markdown "| a | b |"): never a wrapped line."""
    return line.count(" | ") >= 2 or (line.lstrip().startswith("|") and line.rstrip().endswith("|"))


def _continues(prev: str, line: str) -> bool:
    """True when ``line`` is the wrapped rest of ``prev``'s sentence."""
    inner = prev.strip()
    if not inner or not line.strip() or _ends_sentence(prev) or "   " in inner:
        return False  # (a line with a wide gap holds two columns: its wrap is ambiguous)
    if ("|" in inner and _is_table_row(prev)) or ("|" in line and _is_table_row(line)):
        return False
    if _starts_lower(line):
        tail = inner[-40:]
        return tail != tail.upper()  # "KẾ HOẠCH" (no small letter) does not run on into a lower-case line
    # "… (thông qua phòng Nội vụ -" / "LĐTB&XH thị xã) trước ngày …": an open dash,
    # comma or bracket carries on whatever the case of the next line.
    stripped = prev.rstrip()
    last_word = stripped.rsplit(None, 1)[-1] if stripped else ""
    open_end = (
        stripped.endswith((",", "-", "–", "("))
        or stripped.count("(") > stripped.count(")")
        or (last_word in _connectors() and not is_upper_text(stripped))
    )
    starts_digit = line.lstrip()[:1].isdigit()
    return (open_end or starts_digit) and not _LIST_MARKER.match(line) and not _NUMBERED.match(line)


def _join_wraps(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Join wrapped lines. Each test looks at the last physical line only, and parts are
    joined once at the end, so a paragraph of thousands of lines stays linear."""
    out: list[tuple[list[str], int]] = []
    last = ""
    for line, origin in lines:
        if out and _continues(last, line):
            out[-1][0][-1] = out[-1][0][-1].rstrip()
            out[-1][0].append(line.strip())
        else:
            out.append(([line], origin))
        last = line
    return [(" ".join(parts), origin) for parts, origin in out]


def normalise(raw: str) -> NormalText:
    """Normalise ``raw`` text; see the module docstring for what changes."""
    text = nfc(raw)
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    text = _strip_markdown(new_tone_placement(text))
    lines = [(line.rstrip(), k) for k, line in enumerate(text.split("\n"))]
    lines = [(line, k) for line, k in lines if not (line and line.lstrip()[:1] in _PAGE_FIRST and _PAGE_NUMBER.match(line))]
    if _is_double_spaced([line for line, _ in lines]):
        lines = _close_up(lines)
    lines = _join_wraps(lines)
    while lines and not lines[0][0].strip():
        lines.pop(0)
    while lines and not lines[-1][0].strip():
        lines.pop()
    texts = [line for line, _ in lines]
    out = "\n".join(texts)
    starts = [0]
    for line in texts[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return NormalText(out, fold(out), tuple(starts), tuple(texts), tuple(k for _, k in lines))
