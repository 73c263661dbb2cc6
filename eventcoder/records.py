"""The values that flow in and out of the coder: articles in, event records out.

All are frozen attrs classes. ``EventRecord.to_dict()`` gives the JSON record of the
event schema (``eventcoder/schemas/event.schema.json``); ``EventRecord.from_dict`` reads it back.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

_CAMEO_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_PRECISIONS = ("day", "week", "month", "year", "article")


def _cameo_code(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not _CAMEO_CODE.match(value):
        raise ValueError(
            f"{attribute.name} must be a CAMEO code string with its leading zero "
            f"(such as '0256' or '195'), got {value!r}"
        )


def _optional_date(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not (isinstance(value, str) and _DATE.match(value)):
        raise ValueError(f"{attribute.name} must be YYYY-MM-DD or None, got {value!r}")


@attrs.frozen
class Article:
    """One news article to code.

    ``date`` is the publication date (``YYYY-MM-DD``) against which relative expressions
    (``on Tuesday``, ``yesterday``) are resolved; ``None`` when unknown. ``origin`` and
    ``line`` say where the article was read, for error messages.
    """

    id: str
    text: str
    date: str | None = attrs.field(default=None, validator=_optional_date)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = attrs.field(default=None, eq=False)
    line: int | None = attrs.field(default=None, eq=False)


@attrs.frozen
class Actor:
    """One side of an event: the words read and what the codebook made of them."""

    text: str
    code: str | None
    country: str | None
    role: str | None = None
    name: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class Location:
    """Where an event happened. ``precision`` follows ACLED's geo_precision (1 town,
    2 near a town or part of a region, 3 only the province or region)."""

    name: str
    country: str | None
    admin1: str | None = None
    admin1_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class AcledType:
    disorder_type: str
    event_type: str
    sub_event_type: str

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class Mention:
    article_id: str
    sentence_index: int

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class CodebookInfo:
    name: str
    version: str

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


@attrs.frozen
class EventRecord:
    """One coded event: who did what to whom, when, where, with what toll, and which
    codebook entry said so."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    mentions: tuple[Mention, ...]
    event_date: str | None = attrs.field(validator=_optional_date)
    date_precision: str | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.in_(DATE_PRECISIONS))
    )
    source: Actor
    target: Actor | None
    cameo_code: str = attrs.field(validator=_cameo_code)
    cameo_root: str = attrs.field(validator=_cameo_code)
    quad_class: int
    goldstein: float
    acled: AcledType | None
    location: Location | None
    fatalities: int | None
    rule: str
    codebook: CodebookInfo
    article_date: str | None = attrs.field(default=None, validator=_optional_date)
    url: str | None = None
    news_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of ``event.schema.json`` (plain dicts, lists, str, int, float)."""
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "mentions": [m.to_dict() for m in self.mentions],
            "event_date": self.event_date,
            "date_precision": self.date_precision,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo_code": self.cameo_code,
            "cameo_root": self.cameo_root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "acled": self.acled.to_dict() if self.acled else None,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities,
            "rule": self.rule,
            "codebook": self.codebook.to_dict(),
            "article_date": self.article_date,
            "url": self.url,
            "news_source": self.news_source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventRecord:
        """Rebuild a record from its JSON form (the inverse of ``to_dict``)."""
        target = data.get("target")
        acled = data.get("acled")
        location = data.get("location")
        return cls(
            event_id=data["event_id"],
            article_id=data["article_id"],
            sentence_index=data["sentence_index"],
            sentence=data["sentence"],
            mentions=tuple(Mention(**m) for m in data["mentions"]),
            event_date=data.get("event_date"),
            date_precision=data.get("date_precision"),
            source=Actor(**data["source"]),
            target=Actor(**target) if target else None,
            cameo_code=data["cameo_code"],
            cameo_root=data["cameo_root"],
            quad_class=data["quad_class"],
            goldstein=data["goldstein"],
            acled=AcledType(**acled) if acled else None,
            location=Location(**location) if location else None,
            fatalities=data.get("fatalities"),
            rule=data["rule"],
            codebook=CodebookInfo(**data["codebook"]),
            article_date=data.get("article_date"),
            url=data.get("url"),
            news_source=data.get("news_source"),
        )
