"""Event records as ACLED rows: ACLED's 31 columns in ACLED's order.

Only records with an ACLED type (``record.acled`` not null) become rows, and only when they
carry what ACLED cannot do without: a country and an event date known at least to the
month. ``inter1``/``inter2`` and ``interaction`` are ACLED's numeric codes (the form of the
numeric API option and of older exports); see ``docs/formats.md``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pycountry

from eventcoder.records import Actor, EventRecord

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

# ACLED's time_precision: 1 the day is known, 2 about a week, 3 about a month. A date that
# fell back to the article's publication day is the day it was reported, not the day it
# happened: "within about a week" is the honest precision. ACLED records nothing vaguer
# than a month, so year-precision events have no row.
TIME_PRECISION = {"day": 1, "week": 2, "article": 2, "month": 3}

STATE_FORCES, REBELS, POLITICAL_MILITIA, IDENTITY_MILITIA = 1, 2, 3, 4
RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = 5, 6, 7, 8

_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})
_REBEL_ROLES = frozenset({"REB", "INS", "SEP"})
_MILITIA_ROLES = frozenset({"UAF", "CRM"})
_EXTERNAL_ROLES = frozenset({"IGO", "PKO", "MNC"})
_CIVILIAN_ROLES = frozenset({
    "CVL", "REF", "MED", "BUS", "LAB", "EDU", "HLH", "AGR", "ELI", "REL", "NGO", "HRI",
    "DEV", "ENV", "MOD", "RAD", "LEG", "SET",
})
_MILITIA_WORDS = re.compile(r"\bmilitia", re.IGNORECASE)
_IDENTITY_WORDS = re.compile(
    r"\b(ethnic|communal|clan|tribal|tribe|vigilante|herder|farmer|village)", re.IGNORECASE
)
_RIOTER_WORDS = re.compile(r"\b(rioters?|mobs?)\b", re.IGNORECASE)
_PROTESTER_WORDS = re.compile(r"\b(protesters?|demonstrators?|marchers?)\b", re.IGNORECASE)
# words that only restate the generic group ("civilians", "a mob"), unlike "journalists"
_GENERIC_READ = re.compile(
    r"^\W*(?:the|a|an|some|many|several|\d+)?\s*(?:civilians?|people|residents|villagers|"
    r"protesters?|demonstrators?|marchers?|rioters?|mobs?|crowds?)\W*$",
    re.IGNORECASE,
)

# ISO 3166-1 alpha-3 -> ACLED region. ACLED's regions are its own; this follows the region
# pages of its data (Sudan and South Sudan in Eastern Africa, Turkey and Egypt apart).
_REGION_MEMBERS = {
    "Western Africa": "BEN BFA CIV CPV GHA GIN GMB GNB LBR MLI MRT NER NGA SEN SHN SLE TGO",
    "Middle Africa": "AGO CAF CMR COD COG GAB GNQ STP TCD",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MUS MYT REU RWA SDN SOM SSD SYC TZA UGA",
    "Southern Africa": "BWA LSO MOZ MWI NAM SWZ ZAF ZMB ZWE",
    "Northern Africa": "DZA EGY ESH LBY MAR TUN",
    "South Asia": "AFG BGD BTN IND IOT LKA MDV NPL PAK",
    "Southeast Asia": "BRN IDN KHM LAO MMR MYS PHL SGP THA TLS VNM",
    "Middle East": "ARE BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR YEM",
    "Europe": (
        "ALA ALB AND AUT BEL BGR BIH BLR CHE CYP CZE DEU DNK ESP EST FIN FRA FRO GBR GGY GIB GRC "
        "HRV HUN IMN IRL ISL ITA JEY LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU "
        "RUS SJM SMR SRB SVK SVN SWE UKR VAT XKX"
    ),
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "Central America": "BLZ CRI GTM HND MEX NIC PAN SLV",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PER PRY SUR URY VEN",
    "Caribbean": (
        "ABW AIA ATG BES BHS BLM BRB CUB CUW CYM DMA DOM GLP GRD HTI JAM KNA LCA MAF MSR "
        "MTQ PRI SXM TCA TTO VCT VGB VIR"
    ),
    "East Asia": "CHN HKG JPN KOR MAC MNG PRK TWN",
    "North America": "BMU CAN GRL SPM USA",
    "Oceania": (
        "ASM AUS CCK COK CXR FJI FSM GUM KIR MHL MNP NCL NFK NIU NRU NZL PCN PLW PNG PYF SLB TKL "
        "TON TUV UMI VUT WLF WSM"
    ),
    "Antarctica": "ATA ATF BVT HMD SGS",
}
REGIONS: dict[str, str] = {
    code: region for region, members in _REGION_MEMBERS.items() for code in members.split()
}

# Where ACLED's country name differs from ISO's short name (pycountry's common_name covers
# Iran, Syria, Laos and the like).
_ACLED_NAMES = {
    "RUS": "Russia", "COD": "Democratic Republic of Congo", "COG": "Republic of Congo",
    "PSE": "Palestine", "TUR": "Turkey", "CIV": "Ivory Coast", "CZE": "Czech Republic",
    "SWZ": "eSwatini", "BRN": "Brunei", "CPV": "Cape Verde", "FSM": "Micronesia",
    "MKD": "North Macedonia", "VAT": "Vatican City", "GMB": "Gambia",
}
# Kosovo has no ISO code; CAMEO writes KSV or KOS, ISO's user-assigned code is XKX.
_KOSOVO = ("XKX", "KSV", "KOS")


class NotExportable(ValueError):
    """A record with an ACLED type that still cannot be an ACLED row; the message says why."""


@cache
def country_info(code: str | None) -> tuple[str, str, int] | None:
    """``(iso3, ACLED country name, ISO numeric)`` for an ISO 3166-1 alpha-3 code (or a
    CAMEO code for Kosovo), ``None`` for codes that are no country (``IGO``, ``NAT``...)."""
    if not code:
        return None
    if code in _KOSOVO:
        return "XKX", "Kosovo", 0
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    name = _ACLED_NAMES.get(code) or getattr(country, "common_name", None) or country.name
    return code, name, int(country.numeric)


def event_country(record: EventRecord) -> tuple[str, str, int] | None:
    """The country the event happened in: the location's, else the target's (the side acted
    upon), else the source's."""
    candidates = [
        record.location.country if record.location else None,
        record.target.country if record.target else None,
        record.source.country,
    ]
    for code in candidates:
        info = country_info(code)
        if info is not None:
            return info
    return None


