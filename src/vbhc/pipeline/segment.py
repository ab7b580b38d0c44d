"""Stage 3: normalised text → its parts (header columns, type and title, body, footer).

The header (Nghị định 30/2020, Phụ lục I, ô 1–4) is two columns that plain text often
runs together on one line ("UỶ BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI …"); the footer puts
Nơi nhận beside the signature in the same way. This stage splits both back into their
columns, as :class:`Piece` objects that keep their offsets in the normalised text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vn.names import starts_with_surname, strip_rank, trailing_name_start
from ..vn.text import fold, is_upper_text, squash
from ..vocab import DocType
from .anchors import anchors
from .normalise import NormalText

__all__ = ["Layout", "Piece", "segment"]

_GAP = re.compile(r"\S(\s{3,})\S")
_TWO_SPACES = re.compile(r"\s{2,}")
_HEADER_SCAN = 40          # lines from the top in which the header may lie
_TITLE_MAX_LINES = 6
_RIGHT_INDENT = 12         # leading spaces that put a lone header line in the right column
_SIGNATURE_TAIL = 120      # longest signature text OCR runs onto the end of a Nơi nhận line
_ENTRY = re.compile(r"^\s*[-+•–—]\s*")
_NUMBERED_ITEM = re.compile(r"^(?:\d{1,2}\s*[.)]|[a-zđ]\s*\))\s")
_LABEL_LINE = re.compile(r"^\s*[^\W\d][^:\n]{2,40}:\s+\S")


@dataclass(frozen=True)
class Piece:
    """A run of one line in one column; ``start``/``end`` are offsets in the normalised text."""

    text: str
    start: int
    end: int
    line: int

    @property
    def value(self) -> str:
        return squash(self.text)

    def cut(self, start: int, end: int | None = None) -> Piece:
        """The sub-piece ``[start, end)``, in offsets relative to this piece."""
        end = len(self.text) if end is None else end
        return Piece(self.text[start:end], self.start + start, self.start + end, self.line)

    def stripped(self) -> Piece:
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text.rstrip())
        return self.cut(lead, max(lead, trail))


@dataclass
class Layout:
    """Where each part of the document lies."""

    nt: NormalText
    left: list[Piece] = field(default_factory=list)       # header, left column (ô 2, 3, 5b)
    right: list[Piece] = field(default_factory=list)      # header, right column (ô 1, 4)
    number_line: int | None = None
    date_piece: Piece | None = None
    quoc_hieu: bool = False
    type_line: int | None = None
    doc_type: DocType | None = None
    type_piece: Piece | None = None
    title: list[Piece] = field(default_factory=list)
    body: tuple[int, int] = (0, 0)                         # line range [start, end)
    recipients_label: int | None = None
    recipients: list[Piece] = field(default_factory=list)  # left column of the footer
    signature: list[Piece] = field(default_factory=list)   # right column of the footer
    stamp_removed: bool = False
    authority_line: Piece | None = None                    # "ỦY BAN NHÂN DÂN TỈNH X" under a QĐ's title
    attachment_start: int | None = None                    # first line after the signature (a Quy định, Phụ lục …)


def _line_piece(nt: NormalText, i: int) -> Piece:
    start, end = nt.line_span(i)
    return Piece(nt.text[start:end], start, end, i)


# ---------------------------------------------------------------- header


def _place_start(text: str, folded: str, date_start: int, floor: int) -> int:
    """Where the địa danh before ", ngày" begins, looking back from ``date_start``."""
    segment = folded[floor:date_start]
    gaps = list(_TWO_SPACES.finditer(segment))
    if gaps:
        return floor + gaps[-1].end()
    # One column run straight into the other: the place is the title-case words after
    # the last upper-case word ("THI XA NGA NAM Ngd Nam, ngay …").
    tokens = list(re.finditer(r"\S+", text[floor:date_start]))
    start = date_start
    for tok in reversed(tokens):
        word = tok.group()
        letters = [c for c in word if c.isalpha()]
        if letters and len(letters) > 1 and all(c.isupper() for c in letters) and "." not in word:
            break  # "TP.", "TX." abbreviate the place's level and stay with it
        start = floor + tok.start()
    return start


_CELL_BREAK = re.compile(r"\|+|[-_=]{3,}")  # no leading \s*: it would rescan long blank runs


def _cells(piece: Piece) -> list[Piece]:
    """The table cells of a header line: text between pipes and rules ("CHÍNH PHỦ____ Số: …")."""
    out, at = [], 0
    for m in _CELL_BREAK.finditer(piece.text):
        if m.start() > at:
            out.append(piece.cut(at, m.start()))
        at = m.end()
    if at < len(piece.text):
        out.append(piece.cut(at))
    return [c for c in out if c.text.strip()]


def _split_header_line(nt: NormalText, i: int, layout: Layout, allow_date: bool) -> None:
    for cell in _cells(_line_piece(nt, i)):
        _split_header_cell(nt, cell, layout, allow_date)


def _split_header_cell(nt: NormalText, piece: Piece, layout: Layout, allow_date: bool) -> None:
    a = anchors()
    i = piece.line
    folded = nt.folded[piece.start:piece.end]
    right_at = len(folded)
    left_floor = 0
    m_num = a.number.match(folded)
    if m_num:
        layout.number_line = i if layout.number_line is None else layout.number_line
        left_floor = m_num.end()
        subject = a.cong_van_subject.search(folded, left_floor)
        if subject and not folded[left_floor:subject.start()].strip(" ,.;"):
            # "Số: 5649/CT-CS V/v hóa đơn." — the trích yếu of a công văn on the number line.
            layout.left.append(piece.cut(0, left_floor).stripped())
            layout.left.append(piece.cut(subject.start()).stripped())
            return
    for pattern in (a.quoc_hieu, a.tieu_ngu):
        m = pattern.search(folded)
        if m:
            right_at = min(right_at, m.start())
            layout.quoc_hieu = True
    if a.quoc_hieu_tail.match(folded):
        right_at = 0  # "VIỆT NAM" of a wrapped Quốc hiệu
    m_date = a.date_line.search(folded, left_floor) if allow_date else None
    if m_date and (m_date.group("y") or m_date.group("m") or "," in folded[left_floor:m_date.start() + 1]):
        start = _place_start(piece.text, folded, m_date.start(), left_floor)
        if layout.date_piece is None:
            layout.date_piece = piece.cut(start, m_date.end()).stripped()
        right_at = min(right_at, start)
    elif right_at == len(folded):
        gap = _GAP.search(piece.text, left_floor)
        if not m_num and len(piece.text) - len(piece.text.lstrip()) >= _RIGHT_INDENT:
            right_at = 0  # a line laid out in the right half of the page
        elif gap and not m_num:
            right_at = gap.start(1)
    left, right = piece.cut(0, right_at).stripped(), piece.cut(right_at).stripped()
    if left.text:
        layout.left.append(left)
    if right.text:
        layout.right.append(right)


def _find_type_heading(nt: NormalText, start: int, stop: int) -> tuple[int, DocType, Piece] | None:
    a = anchors()
    first_text_line = next((k for k, line in enumerate(nt.lines) if line.strip()), 0)
    for i in range(start, min(stop, len(nt.line_starts))):
        piece = _line_piece(nt, i).stripped()
        # A type heading is upper case; a copy that starts straight at its type may print
        # it in sentence case ("Quyết định về việc …").
        if not piece.text or not (is_upper_text(piece.text, 0.6) or i == first_text_line):
            continue
        found = a.doc_type_at(nt.folded[piece.start:piece.end])
        if found:
            doc_type, end = found
            return i, doc_type, piece.cut(0, end)
    return None


def _cong_van_header_end(nt: NormalText, number_line: int) -> int:
    """A header with no type heading (a công văn): the number, "V/v …" and date lines."""
    a = anchors()
    lines = nt.lines
    number_folded = nt.folded[slice(*nt.line_span(number_line))]
    in_subject = a.cong_van_subject.search(number_folded) is not None
    end = number_line + 1
    while end < min(len(lines), number_line + 8):
        f = nt.folded[slice(*nt.line_span(end))].strip()
        if not f:
            if in_subject and end > number_line + 1:
                break
        elif a.kinh_gui.match(f) or a.openers.match(f):
            break
        elif a.cong_van_subject.match(f):
            in_subject = True
        elif not (a.date_line.search(f) or a.quoc_hieu.search(f) or a.tieu_ngu.search(f) or is_upper_text(lines[end]) or in_subject):
            break
        end += 1
    return end


def _segment_header(nt: NormalText, layout: Layout) -> int:
    """Fill the header parts of ``layout``; return the first line after the header."""
    a = anchors()
    lines = nt.lines
    limit = min(len(lines), _HEADER_SCAN)
    number_line = next((i for i in range(limit) if a.number.match(nt.folded[slice(*nt.line_span(i))])), None)
    heading = _find_type_heading(nt, 0 if number_line is None else number_line + 1, limit + 10)
    if heading is None and number_line is not None:
        heading = _find_type_heading(nt, 0, number_line)
    if heading:
        layout.type_line, layout.doc_type, layout.type_piece = heading
        end = layout.type_line if number_line is None or number_line < layout.type_line else number_line + 2
    elif number_line is not None:
        end = _cong_van_header_end(nt, number_line)
    else:
        end = 0
        for i in range(limit):
            f = nt.folded[slice(*nt.line_span(i))]
            if a.quoc_hieu.search(f) or a.tieu_ngu.search(f) or a.date_line.search(f):
                end = i + 1
        end = min(end + 1, len(lines)) if end else 0
    first_date_line = 0 if number_line is None else max(0, number_line - 2)
    for i in range(end):
        if heading and i >= layout.type_line:
            break
        _split_header_line(nt, i, layout, allow_date=i >= first_date_line)
    return end


# ---------------------------------------------------------------- title


def _title_stops(folded: str, text: str, first: bool, doc_type: DocType | None) -> bool:
    a = anchors()
    s = folded.strip()
    if a.openers_hard.match(s) or a.rule_line.match(s) or a.noi_nhan.match(s):
        return True
    if re.match(r"^[ivxl]+\s*[.)]\s", s) and is_upper_text(text):
        return True
    if not first and _NUMBERED_ITEM.match(s):
        return True  # "1. …", "a) …": the body's first numbered item
    if not first:
        upper = is_upper_text(text)
        # An upper-case title may wrap onto "THỰC HIỆN …"; a soft opener ends only a
        # mixed-case title.
        if a.openers.match(s) and not text.lstrip().startswith(("“", '"', "'")) and not upper:
            return True
        if not upper and s.endswith(".") and (len(s) > 100 or ", " in s):
            return True  # a sentence of the body, not a wrapped title
        if _LABEL_LINE.match(text):
            return True  # "Tên tập thể đề nghị: …"
        if _is_authority_line(s, text):
            return True
        if s.endswith((";", ":")):
            return True
    return False


def _is_authority_line(folded: str, text: str) -> bool:
    """"ỦY BAN NHÂN DÂN TỈNH X" or "Ủy ban nhân dân tỉnh x" standing alone under a title."""
    s = folded.strip()
    if not anchors().authority.match(s):
        return False
    return is_upper_text(text) or (len(s.split()) <= 10 and not s.endswith((".", ";", ",", ":")))


def _title_goes_on(last: str, lines: tuple[str, ...], blank: int) -> bool:
    """After a blank line, a title goes on when its last line ends without punctuation and
    the next line opens a quotation or starts in lower case (OCR puts blank lines between
    the lines of a title: "… theo chuyên đề" / "“Thực hiện cải cách …”")."""
    following = next((line.strip() for line in lines[blank + 1:blank + 3] if line.strip()), "")
    if not following or last.rstrip().endswith((".", ";", ":", ",")):
        return False
    return following[0] in "“\"'‘«" or following[0].islower()


def _subject_after_number(nt: NormalText, layout: Layout) -> list[Piece]:
    """A công văn's trích yếu run onto its number line: "Số: 5155/SGDĐT-GDTX Về hướng dẫn …"."""
    a = anchors()
    for k, piece in enumerate(layout.left):
        m = a.number.match(nt.folded[piece.start:piece.end])
        if not m:
            continue
        rest = piece.cut(m.end()).stripped()
        subject = rest.text[:3].lower() == "về " or a.cong_van_subject.match(nt.folded[rest.start:rest.end])
        if subject and len(rest.text.split()) >= 4:
            return [rest] + [p for p in layout.left[k + 1:] if not is_upper_text(p.text)]
        return []
    return []


