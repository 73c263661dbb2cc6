"""Date expressions in a sentence, resolved against the article's date.

Absolute dates ("16 January 2024", "Jan. 16, 2024", "2024-01-16", "16/01/2024") keep their
value without a reference; relative ones ("on Tuesday", "yesterday", "last week", "two days
ago") need the article's date and have no value without it. A value's precision says how
much of it the text fixes: a month-precision value is the first day of that month, a
year-precision value the first of January, a week-precision value a day in that week.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable, Iterator

import attrs

from eventcoder.normalize.tolls import parse_number

__all__ = ["PRECISIONS", "DateMention", "find_dates", "parse_date", "resolve_weekday"]

PRECISIONS = ("day", "week", "month", "year")


@attrs.frozen
class DateMention:
    """A date expression: its offsets and words in the text, the date it names (None when it
    cannot be resolved), how precise that date is, and whether it is relative to the
    article's date."""

    start: int
    end: int
    text: str
    value: datetime.date | None
    precision: str = attrs.field(validator=attrs.validators.in_(PRECISIONS))
    relative: bool


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
# Full month names, or abbreviations (with or without their full stop). "May" and "Mar"
# are words too: they count as months only next to a day or a year.
_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november"
    r"|december|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)"
)
_FULL_MONTH = (
    r"(?P<month>january|february|march|april|may|june|july|august|september|october|november"
    r"|december)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_COUNT = (
    r"(?P<count>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|a\s+couple\s+of|a\s+few|several|few)"
)


@attrs.frozen
class _Context:
    reference: datetime.date | None
    future: bool


# a resolved expression: its date (or None), precision, and whether it is relative
_Resolved = tuple[datetime.date | None, str, bool]
_Resolver = Callable[[re.Match[str], _Context], _Resolved | None]
_PATTERNS: list[tuple[re.Pattern[str], _Resolver]] = []


def _pattern(regex: str) -> Callable[[_Resolver], _Resolver]:
    def register(resolver: _Resolver) -> _Resolver:
        compiled = re.compile(r"(?<![\w-])(?:" + regex + r")(?![\w-])", re.IGNORECASE)
        _PATTERNS.append((compiled, resolver))
        return resolver

    return register


def _month(match: re.Match[str]) -> int:
    return _MONTHS[match.group("month").lower().rstrip(".")]


def _day_month(match: re.Match[str], context: _Context) -> _Resolved:
    """A day and month without a year: the year comes from the reference."""
    month, day = _month(match), int(match.group("day"))
    if context.reference is None:
        return None, "day", True
    return _in_nearest_year(context.reference, month, day, context.future), "day", True


def _in_nearest_year(
    reference: datetime.date, month: int, day: int, future: bool
) -> datetime.date | None:
    # Reports look back: a date more than about two months after the article's date is taken
    # to be last year's ("on December 28" in a January report). Announcements look ahead.
    year = reference.year
    candidate = _safe_date(year, month, day)
    if candidate is None:
        return None
    if not future and (candidate - reference).days > 62:
        return _safe_date(year - 1, month, day)
    if future and (reference - candidate).days > 62:
        return _safe_date(year + 1, month, day)
    return candidate


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _absolute(value: datetime.date | None, precision: str) -> _Resolved | None:
    return None if value is None else (value, precision, False)


@_pattern(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
def _iso(match: re.Match[str], context: _Context) -> _Resolved | None:
    return _absolute(_safe_date(*(int(match.group(g)) for g in ("year", "month", "day"))), "day")


@_pattern(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})")
def _numeric(match: re.Match[str], context: _Context) -> _Resolved | None:
    return _absolute(_numeric_date(match, dayfirst=True), "day")


def _numeric_date(match: re.Match[str], *, dayfirst: bool) -> datetime.date | None:
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("year"))
    if len(match.group("year")) == 2:
        year += 2000 if year < 70 else 1900
    first = (b, a) if dayfirst else (a, b)
    for month, day in (first, first[::-1]):
        value = _safe_date(year, month, day)
        if value is not None:
            return value
    return None


