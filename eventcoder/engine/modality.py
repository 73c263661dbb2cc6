"""Polarity and modality of an action: negated, hypothetical, future, embedded.

A negated or hypothetical act gives no event; a future material act is a threat (13x) or a
stated intention (03x) under CAMEO's conventions; an act that only completes another act
(``urged Iran to withdraw``, ``accused Iran of attacking``) is not an event of its own.
"""

from __future__ import annotations

from eventcoder.text.tokens import Token

NEGATIONS = frozenset({"not", "never", "n't", "didn't", "don't", "doesn't", "won't", "wouldn't",
                       "hasn't", "haven't", "hadn't", "isn't", "aren't", "wasn't", "weren't",
                       "cannot", "can't", "couldn't", "no"})
DENIALS = frozenset({"deny", "denied", "denies", "denying", "refuted", "rejected", "dismissed"})
# future on their own ("will strike"), and before "to" only ("vowed to retaliate"; but not
# "about 20 people were killed", "a set of strikes")
FUTURE = frozenset({"will", "'ll", "shall", "would", "warned", "warns"})
FUTURE_BEFORE_TO = frozenset({"going", "plans", "plan", "planned", "planning", "intends",
                              "intend", "intended", "vowed", "vows", "vow", "pledged", "pledges",
                              "promised", "promises", "threatened", "threatens", "threaten",
                              "ready", "prepared", "preparing", "set", "seeks", "seek", "wants",
                              "want", "expected", "about", "poised"})
REFUSALS = frozenset({"refuse", "refused", "refuses", "refusing", "declined", "declines",
                      "failed", "fails", "fail"})
HABITUAL = frozenset({"routinely", "frequently", "regularly", "often", "usually", "typically",
                      "traditionally", "habitually"})
HYPOTHETICAL = frozenset({"could", "may", "might", "if", "unless", "whether", "should"})
CONDITIONS = frozenset({"if", "unless", "whether"})
BARRIERS = frozenset({".", ";", ":", "!", "?", '"', "but", "while", "whereas"})

# future or announced acts: what CAMEO codes them as. The longest matching prefix of the
# act's code wins: "will release prisoners" (0841) is an intent to release (0353).
FUTURE_CODES_BY_PREFIX = {
    "045": "039", "046": "036", "057": "037", "061": "0311", "062": "0312", "063": "0313",
    "064": "0314", "071": "0331", "072": "0332", "073": "0333", "074": "0334",
    "081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354", "086": "0355",
    "087": "0356", "0871": "0356", "0872": "0356", "0873": "0356", "0874": "0356",
    "161": "1313", "162": "1311", "163": "1312", "1723": "1323", "1724": "1324",
    "181": "1383", "183": "1383", "186": "1383", "192": "1382", "191": "1381",
    "195": "1384", "194": "1384", "193": "1384", "190": "1384", "204": "1385",
}
FUTURE_CODES = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030",
    "14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138",
}
PERFECT = frozenset({"has", "have", "had"})
# spans a tally runs over: "since 2015", "since last year", "over the past three months"
SPANS = frozenset({"years", "decades", "months", "weeks", "year", "decade", "month", "week"})
MONTHS = frozenset("""january february march april may june july august september october
    november december""".split())
# words that date one act, ending the reach of a habitual adverb: "often patrol ... and on
# Monday arrested"
DATING = frozenset("""on yesterday today tonight last monday tuesday wednesday thursday
    friday saturday sunday""".split())
MATERIAL_ROOTS = frozenset({"06", "07", "08", "09", "14", "15", "16", "17", "18", "19", "20"})


def _window(tokens: list[Token], start: int, width: int) -> list[str]:
    folds: list[str] = []
    for token in reversed(tokens[max(0, start - width) : start]):
        if token.fold in BARRIERS or token.fold == ",":
            break
        folds.append(token.fold)
    return folds


