"""Place names to places: a gazetteer of countries, first-level divisions and towns.

Three sources feed the :class:`Gazetteer`, the first winning over the later ones:

1. ``places`` codebook entries (``codebooks/default/places/*.yaml``): the spellings news uses
   for provinces, states and regions, with the coordinates of their capitals;
2. ``pycountry``: every country and every ISO 3166-2 division under its official names;
3. ``gazetteer/towns.tsv``: GeoNames populated places (see ``scripts/build_gazetteer.py``).

:func:`find_places` reads the places a sentence names, with ACLED's geo_precision
(1 a town, 2 near a town or part of a region, 3 only a province or larger), and
:func:`best_location` picks the one an event is coded to.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs
import pycountry

from eventcoder.normalize.names import fold

__all__ = [
    "Gazetteer",
    "Place",
    "PlaceMention",
    "best_location",
    "find_places",
    "normalize_place_name",
]

KINDS = ("country", "admin1", "region", "town")

# Words that name the kind of a place rather than the place: "Balochistan province",
# "Panjgur city", "Donetsk oblast". Dropped at the end of a name; they also tell which
# reading of an ambiguous name is meant.
ADMIN_WORDS = frozenset(
    {
        "province", "provinces", "region", "oblast", "governorate", "state", "department",
        "territory", "krai", "kray", "county", "prefecture", "municipality", "emirate",
    }
)
TOWN_WORDS = frozenset({"city", "town", "village", "district"})
_GENERIC_WORDS = ADMIN_WORDS | TOWN_WORDS

# Words before a name that make it a location rather than an actor or an English word.
_LOCATIVES = frozenset(
    {"in", "near", "at", "outside", "around", "from", "into", "inside", "across", "toward",
     "towards", "to", "via", "through", "within", "nearby", "reach", "reached"}
)
# Of these, the ones that put the event near the place rather than in it (geo_precision 2).
_NEAR = frozenset({"near", "outside", "around", "nearby", "outskirts", "close", "km", "kilometres",
                   "kilometers", "miles", "north", "south", "east", "west", "northeast",
                   "northwest", "southeast", "southwest"})
# Words that may stand between a locative and the name: "in the restive northwestern
# town of", "in Pakistan's southwestern".
_SKIPPABLE = frozenset(
    {"the", "a", "an", "its", "their", "restive", "remote", "volatile", "troubled", "border",
     "provincial", "capital", "main", "key", "northern", "southern", "eastern", "western",
     "central", "northeastern", "northwestern", "southeastern", "southwestern", "north",
     "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "far",
     "mountainous", "tribal", "rural", "coastal", "port", "eastern-most", "oil-rich",
     "conflict-hit", "war-torn", "besieged", "occupied", "rebel-held", "government-held"}
)
# Bodies of water that share their name with a division: "the Red Sea" is not Red Sea state.
_WATERS = frozenset({"sea", "gulf", "strait", "straits", "ocean", "bay"})
# Capitalised words that begin sentences and titles but are never places in news text.
_NOT_PLACES = frozenset(
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "he", "her", "his", "i",
        "if", "in", "into", "it", "its", "me", "my", "no", "not", "of", "on", "or", "our",
        "she", "so", "that", "the", "their", "them", "these", "they", "this", "those", "to",
        "us", "was", "we", "were", "will", "with", "you", "your", "mr", "mrs", "ms", "dr",
        "gen", "general", "col", "colonel", "sgt", "capt", "captain", "lt", "maj", "major",
        "president", "minister", "prime", "chief", "police", "army", "government", "officials",
        "official", "sources", "source", "reuters", "afp", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "today", "yesterday", "tomorrow", "god", "allah", "islam", "muslim",
        "muslims", "christian", "christians", "sunni", "shia", "shiite"
    }
)
# Division names that are also common English words or given names: read as places only
# with a cue ("in Delta", "Delta State", "Karen State"), never on their own.
_NEEDS_CUE = frozenset(
    {
        "delta", "plateau", "rivers", "central", "centre", "center", "north", "south", "east",
        "west", "northern", "southern", "eastern", "western", "capital", "coast", "lakes",
        "islands", "bay", "chin", "mon", "karen", "somali", "afar", "meta", "cesar", "sucre",
        "bolivar", "caldas", "magdalena", "cordoba", "amazonas", "santander", "valle",
        "cascades", "sahel", "est", "nord", "sud", "ouest", "littoral", "mountain",
        "highlands", "lowlands", "upper", "lower", "middle", "georgia", "victoria",
        "washington", "jordan", "florida", "nevada", "montana", "indiana", "virginia",
        "carolina", "kent", "bath", "orange"
    }
)
_CONNECTORS = frozenset({"and", "of", "de", "del", "la", "las", "los", "du", "des", "al", "el",
                         "e", "i", "o", "va", "y", "an", "ad", "ar", "as", "ash", "az", "sa", "ez"})
_ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es",
                              "ez"})
# A name with a town of this size is read as that town, not as a province, without a cue.
_TOWNLIKE_POPULATION = 20_000

# Common English names that pycountry does not use as the country's name.
_COUNTRY_ALIASES: Mapping[str, tuple[str, ...]] = {
    "AFG": ("Afghanistan",), "BOL": ("Bolivia",), "BRN": ("Brunei",), "CIV": ("Ivory Coast",),
    "COD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Democratic Republic of the Congo",
            "Congo-Kinshasa"),
    "COG": ("Congo-Brazzaville", "Republic of Congo", "Congo"), "CPV": ("Cape Verde",),
    "CZE": ("Czech Republic",), "FSM": ("Micronesia",), "GBR": ("UK", "Britain", "Great Britain",
    "United Kingdom"), "IRN": ("Iran",), "KOR": ("South Korea",), "PRK": ("North Korea",),
    "LAO": ("Laos",), "MDA": ("Moldova",), "MKD": ("Macedonia",), "MMR": ("Burma",),
    "PSE": ("Palestine", "Palestinian territories", "occupied Palestinian territories"),
    "RUS": ("Russia",), "SWZ": ("Swaziland",), "SYR": ("Syria",), "TLS": ("East Timor",),
    "TUR": ("Turkey",), "TWN": ("Taiwan",), "TZA": ("Tanzania",), "USA": ("US", "USA",
    "United States", "United States of America"), "VAT": ("Vatican", "Holy See"),
    "VEN": ("Venezuela",), "VNM": ("Vietnam",), "ARE": ("UAE",), "SSD": ("South Sudan",),
    "NLD": ("Netherlands", "Holland"), "PHL": ("Philippines",), "GMB": ("Gambia",),
}


# --------------------------------------------------------------------------- names

_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_APOSTROPHES = re.compile("['\u02b9\u02ba\u02bb\u02bc\u02bd\u02be\u02bf\u02c8\u02ca\u02cb`\u00b4]")
_NON_WORD = re.compile(r"[\W_]+")


def _fold_stable(text: str) -> str:
    # fold() casefolds after stripping marks; a casefold can leave new marks (rare letters),
    # so fold until nothing changes to keep normalize_place_name idempotent.
    for _ in range(4):
        folded = fold(text)
        if folded == text:
            break
        text = folded
    return text


def normalize_place_name(text: str) -> str:
    """Fold a place name to the form the gazetteer indexes it under.

    Lower-cases, strips diacritics, straightens quotes, turns hyphens and punctuation into
    spaces, drops possessives (``Iran's``), apostrophes inside names (``Ta'izz`` ->
    ``taizz``), a leading ``the`` and the generic words ``province``, ``region``, ``city``,
    ``district``, ``oblast``, ``governorate``, ``state`` (and similar) at the end, unless
    nothing else is left. Pure and idempotent; returns ``""`` for anything without letters
    or digits and never raises.
    """
    if not isinstance(text, str):
        return ""
    text = _fold_stable(text).replace("&", " and ")
    text = _POSSESSIVE.sub("", text)
    text = _APOSTROPHES.sub("", text).replace(".", "")
    words = _NON_WORD.sub(" ", text).split()
    while len(words) > 1 and (words[0] == "the" or words[-1] in _GENERIC_WORDS):
        if words[0] == "the":
            words.pop(0)
        else:
            words.pop()
    return " ".join(words)


_LATIN_MARKS = re.compile("[\u0300-\u036f]")
_PLAIN = re.compile(r"[a-z]+(?: [a-z]+)*")


def _fast_key(name: str) -> str:
    """``normalize_place_name`` with a short cut for the plain Latin names of the TSV.

    Equal to ``normalize_place_name(name)`` for every input; loading the towns table calls
    it a quarter of a million times, and the short cut makes that five times faster.
    """
    plain = name if name.isascii() else _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", name))
    if plain.isascii():
        low = plain.lower()
        if _PLAIN.fullmatch(low):
            words = low.split()
            if words[-1] not in _GENERIC_WORDS and words[0] != "the":
                return low
    return normalize_place_name(name)


def _name_variants(name: str) -> list[str]:
    """Keys of a codebook or ISO name: itself, without brackets, without an Arabic article."""
    forms = [name]
    bare = re.split(r"[\[(]", name, maxsplit=1)[0].strip()
    if bare and bare != name:
        forms.append(bare)
    if "," in bare:
        forms.append(bare.split(",", 1)[0].strip())
    keys: list[str] = []
    for form in forms:
        key = normalize_place_name(form)
        if not key:
            continue
        keys.append(key)
        words = key.split()
        if len(words) > 1 and words[0] in _ARABIC_ARTICLES:
            keys.append(" ".join(words[1:]))
    return list(dict.fromkeys(keys))


# --------------------------------------------------------------------------- places


def _optional_float(value: Any) -> float | None:
    return None if value is None else float(value)


@attrs.frozen
class Place:
    """A place a name may refer to.

    ``kind`` is ``country``, ``admin1`` (a first-level division), ``region`` (a
    second-level ISO division, or a codebook region such as a valley or a border area) or
    ``town``. ``country`` is ISO 3166-1 alpha-3; ``admin1_code`` ISO 3166-2 of the
    first-level division the place lies in (its own code for an ``admin1``).
    """

    name: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    country: str | None
    admin1: str | None
    admin1_code: str | None
    latitude: float | None = attrs.field(default=None, converter=_optional_float)
    longitude: float | None = attrs.field(default=None, converter=_optional_float)


class _Named(NamedTuple):
    """A codebook or ISO place under one of its keys."""

    place: Place
    source: int  # 0 codebook, 1 ISO (pycountry)
    order: int  # position in its source, to keep ties stable


class _Candidate(NamedTuple):
    place: Place
    source: int  # 0 codebook, 1 ISO, 2 GeoNames
    population: int
    order: int


_SUFFIX_ADMIN, _SUFFIX_TOWN, _SUFFIX_NONE = "admin", "town", ""


def _suffix_cue(words: Sequence[str]) -> str:
    if words and words[-1] in ADMIN_WORDS:
        return _SUFFIX_ADMIN
    if words and words[-1] in TOWN_WORDS:
        return _SUFFIX_TOWN
    return _SUFFIX_NONE


def _rank(candidate: _Candidate, cue: str) -> tuple[int, int, int, int]:
    kind = candidate.place.kind
    if cue == _SUFFIX_ADMIN:
        order = {"admin1": 0, "region": 1, "town": 2, "country": 3}[kind]
    elif cue == _SUFFIX_TOWN:
        order = {"town": 0, "admin1": 1, "region": 2, "country": 3}[kind]
    else:
        order = {"country": 0, "admin1": 1, "region": 2, "town": 3}[kind]
    return (order, candidate.source, -candidate.population, candidate.order)


class Gazetteer:
    """Names to places; built once with :meth:`build`, then read-only.

    Codebook and ISO places are few and kept as :class:`Place` objects; the towns of the
    TSV (about 90,000) are kept as parallel lists of plain values, because one object per
    row would triple the memory and the load time. A ``Gazetteer`` pickles as plain data.
    """

    __slots__ = ("_admin1_names", "_named", "_not_places", "_town_index", "_town_name",
                 "_town_rest", "max_words")

    def __init__(self) -> None:
        self._named: dict[str, list[_Named]] = {}
        self._admin1_names: dict[str, str] = {}
        # Row i of the TSV: its name, and its other fields as read (country, admin1_code,
        # latitude, longitude, population, geonameid), split only when a lookup needs them.
        self._town_name: list[str] = []
        self._town_rest: list[str] = []
        # key -> row, or rows when several towns share it (most keys name one town).
        self._town_index: dict[str, int | list[int]] = {}
        # words that name no place on their own, however many towns bear them ("French")
        self._not_places: frozenset[str] = frozenset()
        self.max_words: int = 1

    def __getstate__(self) -> dict[str, Any]:
        return {slot: getattr(self, slot) for slot in self.__slots__}

    def __setstate__(self, state: Mapping[str, Any]) -> None:
        for slot, value in state.items():
            setattr(self, slot, value)

    # ----------------------------------------------------------------- building

    @classmethod
    def build(
        cls, entries: Iterable[Mapping[str, Any]], towns_tsv: Path | None = None,
        not_places: Iterable[str] = (),
    ) -> Gazetteer:
        """Build a gazetteer from ``places`` codebook entries and the towns table.

        ``entries`` are codebook entries as plain dicts (``id``, ``type``, ``country``,
        ``admin1_code``, ``names``, ``latitude``, ``longitude``); ``towns_tsv`` is a table
        written by ``scripts/build_gazetteer.py`` or ``None`` for none. Every country and
        ISO 3166-2 division from pycountry is added. ``not_places`` are words never read as a
        place on their own (the demonyms ``French``, ``Ukrainian``, which are also the names of
        small towns). Raises ``OSError`` when the table cannot be read and ``ValueError`` when
        a row of it is malformed.
        """
        gazetteer = cls()
        gazetteer._not_places = frozenset(normalize_place_name(w) for w in not_places)
        codebook_admin1 = gazetteer._add_codebook(list(entries))
        gazetteer._add_countries()
        gazetteer._add_subdivisions(codebook_admin1)
        if towns_tsv is not None:
            gazetteer._load_towns(Path(towns_tsv))
        words = [len(key.split()) for key in gazetteer._named]
        words += [len(key.split()) for key in gazetteer._town_index]
        gazetteer.max_words = max(words, default=1)
        return gazetteer

    def _index(self, key: str, place: Place, source: int) -> None:
        bucket = self._named.setdefault(key, [])
        if all(existing.place != place for existing in bucket):
            bucket.append(_Named(place, source, len(bucket)))

    def _add_codebook(self, entries: list[Mapping[str, Any]]) -> dict[str, Place]:
        by_code: dict[str, Place] = {}
        for entry in entries:
            names = [str(n) for n in entry.get("names") or () if str(n).strip()]
            code = entry.get("admin1_code") or None
            if not names or entry.get("type") not in {"admin1", "region", "town"}:
                continue
            if code and entry.get("type") == "admin1":
                self._admin1_names.setdefault(code, names[0])
        for entry in entries:
            names = [str(n) for n in entry.get("names") or () if str(n).strip()]
            kind = entry.get("type")
            if not names or kind not in {"admin1", "region", "town"}:
                continue
            code = entry.get("admin1_code") or None
            place = Place(
                name=names[0],
                kind=str(kind),
                country=entry.get("country") or None,
                admin1=self._admin1_name(code),
                admin1_code=code,
                latitude=entry.get("latitude"),
                longitude=entry.get("longitude"),
            )
            if kind == "admin1" and code:
                by_code.setdefault(code, place)
            for name in names:
                for key in _name_variants(name):
                    self._index(key, place, 0)
        return by_code

    def _add_countries(self) -> None:
        for country in pycountry.countries:
            alpha3 = country.alpha_3
            common = getattr(country, "common_name", None)
            aliases = _COUNTRY_ALIASES.get(alpha3, ())
            display = aliases[0] if aliases and "," in country.name else (common or country.name)
            place = Place(display, "country", alpha3, None, None)
            names = [country.name, getattr(country, "official_name", None), common, *aliases]
            for name in names:
                if name:
                    for key in _name_variants(name):
                        self._index(key, place, 1)

    def _add_subdivisions(self, codebook_admin1: Mapping[str, Place]) -> None:
        alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        subdivisions = {s.code: s for s in pycountry.subdivisions}

        def top(code: str) -> str:
            seen = set()
            while code in subdivisions and code not in seen:
                seen.add(code)
                parent = subdivisions[code].parent_code
                if not parent:
                    break
                parent = parent if "-" in parent else f"{code.split('-')[0]}-{parent}"
                if parent not in subdivisions:
                    break
                code = parent
            return code

        for code, sub in sorted(subdivisions.items()):
            country = alpha3.get(sub.country_code)
            clean = re.split(r"[\[(]", sub.name, maxsplit=1)[0].strip() or sub.name
            self._admin1_names.setdefault(code, clean)
            root = top(code)
            if root == code:
                place = codebook_admin1.get(code) or Place(clean, "admin1", country, clean, code)
            else:
                place = Place(clean, "region", country, self._admin1_name(root), root)
            for key in _name_variants(sub.name):
                self._index(key, place, 1)

    def _admin1_name(self, code: str | None) -> str | None:
        return None if code is None else self._admin1_names.get(code, code)

    def _load_towns(self, path: Path) -> None:
        with path.open(encoding="utf-8") as handle:
            lines = handle.read().splitlines()
        if not lines or not lines[0].startswith("name\t"):
            raise ValueError(f"{path}: expected a header row starting with 'name', got {lines[:1]}")
        index = self._town_index
        names, rests = self._town_name, self._town_rest

        def add(key: str, row: int) -> None:
            found = index.get(key)
            if found is None:
                index[key] = row
            elif isinstance(found, int):
                if found != row:
                    index[key] = [found, row]
            elif found[-1] != row:
                found.append(row)

        for row, line in enumerate(lines[1:]):
            fields = line.split("\t", 2)
            if len(fields) != 3 or fields[2].count("\t") != 5:
                got = line.count("\t") + 1
                raise ValueError(f"{path}:{row + 2}: expected 8 tab-separated fields, got {got}")
            name, alternates, rest = fields
            names.append(name)
            rests.append(rest)
            key = _fast_key(name)
            if key:
                add(key, row)
            if alternates:
                for alternate in alternates.split("|"):
                    other = _fast_key(alternate)
                    if other and other != key:
                        add(other, row)

    # ----------------------------------------------------------------- reading

    def __len__(self) -> int:
        return len(self._named) + len(self._town_index)

    def _town_rows(self, key: str) -> list[int]:
        found = self._town_index.get(key)
        if found is None:
            return []
        return [found] if isinstance(found, int) else found

    def _town(self, row: int) -> tuple[Place, int]:
        country, admin1, lat, lon, population, _ = self._town_rest[row].split("\t")
        code = admin1 or None
        place = Place(
            self._town_name[row], "town", country, self._admin1_name(code), code,
            float(lat), float(lon),
        )
        return place, int(population or 0)

    def _candidates(self, key: str) -> list[_Candidate]:
        found = [_Candidate(n.place, n.source, 0, n.order) for n in self._named.get(key, ())]
        codebook_towns = {(c.place.country, key) for c in found if c.place.kind == "town"}
        for row in self._town_rows(key):
            place, population = self._town(row)
            if (place.country, key) in codebook_towns:
                continue  # a codebook town of that name in that country replaces GeoNames'
            found.append(_Candidate(place, 2, population, row))
        return found

    def _ranked(self, name: str) -> list[_Candidate]:
        key = normalize_place_name(name)
        if not key:
            return []
        cue = _suffix_cue(_NON_WORD.sub(" ", _fold_stable(name)).split())
        return sorted(self._candidates(key), key=lambda c: _rank(c, cue))

    def lookup(self, name: str) -> list[Place]:
        """The places ``name`` may refer to, most likely first; ``[]`` when none.

        A name ending in ``province``, ``state``, ``region``, ``oblast``, ... puts divisions
        first; one ending in ``city``, ``town``, ``village``, ``district`` puts towns first;
        otherwise countries come first, then divisions, then towns. Codebook places come
        before ISO and GeoNames ones of the same kind, and larger towns before smaller.
        """
        return [c.place for c in self._ranked(name)]

    def is_town_name(self, name: str, min_population: int = _TOWNLIKE_POPULATION) -> bool:
        """True when a town of at least ``min_population`` carries ``name``."""
        key = normalize_place_name(name)
        return any(self._town(r)[1] >= min_population for r in self._town_rows(key))


# --------------------------------------------------------------------------- mentions


@attrs.frozen
class PlaceMention:
    """A place named in a text: ``text[start:end]`` names ``place``.

    ``precision`` is ACLED's geo_precision: 1 a town, 2 near a town or part of a region,
    3 a province, a region or a country only.
    """

    start: int
    end: int
    text: str
    place: Place
    precision: int = attrs.field(validator=attrs.validators.in_((1, 2, 3)))


_TOKEN = re.compile(r"[^\W\d_](?:[\w]|['\u2019\u02bc](?=\w)|[-.](?=\w))*\.?|&|,|\d+")


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # folded, without a possessive


def _tokens(text: str) -> list[_Token]:
    out: list[_Token] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        low = _POSSESSIVE.sub("", _fold_stable(word)).rstrip(".")
        out.append(_Token(match.start(), match.end(), word, low))
    return out


def _capitalised(word: str) -> bool:
    """A capitalised word, or an Arabic or French article before one (``al-Raqqa``)."""
    if word[:1].isupper():
        return True
    parts = re.split(r"[-'\u2019]", word, maxsplit=1)
    return len(parts) == 2 and parts[0] in _ARABIC_ARTICLES | {"d", "l"} and parts[1][:1].isupper()


class _Reading(NamedTuple):
    start: int  # first token
    end: int  # one past the last token
    candidates: list[_Candidate]
    locative: bool
    near: bool
    suffix: str
    possessive: bool


def _locative_before(tokens: Sequence[_Token], first: int) -> tuple[bool, bool]:
    """Whether a locative cue precedes ``tokens[first]``, and whether it says "near"."""
    i = first - 1
    skipped = 0
    while i >= 0 and skipped < 4:
        low = tokens[i].low
        if low == "of" and i >= 1 and tokens[i - 1].low in TOWN_WORDS | ADMIN_WORDS | {
            "outskirts", "north", "south", "east", "west", "capital", "northeast", "northwest",
            "southeast", "southwest", "heart", "centre", "center", "port", "suburbs",
            "airport", "airports", "residents", "people", "inhabitants", "civilians",
            "population",
        }:
            near = tokens[i - 1].low in _NEAR | {"outskirts"}
            return True, near or any(t.low in _NEAR for t in tokens[max(0, i - 4) : i])
        if low in _LOCATIVES:
            near = low in _NEAR or (low in {"from"} and i >= 1 and tokens[i - 1].low in _NEAR)
            return True, near
        capitalised = tokens[i].text[:1].isupper() and tokens[i].text != tokens[i].low
        if low in _SKIPPABLE or (capitalised and (
            _POSSESSIVE.search(_fold_stable(tokens[i].text))
            # "in the Kyrgyz capital Bishkek", "near the Syrian border town of"
            or (tokens[i + 1].low in _SKIPPABLE | TOWN_WORDS | ADMIN_WORDS
                and tokens[i + 1].text == tokens[i + 1].low)
        )):
            i -= 1
            skipped += 1
            continue
        return False, False
    return False, False


def _read(text: str, gazetteer: Gazetteer) -> list[_Reading]:
    tokens = _tokens(text)
    readings: list[_Reading] = []
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if not tok.text[:1].isalpha() or not _capitalised(tok.text) or tok.low in _NOT_PLACES:
            i += 1
            continue
        best: tuple[int, list[_Candidate]] | None = None
        for j in range(min(n, i + gazetteer.max_words), i, -1):
            last = tokens[j - 1]
            if not last.text[:1].isalpha() or not (_capitalised(last.text) or last.text.isupper()):
                continue
            if any(t.text == "," for t in tokens[i:j]):
                continue
            if any(not (_capitalised(t.text) or t.low in _CONNECTORS or t.text == "&")
                   for t in tokens[i:j]):
                continue
            key = normalize_place_name(text[tok.start : last.end])
            if not key or key in _GENERIC_WORDS or key in gazetteer._not_places:
                continue
            candidates = gazetteer._candidates(key)
            if candidates:
                best = (j, candidates)
                break
        if best is None:
            i += 1
            continue
        j, candidates = best
        locative, near = _locative_before(tokens, i)
        if not locative and i >= 2 and tokens[i - 1].low in {"and", "or"} and readings \
                and readings[-1].end == i - 1 and readings[-1].locative:
            locative, near = True, readings[-1].near  # "in Quetta and Turbat"
        following = tokens[j].low if j < n else ""
        suffix = _suffix_cue([tokens[j - 1].low]) if j - 1 > i else _SUFFIX_NONE
        suffix = suffix or _suffix_cue([following])
        if following == "district":
            near = True
        if i > 0 and tokens[i - 1].low == "the" and following == "of" and not suffix:
            locative = False  # "from the Federation of ...": an organisation, not a town
        possessive = bool(_POSSESSIVE.search(_fold_stable(tokens[j - 1].text)))
        if (
            not possessive and j < n and tokens[j].text[:1].isupper()
            and not _suffix_cue([following])
        ):
            i = j  # "the Central Bureau", "the Niger Delta": part of a longer name
            continue
        if tokens[j - 1].low in _WATERS and suffix != _SUFFIX_ADMIN:
            i = j  # "in the Red Sea" is the sea, not Sudan's Red Sea state
            continue
        readings.append(_Reading(i, j, candidates, locative, near, suffix, possessive))
        i = j
    return readings


def _choose(
    reading: _Reading,
    countries: set[str],
    admin1s: set[str],
    gazetteer: Gazetteer,
    key: str,
) -> _Candidate | None:
    """The place a reading refers to, given the countries and divisions around it."""

    def context(c: _Candidate) -> tuple[int, int]:
        place = c.place
        return (
            0 if place.admin1_code and place.admin1_code in admin1s else 1,
            0 if place.country in countries else 1,
        )

    by_kind: dict[str, list[_Candidate]] = {}
    for c in reading.candidates:
        by_kind.setdefault(c.place.kind, []).append(c)
    for kind_list in by_kind.values():
        kind_list.sort(key=lambda c: (*context(c), c.source, -c.population, c.order))

    countries_c = by_kind.get("country", [])
    divisions = by_kind.get("admin1", []) + by_kind.get("region", [])
    divisions.sort(key=lambda c: (*context(c), c.place.kind != "admin1", c.source, c.order))
    towns = by_kind.get("town", [])

    def division_ok(c: _Candidate) -> bool:
        if reading.suffix == _SUFFIX_ADMIN or reading.locative:
            return True
        if key in _NEEDS_CUE or gazetteer.is_town_name(key):
            return False
        return c.source == 0 or c.place.country in countries

    if reading.suffix == _SUFFIX_TOWN and towns:
        return towns[0]
    if reading.suffix == _SUFFIX_ADMIN and divisions:
        if towns and context(divisions[0])[1] and not context(towns[0])[1]:
            return towns[0]  # "Beni territory" after Congolese actors: Congo's Beni
        return divisions[0]
    if countries_c and key not in _NEEDS_CUE:
        return countries_c[0]
    if reading.locative and towns:
        town = towns[0]
        if not divisions:
            return town
        division = divisions[0]
        # "in Kerman": the town of that name, in the province of that name.
        same = town.place.country == division.place.country and (
            town.place.admin1_code in {None, division.place.admin1_code}
            or town.population >= _TOWNLIKE_POPULATION
        )
        if same or context(town) < context(division):
            return town
        return division
    for division in divisions:
        if division_ok(division):
            return division
    return None


def _precision(place: Place, near: bool) -> int:
    if place.kind == "town":
        return 2 if near else 1
    if place.kind == "region" and place.admin1_code:
        return 2  # a part of a first-level division
    return 3


def find_places(text: str, gazetteer: Gazetteer,
                context: Iterable[str] = ()) -> list[PlaceMention]:
    """The places ``text`` names, in text order, with character offsets and precision.

    Countries and divisions are read anywhere; towns only after a locative cue (``in``,
    ``near``, ``at``, ``outside``, ``around``, ``from``, ``the city of``) or before
    ``city``, ``town``, ``village``, ``district``, so that English words are not read as
    towns. A town takes its division and country from the sentence when the table lacks
    them. ``context`` holds countries known from elsewhere (the actors the sentence names:
    "the Malian army ... in the village of Moura" is Mali's Moura, not Portugal's). Never
    raises: returns ``[]`` for anything it cannot read.
    """
    try:
        return _find_places(text, gazetteer, frozenset(context))
    except Exception:  # a location is never worth losing the event for
        return []


def place_named(name: str, gazetteer: Gazetteer) -> Place | None:
    """The place a bare name stands for when the sentence says it is a place (``shelled
    Kharkiv``: the object of an act of force), or None. Never raises."""
    if not isinstance(name, str) or not name.strip():
        return None
    found = find_places(f"in {name.strip()}", gazetteer)
    whole = [m for m in found if m.start == 3 and m.end == 3 + len(name.strip())]
    return whole[0].place if whole else None


def _find_places(text: str, gazetteer: Gazetteer,
                 context: frozenset[str] = frozenset()) -> list[PlaceMention]:
    if not isinstance(text, str) or not text.strip():
        return []
    tokens = _tokens(text)
    readings = _read(text, gazetteer)
    keys = [
        normalize_place_name(text[tokens[r.start].start : tokens[r.end - 1].end]) for r in readings
    ]
    # Pass 1: the countries and divisions the sentence names give the context for towns.
    countries: set[str] = set(context)
    admin1s: set[str] = set()
    for reading, key in zip(readings, keys, strict=True):
        first = _choose(reading, set(context), set(), gazetteer, key)
        if first is None:
            continue
        if first.place.kind == "country" and first.place.country:
            countries.add(first.place.country)
    for reading, key in zip(readings, keys, strict=True):
        first = _choose(reading, countries, set(), gazetteer, key)
        if first is not None and first.place.kind in {"admin1", "region"}:
            if first.place.country:
                countries.add(first.place.country)
            if first.place.admin1_code:
                admin1s.add(first.place.admin1_code)
    # Pass 2: every reading in that context.
    chosen: list[tuple[_Reading, Place]] = []
    for reading, key in zip(readings, keys, strict=True):
        pick = _choose(reading, countries, admin1s, gazetteer, key)
        if pick is not None:
            chosen.append((reading, pick.place))
    divisions = [p for _, p in chosen if p.kind in {"admin1", "region"} and p.admin1_code]
    mentions: list[PlaceMention] = []
    for reading, place in chosen:
        if place.kind == "town" and not place.admin1_code:
            match = next((d for d in divisions if d.country == place.country), None)
            if match is not None:
                place = attrs.evolve(place, admin1=match.admin1, admin1_code=match.admin1_code)
        start, end = tokens[reading.start].start, tokens[reading.end - 1].end
        surface = text[start:end]
        trimmed = _POSSESSIVE.sub("", surface.replace("\u2019", "'"))
        end = start + len(trimmed.rstrip(" '."))
        mentions.append(
            PlaceMention(start, end, text[start:end], place, _precision(place, reading.near))
        )
    return mentions


_SPECIFICITY = {"town": 0, "region": 1, "admin1": 2, "country": 3}


def best_location(mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The mention an event is coded to: the most specific place consistent with the rest.

    Towns beat divisions, divisions beat countries; a place in a country the other
    mentions contradict is passed over when a consistent one exists. Ties go to the
    earliest mention. ``None`` for no mentions; never raises.
    """
    try:
        items = [m for m in mentions if isinstance(m, PlaceMention)]
    except TypeError:
        return None
    if not items:
        return None
    votes: dict[str, int] = {}
    for m in items:
        if m.place.country:
            votes[m.place.country] = votes.get(m.place.country, 0) + 1
    main = max(votes, key=lambda c: (votes[c], -min(
        i for i, m in enumerate(items) if m.place.country == c))) if votes else None
    ranked = sorted(
        range(len(items)),
        key=lambda i: (
            0 if main is None or items[i].place.country == main else 1,
            _SPECIFICITY.get(items[i].place.kind, 4),
            i,
        ),
    )
    return items[ranked[0]]
