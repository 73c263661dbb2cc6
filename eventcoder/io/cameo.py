"""Event records as Phoenix-style CAMEO rows (tab-separated, one event a line).

Actor codes are split the Phoenix way: the entity (a country or international code), the
role, and whatever attribute codes follow (``IRNMILREB`` -> ``IRN``, ``MIL``, ``REB``).
Codes stay strings so ``EventCode`` keeps its leading zero (``0256``).
"""

from __future__ import annotations

from typing import Any

from eventcoder.records import Actor, EventRecord

CAMEO_COLUMNS: tuple[str, ...] = (
    "EventID", "Date", "Year", "Month", "Day",
    "SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
    "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
    "Lat", "Lon", "LocationName", "StateName", "CountryCode",
    "SentenceID", "URLs", "NewsSources",
)


def split_actor(actor: Actor | None) -> tuple[str, str, str, str]:
    """``(full code, entity, role, attributes)`` of an actor; attributes are the 3-letter
    codes after the entity and the role, joined by ``;``. Empty strings where unknown."""
    if actor is None or not actor.code:
        return "", "", "", ""
    code = actor.code
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    entity = actor.country or parts[0]
    rest = parts[1:] if parts[0] == entity else parts
    role = actor.role or ""
    attributes = list(rest)
    if role in attributes:
        attributes.remove(role)
    return code, entity, role, ";".join(attributes)


def cameo_row(record: EventRecord) -> dict[str, Any]:
    """The Phoenix-style row of ``record`` as a dict of ``CAMEO_COLUMNS``: codes as strings,
    numbers as ``int``/``float``, blanks as ``""``. ``Date`` is the event date as
    ``YYYYMMDD`` (blank, with Year/Month/Day, when the event's date is unknown)."""
    source = split_actor(record.source)
    target = split_actor(record.target)
    day = record.event_date
    location = record.location
    return {
        "EventID": record.event_id,
        "Date": day.replace("-", "") if day else "",
        "Year": int(day[:4]) if day else "",
        "Month": int(day[5:7]) if day else "",
        "Day": int(day[8:10]) if day else "",
        "SourceActorFull": source[0],
        "SourceActorEntity": source[1],
        "SourceActorRole": source[2],
        "SourceActorAttribute": source[3],
        "TargetActorFull": target[0],
        "TargetActorEntity": target[1],
        "TargetActorRole": target[2],
        "TargetActorAttribute": target[3],
        "EventCode": record.cameo_code,
        "EventRootCode": record.cameo_root,
        "QuadClass": record.quad_class,
        "GoldsteinScore": float(record.goldstein),
        "Issues": "",
        "Lat": _blank(location.latitude) if location else "",
        "Lon": _blank(location.longitude) if location else "",
        "LocationName": location.name if location else "",
        "StateName": (location.admin1 or "") if location else "",
        "CountryCode": (location.country or "") if location else "",
        # Phoenix's sentence id: the story id and the sentence number
        "SentenceID": f"{record.article_id}_{record.sentence_index}",
        "URLs": record.url or "",
        "NewsSources": record.news_source or "",
    }


def _blank(value: float | None) -> float | str:
    return "" if value is None else value