def is_negated(tokens: list[Token], start: int) -> bool:
    """A negation or denial in the few words before the action: ``did not attack``,
    ``denied launching``, ``denied that its forces had used``, ``refused to approve``."""
    words = _window(tokens, start, 4)
    if any(w in NEGATIONS for w in words) or any(w in DENIALS for w in words[:2]):
        return True
    if len(words) >= 2 and words[0] == "to" and words[1] in REFUSALS:
        return True
    clause = _window(tokens, start, 8)
    return any(
        word == "that" and k + 1 < len(clause) and clause[k + 1] in DENIALS
        for k, word in enumerate(clause)
    )


def is_habitual(tokens: list[Token], start: int) -> bool:
    """``routinely carries out``, ``has long accused``, ``frequently sets off bombs ... and
    attacks``: a description of what an actor does, not a report of something it did."""
    words = _window(tokens, start, 3)
    if any(w in HABITUAL for w in words):
        return True
    # "frequently sets off bombs ... and attacks": the adverb holds for every verb of the
    # coordination after it, unless a date singles one out; "the frequently targeted town"
    # is an adjective
    clause = _window(tokens, start, 12)
    for k, word in enumerate(clause):
        if word in DATING:
            break
        if word in HABITUAL and "and" in clause[:k] and clause[k + 1 : k + 2] != ["the"]:
            return True
    return any(
        w == "long" and k + 1 < len(words) and words[k + 1] in PERFECT
        for k, w in enumerate(words)
    )


def is_cumulative(tokens: list[Token], start: int, end: int) -> bool:
    """``has killed more than 30,000 people since 2009``, ``have held 20 rounds of talks
    over the past decade``: a tally of many acts over a span, not a report of one."""
    if not any(w in PERFECT for w in _window(tokens, start, 3)):
        return False
    for k in range(end, min(len(tokens), end + 15)):
        fold = tokens[k].fold
        if fold in BARRIERS:
            return False
        following = tokens[k + 1].fold if k + 1 < len(tokens) else ""
        if fold == "since" and _span_start(tokens, k + 1):
            # but "the largest build-up since 2014", "the first visit since": a comparison
            return not any(t.fold.endswith("est") or t.fold in {"first", "most"}
                           for t in tokens[max(end, k - 3) : k])
        if fold in {"over", "in", "during"} and following in {"the", "past", "last"} and any(
            t.fold in SPANS for t in tokens[k + 1 : k + 5]
        ):
            return True
    return False


def _span_start(tokens: list[Token], at: int) -> bool:
    """Whether ``since`` at ``at - 1`` opens a span of months or years (``since 2009``,
    ``since March``, ``since last year``, ``since the start of the war``), not a day."""
    following = [t.fold for t in tokens[at : at + 3]]
    if not following:
        return False
    first = following[0]
    if (first.isdigit() and len(first) == 4) or first in MONTHS:
        return True
    if first == "last" and following[1:2] and following[1] in SPANS:
        return True
    return first == "the" and following[1:2] in (["start"], ["beginning"], ["outbreak"])


def is_future(tokens: list[Token], start: int) -> bool:
    """``will strike``, ``vowed to retaliate``, ``plans to attack``, ``is going to``."""
    words = _window(tokens, start, 4)
    if any(w in FUTURE for w in words):
        return True
    # "vowed to strike", "vowed to keep attacking"
    return any(
        words[k] == "to" and k + 1 < len(words) and words[k + 1] in FUTURE_BEFORE_TO
        for k in range(min(2, len(words)))
    )


def is_hypothetical(tokens: list[Token], start: int) -> bool:
    """``could attack``, ``if they strike``; the month May is no modal."""
    words = _window(tokens, start, 5)
    months = {
        t.fold for t in tokens[max(0, start - 5) : start] if t.text == "May" and t is not tokens[0]
    }
    return any(w in HYPOTHETICAL and w not in months for w in words)