def _segment_title(nt: NormalText, layout: Layout, start: int) -> int:
    """Collect the trích yếu lines after the type heading; return the body's first line."""
    lines = nt.lines
    i = start
    if layout.type_piece is not None:
        rest = _line_piece(nt, layout.type_line).stripped()
        tail = rest.cut(len(layout.type_piece.text)).stripped()
        if tail.text:
            layout.title.append(tail)
        i = layout.type_line + 1
    else:
        # A công văn: "V/v …" in the left column under the number.
        a = anchors()
        for k, piece in enumerate(layout.left):
            m = a.cong_van_subject.match(nt.folded[piece.start:piece.end])
            if m:
                layout.title = [piece] + [p for p in layout.left[k + 1:] if not is_upper_text(p.text)]
                break
        else:
            layout.title = _subject_after_number(nt, layout)
        return i
    while i < len(lines) and len(layout.title) < _TITLE_MAX_LINES:
        if not lines[i].strip():
            if layout.title and not _title_goes_on(layout.title[-1].text, lines, i):
                break
            i += 1
            continue
        piece = _line_piece(nt, i).stripped()
        folded = nt.folded[piece.start:piece.end]
        if _title_stops(folded, piece.text, not layout.title, layout.doc_type):
            if _is_authority_line(folded, piece.text):
                layout.authority_line = piece
            break
        layout.title.append(piece)
        i += 1
        if piece.text.rstrip().endswith("."):
            break
    return i


