"""Full-text search of the corpus, with or without diacritics.

Each word of the query is matched as typed: a word with marks ("đua") matches only that
word (old or new tone placement alike: "hoà" = "hòa"), a word without ("dua") matches it
with any marks, so "thi dua" finds "thi đua" and text that lost its diacritics. A phrase
in double quotes must appear as is; a word ending in ``*`` matches as a prefix.
"""
from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass
from typing import Any

from ..vn.text import fold
from .filters import Filters, register_fold
from .store import CorpusError, connect
from .tables import index_form

__all__ = ["Filters", "Hit", "fts_query", "search"]

_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Hit:
    """One matching document: where it is, what it is, and the passage that matched
    (matched words between « »)."""

    path: str
    number: str | None
    title: str | None
    issue_date: str | None
    issuer: str | None
    doc_type: str | None
    snippet: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _terms(query: str) -> list[tuple[str, bool]]:
    """(words of a term, is-prefix) for each quoted phrase or bare word of the query."""
    out = []
    for m in _TERM.finditer(index_form(query)):
        text = m[1] if m[1] is not None else m[2]
        prefix = text.endswith("*") and m[1] is None
        words = " ".join(_WORD.findall(text))
        if words:
            out.append((words, prefix))
    return out


def _has_marks(words: str) -> bool:
    return fold(words) != words.lower()


def fts_query(query: str) -> str:
    """The FTS5 expression for a query: each term against the marked columns when it
    has marks, against the folded ones when it has none."""
    parts = []
    for words, prefix in _terms(query):
        exact = _has_marks(words)
        columns = "{title body}" if exact else "{title_folded body_folded}"
        parts.append(f'{columns} : "{words if exact else fold(words)}"' + ("*" if prefix else ""))
    if not parts:
        raise ValueError("câu tìm kiếm rỗng")
    return " AND ".join(parts)


def _pattern(words: str, prefix: bool) -> str:
    return r"\b" + r"\W+".join(map(re.escape, fold(words).split())) + (r"\w*" if prefix else r"\b")


def _densest(found: list[tuple[tuple[int, int], int]], n_terms: int, reach: int) -> int:
    """The start of the first match from which the most different terms follow within
    ``reach`` characters."""
    best, best_start = -1, found[0][0][0]
    for i, ((a, _), _) in enumerate(found):
        distinct = {k for (b, _), k in found[i:] if b - a <= reach}
        if len(distinct) > best:
            best, best_start = len(distinct), a
            if best == n_terms:
                break
    return best_start


def _snippet(body: str, folded: str, terms: list[tuple[str, bool]], width: int = 160) -> str:
    """The passage where most of the query's terms come close together, matched words
    marked « »."""

    def as_typed(words: str, a: int, b: int) -> bool:
        """A term with marks matches only its own marks, as in the index."""
        return not _has_marks(words) or " ".join(_WORD.findall(body[a:b].lower())) == words.lower()

    found = sorted((m.span(), k) for k, (words, prefix) in enumerate(terms)
                   for m in re.finditer(_pattern(words, prefix), folded) if prefix or as_typed(words, *m.span()))
    if not found:
        return body[:width] + ("…" if len(body) > width else "")
    spans = [span for span, _ in found]
    first = _densest(found[:400], len(terms), width * 2 // 3)
    start = max(0, first - width // 3)
    if start:
        space = body.rfind(" ", 0, start)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = min(len(body), start + width)
    merged: list[list[int]] = []
    for a, b in spans:
        if a < start or b > end:
            continue
        if merged and a <= merged[-1][1] + 1 and not body[merged[-1][1]:a].strip():
            merged[-1][1] = max(b, merged[-1][1])
        elif not merged or a >= merged[-1][1]:
            merged.append([a, b])
    out, at = [], start
    for a, b in merged:
        out += [body[at:a], "«", body[a:b], "»"]
        at = b
    out.append(body[at:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(body) else "")


def search(db: str | os.PathLike[str], query: str, *, limit: int = 20, filters: Filters | None = None) -> list[Hit]:
    """Documents matching ``query`` (and ``filters``), best first (BM25)."""
    expression = fts_query(query)
    where, params = (filters or Filters()).sql()
    conn = connect(db)
    register_fold(conn)
    try:
        try:
            rows = conn.execute(
                "SELECT d.path, d.number, d.title, d.issue_date, d.issuer, d.doc_type, s.body, s.body_folded, bm25(search) AS score "
                f"FROM search s JOIN documents d ON d.id = s.rowid WHERE search MATCH ?{where} ORDER BY score LIMIT ?",
                (expression, *params, limit),
            ).fetchall()
        except Exception as exc:  # an FTS5 syntax error from an odd query
            raise CorpusError(db, f"không tìm được với câu «{query}»: {exc}") from None
    finally:
        conn.close()
    terms = _terms(query)
    return [Hit(p, n, t, d, i, k, _snippet(body, folded, terms), round(-score, 3)) for p, n, t, d, i, k, body, folded, score in rows]
