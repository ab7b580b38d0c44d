"""A copy of a Word file with a comment (python-docx ≥ 1.2 ``add_comment``) at each finding."""
from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from ..fileio import write_atomic
from .finding import Finding
from .fix import _paragraph

__all__ = ["annotate_docx"]


def _comment_text(f: Finding, lang: str) -> str:
    label = f.severity.label if lang == "en" else f.severity.label_vi
    message = f.message_en if lang == "en" else f.message
    fix = f"\n{'Fix' if lang == 'en' else 'Sửa'}: {f.fix.description}" if f.fix else ""
    return f"[{label}] {message}\n{f.clause} — {f.rule_id}{fix}"


def _runs_for(paragraph, start: int | None, end: int | None):  # type: ignore[no-untyped-def]
    """The runs a span covers (all the paragraph's runs without a span); at least one."""
    runs = [r for r in paragraph.runs if r.text]
    if not runs:
        return [paragraph.add_run("")]
    if start is None or end is None:
        return runs
    pos, chosen = 0, []
    for run in runs:
        a, b = pos, pos + len(run.text)
        pos = b
        if a < end and b > start:
            chosen.append(run)
    return chosen or runs


def annotate_docx(source: Path, findings: Sequence[Finding], target: Path, *, lang: str = "vi", author: str = "vbhc") -> int:
    """Write ``target``, a copy of ``source`` with one comment per finding anchored on the
    runs of its paragraph or cell (findings about the whole document on the first
    paragraph that has text); return the number of comments."""
    import docx

    source, target = Path(source), Path(target)
    if target.resolve() == source.resolve():
        raise ValueError(f"{source}: bản có nhận xét phải là một tệp khác tệp gốc")
    document = docx.Document(str(source))
    first = next((p for p in document.paragraphs if p.text.strip()), None) or document.add_paragraph("")
    count = 0
    for f in findings:
        loc = f.location
        paragraph = _paragraph(document, loc)
        if paragraph is None and loc.table is not None and loc.row is not None:
            tbl = document.tables[loc.table - 1] if loc.table <= len(document.tables) else None
            cells = tbl.rows[loc.row - 1].cells if tbl is not None and loc.row <= len(tbl.rows) else []
            if loc.cell is not None and loc.cell <= len(cells):
                paragraph = cells[loc.cell - 1].paragraphs[0]
            elif cells:
                paragraph = cells[0].paragraphs[0]
        if paragraph is None:
            paragraph = first
        runs = _runs_for(paragraph, loc.start, loc.end)
        document.add_comment(runs, _comment_text(f, lang), author=author, initials="VB")
        count += 1
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomic(target, buffer.getvalue())
    return count
