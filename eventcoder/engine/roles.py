"""Who did it and to whom: subjects, objects, passive agents and prepositional targets.

No parser: the roles are read from the positions of actor phrases around the action, with the
clause marks (punctuation, subordinators, quotes) that bound them.
"""

from __future__ import annotations

from eventcoder.engine.actors import ActorRef
from eventcoder.engine.matcher import ActionMatch
from eventcoder.engine.words import (
    ADVERBS,
    ARTICLES,
    ATTACK_NOUNS,
    BE,
    COUNT_WORDS,
    HEADS,
    INSTRUMENT_MARKERS,
    IRREGULAR_PASTS,
    LEFT_BARRIERS,
    LOCATIVE_PLACES,
    MODALS,
    PLACE_MODIFIERS,
    POSSESSIVES,
    PREPOSITIONS,
    QUANTITIES,
    RELATIVIZERS,
    REPORTING_VERBS,
    RIGHT_BARRIERS,
    SPEECH_VERBS,
    SUBJECT_OPENERS,
    WEAPON_AGENTS,
)
from eventcoder.text.tokens import Token

TARGET_WINDOW = 12
PASSIVE_AGENT_WINDOW = 5


def is_passive(tokens: list[Token], match: ActionMatch,
               refs: list[ActorRef] | None = None) -> bool:
    """``was attacked``, ``were reportedly killed``: a participle after a form of *be*; or
    a participle right after the noun it describes (``a tanker seized by marines``,
    ``missionaries seized near the border``)."""
    head = tokens[match.start].fold
    if not (head.endswith(("ed", "en", "wn")) or head in {"hit", "shot", "held", "struck",
                                                           "met", "sent", "led", "fought"}):
        return False
    k = match.start - 1
    while k >= 0 and tokens[k].fold in ADVERBS - {"had", "have", "has"}:
        k -= 1
    if k >= 0 and tokens[k].fold in BE:
        return True
    # "an Iranian oil tanker seized by Royal Marines", "a truce brokered by the UN": a noun
    # phrase, the participle, "by" and its agent (but "responded by firing" is active)
    previous = tokens[match.start - 1] if match.start > 0 else None
    after_noun = previous is not None and (
        (previous.text.isalpha() and previous.text == previous.fold)
        or any(r.end == match.start and r.kind != "pronoun" for r in refs or [])
    )
    return (
        refs is not None and match.end - match.start == 1 and match.end + 1 < len(tokens)
        and tokens[match.end].fold == "by" and not tokens[match.end + 1].fold.endswith("ing")
        and after_noun
        and not any(t.fold in RIGHT_BARRIERS | {","}
                    for t in tokens[max(0, match.start - 2) : match.start])
    )


def is_reduced_passive(tokens: list[Token], match: ActionMatch) -> bool:
    """A participle right after the noun it describes, with no form of *be* (``a truce
    brokered by Qatar``)."""
    k = match.start - 1
    while k >= 0 and tokens[k].fold in ADVERBS - {"had", "have", "has"}:
        k -= 1
    return not (k >= 0 and tokens[k].fold in BE)


def described_before(refs: list[ActorRef], tokens: list[Token],
                     position: int) -> ActorRef | None:
    """The actor a participle at ``position`` describes: the one before it, with at most
    three common nouns between (``an Iranian oil tanker seized``)."""
    for ref in reversed(refs):
        if ref.end > position:
            continue
        between = tokens[ref.end : position]
        if len(between) <= 3 and all(t.text.isalpha() and t.text == t.fold for t in between):
            return ref
        return None
    return None


