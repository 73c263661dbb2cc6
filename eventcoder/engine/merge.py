"""Merging mentions of one event: inside an article, and across the articles of a dataset.

Two records are one event when they have the same source and target countries, the same
CAMEO root and compatible dates (the same day, or one of them undated in the text). The merged
record keeps the first mention's sentence and id, lists every mention, and takes the most
precise date, place and toll any mention gave.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from eventcoder.records import EventRecord

_TEXT_DATED = ("day", "week", "month", "year")


def _dyad(record: EventRecord) -> tuple[str | None, str | None, str]:
    source = record.source.country or record.source.code
    target = (record.target.country or record.target.code) if record.target else None
    return source, target, record.cameo_root


def _dates_agree(a: EventRecord, b: EventRecord, *, strict: bool) -> bool:
    a_text = a.date_precision in _TEXT_DATED and a.event_date is not None
    b_text = b.date_precision in _TEXT_DATED and b.event_date is not None
    if a_text and b_text:
        return a.event_date == b.event_date
    if strict:
        return a.event_date is not None and a.event_date == b.event_date
    return True


def _better_date(a: EventRecord, b: EventRecord) -> tuple[str | None, str | None]:
    order = {"day": 0, "week": 1, "month": 2, "year": 3, "article": 4, None: 5}
    best = min((a, b), key=lambda r: order.get(r.date_precision, 5))
    return best.event_date, best.date_precision


def _combine(kept: EventRecord, other: EventRecord) -> EventRecord:
    event_date, precision = _better_date(kept, other)
    location = kept.location
    if other.location is not None and (
        location is None or (other.location.precision or 9) < (location.precision or 9)
    ):
        location = other.location
    fatalities = kept.fatalities
    if other.fatalities is not None:
        # ACLED keeps the most conservative figure when reports conflict; inside one article
        # a later, larger count is usually the same toll restated, so keep the larger one.
        fatalities = other.fatalities if fatalities is None else max(fatalities, other.fatalities)
    mentions = kept.mentions + tuple(m for m in other.mentions if m not in kept.mentions)
    code = kept.cameo_code
    return attrs.evolve(kept, event_date=event_date, date_precision=precision,
                        location=location, fatalities=fatalities, mentions=mentions,
                        cameo_code=code)


def _merge(records: Iterable[EventRecord], *, strict: bool) -> list[EventRecord]:
    merged: list[EventRecord] = []
    index: dict[tuple[str | None, str | None, str], list[int]] = {}
    for record in records:
        key = _dyad(record)
        for position in index.get(key, []):
            if _dates_agree(merged[position], record, strict=strict):
                merged[position] = _combine(merged[position], record)
                break
        else:
            index.setdefault(key, []).append(len(merged))
            merged.append(record)
    return merged


def merge_article(records: Iterable[EventRecord]) -> list[EventRecord]:
    """Merge the mentions of one event inside one article's records."""
    return _merge(records, strict=False)


def merge_records(records: Iterable[EventRecord]) -> list[EventRecord]:
    """Merge the same event reported by several articles: same dyad, root and a stated date
    that agrees (undated records are never merged across articles)."""
    return _merge(records, strict=True)
