"""The award dossier (hồ sơ đề nghị khen thưởng): its papers, copies and prescribed forms.

"- Tờ trình đề nghị khen thưởng của cơ quan, đơn vị (01 bản);" → item, copies 1;
"c) Báo cáo thành tích … (Mẫu số 07 ban hành kèm theo Nghị định số 91/2017/NĐ-CP …)" →
form_ref "Mẫu số 07 … Nghị định số 91/2017/NĐ-CP".
"""
from __future__ import annotations

import re
from functools import cache

from ... import vocab
from ...model import DossierItem
from ...vn.fuzzy import fuzzy_pattern
from ...vn.numbers import COUNT, parse_count
from ...vn.text import fold, squash
from .outline import Item, Outline
from .targets import _sections

__all__ = ["read_dossier"]

_COPIES = re.compile(r"(?<!so )(?<!so: )\(?\s*(?<![\w/])(?P<n>" + COUNT + r")\s+(?:ban(?!\s+hanh)|bo)(?:\s+(?:chinh|sao))?(?![a-z])\s*\)?")
_SETS = re.compile(r"(?:so\s+luong|gom)\s*:?\s*(?P<n>" + COUNT + r")\s+bo")
_FORM = re.compile(r"mau\s*(?:so)?\s*:?\s*(?P<n>\d{1,2}[a-z]?)")
_DECREE = re.compile(r"(?:nghi dinh|thong tu|quyet dinh)\s+(?:so\s+)?\d{1,4}/\d{4}/[a-z0-9đ-]+")


@cache
def _papers() -> re.Pattern[str]:
    names = {t.folded for t in vocab.doc_types()} | {
        "danh sach", "trich biên ban", "trich bien ban", "van ban de nghi", "ban sao", "giay chung nhan",
        "giay xac nhan", "bien ban", "trich ngang", "ban tom tat",
    }
    return re.compile(r"^\s*(?:" + "|".join(fuzzy_pattern(n, vocab.ocr_letters()) for n in sorted(names, key=len, reverse=True)) + r")(?![a-z])")


def _form_ref(item: Item) -> tuple[str | None, tuple[int, int] | None]:
    m = _FORM.search(item.folded)
    if not m:
        return None, None
    decree = _DECREE.search(item.folded, m.end())
    form = squash(item.text[m.start():m.end()])
    if decree:
        return f"{form} … {squash(item.text[decree.start():decree.end()])}", (m.start(), decree.end())
    return form, (m.start(), m.end())


def _clean_item(item: Item, cut: list[tuple[int, int]]) -> str:
    text = item.text
    for a, b in sorted(cut, reverse=True):
        text = text[:a] + text[b:]
    text = re.sub(r"\(\s*[^)]*\)\s*$", lambda m: m.group() if len(m.group()) > 40 else "", squash(text))
    return squash(text).strip(" ;.,:(")


def read_dossier(outline: Outline) -> list[DossierItem]:
    """The papers listed under the dossier headings, each once."""
    out: list[DossierItem] = []
    seen: set[str] = set()
    for head in _sections(outline, "HO_SO"):
        sets = None
        for item in outline.children(head):
            m = _SETS.search(item.folded)
            if m:
                sets = parse_count(m.group("n"))
        for item in outline.children(head):
            if not _papers().match(item.folded):
                continue
            cuts = []
            copies = None
            c = _COPIES.search(item.folded)
            if c:
                copies = parse_count(c.group("n"))
                cuts.append((c.start(), c.end()))
            form_ref, _ = _form_ref(item)
            text = _clean_item(item, cuts)
            key = fold(text)
            if not text or key in seen:
                continue
            seen.add(key)
            out.append(DossierItem(text, copies if copies is not None else sets, form_ref))
    return out
