"""A copy of a Word file with a comment (Word "nhận xét") at each finding.

Each comment is anchored on the runs of the finding's paragraph or table cell, narrowed to
the runs that hold its span (runs are split at the span's ends when that is safe); a
finding about a table row covers the row, one about the whole document (or one whose
place cannot be found, which then says where it was) the first paragraph that has text.
The comment reads ``[lỗi] message (clause) — rule_id``, then the safe fix if there is one.
"""
from __future__ import annotations

import copy
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..fileio import write_atomic
from .finding import Finding, Location
from .fix import _ATOMS, _q, atoms_of, is_single_paragraph, paragraphs_at, resolve_span

__all__ = ["annotate_docx", "comment_text"]

_SPLITTABLE = {"rPr", "t", "tab", "br", "cr", "noBreakHyphen", "ptab", "lastRenderedPageBreak"}
_EN_SEVERITY = ("info", "warning", "error")


def comment_text(finding: Finding, lang: str = "vi", note: str | None = None) -> str:
    """A finding's comment: ``[lỗi] message (clause) — rule_id``, the fix on a second
    line; ``note`` (where it was, when the comment could not be put there) first."""
    en = lang == "en"
    label = _EN_SEVERITY[int(finding.severity)] if en else finding.severity.label_vi
    message = finding.message_en if en else finding.message
    clause = f" ({finding.clause})" if finding.clause else ""
    text = f"[{label}] {note + ': ' if note else ''}{message}{clause} — {finding.rule_id}"
    if finding.fix is not None:
        text += f"\n{'Fix' if en else 'Cách sửa'}: {finding.fix.description}"
    return text


def _split_run(r: Any, offset: int) -> None:
    """Split the run ``r`` before its character ``offset`` when that is safe (no fields,
    pictures …): the second part becomes a new run with the same formatting."""
    if any(child.tag.rsplit("}", 1)[-1] not in _SPLITTABLE for child in r):
        return
    right = copy.deepcopy(r)
    at = 0
    for left_e, right_e in zip(r.xpath(_ATOMS), right.xpath(_ATOMS), strict=True):
        text = str(left_e)
        start, end = at, at + len(text)
        at = end
        if end <= offset:
            right.remove(right_e)
        elif start >= offset:
            r.remove(left_e)
        else:  # a w:t across the split point
            cut = offset - start
            left_e.text, right_e.text = text[:cut], text[cut:]
            left_e.set(_q("xml:space"), "preserve")
            right_e.set(_q("xml:space"), "preserve")
    for child in list(right):
        if child.tag.rsplit("}", 1)[-1] == "lastRenderedPageBreak":
            right.remove(child)
    r.addnext(right)


def _cut(p: Any, offset: int) -> None:
    """Make a run boundary at ``offset`` of the ``w:p`` ``p`` if one can be made."""
    atoms = atoms_of(p)
    for atom in atoms:
        if atom.start < offset < atom.end:
            run_start = min(a.start for a in atoms if a.run is atom.run)
            _split_run(atom.run, offset - run_start)
            return


def _runs(par: Any, loc: Location) -> list[Any]:
    """The runs of ``par`` that hold the span of ``loc`` (all its runs without one)."""
    from docx.text.run import Run

    p = par._p
    span = resolve_span(par.text, loc) if is_single_paragraph(loc) else None
    if span is not None and span[1] > span[0]:
        _cut(p, span[1])
        _cut(p, span[0])
        chosen = list(dict.fromkeys(a.run for a in atoms_of(p) if a.text and a.start < span[1] and a.end > span[0]))
        if chosen:
            return [Run(r, par) for r in chosen]
    return [Run(r, par) for r in p.xpath("w:r | w:hyperlink/w:r") if r.find(_q("w:commentReference")) is None]


def _first_paragraph(document: Any) -> Any:
    from docx.text.paragraph import Paragraph

    candidates = document.element.body.xpath("./w:p | ./w:tbl//w:p")
    for p in candidates:
        if any(a.text.strip() for a in atoms_of(p)):
            return Paragraph(p, document._body)
    return Paragraph(candidates[0], document._body) if candidates else document.add_paragraph()


def _anchor(document: Any, loc: Location) -> tuple[list[Any], str | None]:
    """The runs to put a comment on, and a note when it is not where the finding is."""
    paragraphs = paragraphs_at(document, loc)
    if paragraphs:
        if len(paragraphs) == 1:
            runs = _runs(paragraphs[0], loc)
        else:
            runs = [r for par in paragraphs for r in _runs(par, Location(loc.where))]
        return (runs or [paragraphs[0].add_run("")]), None
    first = _first_paragraph(document)
    runs = _runs(first, Location()) or [first.add_run("")]
    return runs, (loc.where if paragraphs == [] else None)


def annotate_docx(
    source: Path,
    findings: Sequence[Finding],
    target: Path,
    *,
    lang: str = "vi",
    author: str = "vbhc",
) -> int:
    """Write to ``target`` a copy of the Word file ``source`` with one comment per finding;
    return how many comments were added. ``source`` is never written (ValueError when
    ``target`` is ``source``); ``target`` is written through a temporary file."""
    from ..readers.docx import open_docx

    source, target = Path(source), Path(target)
    same = target.resolve() == source.resolve()
    if not same and target.exists():
        try:
            same = target.samefile(source)
        except OSError:
            same = False
    if same:
        raise ValueError(f"{source}: bản có nhận xét phải là một tệp khác tệp gốc")
    document = open_docx(source)
    initials = "".join(w[0] for w in author.split() if w).upper()[:4] or None
    count = 0
    for finding in findings:
        runs, note = _anchor(document, finding.location)
        document.add_comment(runs, comment_text(finding, lang, note), author=author, initials=initials)
        count += 1
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(target, buffer.getvalue())
    return count
