"""The content checks: they run on every input the parser reads (text, Markdown, .docx,
PDF, scans). Each is a function ``(doc) -> Iterable[Finding]``; the engine runs
:data:`CHECKS` in order. The rules' wording and values are in data/rules_content.toml.

* :mod:`.content_header` — Số and ký hiệu, the place-date line, every date;
* :mod:`.content_structure` — numbering of mục/khoản/điểm, required components (Điều 8
  khoản 2), the signature block, Nơi nhận, the closing "./.";
* :mod:`.content_award` — thi đua, khen thưởng: decrees in force, units that no longer
  exist, who may confer a Bằng khen, quota arithmetic, deadlines after the campaign.
"""
from __future__ import annotations

from . import content_award, content_header, content_structure

__all__ = ["CHECKS"]

CHECKS = (*content_header.CHECKS, *content_structure.CHECKS, *content_award.CHECKS)