# words before an act named by a noun that say it has not happened: "a planned protest", "the
# chances of a deal", "any sanctions"; and a verb's counterfactual ("would have extended aid")
UNREALISED = frozenset({"planned", "proposed", "possible", "potential", "prospective",
                        "would-be", "any", "chances", "chance", "prospects", "prospect", "hopes"})
COUNTERFACTUAL = frozenset({"would", "could", "might", "should"})


def is_unrealised(tokens: list[Token], start: int, *, noun: bool = True) -> bool:
    """An act named by a noun that has not happened: ``a planned protest``, ``pessimistic
    about the chances of a deal``, ``a resolution that would have extended aid deliveries``.
    A verb's form read as a noun (``a planned Koran-burning protest``) needs an article
    before the modifier: ``the Taliban planned and carried out`` did."""
    words = _window(tokens, start, 6)
    for k, w in enumerate(words[:4]):
        if w in UNREALISED and (noun or w == "any" or words[k + 1 : k + 2] in (
            ["a"], ["an"], ["the"]
        )):
            return True
    return any(w == "have" and words[k + 1 : k + 2] and words[k + 1] in COUNTERFACTUAL
               for k, w in enumerate(words))


def is_conditional(tokens: list[Token], start: int) -> bool:
    """``if it moved to threaten its neighbours``, ``unless Israel halts``: any act in a
    condition is what might happen, not what did."""
    return any(w in CONDITIONS for w in _window(tokens, start, 5))


def is_infinitive(tokens: list[Token], start: int) -> bool:
    """The action is the verb of a ``to`` infinitive: ``urged them to withdraw``."""
    return start > 0 and tokens[start - 1].fold == "to"


# bodies set up to do something: "appointed a panel to look into", "set up a commission to
# investigate": the act is the body's mandate, begun when it is set up
BODIES = frozenset({"panel", "panels", "commission", "commissions", "body", "committee",
                    "committees", "team", "teams", "inquiry", "tribunal", "mission", "taskforce",
                    "force"})
SETTING_UP = frozenset({"set", "setting", "sets", "appointed", "appoints", "appointing",
                        "established", "establishes", "establishing", "formed", "forms",
                        "forming", "created", "creates", "creating", "launched", "launches",
                        "named", "names", "convened", "convenes"})


def is_mandate(tokens: list[Token], start: int) -> bool:
    """The infinitive gives the mandate of a body just set up (``set up a panel to
    investigate``, ``set up panels in several states to investigate``): what it was set up
    to do is done by setting it up."""
    if not is_infinitive(tokens, start):
        return False
    before = [t.fold for t in tokens[max(0, start - 9) : start - 1]]
    body = next((k for k in range(len(before) - 1, -1, -1) if before[k] in BODIES), None)
    return body is not None and any(w in SETTING_UP for w in before[:body])


ACT_NOUNS = frozenset({"step", "steps", "act", "process", "move", "decision", "business"})


def is_embedded_gerund(tokens: list[Token], start: int) -> bool:
    """``accused Iran of attacking``, ``condemned them for shelling``, ``stopped them from
    intercepting``: the act is the content of another act, not an event of its own."""
    if not (
        start > 0
        and tokens[start].fold.endswith("ing")
        and tokens[start - 1].fold in {"of", "for", "about", "over", "after", "before", "without",
                                       "from"}
    ):
        return False
    # "took the step of expelling", "in the process of withdrawing": the act itself
    if start > 1 and tokens[start - 1].fold == "of" and tokens[start - 2].fold in ACT_NOUNS:
        return False
    # "claimed responsibility for detonating a car bomb": the act happened
    return not (start > 1 and tokens[start - 1].fold == "for"
                and tokens[start - 2].fold == "responsibility")


def future_code(code: str) -> str:
    """What an announced or threatened act is coded as (``195`` -> ``1384``,
    ``0841`` -> ``0353``)."""
    for length in (4, 3):
        if code[:length] in FUTURE_CODES_BY_PREFIX:
            return FUTURE_CODES_BY_PREFIX[code[:length]]
    return FUTURE_CODES.get(code[:2], code)
