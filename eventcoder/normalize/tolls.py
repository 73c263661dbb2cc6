"""Death and injury counts stated in a sentence.

Counts follow ACLED's fatality rules (``acled_codebook.json``, ``fatality_rules``): the
lowest, most conservative figure is taken ("at least 20" is 20, "more than 40" is 40, "10 to
15" is 10), "several" and "few" are 3, "many" 10, "dozens" 12, "hundreds" 100. "Casualties"
says nothing about deaths and gives no toll; "wounded", "injured" and "hurt" are never
deaths.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

import attrs

__all__ = ["KINDS", "Toll", "find_tolls", "parse_number"]

KINDS = ("dead", "injured")


@attrs.frozen
class Toll:
    """A stated number of dead or injured: offsets and words of the statement in the
    sentence, the count, ``kind`` (``"dead"`` or ``"injured"``), and ``vague`` when the
    count stands for a word such as "dozens" or "several" rather than a stated number."""

    start: int
    end: int
    text: str
    count: int = attrs.field(validator=attrs.validators.ge(0))
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    vague: bool = False


_UNITS = {
    word: value
    for value, word in enumerate(
        [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen",
        ]
    )
}
_TENS = {
    word: 10 * value
    for value, word in enumerate(
        [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ], start=2
    )
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_DIGITS_SCALED = re.compile(r"(?P<number>\d+(?:\.\d+)?)\s+(?P<scale>thousand|million|billion)")


def parse_number(text: str) -> int | None:
    """The whole number written in ``text``, or None.

    Takes digits with or without thousands commas ("1,200"), number words ("seven",
    "twenty-three", "one hundred and five", "two thousand"), "a dozen" (12), "two dozen"
    (24), "half a dozen" (6), digits with a scale ("1.5 million") and "a" or "an" alone (1,
    the article before a singular noun). Vague quantities ("dozens", "several") are not
    numbers and give None, as do negative and fractional numbers. Never raises.
    """
    if not isinstance(text, str):
        return None
    words = " ".join(text.lower().split())
    if _DIGITS.fullmatch(words):
        return int(words.replace(",", ""))
    scaled = _DIGITS_SCALED.fullmatch(words)
    if scaled is not None:
        try:
            value = Decimal(scaled.group("number")) * _SCALES[scaled.group("scale")]
        except InvalidOperation:
            return None
        return int(value) if value == value.to_integral_value() else None
    return _parse_words(words)


def _parse_words(words: str) -> int | None:
    tokens = [t for t in re.split(r"[\s-]+", words) if t]
    if tokens in (["a"], ["an"]):
        return 1
    if tokens[:3] == ["half", "a", "dozen"] and len(tokens) == 3:
        return 6
    if tokens and tokens[0] in ("a", "an") and len(tokens) > 1:
        tokens[0] = "one"
    if not tokens or tokens[-1] == "and":
        return None
    total, group, last, last_scale = 0, 0, "", 10**12
    for token in tokens:
        if token == "and":
            if last not in ("hundred", "scale"):
                return None
            last = "and"
        elif token in _UNITS:
            value = _UNITS[token]
            if last in ("unit", "teen", "dozen") or (last == "tens" and not 1 <= value <= 9):
                return None
            group += value
            last = "unit" if value < 10 else "teen"
        elif token in _TENS:
            if last in ("unit", "teen", "tens", "dozen"):
                return None
            group += _TENS[token]
            last = "tens"
        elif token == "hundred":
            if not 1 <= group <= 99 or last in ("hundred", "and"):
                return None
            group *= 100
            last = "hundred"
        elif token in _SCALES:
            scale = _SCALES[token]
            if group == 0 or scale >= last_scale or last == "and":
                return None
            total += group * scale
            group, last, last_scale = 0, "scale", scale
        elif token == "dozen":
            if last == "dozen" or last == "and":
                return None
            group = (group or 1) * 12
            last = "dozen"
        else:
            return None
    return total + group


# -- finding tolls in a sentence ---------------------------------------------------------------

_NUMBER_WORD = (
    r"(?:" + "|".join(sorted([*_UNITS, *_TENS, "hundred", "thousand", "million", "dozen"],
                             key=len, reverse=True)) + r")"
)
_WRITTEN = (
    rf"(?:half\s+a\s+dozen|(?:an?\s+)?(?:hundred|thousand|dozen)(?:\s+(?:and\s+)?{_NUMBER_WORD}"
    rf"(?:[\s-]+{_NUMBER_WORD})*)?|{_NUMBER_WORD}(?:(?:[\s-]+|(?<=hundred)\s+and\s+"
    rf"|(?<=thousand)\s+and\s+|(?<=million)\s+and\s+){_NUMBER_WORD})*)"
)
_FIGURE = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+(?:thousand|million))?"
_VAGUE_WORDS = {
    "dozens": 12, "scores": 12, "hundreds": 100, "thousands": 1000, "several": 3, "few": 3,
    "a few": 3, "many": 10, "numerous": 10,
}
_VAGUE = (
    r"(?:dozens(?:\s+of)?|scores\s+of|hundreds(?:\s+of)?|thousands(?:\s+of)?|several|a\s+few"
    r"|few|many|numerous)"
)
_ONE = rf"(?:{_FIGURE}|{_WRITTEN}|{_VAGUE})"
_QUANTITY = re.compile(
    rf"(?<![\w.,/:$€£#-])(?:between\s+(?P<low>{_ONE})\s+and\s+(?P<high>{_ONE})"
    rf"|(?P<first>{_ONE})(?:\s*(?:-|to|or)\s*(?P<second>{_ONE}))?)(?![\w$€£]|[.,:/]\d)",
    re.IGNORECASE,
)
_VICTIM_SINGULAR = (
    r"(?:person|man|woman|child|boy|girl|baby|infant|teenager|youth|civilian|soldier|trooper|"
    r"policeman|policewoman|officer|guard|militant|fighter|rebel|insurgent|gunman|attacker|"
    r"bomber|protester|demonstrator|student|journalist|reporter|worker|farmer|villager|"
    r"resident|passenger|pilgrim|worshipper|driver|bystander|member|commander|leader|doctor|"
    r"nurse|teacher|official|employee|volunteer|refugee|migrant|prisoner|detainee|suspect|"
    r"colonel|captain|sergeant|private|lieutenant|general|major|cleric|imam|priest|"
    r"politician|lawmaker|minister|mayor|judge|peacekeeper|security\s+guard|shepherd|fisherman)"
)
_ARTICLE_ONE = re.compile(
    rf"(?<![\w-])(?:an?|one)(?=\s+(?:[\w'-]+\s+){{0,2}}?{_VICTIM_SINGULAR}\b)", re.IGNORECASE
)
_QUALIFIER = (
    r"(?:at\s+least|more\s+than|no\s+(?:fewer|less)\s+than|fewer\s+than|less\s+than|over|"
    r"well\s+over|just\s+over|as\s+many\s+as|about|around|nearly|almost|some|up\s+to|roughly|"
    r"approximately|an\s+estimated|estimated|at\s+most|close\s+to|upwards\s+of|a\s+total\s+of|"
    r"another|a\s+further|only|all)"
)
# month names and their abbreviations: a number next to them is a date, not a count
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
_QUALIFIERS_BEFORE = re.compile(rf"(?:{_QUALIFIER}\s+)+$", re.IGNORECASE)
_NOT_A_COUNT_AFTER = re.compile(
    r"\s*(?:-\s*)?(?:%|(?:years?|year-olds?|months?|days?|weeks?|hours?|minutes?|seconds?|"
    r"percent|per\s+cent|percentage|km|kilometres?|kilometers?|miles?|metres?|meters?|feet|"
    r"foot|inches|tonnes?|tons?|kg|kilograms?|am|pm|a\.m\.|p\.m\.|o'clock|times|dollars?|"
    r"euros?|pounds|rupees?|points?|seats?|votes?|degrees?|acres?|hectares?|GMT|BST|EST|"
    rf"UTC|{_MONTHS})\b)",
    re.IGNORECASE,
)
_NOT_A_COUNT_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|article|resolution|chapter|page|route|flight|section|"
    rf"paragraph|{_MONTHS}|at|since|in|of|by|until|"
    r"from|during|the|year|years|class|grade|level|phase|round|stage|top|group|"
    r"kilometre|kilometer|km|mile|unit|brigade|division|battalion|regiment)\.?\s+)$",
    re.IGNORECASE,
)
_NO_BEFORE = re.compile(r"\bno\s+$", re.IGNORECASE)
_YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
_SUBSET_BEFORE = re.compile(
    rf"\b(?:including|included|among\s+them|among\s+whom|of\s+whom|of\s+them|mostly|mainly)"
    rf"\s+(?:{_QUALIFIER}\s+)?$",
    re.IGNORECASE,
)
_SUBSET_CLAUSE = re.compile(
    r",\s*(?:including|among\s+them|among\s+whom|of\s+whom|mostly|mainly)\b[^,;.!?]{0,80},",
    re.IGNORECASE,
)
_KILLING_BEFORE = re.compile(
    rf"\b(?:killing|killed|kills|kill|massacring|massacred|murdering|murdered|executing|"
    rf"executed|slaughtering|slaughtered|slaying|slew|"
    rf"(?:claiming|claimed|claims|took|taking|takes|cost|costing|costs)\s+the\s+lives\s+of|"
    rf"death\s+toll\b[^.;!?\d]{{0,40}}?\b(?:to|at|of|is|was|reached|hit|passed|topped|exceeded)|"
    rf"toll\s+(?:rose|climbed|jumped|increased|rising|climbing|went\s+up)\s+to)"
    rf"\s+(?:{_QUALIFIER}\s+)?$",
    re.IGNORECASE,
)
_WOUNDING_BEFORE = re.compile(
    rf"\b(?:wounding|wounded|wounds|injuring|injured|injures|hurting)\s+(?:{_QUALIFIER}\s+)?$",
    re.IGNORECASE,
)
_CLAIMING_BEFORE = re.compile(
    rf"\b(?:claimed|claiming|claims|claim|cost|costing|costs|took|taking|takes)\s+"
    rf"(?:{_QUALIFIER}\s+)?$",
    re.IGNORECASE,
)
_KEYWORD = re.compile(
    r"\b(?:(?P<passive>killed|slain|murdered|massacred|executed|assassinated|beheaded|lynched|"
    r"shot\s+dead|gunned\s+down|(?:burned|burnt|stabbed|beaten|hacked|crushed)\s+to\s+death)"
    r"|(?P<state>died|dead|perished|lost\s+their\s+lives|deaths|fatalities|bodies|corpses)"
    r"|(?P<lives>lives)"
    r"|(?P<injured>wounded|injured|hurt|injuries))\b",
    re.IGNORECASE,
)
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:was|were|are|is|been|being|be|got|get|reportedly|allegedly|later|also|all|each|"
    r"both|have|has|had)\s+$",
    re.IGNORECASE,
)
_OBJECT_AFTER = re.compile(
    r"\s+(?:\d|(?:an?|the|his|her|their|its|our|at\s+least|some|several|many|dozens|hundreds|"
    r"one|two|three|four|five|six|seven|eight|nine|ten)\b)",
    re.IGNORECASE,
)
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]+")
_DATE_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
     *_MONTHS.split("|")]
)
_EVENT_NOUNS = re.compile(
    r"\b(?:attacks?|blasts?|bombs?|bombings?|explosions?|strikes?|airstrikes?|raids?|ambush(?:es)?|"
    r"clash(?:es)?|fighting|shelling|violence|gunmen|gunman|attackers?|assailants?|storms?|"
    r"floods?|earthquakes?|quakes?|crash(?:es)?|fires?|landslides?|incidents?|assaults?|"
    r"offensives?|operations?|missiles?|rockets?|drones?|shells|mortars?|grenades?|which)\b",
    re.IGNORECASE,
)
_LIVES_LOST_AFTER = re.compile(r"\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?lost\b", re.IGNORECASE)
_WINDOW_STOP = re.compile(r"[.;:!?]")
_NONE_HURT = re.compile(
    r"\b(?:no\s+one|nobody|none)\b(?:\s+[\w'-]+){0,3}?\s+(?:was|were|has\s+been|had\s+been|"
    r"have\s+been)\s+(?:\w+\s+)?(?:(?P<dead>killed)|(?:hurt|injured|wounded))\b"
    r"|\bno\s+(?:one|body)\s+died\b|\bno\s+(?P<deaths>deaths|fatalities|casualties)\b",
    re.IGNORECASE,
)


@attrs.frozen
class _Quantity:
    start: int
    end: int
    count: int
    vague: bool = False


def find_tolls(text: str) -> list[Toll]:
    """The death and injury counts stated in a sentence, in order of position.

    Finds counts before a death or injury word ("seven persons were killed", "at least 20
    people died", "left 5 dead", "a soldier was killed") and after a killing verb or a toll
    ("killing at least 12", "claimed two lives", "the death toll rose to 40"). Qualifiers
    ("more than", "about", "as many as") do not change the count; ranges give their lower
    end; "no one was killed" gives 0. Counts of a subset ("including two children") are not
    separate tolls. Counts are never negative. Never raises.
    """
    if not isinstance(text, str):
        return []
    return list(_tolls_of(text))


@functools.lru_cache(maxsize=1024)
def _tolls_of(text: str) -> tuple[Toll, ...]:
    # a sentence is asked for its tolls once for each violent act in it: read it once
    # "seven persons, including four children and three women, were killed": the counts of
    # a subset set off by commas are neither tolls nor the end of the head count's clause
    subsets = [(m.start(), m.end()) for m in _SUBSET_CLAUSE.finditer(text)]
    quantities = [
        q for q in _quantities(text) if not any(a <= q.start < b for a, b in subsets)
    ]
    tolls: list[Toll] = []
    for index, quantity in enumerate(quantities):
        following = quantities[index + 1].start if index + 1 < len(quantities) else len(text)
        toll = _toll_for(text, quantity, following)
        if toll is not None:
            tolls.append(toll)
    for match in _NONE_HURT.finditer(text):
        words = match.group()
        dead = match.group("dead") or match.group("deaths") or words.lower().endswith("died")
        kind = "dead" if dead else "injured"
        tolls.append(Toll(match.start(), match.end(), words, 0, kind))
    tolls.sort(key=lambda t: (t.start, t.end))
    return tuple(tolls)


def _quantities(text: str) -> Iterator[_Quantity]:
    found: list[_Quantity] = []
    for match in _QUANTITY.finditer(text):
        if match.group("low") is not None:
            parts = [match.group("low"), match.group("high")]
        else:
            parts = [match.group("first"), match.group("second")]
        values = [_quantity_value(part) for part in parts if part is not None]
        if not values or any(v is None for v in values):
            continue
        count = min(v for v in values if v is not None)
        vague = any(_quantity_is_vague(part) for part in parts if part is not None)
        found.append(_Quantity(match.start(), match.end(), count, vague))
    taken = [(q.start, q.end) for q in found]
    for match in _ARTICLE_ONE.finditer(text):
        if all(match.end() <= s or match.start() >= e for s, e in taken):
            found.append(_Quantity(match.start(), match.end(), 1))
    found.sort(key=lambda q: q.start)
    for quantity in found:
        if _is_count(text, quantity):
            yield quantity


def _quantity_is_vague(words: str) -> bool:
    folded = " ".join(words.lower().split())
    return folded.removesuffix(" of") in _VAGUE_WORDS


def _quantity_value(words: str) -> int | None:
    folded = " ".join(words.lower().split())
    if folded.endswith(" of"):
        folded = folded[:-3]
    if folded in _VAGUE_WORDS:
        return _VAGUE_WORDS[folded]
    return parse_number(folded)


def _is_count(text: str, quantity: _Quantity) -> bool:
    words = text[quantity.start:quantity.end]
    before = text[max(0, quantity.start - 40):quantity.start]
    if _NOT_A_COUNT_AFTER.match(text, quantity.end):
        return False
    if _SUBSET_BEFORE.search(before) or _NO_BEFORE.search(before):
        return False
    if _YEAR_LIKE.fullmatch(words):
        # a bare four-digit number in 1800-2099 is a year; tolls that large carry a comma
        return False
    if _NOT_A_COUNT_BEFORE.search(before) and words[:1].isdigit():
        # "in 12", "No. 5", "Route 9" -- but "killed the 12" is caught by the verb patterns
        verb = _KILLING_BEFORE.search(before) or _WOUNDING_BEFORE.search(before)
        return verb is not None
    return True


def _toll_for(text: str, quantity: _Quantity, following: int) -> Toll | None:
    before = text[max(0, quantity.start - 80):quantity.start]
    offset = quantity.start - len(before)
    start = quantity.start
    qualifiers = _QUALIFIERS_BEFORE.search(before)
    if qualifiers is not None:
        start = offset + qualifiers.start()
    for pattern, kind in ((_KILLING_BEFORE, "dead"), (_WOUNDING_BEFORE, "injured")):
        verb = pattern.search(before)
        if verb is not None:
            begin = offset + verb.start()
            words = text[begin:quantity.end]
            return Toll(begin, quantity.end, words, quantity.count, kind, quantity.vague)
    claim = _CLAIMING_BEFORE.search(before)
    toll = _toll_after(text, quantity, start, following, claim is not None)
    if toll is not None and claim is not None and toll.text.lower().endswith("lives"):
        begin = offset + claim.start()
        return attrs.evolve(toll, start=begin, text=text[begin:toll.end])
    return toll


def _toll_after(
    text: str, quantity: _Quantity, start: int, following: int, claimed: bool
) -> Toll | None:
    limit = min(following, quantity.end + 120)
    stop = _WINDOW_STOP.search(text, quantity.end, limit)
    if stop is not None and not _is_abbreviation_stop(text, stop.start()):
        limit = stop.start()
    keyword = _KEYWORD.search(text, quantity.end, limit)
    if keyword is None:
        return None
    between = text[quantity.end:keyword.start()]
    if len(between.split()) > 8 or _EVENT_NOUNS.search(between):
        return None
    if keyword.group("lives") is not None:
        lost = _LIVES_LOST_AFTER.match(text, keyword.end()) is not None
        if not (claimed or lost) or len(between.split()) > 2:
            return None
        kind = "dead"
    elif keyword.group("injured") is not None:
        kind = "injured"
        if _looks_active(text, between, keyword):
            return None
    else:
        kind = "dead"
        if keyword.group("passive") is not None and _looks_active(text, between, keyword):
            return None
    words = text[start:keyword.end()]
    return Toll(start, keyword.end(), words, quantity.count, kind, quantity.vague)


def _looks_active(text: str, between: str, keyword: re.Match[str]) -> bool:
    """"two gunmen killed five": the count is the subject of an active verb, not its victims."""
    if not between.strip() or _AUXILIARY_BEFORE.search(between):
        return False
    if _OBJECT_AFTER.match(text, keyword.end()):
        return True
    name = _NAME_AFTER.match(text, keyword.end())
    return name is not None and name.group().strip().lower() not in _DATE_WORDS


def _is_abbreviation_stop(text: str, position: int) -> bool:
    # "U.S." and "a.m." do not end the window that a full stop would
    return text[position] == "." and position + 1 < len(text) and text[position + 1].isalpha()