def subject_before(refs: list[ActorRef], tokens: list[Token], position: int) -> ActorRef | None:
    """The nearest actor phrase before ``position`` that can be a subject: not the object of a
    preposition, and not beyond a clause mark."""
    barrier = -1
    for k in range(position - 1, -1, -1):
        if tokens[k].fold in LEFT_BARRIERS:
            barrier = k
            break
    # "..., the Houthis said, accusing X of": the speaker is the subject of the participle
    participle = (
        0 < position < len(tokens) and tokens[position - 1].fold == ","
        and tokens[position].fold.endswith("ing")
    )
    k = position - 1
    while k > 0 and tokens[k].fold in ADVERBS | BE | MODALS:
        k -= 1
    if k > 0 and tokens[k].fold in RELATIVIZERS:
        # "riots that have killed two people": the subject is the noun before "that" (", who"),
        # not a place it is in ("the strike in Kabul that killed")
        head = k - 1 if tokens[k - 1].fold == "," else k
        return next((r for r in refs if r.end == head and r.kind != "pronoun"
                     and not _after_locative(tokens, r.start)
                     and not (r.start > 0 and tokens[r.start - 1].fold in PREPOSITIONS)),
                    None)
    if position > 2 and tokens[position - 1].fold == ",":
        # "Turkey, which backs some rebel groups, called on Moscow": past the relative clause
        # (which may hold commas of its own)
        for k in range(position - 2, 0, -1):
            if tokens[k].fold in LEFT_BARRIERS:
                break
            if tokens[k].fold in {"which", "who"} and tokens[k - 1].fold == ",":
                described = next((r for r in refs if r.end == k - 1), None)
                if described is not None:
                    return described
                break
    # "gunmen abducted two Lebanese men and killed a soldier": the object of the verb before
    # "and" is not the subject of the verb after it
    coordinated = position > 0 and tokens[position - 1].fold == "and"
    for ref in reversed(refs):
        if ref.end > position or ref.start <= barrier:
            continue
        if any(t.fold in SPEECH_VERBS for t in tokens[ref.end : position]) and not participle:
            return None  # "an official says a bomb killed ...": the speaker, not the subject
        k = ref.start - 1
        while k > 0 and tokens[k].fold in PLACE_MODIFIERS | ARTICLES:
            k -= 1  # "rebels in northern Mali ambushed": Mali is where, not who
        if k == ref.start - 1 and k > 2 and tokens[k].text.isalpha() and (
            tokens[k].text == tokens[k].fold and tokens[k - 1].fold in ARTICLES
        ):
            # "the attack on the army checkpoint killed": after "on the army" (but "In the
            # morning the army shelled" opens with a time)
            k -= 2
        # "hundreds of PTI supporters", "the head of the African Union Commission"
        quantity = k > 0 and tokens[k].fold == "of" and tokens[k - 1].fold in QUANTITIES | HEADS
        if k >= 0 and tokens[k].fold in PREPOSITIONS and not quantity:
            continue  # but "hundreds of PTI supporters blocked" is the subject
        if ref.kind == "pronoun" and ref.pronoun == "thing" and tokens[ref.start].fold == "its":
            continue  # a possessive alone is not a subject
        if (participle or coordinated) and _object_of_verb(tokens, ref.start):
            continue  # "an earthquake struck Nepal, killing 1,800": Nepal killed no one
        return ref
    return None


def _object_of_verb(tokens: list[Token], start: int) -> bool:
    """Whether the phrase at ``start`` follows a verb directly (``struck Nepal``, ``abducted
    two Lebanese men``), as an object does, rather than opening its clause as a subject does
    (``said Iran had``)."""
    k = start - 1
    while k >= 0 and (tokens[k].fold in ARTICLES or tokens[k].fold.isdigit()
                      or tokens[k].fold in COUNT_WORDS):
        k -= 1
    if k < 0:
        return False
    word = tokens[k]
    return (
        word.text.isalpha() and word.text == word.fold
        and word.fold not in PREPOSITIONS | SUBJECT_OPENERS | QUANTITIES | ADVERBS
        and word.fold not in REPORTING_VERBS
    )


def possessor_before(refs: list[ActorRef], tokens: list[Token], position: int) -> ActorRef | None:
    """The actor that owns a noun event: ``Iran's air strikes``, ``Iranian strikes``, ``the
    strikes by``; up to two adjectives may stand between."""
    for ref in reversed(refs):
        if ref.end > position:
            continue
        gap = position - ref.end
        between = [t.fold for t in tokens[ref.end : position]]
        # an article opens another noun phrase: "X explain the sudden resignation"
        if gap <= 3 and not any(w in RIGHT_BARRIERS or w == "," or w in PREPOSITIONS
                                or w in ARTICLES for w in between):
            return ref
        return None
    return None


def agent_after(refs: list[ActorRef], tokens: list[Token], position: int) -> ActorRef | None:
    """The ``by`` phrase after a passive verb or a noun event."""
    for k in range(position, min(position + PASSIVE_AGENT_WINDOW, len(tokens))):
        if tokens[k].fold in RIGHT_BARRIERS:
            return None
        if tokens[k].fold == "by":
            for ref in refs:
                if ref.start > k and ref.start <= k + 3:
                    return ref
            return None
    return None


