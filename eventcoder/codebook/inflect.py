"""Inflections of codebook words: verb forms and noun plurals, generated so that codebook
writers list each word once."""

from __future__ import annotations

import re

# base -> (past, past participle); -s and -ing forms are regular for all of these
IRREGULAR_VERBS: dict[str, tuple[str, ...]] = {
    "arise": ("arose", "arisen"), "be": ("was", "were", "been", "is", "are", "am"),
    "bear": ("bore", "borne"), "beat": ("beat", "beaten"), "begin": ("began", "begun"),
    "bind": ("bound",), "bite": ("bit", "bitten"), "blow": ("blew", "blown"),
    "break": ("broke", "broken"), "bring": ("brought",), "build": ("built",),
    "burn": ("burnt", "burned"), "buy": ("bought",), "catch": ("caught",),
    "choose": ("chose", "chosen"), "come": ("came",), "cut": ("cut",), "deal": ("dealt",),
    "dig": ("dug",), "do": ("did", "done", "does"), "draw": ("drew", "drawn"),
    "drive": ("drove", "driven"), "eat": ("ate", "eaten"), "fall": ("fell", "fallen"),
    "feed": ("fed",), "feel": ("felt",), "fight": ("fought",), "find": ("found",),
    "flee": ("fled",), "fly": ("flew", "flown", "flies"), "forbid": ("forbade", "forbidden"),
    "forgive": ("forgave", "forgiven"), "freeze": ("froze", "frozen"), "get": ("got", "gotten"),
    "give": ("gave", "given"), "go": ("went", "gone", "goes"), "grow": ("grew", "grown"),
    "hang": ("hung", "hanged"), "have": ("had", "has"), "hear": ("heard",),
    "hide": ("hid", "hidden"), "hit": ("hit",), "hold": ("held",), "hurt": ("hurt",),
    "keep": ("kept",), "know": ("knew", "known"), "lay": ("laid",), "lead": ("led",),
    "leave": ("left",), "lend": ("lent",), "let": ("let",), "lose": ("lost",),
    "make": ("made",), "mean": ("meant",), "meet": ("met",), "mislead": ("misled",),
    "overrun": ("overran", "overrun"), "overthrow": ("overthrew", "overthrown"),
    "overtake": ("overtook", "overtaken"), "pay": ("paid",), "put": ("put",), "quit": ("quit",),
    "rebuild": ("rebuilt",), "retake": ("retook", "retaken"), "ride": ("rode", "ridden"),
    "rise": ("rose", "risen"), "run": ("ran", "run"), "say": ("said", "says"),
    "see": ("saw", "seen"), "seek": ("sought",), "sell": ("sold",), "send": ("sent",),
    "set": ("set",), "shake": ("shook", "shaken"), "shed": ("shed",), "shoot": ("shot",),
    "shut": ("shut",), "sink": ("sank", "sunk"), "slay": ("slew", "slain"),
    "speak": ("spoke", "spoken"), "spend": ("spent",), "split": ("split",),
    "spread": ("spread",), "stand": ("stood",), "steal": ("stole", "stolen"),
    "stick": ("stuck",), "strike": ("struck", "stricken"), "swear": ("swore", "sworn"),
    "take": ("took", "taken"), "teach": ("taught",), "tear": ("tore", "torn"),
    "tell": ("told",), "think": ("thought",), "throw": ("threw", "thrown"),
    "undertake": ("undertook", "undertaken"), "uphold": ("upheld",), "upset": ("upset",),
    "wage": ("waged",), "wake": ("woke", "woken"), "wear": ("wore", "worn"),
    "win": ("won",), "withdraw": ("withdrew", "withdrawn"), "withhold": ("withheld",),
    "write": ("wrote", "written"), "broadcast": ("broadcast",), "forecast": ("forecast",),
    "shell": ("shelled",), "sentence": ("sentenced",), "bid": ("bid",), "cast": ("cast",),
    "thrust": ("thrust",), "slit": ("slit",), "spit": ("spat",), "beset": ("beset",),
    "sweep": ("swept",), "sit": ("sat",), "cling": ("clung",), "rewrite": ("rewrote", "rewritten"),
    "override": ("overrode", "overridden"), "undergo": ("underwent", "undergone"),
    "withstand": ("withstood",), "slide": ("slid",), "swing": ("swung",), "fling": ("flung",),
    "leap": ("leapt", "leaped"), "light": ("lit", "lighted"), "shrink": ("shrank", "shrunk"),
    "bend": ("bent",), "strive": ("strove", "striven"),
}

IRREGULAR_PLURALS = {
    "man": "men", "woman": "women", "child": "children", "person": "people",
    "policeman": "policemen", "policewoman": "policewomen", "spokesman": "spokesmen",
    "spokeswoman": "spokeswomen", "gunman": "gunmen", "militiaman": "militiamen",
    "chairman": "chairmen", "congressman": "congressmen", "serviceman": "servicemen",
    "tribesman": "tribesmen", "countryman": "countrymen", "crisis": "crises",
    "analysis": "analyses", "thesis": "theses", "life": "lives", "wife": "wives",
    "leaf": "leaves", "thief": "thieves", "chief": "chiefs", "aircraft": "aircraft",
    "police": "police", "personnel": "personnel", "sheep": "sheep", "series": "series",
    "staff": "staff", "troops": "troops", "ammunition": "ammunition",
}