def event_id_cnty(record: EventRecord, iso3: str) -> str:
    """ACLED's ``event_id_cnty``: the ISO-3 prefix and a number derived from ``event_id``, so
    the same event keeps the same id on every run."""
    return f"{iso3}{int(record.event_id, 16) % 1_000_000_000}"


def _is_country_actor(actor: Actor) -> bool:
    code = actor.code or ""
    return actor.role is None and len(code) == 3 and country_info(code) is not None


def inter_code(actor: Actor, *, side: int, record: EventRecord, country: str) -> int:
    """ACLED's actor type (1-8) for one side of an event.

    State forces are 1 at home and 8 abroad; rebels 2; militias 3 (4 when organised around
    an identity); rioters 5; protesters 6; civilians 7; international bodies 8. A bare
    country acts through its state. An unknown armed actor is ACLED's "Unidentified Armed
    Group" (3); an unknown victim a civilian (7)."""
    assert record.acled is not None
    role = actor.role
    code = actor.code or ""
    words = " ".join(filter(None, (actor.name, actor.text)))
    event_type = record.acled.event_type
    if role in _STATE_ROLES or _is_country_actor(actor):
        home = country_info(actor.country) if actor.country else None
        return EXTERNAL if home is not None and home[0] != country else STATE_FORCES
    if role in _REBEL_ROLES:
        return REBELS
    if role in _EXTERNAL_ROLES or code.startswith("IGO") or (
        actor.country and country_info(actor.country) is None
    ):
        return EXTERNAL
    if _MILITIA_WORDS.search(words):
        return IDENTITY_MILITIA if _IDENTITY_WORDS.search(words) else POLITICAL_MILITIA
    if role in _MILITIA_ROLES:
        return POLITICAL_MILITIA
    if _RIOTER_WORDS.search(words) or (side == 1 and event_type == "Riots"):
        return RIOTERS
    if role == "OPP" or _PROTESTER_WORDS.search(words) or (side == 1 and event_type == "Protests"):
        return PROTESTERS
    if role in _CIVILIAN_ROLES or side == 2:
        return CIVILIANS
    return POLITICAL_MILITIA


