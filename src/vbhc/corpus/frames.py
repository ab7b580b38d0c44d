"""The corpus as pandas DataFrames, for notebooks: ``vbhc.corpus.open("corpus.sqlite")``."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import ToolMissingError
from .stats import stats as _stats
from .store import connect
from .tables import SCHEMA_DOC, TABLES

__all__ = ["Corpus", "open_corpus"]

_FLAGS = {"documents": ("restored",), "quotas": ("max",), "deadlines": ("recurring",)}


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ToolMissingError("pandas", "cần pandas để đọc kho văn bản thành DataFrame: pip install 'vbhc[corpus]'") from None
    return pandas


class Corpus:
    """A corpus database opened for reading. Each table is a DataFrame attribute
    (``corpus.documents``, ``corpus.quotas`` …, read once and kept); list tables join
    ``documents`` on ``doc_id`` = ``documents.id``.

    ``documents`` leaves out the whole plan's JSON; :meth:`plan` returns it for one
    document. ``issue_date`` is a datetime; integer columns keep their missing values
    (pandas ``Int64``); flags are booleans.
    """

    tables = TABLES

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._pd = _pandas()
        self._conn = connect(self.path)
        self._frames: dict[str, Any] = {}

    def __repr__(self) -> str:
        return f"<vbhc Corpus {self.path}: {self._count('documents')} văn bản, {self._count('errors')} tệp lỗi>"

    def _count(self, table: str) -> int:
        return self._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    def table(self, name: str) -> Any:
        """The DataFrame of one table."""
        if name not in TABLES:
            raise KeyError(f"không có bảng {name!r}; các bảng: {', '.join(TABLES)}")
        if name not in self._frames:
            pd = self._pd
            columns = [(n, t) for n, t, _ in SCHEMA_DOC[name] if n != "plan_json"]
            frame = pd.read_sql_query(f"SELECT {', '.join(n for n, _ in columns)} FROM {name}", self._conn)
            for column, sql_type in columns:
                if column in _FLAGS.get(name, ()):
                    frame[column] = frame[column].astype("boolean")
                elif sql_type.startswith("INTEGER"):
                    frame[column] = frame[column].astype("Int64")
            if name == "documents":
                frame["issue_date"] = pd.to_datetime(frame["issue_date"], format="%Y-%m-%d", errors="coerce")
            if name in ("documents", "errors"):
                frame = frame.set_index("id")
            self._frames[name] = frame
        return self._frames[name]

    def __getattr__(self, name: str) -> Any:
        if name in TABLES:
            return self.table(name)
        raise AttributeError(name)

    def __getitem__(self, name: str) -> Any:
        return self.table(name)

    def sql(self, query: str, params: tuple[Any, ...] | dict[str, Any] = ()) -> Any:
        """Any SQL over the tables, as a DataFrame."""
        return self._pd.read_sql_query(query, self._conn, params=params)

    def plan(self, doc_id: int) -> dict[str, Any]:
        """The whole parsed plan of one document (as ``vbhc parse`` prints it)."""
        row = self._conn.execute("SELECT plan_json FROM documents WHERE id = ?", (int(doc_id),)).fetchone()
        if row is None:
            raise KeyError(f"không có văn bản id={doc_id}")
        return json.loads(row[0])

    def search(self, query: str, limit: int = 20, **filters: Any) -> Any:
        """Full-text search (see :mod:`vbhc.corpus.search`) as a DataFrame; ``filters`` are
        those of :class:`vbhc.corpus.search.Filters` (year, year_to, doc_type, province, level)."""
        from .filters import Filters
        from .search import search

        hits = search(self.path, query, limit=limit, filters=Filters(**filters))
        return self._pd.DataFrame([h.to_dict() for h in hits],
                                  columns=["path", "number", "title", "issue_date", "issuer", "doc_type", "snippet", "score"])

    def stats(self, **filters: Any) -> dict[str, Any]:
        """The counts of ``vbhc corpus stats`` as a dict, of the documents ``filters`` choose
        (year, year_to, doc_type, province, level)."""
        from .filters import Filters

        return _stats(self.path, filters=Filters(**filters) if filters else None)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_corpus(path: str | os.PathLike[str] = "corpus.sqlite") -> Corpus:
    """Open a database made by ``vbhc corpus build``."""
    return Corpus(path)