def targets_within(refs: list[ActorRef], tokens: list[Token], start: int,
                   end: int) -> list[ActorRef]:
    """The first actor phrase inside a matched pattern after its first word, with the
    actors coordinated with it: the pattern's own words (``demanded that``) are no clause
    boundary."""
    inside = [r for r in refs if start < r.start < end]
    found: list[ActorRef] = []
    for ref in inside:
        if ref.kind == "pronoun" and tokens[ref.start].fold in POSSESSIVES and any(
            r.start in (ref.end, ref.end + 1) for r in inside
        ):
            continue
        if not found:
            found.append(ref)
            continue
        between = {t.fold for t in tokens[found[-1].end : ref.start]}
        if between and between <= {"and", ",", "the", "both", "or"}:
            found.append(ref)
        else:
            break
    return found


def targets_after(refs: list[ActorRef], tokens: list[Token], position: int,
                  *, stop_at_comma: bool = True, places: bool = True) -> list[ActorRef]:
    """The first actor phrase after ``position`` in the same clause, with any actors
    coordinated with it (``against the X Front and the Y Army``, ``from Ireland, Norway and
    Spain``). With ``places=False``, actors named as where the act happened (``in southern
    Lebanon``) are passed over."""
    if _new_clause(tokens, refs, position):
        return []  # "struck Syrian positions and Hezbollah fired": another clause
    end = min(len(tokens), position + TARGET_WINDOW)
    for k in range(position, end):
        fold = tokens[k].fold
        if fold in RIGHT_BARRIERS:
            end = k
            break
        if stop_at_comma and fold == "," and not _lists_on(tokens, refs, k):
            end = k
            break
    found: list[ActorRef] = []
    means_end = -1
    for ref in refs:
        if ref.start < position or ref.start >= end:
            continue
        k = ref.start - 1
        while k > position and tokens[k].fold in ARTICLES | PLACE_MODIFIERS:
            k -= 1  # "brokered by the United Nations", "protests in central Nairobi"
        before = tokens[k].fold if ref.start > 0 else ""
        coordinated = {t.fold for t in tokens[means_end : ref.start]} <= {"and", ",", "or"}
        if before == "by" or before in INSTRUMENT_MARKERS or (means_end >= 0 and coordinated):
            # "strikes using jets and drones against X": the means are not who was hit
            means_end = ref.end if before != "by" else -1
            continue
        if ref.entry_id in WEAPON_AGENTS and ref.end < len(tokens) and (
            tokens[ref.end].fold in ATTACK_NOUNS
        ):
            continue  # "a drone attack on Eilat": the weapon names the attack, not its target
        if ref.capital and before in LOCATIVE_PLACES:
            continue  # "talks in Baghdad": the capital is where, not who
        if not places and _after_locative(tokens, ref.start):
            continue
        if possessive_of_next(tokens, refs, ref):
            continue  # "met his Bangladeshi counterpart": the counterpart is the target
        if not found:
            found.append(ref)
            continue
        between = {t.fold for t in tokens[found[-1].end : ref.start]}
        listed = bool(between) and between <= {"and", ",", "the", "both", "as", "well", "or"}
        if listed or _coordinated_nouns(tokens, found[-1], ref):
            found.append(ref)
        else:
            break
    return found


def coordinated_after(refs: list[ActorRef], tokens: list[Token],
                      found: list[ActorRef]) -> list[ActorRef]:
    """``found`` with the noun phrases coordinated after its last one (see
    ``_coordinated_nouns``)."""
    out = list(found)
    for ref in refs:
        if out and ref.start >= out[-1].end and ref.kind != "pronoun":
            if not _coordinated_nouns(tokens, out[-1], ref):
                break
            out.append(ref)
    return out


def _common_noun_phrase(tokens: list[Token], ref: ActorRef) -> bool:
    """Whether an actor phrase is a common noun's, not a name: a role noun (``teachers``,
    ``Chinese teachers``) or a country's adjective before a noun (``Chinese engineer``)."""
    head = tokens[ref.end - 1]
    return ref.adjective or ref.kind == "agent" or (
        ref.kind == "named" and not ref.is_person and head.text == head.fold
        and head.text.isalpha()
    )