_VOWELS = set("aeiou")
# verbs of two or more syllables stressed on the last one double it: admitted, referred
_STRESSED_ENDINGS = (
    "admit", "commit", "submit", "permit", "emit", "omit", "transmit", "acquit", "refer",
    "prefer", "confer", "defer", "infer", "transfer", "deter", "occur", "recur", "incur",
    "concur", "compel", "expel", "propel", "repel", "dispel", "regret", "control", "patrol",
    "enrol", "extol", "forget", "begin", "equip", "embed", "allot", "abet", "outfit",
    # compounds of a one-syllable verb that doubles: airdrop -> airdropped
    "drop", "kidnap", "strip", "stop", "ship", "trap", "plan", "cap",
)


def _doubles_final_consonant(word: str) -> bool:
    # stop -> stopped, ban -> banned, but not visit -> visited, open -> opened
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS | set("wxy")
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
        and (len(re.findall(r"[aeiouy]+", word)) == 1 or word.endswith(_STRESSED_ENDINGS))
    )


def _british_doubling(word: str) -> set[str]:
    # cancel -> cancelled, signal -> signalled (British spelling, common in wire copy)
    if word.endswith("l") and not word.endswith("ll") and len(word) > 3 and word[-2] in _VOWELS:
        return {word + "led", word + "ling"}
    return set()


def verb_forms(base: str) -> frozenset[str]:
    """Every form of a verb given in its base form: ``recall`` -> recall, recalls,
    recalled, recalling. Irregular verbs come from a table."""
    forms = {base} | _british_doubling(base)
    if base.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(base + "es")
    elif base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
        forms.add(base[:-1] + "ies")
    else:
        forms.add(base + "s")
    irregular = IRREGULAR_VERBS.get(base)
    if irregular is not None:
        forms.update(irregular)
    if base.endswith("ie"):
        forms.add(base[:-2] + "ying")
        forms.add(base + "d")
    elif base.endswith(("ee", "ye", "oe")):
        forms.add(base + "ing")  # agree -> agreeing, agreed
        if irregular is None:
            forms.add(base + "d")
    elif base.endswith("e"):
        forms.add(base[:-1] + "ing")
        if irregular is None:
            forms.add(base + "d")
    elif _doubles_final_consonant(base):
        forms.add(base + base[-1] + "ing")
        if irregular is None:
            forms.add(base + base[-1] + "ed")
    else:
        forms.add(base + "ing")
        if irregular is None:
            if base.endswith("y") and len(base) > 1 and base[-2] not in _VOWELS:
                forms.add(base[:-1] + "ied")
            else:
                forms.add(base + "ed")
    return frozenset(forms)


# words in -s that are no regular plural, or whose singular is not the word without -s
NOT_PLURALS = frozenset({"series", "species", "headquarters", "themselves", "ourselves",
                         "yourselves", "whereabouts", "crossroads", "barracks", "means",
                         "news", "politics", "physics", "economics", "always", "perhaps",
                         "whereas", "overseas", "alias", "atlas", "canvas", "chaos"})
# plurals in -ves whose singular ends in -f or -fe
F_PLURALS = {"knives": "knife", "lives": "life", "wives": "wife", "wolves": "wolf",
             "halves": "half", "thieves": "thief", "shelves": "shelf", "selves": "self"}


def _singular(word: str) -> str | None:
    """The singular of a regular plural (``facilities`` -> facility, ``positions`` ->
    position), or None for a word that is no plural."""
    if len(word) < 5 or not word.endswith("s") or word.endswith(("ss", "us", "is", "ics")):
        return None
    if word in NOT_PLURALS:
        return None
    if word in F_PLURALS:
        return F_PLURALS[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def noun_forms(word: str) -> frozenset[str]:
    """A noun and its plural: ``strike`` -> strike, strikes; ``militia`` -> militias; a
    plural and its singular: ``positions`` -> position, positions."""
    if word in IRREGULAR_PLURALS:
        return frozenset({word, IRREGULAR_PLURALS[word]})
    if not word.isalpha() or len(word) < 2:
        return frozenset({word})
    singular = _singular(word)
    if singular is not None:
        return frozenset({word, singular})
    if word.endswith("o") and word[-2] not in _VOWELS:
        return frozenset({word, word + "s", word + "es"})  # embargoes, radios
    if word.endswith(("s", "x", "z", "ch", "sh")):
        plural = word + "es"
    elif word.endswith("y") and word[-2] not in _VOWELS:
        plural = word[:-1] + "ies"
    else:
        plural = word + "s"
    return frozenset({word, plural})