@_pattern(_DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR)
def _day_month_year(match: re.Match[str], context: _Context) -> _Resolved | None:
    day = int(match.group("day"))
    return _absolute(_safe_date(int(match.group("year")), _month(match), day), "day")


@_pattern(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR)
def _month_day_year(match: re.Match[str], context: _Context) -> _Resolved | None:
    return _day_month_year(match, context)


@_pattern(_DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?!\s*,?\s*\d)")
def _day_month_only(match: re.Match[str], context: _Context) -> _Resolved | None:
    if not 1 <= int(match.group("day")) <= 31:
        return None
    return _day_month(match, context)


@_pattern(_MONTH + r"\s+" + _DAY + r"(?!\s*,?\s*\d)(?![.,]\d)")
def _month_day_only(match: re.Match[str], context: _Context) -> _Resolved | None:
    return _day_month_only(match, context)


@_pattern(
    r"(?:(?:early|mid|late|the\s+end\s+of|the\s+start\s+of)[\s-]+)?"
    + _MONTH + r",?\s+(?:of\s+)?" + _YEAR
)
def _month_year(match: re.Match[str], context: _Context) -> _Resolved | None:
    return _absolute(_safe_date(int(match.group("year")), _month(match), 1), "month")


@_pattern(r"(?:in|during|since|throughout|until|by)\s+(?:(?:early|mid|late)[\s-]+)?" + _YEAR)
def _year(match: re.Match[str], context: _Context) -> _Resolved | None:
    return _absolute(datetime.date(int(match.group("year")), 1, 1), "year")


@_pattern(
    r"(?:in|during|since|throughout|until|by)\s+(?:(?:early|mid|late)[\s-]+)?" + _FULL_MONTH
)
def _month_only(match: re.Match[str], context: _Context) -> _Resolved | None:
    if context.reference is None:
        return None, "month", True
    return _in_nearest_year(context.reference, _month(match), 1, context.future), "month", True


@_pattern(
    r"(?:(?P<mod>on|last|this|next|past|previous|this\s+past|early|late)\s+)?"
    + _WEEKDAY + _PART
)
def _weekday(match: re.Match[str], context: _Context) -> _Resolved | None:
    if context.reference is None:
        return None, "day", True
    weekday = _WEEKDAYS[match.group("weekday").lower()]
    modifier = (match.group("mod") or "").lower()
    reference = context.reference
    if modifier in ("last", "past", "previous", "this past"):
        value = resolve_weekday(weekday, reference - datetime.timedelta(days=1))
    elif modifier == "next":
        value = resolve_weekday(weekday, reference, future=True)
    else:
        value = resolve_weekday(weekday, reference, future=context.future)
    return value, "day", True


def _shift(days: int, precision: str = "day") -> _Resolver:
    def resolve(match: re.Match[str], context: _Context) -> _Resolved:
        if context.reference is None:
            return None, precision, True
        return context.reference + datetime.timedelta(days=days), precision, True

    return resolve


for _regex, _days in [
    (r"the\s+day\s+before\s+yesterday", -2),
    (r"(?:earlier\s+|later\s+)?today|tonight|this\s+(?:morning|afternoon|evening)", 0),
    (r"yesterday" + _PART + r"|last\s+night|overnight\s+last\s+night", -1),
    (r"the\s+day\s+before", -1),
    (r"tomorrow" + _PART, 1),
]:
    _pattern(_regex)(_shift(_days))
_pattern(r"last\s+week|the\s+previous\s+week|the\s+past\s+week")(_shift(-7, "week"))
_pattern(r"(?:earlier\s+|later\s+)?this\s+week")(_shift(0, "week"))
_pattern(r"next\s+week")(_shift(7, "week"))


