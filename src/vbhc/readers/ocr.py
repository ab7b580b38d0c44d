"""Scans → lines, with Tesseract's Vietnamese model (``tesseract-ocr-vie``).

Word boxes from ``pytesseract.image_to_data`` are laid out by :mod:`.layout`, so the two
header columns come out apart rather than interleaved. Pages run in parallel, one
Tesseract process per core with ``OMP_THREAD_LIMIT=1``; each page is rendered only when a
worker takes it, so memory stays flat however long the document.
"""
from __future__ import annotations

import os
import shutil
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..errors import UnreadableInputError
from .layout import Word, words_to_lines
from .source import Source, SourceLine

__all__ = ["DPI", "MAX_OCR_PAGES", "OCR_PAGE_TIMEOUT", "ocr_available", "ocr_image", "ocr_pages", "read_image"]

DPI = 300                   # Tesseract reads a clean 300 dpi page almost perfectly
MAX_OCR_PAGES = 60          # a plan or an award dossier is far shorter; more is refused
OCR_PAGE_TIMEOUT = 180      # seconds for one page
OCR_FILE_TIMEOUT = 1800     # seconds for all the pages of one file
MAX_IMAGE_PIXELS = 120_000_000  # A4 at 600 dpi is 35 Mpx; far more is a decompression bomb
_MIN_CONFIDENCE = 0         # Tesseract marks non-words with -1
_SPECK_CONFIDENCE = 60      # a lone letter read with less confidence than this is a speck

Progress = Callable[[int, int], None]


def ocr_available() -> bool:
    """True when the ``tesseract`` program and its Vietnamese data are installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return "vie" in pytesseract.get_languages(config="")
    except Exception:
        return False


def _require_ocr(name: str) -> None:
    if not ocr_available():
        raise UnreadableInputError(
            name,
            "cần nhận dạng chữ (OCR) nhưng chưa cài Tesseract tiếng Việt "
            "(Debian: apt-get install tesseract-ocr tesseract-ocr-vie)",
        )


def ocr_image(image, page: int, scale: float = 72 / DPI, name: str = "<ảnh>") -> list[SourceLine]:  # type: ignore[no-untyped-def]
    """OCR one page image; box coordinates are multiplied by ``scale`` (pixels → points)."""
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data = pytesseract.image_to_data(
            image, lang="vie", config="--psm 3", output_type=pytesseract.Output.DICT, timeout=OCR_PAGE_TIMEOUT
        )
    except RuntimeError as exc:  # pytesseract's timeout
        raise UnreadableInputError(name, f"nhận dạng chữ trang {page} quá {OCR_PAGE_TIMEOUT} giây ({exc})") from None
    words = []
    for k, text in enumerate(data["text"]):
        conf = float(data["conf"][k])
        if not text or not text.strip() or conf < _MIN_CONFIDENCE:
            continue
        if not any(c.isalnum() for c in text) and text.strip() not in ("-", "–", "/", "+", "./."):
            continue  # specks read as ":", "`", "'"
        if len(text.strip()) == 1 and conf < _SPECK_CONFIDENCE and not text.strip().isdigit():
            continue
        x, y, w, h = data["left"][k], data["top"][k], data["width"][k], data["height"][k]
        words.append(Word(text, x * scale, y * scale, (x + w) * scale, (y + h) * scale))
    width = getattr(image, "width", None)
    return words_to_lines(words, page, width * scale if width else None)


def ocr_pages(
    count: int, render: Callable[[int], object], name: str, progress: Progress | None = None, workers: int | None = None
) -> Iterator[list[SourceLine]]:
    """OCR pages 0..count-1, ``render(i)`` giving page i's image; yield their lines in order."""
    _require_ocr(name)
    if count > MAX_OCR_PAGES:
        raise UnreadableInputError(name, f"cần nhận dạng chữ {count} trang, quá giới hạn {MAX_OCR_PAGES} trang cho một văn bản")
    # One Tesseract per core by default; VBHC_OCR_WORKERS overrides (benchmarks, busy servers).
    workers = workers or int(os.environ.get("VBHC_OCR_WORKERS", "0") or 0) or min(count, os.cpu_count() or 1)
    render_lock = threading.Lock()   # pdfium and PIL decoding are not thread-safe
    done = 0

    def job(i: int) -> list[SourceLine]:
        with render_lock:
            image = render(i)
        try:
            scale = getattr(image, "info", {}).get("scale", 72 / DPI)
            return ocr_image(image, i + 1, scale=scale, name=name)
        finally:
            close = getattr(image, "close", None)
            if close:
                close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        # Submit a window of pages at a time so that rendered images never pile up.
        pending = {}
        next_page = 0
        started = time.monotonic()
        for i in range(count):
            if time.monotonic() - started > OCR_FILE_TIMEOUT:
                for future in pending.values():
                    future.cancel()
                raise UnreadableInputError(name, f"nhận dạng chữ quá {OCR_FILE_TIMEOUT // 60} phút cho một tệp; đã dừng ở trang {i}/{count}")
            while next_page < count and len(pending) < workers * 2:
                pending[next_page] = pool.submit(job, next_page)
                next_page += 1
            lines = pending.pop(i).result()
            done += 1
            if progress:
                progress(done, count)
            yield lines


def _open_image(path: Path):  # type: ignore[no-untyped-def]
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(path)
            image.size  # noqa: B018 - forces the header to be read
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise UnreadableInputError(str(path), "ảnh quá lớn (quá nhiều điểm ảnh); có thể là tệp độc hại") from None
        except Exception as exc:
            raise UnreadableInputError(str(path), f"không đọc được ảnh ({type(exc).__name__})") from None
    return image


def read_image(path: Path, progress: Progress | None = None) -> Source:
    """OCR an image file: PNG, JPEG, single- or multi-page TIFF."""
    _require_ocr(str(path))
    image = _open_image(path)
    frames = getattr(image, "n_frames", 1)

    def render(i: int):  # type: ignore[no-untyped-def]
        image.seek(i)
        frame = image.convert("L")
        dpi = image.info.get("dpi", (DPI, DPI))[0] or DPI
        frame.info["scale"] = 72 / float(dpi)
        return frame

    lines: list[SourceLine] = []
    try:
        for page_lines in ocr_pages(frames, render, str(path), progress, workers=1 if frames == 1 else None):
            lines.extend(page_lines)
    finally:
        image.close()
    return Source(str(path), "ocr", lines, pages=frames)
