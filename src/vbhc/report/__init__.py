"""The checker's reports: text, JSON, SARIF and Excel.

Renderers print :class:`~vbhc.check.finding.Finding`\\ s; they never decide anything. Each
takes the :class:`~vbhc.check.engine.FileReport`\\ s of a batch, the language of the
messages (``"vi"`` or ``"en"``) and the lowest severity to show.

>>> from vbhc.check import FileReport
>>> print(render_text([FileReport("a.txt")]), end="")
a.txt: không có phát hiện nào
<BLANKLINE>
Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo, 0 thông tin
"""
from __future__ import annotations

from .json_report import SCHEMA_VERSION, check_schema, render_json
from .sarif import render_sarif
from .text import render_text
from .xlsx import write_xlsx

__all__ = ["SCHEMA_VERSION", "check_schema", "render_json", "render_sarif", "render_text", "write_xlsx"]