def _month_shift(months: int) -> _Resolver:
    def resolve(match: re.Match[str], context: _Context) -> _Resolved:
        if context.reference is None:
            return None, "month", True
        return _add_months(context.reference.replace(day=1), months), "month", True

    return resolve


def _add_months(value: datetime.date, months: int) -> datetime.date:
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, datetime.MINYEAR), datetime.MAXYEAR)
    day = min(value.day, calendar.monthrange(year, month + 1)[1])
    return datetime.date(year, month + 1, day)


def _year_shift(years: int) -> _Resolver:
    def resolve(match: re.Match[str], context: _Context) -> _Resolved:
        if context.reference is None:
            return None, "year", True
        year = min(max(context.reference.year + years, datetime.MINYEAR), datetime.MAXYEAR)
        return datetime.date(year, 1, 1), "year", True

    return resolve


_pattern(r"(?:earlier\s+|later\s+)?this\s+month")(_month_shift(0))
_pattern(r"last\s+month|the\s+previous\s+month|the\s+past\s+month")(_month_shift(-1))
_pattern(r"next\s+month")(_month_shift(1))
_pattern(r"(?:earlier\s+|later\s+)?this\s+year")(_year_shift(0))
_pattern(r"last\s+year|the\s+previous\s+year|the\s+past\s+year")(_year_shift(-1))
_pattern(r"next\s+year")(_year_shift(1))


@_pattern(_COUNT + r"\s+(?P<unit>day|week|month|year)s?\s+ago")
def _ago(match: re.Match[str], context: _Context) -> _Resolved | None:
    unit = match.group("unit").lower()
    if context.reference is None:
        return None, unit, True
    count = _count(match.group("count"))
    try:
        if unit == "day":
            return context.reference - datetime.timedelta(days=count), "day", True
        if unit == "week":
            return context.reference - datetime.timedelta(weeks=count), "week", True
        if unit == "month":
            return _add_months(context.reference.replace(day=1), -count), "month", True
        return datetime.date(context.reference.year - count, 1, 1), "year", True
    except (OverflowError, ValueError):
        return None, unit, True


def _count(words: str) -> int:
    folded = " ".join(words.lower().split())
    if folded in ("a couple of",):
        return 2
    if folded in ("a few", "few", "several"):
        return 3
    return parse_number(folded) or 1


# Spans that are measured from another event, not from the article's date: found, so that
# the article's date is not used for them, but left without a value.
@_pattern(
    r"(?:(?:a|one|two|three|four|five|several|a\s+few|few|\d{1,2})\s+)?(?:days?|hours?|weeks?)"
    r"\s+(?:after|later|earlier)|the\s+(?:next|following)\s+(?:day|morning|week)"
)
def _unanchored(match: re.Match[str], context: _Context) -> _Resolved | None:
    unit = "week" if "week" in match.group().lower() else "day"
    return None, unit, True


def resolve_weekday(
    weekday: int, reference: datetime.date, *, future: bool = False
) -> datetime.date:
    """The day named by a bare weekday (Monday is 0) in a text dated ``reference``.

    In a report (``future=False``) it is the most recent such day on or before the
    reference, the reference itself included; in an announcement (``future=True``) the next
    such day after it. Raises ``ValueError`` for a weekday outside 0..6 and
    ``OverflowError`` past the ends of the calendar.
    """
    if not 0 <= weekday <= 6:
        raise ValueError(f"weekday must be 0 (Monday) to 6 (Sunday), got {weekday}")
    if future:
        ahead = (weekday - reference.weekday()) % 7 or 7
        return reference + datetime.timedelta(days=ahead)
    return reference - datetime.timedelta(days=(reference.weekday() - weekday) % 7)


