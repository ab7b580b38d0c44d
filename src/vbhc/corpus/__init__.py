"""Mining a corpus: a folder of documents in, a queryable dataset out (issue 8).

>>> import vbhc.corpus
>>> summary = vbhc.corpus.build("corpus/", "corpus.sqlite")    # doctest: +SKIP
>>> corpus = vbhc.corpus.open("corpus.sqlite")                   # doctest: +SKIP
>>> corpus.quotas.groupby(["award", "level"]).size()            # doctest: +SKIP

The database (SQLite) is described by ``vbhc corpus schema``; :mod:`.build` parses in
parallel and incrementally, :mod:`.search` searches with or without diacritics,
:mod:`.stats` counts, :mod:`.export` writes CSV, Excel, Parquet or JSON Lines,
:mod:`.frames` gives pandas DataFrames and :mod:`.distributed` runs the same parse on a
Dask cluster.
"""
from __future__ import annotations

from .build import BuildSummary, build, ingest_records
from .export import export
from .frames import Corpus, open_corpus
from .search import Hit, search
from .stats import stats
from .store import CorpusBusyError, CorpusError

#: ``vbhc.corpus.open(path)``: the corpus as DataFrames (shadows the builtin only here).
open = open_corpus

__all__ = [
    "BuildSummary",
    "Corpus",
    "CorpusBusyError",
    "CorpusError",
    "Hit",
    "build",
    "export",
    "ingest_records",
    "open",
    "open_corpus",
    "search",
    "stats",
]