def interaction_code(inter1: int, inter2: int) -> int:
    """ACLED's interaction: the two actor types, smaller first (order carries no meaning);
    a one-sided event is its actor's type followed by 0."""
    if inter2 == 0:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high


def actor_names(actor: Actor, inter: int, country_name: str, violent: bool) -> tuple[str, str]:
    """``(actor, associated actor)`` named as ACLED names them: ``Military Forces of X``,
    ``Police Forces of X``, ``Protesters (X)``, ``Civilians (X)``; the specific group read
    (journalists, a party leading a protest) goes to the associated-actor column."""
    own = country_info(actor.country)
    home = own[1] if own else country_name
    read = actor.name or actor.text
    if inter in (STATE_FORCES, EXTERNAL) and (actor.role or _is_country_actor(actor)):
        if actor.role == "MIL" or (actor.role is None and violent):
            return f"Military Forces of {home}", ""
        if actor.role == "COP":
            return f"Police Forces of {home}", ""
        if actor.role == "GOV" or actor.role is None:
            return f"Government of {home}", ""
    generic = {RIOTERS: "Rioters", PROTESTERS: "Protesters", CIVILIANS: "Civilians"}
    if inter in generic:
        return f"{generic[inter]} ({country_name})", "" if _GENERIC_READ.search(read) else read
    return read, ""


def acled_row(record: EventRecord, *, timestamp: int) -> dict[str, Any]:
    """The ACLED row of ``record`` as a dict of ``ACLED_COLUMNS`` (numbers as ``int`` and
    ``float``, blanks as ``""`` or ``None``), valid against ``acled_row.schema.json``.

    Raises ``NotExportable`` for a record without an ACLED type, without a country, or whose
    date is unknown or known only to the year."""
    if record.acled is None:
        raise NotExportable("no ACLED event type")
    country = event_country(record)
    if country is None:
        raise NotExportable("no country")
    if record.event_date is None:
        raise NotExportable("no event date")
    precision = TIME_PRECISION.get(record.date_precision or "")
    if precision is None:
        raise NotExportable("date known only to the year")
    iso3, country_name, numeric = country
    violent = record.acled.disorder_type.startswith("Political violence")
    inter1 = inter_code(record.source, side=1, record=record, country=iso3)
    actor1, assoc1 = actor_names(record.source, inter1, country_name, violent)
    inter2, actor2, assoc2 = 0, "", ""
    if record.target is not None:
        inter2 = inter_code(record.target, side=2, record=record, country=iso3)
        actor2, assoc2 = actor_names(record.target, inter2, country_name, violent)
    location = record.location
    targeted = record.acled.event_type == "Violence against civilians" or (
        inter2 == CIVILIANS
        and record.acled.event_type in ("Explosions/Remote violence", "Riots")
    )
    row: dict[str, Any] = {
        "event_id_cnty": event_id_cnty(record, iso3),
        "event_date": record.event_date,
        "year": int(record.event_date[:4]),
        "time_precision": precision,
        "disorder_type": record.acled.disorder_type,
        "event_type": record.acled.event_type,
        "sub_event_type": record.acled.sub_event_type,
        "actor1": actor1,
        "assoc_actor_1": assoc1,
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": assoc2,
        "inter2": inter2,
        "interaction": interaction_code(inter1, inter2),
        "civilian_targeting": "Civilians targeted" if targeted else "",
        "iso": numeric,
        "region": REGIONS.get(iso3, ""),
        "country": country_name,
        "admin1": (location.admin1 or "") if location else "",
        "admin2": "",
        "admin3": "",
        "location": location.name if location else "",
        "latitude": _coordinate(location.latitude) if location else None,
        "longitude": _coordinate(location.longitude) if location else None,
        "geo_precision": location.precision if location else None,
        "source": record.news_source or "",
        "source_scale": "",
        "notes": record.sentence,
        # ACLED records 0 when no deaths are reported
        "fatalities": record.fatalities or 0,
        "tags": "",
        "timestamp": timestamp,
    }
    return row


def _coordinate(value: float | None) -> float | None:
    # ACLED gives centroids to 4 decimals
    return None if value is None else round(value, 4)