def find_dates(
    text: str, reference: datetime.date | None, *, future: bool = False
) -> list[DateMention]:
    """Every date expression in ``text``, in order of position.

    Absolute dates keep their value whatever ``reference`` is; relative ones ("on Tuesday",
    "yesterday", "last week", "two days ago") are resolved against ``reference`` and have
    value None without it. ``future`` resolves bare weekdays forward (for announcements).
    "days after", "days later" and similar spans measured from another event are found with
    value None. A weekday next to the date it names ("Tuesday, January 16") is one mention.
    Never raises.
    """
    context = _Context(reference, future)
    found = list(_candidates(text, context))
    # the longest expression wins where two overlap; ties go to the earlier pattern
    found.sort(key=lambda item: (-(item[0].end - item[0].start), item[1]))
    chosen: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for mention, _ in found:
        if all(mention.end <= start or mention.start >= end for start, end in taken):
            chosen.append(mention)
            taken.append((mention.start, mention.end))
    chosen.sort(key=lambda m: m.start)
    return _merge_weekday_with_date(text, chosen)


def _candidates(text: str, context: _Context) -> Iterator[tuple[DateMention, int]]:
    for priority, (pattern, resolver) in enumerate(_PATTERNS):
        for match in pattern.finditer(text):
            try:
                resolved = resolver(match, context)
            except (OverflowError, ValueError):
                continue
            if resolved is None:
                continue
            value, precision, relative = resolved
            mention = DateMention(
                match.start(), match.end(), match.group(), value, precision, relative
            )
            yield mention, priority


_CALENDAR_DATE = re.compile(r"\d|" + _MONTH, re.IGNORECASE)
_BETWEEN_WEEKDAY_AND_DATE = re.compile(r"\s*,?\s*\(?\s*(?:the\s+)?")


def _merge_weekday_with_date(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """"Tuesday, January 16" and "last night (March 23)": the explicit date fixes the day."""
    merged: list[DateMention] = []
    for mention in mentions:
        if merged:
            previous = merged[-1]
            gap = text[previous.end:mention.start]
            if (
                previous.relative
                and previous.precision == "day"
                and mention.precision == "day"
                and _CALENDAR_DATE.match(mention.text)
                and _BETWEEN_WEEKDAY_AND_DATE.fullmatch(gap)
            ):
                end = mention.end
                if gap.strip().startswith("(") and text[end:end + 1] == ")":
                    end += 1
                merged[-1] = DateMention(
                    previous.start, end, text[previous.start:end], mention.value,
                    "day", mention.relative,
                )
                continue
        merged.append(mention)
    return merged


_SINGLE = [
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(r"(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"),
    re.compile(_DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR, re.IGNORECASE),
    re.compile(_MONTH + r",?\s+(?:of\s+)?" + _YEAR, re.IGNORECASE),
    re.compile(_YEAR),
]
_LEADING_WEEKDAY = re.compile("^" + _WEEKDAY + r",?\s+(?:the\s+)?", re.IGNORECASE)


def parse_date(text: str, *, dayfirst: bool = True) -> datetime.date | None:
    """The date named by one absolute expression, or None.

    Takes ISO dates ("2024-01-16"), numeric dates ("16/01/2024", read day first unless
    ``dayfirst`` is False; the other order is tried when the first is not a date), written
    dates with or without a weekday ("Tuesday, 16 January 2024", "Jan. 16, 2024"), a month
    and year ("January 2024", the first of the month) and a year ("2023", the first of
    January). Relative expressions and anything else give None. Never raises.
    """
    if not isinstance(text, str):
        return None
    stripped = text.strip().rstrip(",;")
    stripped = _LEADING_WEEKDAY.sub("", stripped, count=1)
    for index, pattern in enumerate(_SINGLE):
        match = pattern.fullmatch(stripped)
        if match is None:
            continue
        groups = match.groupdict()
        if index == 0:
            return _safe_date(int(groups["year"]), int(groups["month"]), int(groups["day"]))
        if index == 1:
            return _numeric_date(match, dayfirst=dayfirst)
        if "month" in groups and groups["month"] is not None:
            day = int(groups["day"]) if groups.get("day") else 1
            return _safe_date(int(groups["year"]), _month(match), day)
        return _safe_date(int(groups["year"]), 1, 1)
    return None