def _coordinated_nouns(tokens: list[Token], first: ActorRef, second: ActorRef) -> bool:
    """``a Chinese engineer and his Nigerian driver``, ``Danish brewer Carlsberg and French
    food group Danone``, ``three Chinese teachers and their Pakistani driver``: two common
    noun phrases (see ``_common_noun_phrase``) joined by ``and``, with at most three words
    of the first noun between."""
    if not all(_common_noun_phrase(tokens, r) for r in (first, second)):
        return False
    between = tokens[first.end : second.start]
    folds = [t.fold for t in between]
    if "and" not in folds:
        return False
    at = folds.index("and")
    nouns, opener = between[:at], folds[at + 1 :]
    return (
        len(nouns) <= 3 and bool(nouns or opener)
        and all(t.text.isalpha() and t.fold not in PREPOSITIONS | RIGHT_BARRIERS for t in nouns)
        and all(w in ARTICLES | POSSESSIVES or w.isdigit() for w in opener)
    )


def possessive_of_next(tokens: list[Token], refs: list[ActorRef], ref: ActorRef) -> bool:
    """Whether ``ref`` is a possessive pronoun of the actor right after it (``his Nigerian
    driver``): that actor, not the owner, is the one named."""
    return (
        ref.kind == "pronoun" and tokens[ref.start].fold in POSSESSIVES
        and any(r.start in (ref.end, ref.end + 1) for r in refs)
    )


def verb_follows_and(tokens: list[Token], position: int) -> bool:
    """Whether ``and`` and a past-tense verb come at ``position`` (``... and deployed``)."""
    if position + 1 >= len(tokens) or tokens[position].fold != "and":
        return False
    verb = tokens[position + 1]
    return verb.text == verb.fold and (verb.fold.endswith("ed") or verb.fold in IRREGULAR_PASTS)


def _new_clause(tokens: list[Token], refs: list[ActorRef], position: int) -> bool:
    """Whether ``and`` at ``position`` opens a clause with a subject of its own (``and
    Hezbollah fired``) rather than going on with the same verb (``killed and wounded``)."""
    if position >= len(tokens) or tokens[position].fold not in {"and", "but"}:
        return False
    k = position + 1
    while k < len(tokens) and tokens[k].fold in ARTICLES:
        k += 1
    subject = next((r for r in refs if r.start == k), None)
    if subject is None or subject.end >= len(tokens):
        return False
    verb = tokens[subject.end].fold
    return verb.endswith("ed") or verb in SPEECH_VERBS or verb in IRREGULAR_PASTS


def after_preposition(tokens: list[Token], ref: ActorRef) -> bool:
    """Whether an actor phrase is a preposition's object (``around Taiwan``, ``with the
    rebels``)."""
    k = ref.start - 1
    while k > 0 and tokens[k].fold in ARTICLES | PLACE_MODIFIERS:
        k -= 1
    return k >= 0 and tokens[k].fold in PREPOSITIONS


def _after_locative(tokens: list[Token], start: int) -> bool:
    k = start - 1
    while k > 0 and tokens[k].fold in PLACE_MODIFIERS:
        k -= 1
    return k >= 0 and tokens[k].fold in LOCATIVE_PLACES


def _lists_on(tokens: list[Token], refs: list[ActorRef], comma: int) -> bool:
    """Whether the comma at ``comma`` separates items of a list of actors that ends in
    ``and`` or ``or`` (``Ireland, Norway and Spain``), rather than closing the clause."""
    by_start = {r.start: r for r in refs}
    k = comma
    while k < len(tokens) and tokens[k].fold == ",":
        ref = by_start.get(k + 1)
        if ref is None:
            return False
        k = ref.end
        if k < len(tokens) and tokens[k].fold in {"and", "or"}:
            return (k + 1) in by_start or (
                k + 2 < len(tokens) and tokens[k + 1].fold == "the" and (k + 2) in by_start
            )
    return False


def coordinated_before(refs: list[ActorRef], tokens: list[Token], ref: ActorRef) -> list[ActorRef]:
    """Actors coordinated before a subject: ``Russia and China vetoed`` gives both."""
    group = [ref]
    index = refs.index(ref)
    while index > 0:
        previous = refs[index - 1]
        # "Malian troops and Tuareg rebels": a people's name before the second one
        span = tokens[previous.end : group[0].start]
        while len(span) > 1 and span[-1].text[:1].isupper() and span[-1].text.isalpha() and (
            span[-2].fold == "and" or span[-2].text[:1].isupper()
        ):
            span = span[:-1]
        between = {t.fold for t in span}
        if between and between <= {"and", ",", "both", "the"} and "and" in between | {
            t.fold for t in tokens[group[0].start : group[-1].end]
        } | between:
            group.insert(0, previous)
            index -= 1
        else:
            break
    return group
