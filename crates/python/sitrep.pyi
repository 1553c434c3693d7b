"""sitrep: offline news-to-knowledge extraction.

Names with CAMEO actor codes, quotations with speakers, CAMEO events (who did what to whom),
dates, amounts, themes and tone; every item carries UTF-8 byte offsets into the text.
The records are the CLI's schema v1 JSON lines; the tables are ``sitrep extract --format
parquet``'s.
"""

from __future__ import annotations

import datetime
import os
from typing import Any, Dict, List, Mapping, Optional, Union

import pyarrow

__version__: str

TABLES: List[str]
"""The table names extract_batch returns: articles, entities, mentions, quotes, events, dates,
amounts."""

Date = Union[str, datetime.date]
Id = Union[str, int]

class SitrepError(ValueError):
    """An input sitrep cannot read (empty text, bad date, article over max_bytes, ...) or a
    bad pipeline config. The message is the one the ``sitrep`` CLI prints."""

class Pipeline:
    """A configured pipeline, built once (loading models takes a moment) and reused.

    config: None for the standard pipeline; a path to a TOML file (JSON if it ends in
    ``.json``), as ``sitrep extract --config``; or a dict of the same structure
    (``{"stages": [{"stage": "segment"}, ...]}``).
    threads: worker threads of ``extract_batch`` (default: one per core). Under Spark or
    Dask, where the engine runs one task per core, use 1.
    max_bytes: articles with more text bytes are errors (default 2 MiB, as the CLI).
    """

    def __init__(
        self,
        config: Union[None, str, os.PathLike[str], Mapping[str, Any]] = None,
        *,
        threads: Optional[int] = None,
        max_bytes: int = 2097152,
    ) -> None: ...
    @property
    def stages(self) -> List[str]:
        """The stage names, in order."""

    def extract(
        self, text: str, date: Optional[Date] = None, id: Optional[Id] = None
    ) -> Dict[str, Any]:
        """One article to its schema v1 record (the dict of the CLI's JSON line).

        Without ``date``, ``text`` is read as a text file is (``sitrep extract -``): a first
        line ``date YYYY-MM-DD`` gives the date, and offsets count from the first byte. With
        ``date``, ``text`` is read as the text of a JSONL record. ``id`` defaults to the CLI's id for text on stdin (``stdin:`` + a hash of the bytes).
        Raises SitrepError for an article sitrep cannot read; errors of a stage are in the
        record's ``errors``, as in the CLI. The GIL is released while the pipeline runs.
        """

    def extract_batch(
        self, batch: Union[pyarrow.RecordBatch, pyarrow.Table, Any]
    ) -> Dict[str, pyarrow.Table]:
        """A batch of articles to the seven tables of ``sitrep extract --format parquet``.

        ``batch`` has columns ``id`` (string or integer) and ``text``, and optionally
        ``date`` (date32 or "YYYY-MM-DD"), ``title``, ``url``, ``source``: each row is read as
        a JSONL record. Returns ``{"articles", "entities", "mentions", "quotes", "events"}``.
        A row sitrep cannot read becomes an ``articles`` row whose ``errors`` says why (rows
        named ``batch:N``, from 1) and the batch goes on. ``global_event_id`` groups the
        events of this call; see ``event_ids`` for a corpus split over calls. Runs with the
        GIL released on the pipeline's worker threads.
        """

def extract(
    text: str, date: Optional[Date] = None, id: Optional[Id] = None
) -> Dict[str, Any]:
    """``Pipeline().extract`` with the standard pipeline, built on first use and kept."""

def event_ids(mentions: Union[pyarrow.RecordBatch, pyarrow.Table, Any]) -> pyarrow.Array:
    """GLOBALEVENTIDs (int64, in row order) that one run over all these event rows gives.

    Columns: the events table's ``article_id``, ``event_index``, ``code``, ``root``,
    ``source_code``, ``target_code``, ``date``, ``status``, plus ``article_date`` (the
    article's date), ``place_geonames_id`` and ``place_key`` (``geonames_id`` and ``key`` of
    the entity ``place_entity``; null if none). Happenings never span two values of
    (root, unordered actor pair), so a corpus may be split on that key.
    """

def table_schemas() -> Dict[str, pyarrow.Schema]:
    """The Arrow schemas of the seven tables (the Parquet export's columns), by name."""