# ---------------------------------------------------------------- footer


def _ends_with_name(text: str) -> bool:
    """True when ``text`` ends with a person's name after nothing or upper-case title words
    (a rank between them is allowed: "THỨ TRƯỞNG Thượng tướng Lê Quốc Hùng")."""
    at = trailing_name_start(text)
    if at is None:
        return _is_upper_name(text)
    head = strip_rank(text[:at]).strip()
    return not head or is_upper_text(head, 0.75)


def _is_upper_name(text: str) -> bool:
    """"NGUYỄN VĂN AN": two to five capitalised words led by a family name."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w.isupper() for w in words) and starts_with_surname(text) and not anchors().sign_title.match(fold(text))


def _signature_like(folded: str, text: str) -> bool:
    a = anchors()
    s = folded.strip()
    if not s:
        return False
    if a.prefix.match(s) or a.noise.match(s) or (is_upper_text(text) and a.prefix_anywhere.match(s)):
        return True
    if is_upper_text(text) and (a.sign_title.match(s) or a.garbled_prefix.match(s)):
        return True
    return _ends_with_name(squash(text))


def _title_or_prefix(nt: NormalText, piece: Piece) -> bool:
    f = nt.folded[piece.start:piece.end].strip()
    return bool(anchors().prefix.match(f) or anchors().sign_title.match(f))


def _split_footer_line(piece: Piece, folded: str, pieces_left: list[Piece], pieces_right: list[Piece]) -> None:
    """Split one footer line into its Nơi nhận part and its signature part."""
    a = anchors()
    gap = _GAP.search(piece.text)
    if gap:
        left, right = piece.cut(0, gap.start(1)).stripped(), piece.cut(gap.end(1) - 0).stripped()
        # the right part starts one character later than gap.end(1): the \S after the gap
        right = piece.cut(gap.end(1)).stripped()
    elif _ENTRY.match(piece.text):
        # OCR runs the columns together: "- Sở Nội vụ tỉnh; CHU TICH".
        cut = None
        for m in re.finditer(r"[;.]\s+", piece.text):
            rest = piece.text[m.end():]
            if len(rest) > _SIGNATURE_TAIL:
                continue  # the signature column is a short tail of the line
            f_rest = folded[m.end():]
            if rest and ((is_upper_text(rest) and (a.sign_title.match(f_rest) or a.prefix.match(f_rest))) or _ends_with_name(squash(rest)) or not any(c.isalpha() for c in rest)):
                cut = m.end()
                break
        left, right = (piece.cut(0, cut).stripped(), piece.cut(cut).stripped()) if cut else (piece, piece.cut(len(piece.text)))
    elif _signature_like(folded, piece.text) or not any(c.isalnum() for c in piece.text):
        left, right = piece.cut(0, 0), piece
    else:
        left, right = piece, piece.cut(len(piece.text))
    if left.text.strip():
        pieces_left.append(left.stripped())
    if right.text.strip():
        pieces_right.append(right.stripped())


def _last_column(piece: Piece) -> Piece:
    """The text after the last wide gap of a line, or the whole line."""
    gaps = list(_GAP.finditer(piece.text))
    return piece.cut(gaps[-1].end(1)) if gaps else piece


def _segment_footer(nt: NormalText, layout: Layout, body_start: int) -> int:
    """Fill the footer parts of ``layout``; return the first line of the footer."""
    a = anchors()
    lines = nt.lines
    label = None
    for i in range(body_start, len(lines)):
        if a.noi_nhan.match(nt.folded[slice(*nt.line_span(i))]):
            label = i
            break
    if label is None:
        return _signature_without_recipients(nt, layout, body_start)
    layout.recipients_label = label
    # Signature lines printed just above "Nơi nhận:".
    top = label
    while top - 1 > body_start and label - top < 8:
        piece = _last_column(_line_piece(nt, top - 1))
        f = nt.folded[piece.start:piece.end]
        if piece.text.strip() and not _signature_like(f, piece.text):
            break
        top -= 1
    for i in range(top, label):
        # Two signatures side by side (a Biên bản: THƯ KÝ ‖ CHỦ TỌA): the right one presides.
        piece = _last_column(_line_piece(nt, i)).stripped()
        if piece.text:
            layout.signature.append(piece)
    first = _line_piece(nt, label)
    m = a.noi_nhan.match(nt.folded[first.start:first.end])
    rest = first.cut(m.end()).stripped()
    left: list[Piece] = []
    right: list[Piece] = []
    if rest.text:
        _split_footer_line(rest, nt.folded[rest.start:rest.end], left, right)
    name_seen = False
    for i in range(label + 1, len(lines)):
        piece = _line_piece(nt, i)
        if not piece.text.strip():
            continue
        f = nt.folded[piece.start:piece.end]
        if a.stamp_time.search(f) and not _ENTRY.match(piece.text):
            # A digital-signature stamp: the signing body's lines just before its time.
            for side in (left, right):
                while side and side[-1].line >= i - 3 and not _ENTRY.match(side[-1].text) and not _title_or_prefix(nt, side[-1]):
                    side.pop()
            layout.stamp_removed = True
            name_seen = any(_ends_with_name(p.value) for p in right)
            continue
        stripped = piece.stripped()
        if name_seen and not _ENTRY.match(piece.text):
            layout.attachment_start = i
            break
        if not _ENTRY.match(piece.text) and (len(stripped.text) > 120 or (_find_type_heading(nt, i, i + 1) and not _signature_like(f, piece.text))):
            layout.attachment_start = i
            break
        _split_footer_line(stripped, nt.folded[stripped.start:stripped.end], left, right)
        if right and right[-1].line == i and _ends_with_name(right[-1].value):
            name_seen = True
    layout.recipients = left
    layout.signature.extend(right)
    return top


def _signature_without_recipients(nt: NormalText, layout: Layout, body_start: int) -> int:
    """No "Nơi nhận": the first block of title lines that ends with a name, else the last lines."""
    a = anchors()
    lines = nt.lines

    def titled(i: int) -> bool:
        piece = _line_piece(nt, i).stripped()
        f = nt.folded[piece.start:piece.end].strip()
        return bool(piece.text) and bool(a.prefix.match(f) or (is_upper_text(piece.text, 0.5) and a.sign_title.match(f)))

    for i in range(body_start, len(lines)):
        if not lines[i].strip() or not _ends_with_name(squash(lines[i])):
            continue
        top = i
        while top - 1 >= body_start and i - top < 4 and (titled(top - 1) or not lines[top - 1].strip()):
            top -= 1
        if top == i and not titled(i):
            continue
        layout.signature = [p for p in (_line_piece(nt, k).stripped() for k in range(top, i + 1)) if p.text]
        layout.attachment_start = i + 1 if i + 1 < len(lines) else None
        return top
    return len(lines)


def segment(nt: NormalText) -> Layout:
    """Split ``nt`` into its parts."""
    layout = Layout(nt)
    header_end = _segment_header(nt, layout)
    body_start = _segment_title(nt, layout, header_end)
    footer_start = _segment_footer(nt, layout, body_start)
    layout.body = (body_start, max(body_start, footer_start))
    return layout
