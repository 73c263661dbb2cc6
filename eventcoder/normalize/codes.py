"""Codes to their canonical forms: CAMEO event codes, CAMEO actor codes, ISO countries.

CAMEO event codes are strings with their leading zero ("0256", "042"); spreadsheets and
numeric columns drop it (256, 42) or mangle it ("25.6"), and every such form is read back
here against the list of valid codes.
"""

from __future__ import annotations

import functools
import math
import re

import pycountry

from eventcoder.normalize.names import fold

__all__ = [
    "CAMEO_EVENT_CODES",
    "cameo_root",
    "country_alpha3",
    "normalize_actor_code",
    "normalize_cameo_code",
]

# The CAMEO 1.1b3 event codes (with GDELT's and ICEWS's additions), as listed in the
# project's reference code list. A literal keeps the check free of I/O.
CAMEO_EVENT_CODES: frozenset[str] = frozenset(
    {
        "01", "010", "011", "012", "013", "014", "015", "016", "017", "018", "019", "02", "020",
        "021", "0211", "0212", "0213", "0214", "022", "023", "0231", "0232", "0233", "0234",
        "024", "0241", "0242", "0243", "0244", "025", "0251", "0252", "0253", "0254", "0255",
        "0256", "026", "027", "028", "03", "030", "031", "0311", "0312", "0313", "0314", "032",
        "033", "0331", "0332", "0333", "0334", "034", "0341", "0342", "0343", "0344", "035",
        "0351", "0352", "0353", "0354", "0355", "0356", "036", "037", "038", "039", "04", "040",
        "041", "042", "043", "044", "045", "046", "05", "050", "051", "052", "053", "054", "055",
        "056", "057", "06", "060", "061", "062", "063", "064", "07", "070", "071", "072", "073",
        "074", "075", "08", "080", "081", "0811", "0812", "0813", "0814", "082", "083", "0831",
        "0832", "0833", "0834", "084", "0841", "0842", "085", "086", "0861", "0862", "0863",
        "087", "0871", "0872", "0873", "0874", "09", "090", "091", "092", "093", "094", "10",
        "100", "101", "1011", "1012", "1013", "1014", "102", "103", "1031", "1032", "1033",
        "1034", "104", "1041", "1042", "1043", "1044", "105", "1051", "1052", "1053", "1054",
        "1055", "1056", "106", "107", "108", "11", "110", "111", "112", "1121", "1122", "1123",
        "1124", "1125", "113", "114", "115", "116", "12", "120", "121", "1211", "1212", "1213",
        "122", "1221", "1222", "1223", "1224", "123", "1231", "1232", "1233", "1234", "124",
        "1241", "1242", "1243", "1244", "1245", "1246", "125", "126", "127", "128", "129", "13",
        "130", "131", "1311", "1312", "1313", "132", "1321", "1322", "1323", "1324", "133", "134",
        "135", "136", "137", "138", "1381", "1382", "1383", "1384", "1385", "139", "14", "140",
        "141", "1411", "1412", "1413", "1414", "142", "1421", "1422", "1423", "1424", "143",
        "1431", "1432", "1433", "1434", "144", "1441", "1442", "1443", "1444", "145", "1451",
        "1452", "1453", "1454", "15", "150", "151", "152", "153", "154", "155", "16", "160",
        "161", "162", "1621", "1622", "1623", "163", "164", "165", "166", "1661", "1662", "1663",
        "17", "170", "171", "1711", "1712", "172", "1721", "1722", "1723", "1724", "173", "174",
        "175", "176", "18", "180", "181", "182", "1821", "1822", "1823", "183", "1831", "1832",
        "1833", "1834", "184", "185", "186", "19", "190", "191", "192", "193", "194", "195",
        "1951", "1952", "196", "20", "200", "201", "202", "203", "204", "2041", "2042",
    }
)

_ASCII_DIGITS = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"(?P<whole>[0-9]+)\.(?P<fraction>[0-9]+)")
_SPREADSHEET_TEXT = re.compile(r"""^=?["']*|["']*$""")


def normalize_cameo_code(value: str | int | float) -> str | None:
    """The canonical CAMEO event code for ``value``, or None if it is not one.

    Codes keep their leading zero: ``"256"``, ``256`` and ``"0256"`` give ``"0256"``, ``42``
    gives ``"042"``; root codes 10-20 and their children stand as written (``"19"``,
    ``"195"``). A code mangled into a decimal by a spreadsheet (``"25.6"``, ``25.6``) has its
    point removed; ``"195.0"`` and ``195.0`` are ``"195"``. Text-cell markers (``'0256``,
    ``="0256"``) are ignored. A digit string is read as written when that is a code, else
    with one leading zero added. Never raises.
    """
    digits = _digits_of(value)
    if digits is None:
        return None
    stripped = digits.lstrip("0")
    for candidate in (digits, "0" + digits, stripped, "0" + stripped):
        if candidate in CAMEO_EVENT_CODES:
            return candidate
    return None


def _digits_of(value: object) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value) if value >= 0 else None
    if isinstance(value, float):
        if not math.isfinite(value) or value < 0:
            return None
        text = str(int(value)) if value.is_integer() else repr(value)
    elif isinstance(value, str):
        text = _SPREADSHEET_TEXT.sub("", value.strip()).strip()
    else:
        return None
    decimal = _DECIMAL.fullmatch(text)
    if decimal is not None:
        fraction = decimal.group("fraction").rstrip("0")
        text = decimal.group("whole") + fraction
    if not _ASCII_DIGITS.fullmatch(text) or len(text) > 6:
        return None
    return text


