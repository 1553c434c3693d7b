"""What a corpus-level GLOBALEVENTID needs beside each event row, for jobs that run sitrep in
batches (Spark, Dask) and key the events afterwards with ``sitrep.event_ids``."""

from __future__ import annotations

import pyarrow as pa

# Per event: its article's date and its place entity's geonames id and key (null without a
# place).
EVENT_KEYS = (
    pa.field("article_date", pa.date32()),
    pa.field("place_geonames_id", pa.int64()),
    pa.field("place_key", pa.string()),
)


def with_event_keys(tables: dict) -> pa.Table:
    """The ``events`` table of ``tables`` (as ``extract_batch`` returns them, or several
    batches' tables concatenated) with the ``EVENT_KEYS`` columns appended, in row order.
    Only the key columns go through the joins: pyarrow joins no list columns, and need not."""
    events = tables["events"]
    keys = events.select(["article_id", "place_entity"]).append_column(
        "_row", pa.array(range(events.num_rows), pa.int64()))
    dates = tables["articles"].select(["article_id", "date"]).rename_columns(
        ["article_id", "article_date"])
    places = tables["entities"].select(["article_id", "entity_id", "geonames_id", "key"])
    places = places.rename_columns(
        ["article_id", "place_entity", "place_geonames_id", "place_key"])
    keys = (keys.join(dates, "article_id", join_type="left outer")
            .join(places, ["article_id", "place_entity"], join_type="left outer")
            .sort_by("_row"))
    for field in EVENT_KEYS:
        events = events.append_column(field, keys[field.name])
    return events