def cameo_root(code: str) -> str:
    """The root (first two digits) of a CAMEO event code: ``cameo_root("0256") == "02"``.

    The code is normalised first, so ``cameo_root("256")`` is ``"02"`` too. Raises
    ``ValueError`` naming the value when it is not a CAMEO event code.
    """
    normal = normalize_cameo_code(code)
    if normal is None:
        raise ValueError(f"not a CAMEO event code: {code!r} (expected digits such as '0256')")
    return normal[:2]


_ACTOR_CODE = re.compile(r"(?:[A-Z]{3}){1,5}")


def normalize_actor_code(value: str) -> str | None:
    """A CAMEO actor code in upper case (``"pakgov "`` gives ``"PAKGOV"``), or None.

    A code is 3 to 15 ASCII letters made of 3-letter elements (``CHN``, ``IRNMIL``,
    ``IGOUNOWHO``). Never raises.
    """
    if not isinstance(value, str):
        return None
    code = value.strip().upper()
    return code if _ACTOR_CODE.fullmatch(code) else None


# Names in everyday English that ISO 3166 spells differently, or not at all.
_COUNTRY_ALIASES = {
    "america": "USA", "united states of america": "USA", "us": "USA", "usa": "USA",
    "the united states": "USA", "u s": "USA", "u s a": "USA",
    "britain": "GBR", "great britain": "GBR", "uk": "GBR", "u k": "GBR", "england": "GBR",
    "scotland": "GBR", "wales": "GBR", "northern ireland": "GBR",
    "burma": "MMR", "russia": "RUS", "iran": "IRN", "persia": "IRN", "syria": "SYR",
    "north korea": "PRK", "south korea": "KOR", "korea": "KOR", "dprk": "PRK",
    "vietnam": "VNM", "laos": "LAO", "bolivia": "BOL", "venezuela": "VEN", "tanzania": "TZA",
    "moldova": "MDA", "czech republic": "CZE", "czechia": "CZE", "turkey": "TUR",
    "turkiye": "TUR", "palestine": "PSE", "palestinian territories": "PSE",
    "gaza": "PSE", "west bank": "PSE", "taiwan": "TWN", "vatican": "VAT",
    "vatican city": "VAT", "holy see": "VAT", "macedonia": "MKD", "north macedonia": "MKD",
    "swaziland": "SWZ", "eswatini": "SWZ", "drc": "COD", "dr congo": "COD",
    "democratic republic of congo": "COD", "democratic republic of the congo": "COD",
    "congo kinshasa": "COD", "republic of congo": "COG", "republic of the congo": "COG",
    "congo brazzaville": "COG", "congo": "COG", "east timor": "TLS", "timor leste": "TLS",
    "cape verde": "CPV", "uae": "ARE", "emirates": "ARE", "ivory coast": "CIV",
    "cote d ivoire": "CIV", "brunei": "BRN", "micronesia": "FSM", "gambia": "GMB",
    "bahamas": "BHS", "netherlands": "NLD", "holland": "NLD", "saudi": "SAU",
    "saudi arabia": "SAU", "libya": "LBY", "the philippines": "PHL", "philippines": "PHL",
    "kyrgyzstan": "KGZ", "kirghizia": "KGZ", "slovakia": "SVK", "st lucia": "LCA",
    "st kitts and nevis": "KNA", "st vincent and the grenadines": "VCT",
    "sao tome and principe": "STP", "falklands": "FLK", "falkland islands": "FLK",
}


def _country_key(value: str) -> str:
    # compare names without case, accents, punctuation or repeated spaces
    return " ".join(re.sub(r"[^\w\s]|_", " ", fold(value)).split())


@functools.cache
def _country_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for country in pycountry.countries:
        for attribute in ("name", "official_name", "common_name"):
            name = getattr(country, attribute, None)
            if name:
                index.setdefault(_country_key(name), country.alpha_3)
                if ", " in name:
                    # "Iran, Islamic Republic of" -> "Islamic Republic of Iran"
                    head, _, tail = name.partition(", ")
                    index.setdefault(_country_key(f"{tail} {head}"), country.alpha_3)
    for alias, code in _COUNTRY_ALIASES.items():
        index[_country_key(alias)] = code
    for country in pycountry.countries:
        index[country.alpha_2.lower()] = country.alpha_3
        index[country.numeric] = country.alpha_3
    for country in pycountry.countries:
        index[country.alpha_3.lower()] = country.alpha_3
    return index


def country_alpha3(value: str) -> str | None:
    """The ISO 3166-1 alpha-3 code of a country, or None.

    Takes alpha-2 (``"IR"``), alpha-3 (``"IRN"``) and numeric (``"364"``, ``"4"``) codes,
    ISO names in either order (``"Iran, Islamic Republic of"``, ``"Islamic Republic of
    Iran"``) and common English names (``"Iran"``, ``"Britain"``, ``"Burma"``), in any case
    and with or without accents. Exact lookups only, no fuzzy matching. Never raises.
    """
    if not isinstance(value, str):
        return None
    key = _country_key(value)
    if not key:
        return None
    if key.isdigit() and len(key) <= 3 and key.isascii():
        key = key.zfill(3)
    index = _country_index()
    found = index.get(key)
    if found is None and key.startswith("the "):
        found = index.get(key[4:])
    return found
