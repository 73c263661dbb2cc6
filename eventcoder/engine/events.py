"""Event assembly: for each action in a sentence, its source and target actors, its
polarity and modality, and the codebook entry behind it.

Articles are read sentence by sentence, in order, keeping what later sentences need: the actors
named so far (for pronouns and role nouns), the speakers of quotations, and the article's
principal actors (for ``the two sides``).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter

import attrs
import pycountry

from eventcoder.codebook.lexicon import Lexicon
from eventcoder.codebook.model import ActionEntry, ActorEntry
from eventcoder.engine import modality, roles, words
from eventcoder.engine.actors import PROVINCE_WORDS, ActorRef, build_actor_refs, compose_code
from eventcoder.engine.matcher import ActionMatch, PhraseMatch, find_actions, find_phrases
from eventcoder.engine.quotes import Quote, find_quotes, quote_at
from eventcoder.normalize.places import Gazetteer, PlaceMention, find_places, place_named
from eventcoder.normalize.tolls import find_tolls
from eventcoder.text.sentences import Sentence
from eventcoder.text.tokens import Token, tokenize

# acts of violence: the toll of one is no act of its own; a group of several theatres doing
# one fights in the country it strikes
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
# roles of armed men a report leaves unnamed ("gunmen", "militants", "bombers")
UNNAMED_ARMED = frozenset({"REB", "UAF", "INS"})
# roles whose definite noun ("the group", "the rebels") names an actor met before
ANAPHORIC_ROLES = frozenset({"HRI", "REB", "INS", "SEP", "UAF", "OPP", "PTY", "NGO", "MED"})
# acts whose unnamed victims are the civilians where they happened; fighting (19) joins them
# when the sentence counts its dead, and property attacks (171x) always do
VICTIM_ROOTS = frozenset({"18", "20"})
# measures a state takes on its own population (curfews, emergencies, and their lifting),
# coded against its own country when no other target is named; and so are the inquiries its
# authorities open into what happened in it
SELF_DIRECTED = frozenset({"172", "1721", "1722", "1723", "1724",
                           "0811", "0812", "0813", "0814"})
INQUIRIES = frozenset({"090", "091", "092", "093", "094"})
INQUIRING_ROLES = frozenset({"GOV", "JUD", "COP", "LEG"})
# the codes of violence that name no means: a doer who is a means ("a suicide bomber
# killed") gives the act its own code
GENERIC_VIOLENCE = frozenset({"180", "190"})
# acts of violence that kill or wound with no weapon of war named: against a leader they are
# an assassination (186) or an attempt at one (185), while an air strike that kills one stays
# an air strike
LETHAL_CODES = frozenset({"180", "1823", "190", "193"})
# appeals, pledges and deliveries, whose weapons are what is given
AID_ROOTS = frozenset({"02", "03", "06", "07"})
# the roles of crowds, whose violence is a riot and whose demands are what they protest for
CROWD_ROLES = frozenset({"CVL", "OPP", "EDU", "LAB", "HLH"})
MARCHES = frozenset({"140", "141", "145"})  # protests whose demands are their purpose
PROTEST_FOR = {"1041": "1411", "1042": "1412", "1043": "1413", "1044": "1414"}
# acts of force whose object may be a place: "pounded Gaza", "seized Kitchanga"
FORCEFUL_ROOTS = frozenset({"17", "18", "19", "20"})
# acts of speech, whose noun ("an unacceptable act", "a call for restraint") is the subject's
# even without a light verb; any other noun event needs its owner named ("Pelosi's visit")
SPEECH_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})
# appeals, demands, disapproval and rejections: a place after them is where they were made
VERBAL_ROOTS = frozenset({"02", "10", "11", "12"})
# the words before a place that say an act happened there: "in eastern Syria", "at Baghouz"
# ("in the port city of Karachi", "near the Syrian town of")
_LOCATIVE_FILLERS = sorted(words.PLACE_MODIFIERS | words.PLACE_NOUNS | {
    "a", "an", "of", "port", "border", "city", "town", "village", "province", "region",
    "state", "capital", "key", "strategic", "frontline", "volatile", "coastal", "main"})
LOCATED_REACH = 80  # characters: a locative and up to four words before the place
LOCATED = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Ii]nside|[Oo]utside|[Aa]round|[Aa]cross|[Ii]nto)\s+"
    r"(?:(?:" + "|".join(map(re.escape, _LOCATIVE_FILLERS)) + r"|[A-Z][\w'-]+)\s+){0,4}$"
)
# a dateline opens a report: "CAIRO, Jan 3 (Reuters) -", "KABUL:", "BEIRUT (AP) -"
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'/\- ]{2,40}(?:,\s*[A-Z][\w.' ]{0,40}){0,2}"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*(?:--|-|\u2013|\u2014|:)\s*"
)


@attrs.frozen
class Candidate:
    """An event read from one sentence, before normalisation into a record."""

    sentence: Sentence
    source: ActorRef
    target: ActorRef | None
    code: str
    entry: ActionEntry
    pattern: str
    start: int  # character offsets of the action words in the article text
    end: int
    future: bool = False


@attrs.frozen
class PriorAct:
    """The last act read in a sentence: what a later verb may share (``X recalled its envoy
    and summoned ...``, ``X demanded ..., calling it ...``)."""

    match: ActionMatch
    sources: list[ActorRef]
    targets: list[ActorRef]


@attrs.frozen
class RolesRead:
    """The source and target phrases a clause gives an action (sources shared with an earlier
    act are already resolved; resolving them again leaves them as they are)."""

    sources: list[ActorRef]
    targets: list[ActorRef]
    borrowed: list[ActorRef] = attrs.field(factory=list)  # targets of the act it continues
    outcome: bool = False  # the toll of the act before it, not an act of its own


@attrs.frozen
class SentenceTrace:
    """What the engine saw in one sentence (for ``eventcoder explain``)."""

    sentence: Sentence
    tokens: list[Token]
    phrases: list[PhraseMatch]
    actors: list[ActorRef]
    actions: list[ActionMatch]
    notes: list[str]
    candidates: list[Candidate]
    speaker: ActorRef | None
    places: list[PlaceMention] = attrs.field(factory=list)


@attrs.define
class _ArticleState:
    day: str | None
    history: list[ActorRef] = attrs.field(factory=list)
    countries: Counter[str] = attrs.field(factory=Counter)
    aliases: dict[str, ActorEntry] = attrs.field(factory=dict)
    speakers: dict[int, ActorRef | None] = attrs.field(factory=dict)
    violent: list[Candidate] = attrs.field(factory=list)
    # the sources of the previous sentence's events: what "it" and "he" at the start of the
    # next sentence most often refer to
    subjects: list[ActorRef] = attrs.field(factory=list)
    # countries of the places named so far: where "the authorities" of a later sentence are
    place_countries: list[str] = attrs.field(factory=list)
    places_before: int = 0  # how many of them earlier sentences named

    def remember(self, ref: ActorRef) -> None:
        if ref.kind == "named" and ref.code:
            self.history.append(ref)
            if ref.country:
                self.countries[ref.country] += 1

    def last(
        self, *, person: bool | None = None, before: ActorRef | None = None
    ) -> ActorRef | None:
        for ref in reversed(self.history):
            if person is not None and ref.is_person != person:
                continue
            if before is not None and ref.code == before.code:
                continue
            return ref
        return None

    def principals(self, exclude: str | None) -> list[str]:
        return [c for c, _ in self.countries.most_common() if c != exclude][:2]


def _moved(resolved: ActorRef, ref: ActorRef) -> ActorRef:
    """``resolved``'s identity at ``ref``'s place in the sentence."""
    return attrs.evolve(resolved, start=ref.start, end=ref.end, text=ref.text)


class ArticleEngine:
    """Reads one article's sentences in order and assembles event candidates."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer, text: str, day: str | None) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.places: list[PlaceMention] = []
        self.actions: list[ActionMatch] = []  # the actions of the sentence being read
        self.sentence_start = 0  # where the sentence being read starts in the article
        self.sentence_text = ""
        # the places the sentence says an act happened at: read on first need (see ``located``)
        self._located: list[PlaceMention] | None = None
        self.text = text
        self.state = _ArticleState(day)
        self.quotes = find_quotes(text)

    # -- actors -----------------------------------------------------------------------------
    def _speaker(self, quote: Quote) -> ActorRef | None:
        key = quote.start
        if key in self.state.speakers:
            return self.state.speakers[key]
        speaker: ActorRef | None = None
        if quote.speaker_text:
            tokens = tokenize(quote.speaker_text)
            phrases = find_phrases(tokens, self.lexicon)
            refs = build_actor_refs(tokens, phrases, quote.speaker_text, 0, self.state.day,
                                    self.state.aliases)
            # the speaker named before a quotation is the last actor there ("In response to
            # the Iranian strike, Mr Sharif said"); after it or in the preceding sentence, the first
            for ref in (reversed(refs) if quote.mode == "before" else refs):
                if ref.kind == "named":
                    speaker = ref
                elif ref.kind == "pronoun" and ref.pronoun in ("person", "thing", "plural"):
                    speaker = self.state.last(person=ref.pronoun == "person")
                elif ref.kind == "agent":
                    speaker = self._resolve_agent(ref, refs, tokens)
                if speaker is not None:
                    break
        if speaker is None and quote.speaker_text:
            # "the statement added", "the spokesman said": the last speaker, or else the
            # actor the article spoke of last
            previous = [s for s in self.state.speakers.values() if s is not None]
            speaker = previous[-1] if previous else self.state.last(person=None)
        self.state.speakers[key] = speaker
        return speaker

    def _resolve_agent(self, ref: ActorRef, refs: list[ActorRef], tokens: list[Token],
                       speaker: ActorRef | None = None) -> ActorRef | None:
        """A role noun with the country it belongs to (``troops`` -> ``RUSMIL``): the actor or
        place it is tied to, else the one the sentence or the article names. A role noun
        belongs to a state, never to an international body or a region."""
        refs = [r for r in refs if r.kind != "named" or _is_state(r.country) or r.role]
        country = self._place_before(ref, refs, tokens)
        # "terrorist hideouts in Iran": the place of a role noun gives its country
        for other in refs:
            if other.kind != "named" or not other.country or not 0 < other.start - ref.end <= 5:
                continue
            between = [t.fold for t in tokens[ref.end : other.start]]
            if between[:1] and between[0] in words.AFFILIATIONS and between[1:2] in (
                ["to"], ["with"]
            ) and all(f in words.PLACE_MODIFIERS for f in between[2:]):
                # "hackers linked to Russian military intelligence", "fighters loyal to X"
                return _moved(other, ref) if other.role is not None else _of_country(
                    ref, other.country)
            at = next((k for k, f in enumerate(between) if f in words.OWNER_WORDS), None)
            if at is not None and at >= 1 and between[at - 1].endswith("ed"):
                continue  # "the ministry demanded from Canada": a verb before the preposition
            # "hideouts in northern Iraq", "fighters from Syria" -- but not "rammed the gates
            # of the Chinese embassy"
            if at is not None and at <= 2 and all(
                f in words.PLACE_MODIFIERS for f in between[at + 1 :]
            ) and not any(f in words.RIGHT_BARRIERS - {'"'} or f == "," for f in between[:at]):
                if other.role is not None and between[at] in {"for", "of"}:
                    return _moved(other, ref)  # "a spokesman for the Arakan Army": the group
                country = other.country
                break
        if country is None and ref.role not in STATE_ROLES:
            # "aid workers in Gaza", "a mosque in Kandahar": people and buildings belong to
            # where they are; troops sent abroad stay their state's
            country = self._place_after(ref, refs, tokens)
        if country is None and ref.role in UNNAMED_ARMED | {"CVL", "OPP"}:
            # "Chinese nationals were wounded when gunmen opened fire in Karachi": unnamed
            # gunmen are of the place where they struck, not of their victims; "planes from
            # Qatar landed in Benghazi with aid for flood victims": civilians of the place
            country = self._located_country()
        if country is None:
            # (a group of several theatres says nothing of where: "Islamic State attacked
            # soldiers" are the soldiers of the place)
            before = [r for r in refs if r.kind == "named" and r.end <= ref.start and r.country
                      and not r.theatre]
            if before:
                country = before[-1].country
        if country is None and ref.role in STATE_ROLES:
            # troops with no state named before them: "troops in Latakia came under fire"
            country = self._place_after(ref, refs, tokens)
        if country is None and speaker is not None:
            country = speaker.country  # "the foreign minister" in a ministry's statement
        if country is None:
            # "villagers ... in Borno State": the country of a place the sentence names
            named = [p.place.country for p in self.places if p.place.country]
            if named:
                country = named[0]
        if country is None:
            # "demonstrators marched toward Prayuth's office": the one country the sentence
            # names, later on
            after = {r.country for r in refs if r.kind == "named" and r.country
                     and r.start >= ref.end and len(r.country) == 3}
            if len(after) == 1:
                country = after.pop()
        if country is None:
            recent = next((r for r in reversed(self.state.history) if _is_state(r.country)),
                          None)
            country = recent.country if recent else None
        if country is None and self.state.place_countries:
            country = self.state.place_countries[-1]  # "... in Delhi. Authorities imposed"
        return _of_country(ref, country) if country else None

    @staticmethod
    def _accuser(match: ActionMatch, tokens: list[Token], refs: list[ActorRef],
                 sources: list[ActorRef]) -> list[ActorRef]:
        """Who a denial answers: an actor after ``by`` (``accusations by X``), else one
        after the next clause break (``..., and demanded that London``), else the first
        other actor after the denial."""
        own = {s.country for s in sources}
        later = [
            r for r in refs
            if r.start >= match.end and r.kind == "named" and r.country not in own
            # "in Tehran" is where, not who
            and not (r.capital and tokens[r.start - 1].fold in words.LOCATIVE_PLACES)
        ]
        if not later:
            return []
        by = [r for r in later if tokens[r.start - 1].fold == "by"]
        if by:
            return by[:1]
        broken = [r for r in later
                  if any(t.fold in {",", "and"} for t in tokens[match.end : r.start])]
        return (broken or later)[:1]

    def _inside_place_name(self, ref: ActorRef, tokens: list[Token]) -> bool:
        """``Lower Juba``, ``Jerusalem's Old City``: a capital that is part of the name of
        another place is no actor; nor is one that names where a place is (``two Damascus
        suburbs``, ``Beirut's southern suburbs``, ``Kabul airport``)."""
        if not ref.capital:
            return False
        k = ref.end
        while k < len(tokens) and (tokens[k].fold == "'s"
                                   or tokens[k].fold in words.PLACE_MODIFIERS):
            k += 1
        if k < len(tokens) and tokens[k].fold in words.PLACE_NOUNS:
            return True
        if ref.start == 0 or not tokens[ref.start - 1].is_capitalized:
            return False
        name = " ".join(t.text for t in tokens[ref.start - 1 : ref.end])
        place = place_named(name, self.gazetteer)
        return place is not None and place.country != ref.country

    @property
    def located(self) -> list[PlaceMention]:
        """The places of a state the sentence says an act happened at (``in Karachi``,
        ``near the Syrian town of``), in sentence order; read once per sentence, when first
        needed. Only the words just before a place can say so, so only they are searched."""
        if self._located is None:
            self._located = [
                p for p in self.places if _is_state(p.place.country)
                and LOCATED.search(self.sentence_text, max(0, p.start - LOCATED_REACH), p.start)
            ]
        return self._located

    def _located_country(self) -> str | None:
        """The state of the place the sentence says an act happened at (``in Karachi``)."""
        return self.located[0].place.country if self.located else None

    def _place_after(self, ref: ActorRef, refs: list[ActorRef],
                     tokens: list[Token]) -> str | None:
        """``a mosque in Kandahar``, ``villagers near Maiduguri``, ``residents of northern
        Gaza``: a place right after a role noun, behind a locative or ``of``, gives its
        country (an actor there is not a place: ``troops near the Ukrainian border``)."""
        k = ref.end
        if k >= len(tokens) or tokens[k].fold not in words.LOCATIVE_PLACES | {"of"}:
            return None
        k += 1
        while k < len(tokens) and tokens[k].fold in words.PLACE_MODIFIERS:
            k += 1
        if k >= len(tokens):
            return None
        if any(r.start == k for r in refs):
            return None
        at = tokens[k].start - self.sentence_start
        for place in self.places:
            if place.start == at and _is_state(place.place.country):
                return place.place.country
        return None

    def _place_before(self, ref: ActorRef, refs: list[ActorRef],
                      tokens: list[Token]) -> str | None:
        """``Gaza militants``, ``Kachin rebels``, ``Darfur villagers``: a place name right
        before a role noun gives its country."""
        taken = {k for r in refs for k in range(r.start, r.end)}
        named: list[Token] = []
        k = ref.start - 1
        while k >= 0 and len(named) < 3 and tokens[k].is_capitalized and k not in taken:
            named.insert(0, tokens[k])
            k -= 1
        if not named:
            return None
        if tokens[ref.start].text in PROVINCE_WORDS:
            named.append(tokens[ref.start])  # "Niger State police"
        place = place_named(" ".join(t.text for t in named), self.gazetteer)
        return place.country if place is not None and _is_state(place.country) else None

    def _resolve(self, ref: ActorRef, refs: list[ActorRef], tokens: list[Token],
                 speaker: ActorRef | None) -> list[ActorRef]:
        if ref.kind == "named":
            return [ref]
        if ref.kind == "collective":
            # "the American and Iranian delegations ... as the two sides held talks"
            named = [r for r in refs if r.kind == "named" and r.end <= ref.start and r.country]
            for first, second in reversed(list(itertools.pairwise(named))):
                between = {t.fold for t in tokens[first.end : second.start]}
                if "and" in between and between <= {"and", "the", ","} and (
                    first.country != second.country
                ):
                    return [_moved(first, ref), _moved(second, ref)]
            exclude = speaker.country if speaker else None
            return [
                attrs.evolve(ref, code=c, country=c, name=c)
                for c in self.state.principals(exclude)
            ]
        if ref.kind == "agent":
            partners = self._partners(ref, tokens)
            if partners:
                return partners
            antecedent = self._antecedent(ref, refs, tokens)
            if antecedent is not None:
                return [_moved(antecedent, ref)]
            owners = self._possessive_owners(ref, refs, tokens, speaker)
            if owners:
                return [attrs.evolve(ref, code=compose_code(owner.country, ref.role),
                                     country=owner.country, theatre=owner.theatre,
                                     name=f"{owner.name} ({ref.role})" if ref.role else owner.name)
                        for owner in owners]
            agent = self._resolve_agent(ref, refs, tokens, speaker)
            return [agent] if agent else []
        # pronouns
        if ref.pronoun == "speaker":
            return [_moved(speaker, ref)] if speaker else []
        if ref.pronoun == "group":
            # "the group": the last organisation named, not a state
            earlier = [r for r in refs if r.kind == "named" and r.end <= ref.start]
            for other in [*reversed(earlier), *reversed(self.state.history)]:
                if other.role is not None and other.role not in STATE_ROLES:
                    return [_moved(other, ref)]
            return []
        person = ref.pronoun == "person"
        earlier = [r for r in refs if r.end <= ref.start and r.kind == "named"
                   and r.is_person == person]
        before = tokens[ref.start - 1].fold if ref.start else ""
        if tokens[ref.start].fold not in words.POSSESSIVES:
            # a subject pronoun is not the noun its clause describes ("Chinese firms it
            # accused of"); after "what" ("sent warships around Taiwan in what it called a
            # warning"), it is the clause's subject rather than a preposition's object
            heads = [r for r in earlier if r.end != ref.start]
            if before == "what":
                heads = [r for r in heads if not roles.after_preposition(tokens, r)] or heads
            earlier = heads or earlier
        if person:
            # "expelled the French ambassador, giving him 72 hours": an office held by one
            # person, named after the last named person, is whom an object pronoun refers to;
            # a subject pronoun refers to it only when no person is named before ("the UN
            # envoy said he was pessimistic", but "Macron met the ambassador and said he")
            office = next((r for r in reversed(refs) if r.end <= ref.start and _one_person(r)),
                          None)
            objective = tokens[ref.start].fold in words.OBJECT_PRONOUNS
            last_named = all(o.end <= office.start for o in earlier) if office else False
            if office is not None and (not earlier or (objective and last_named)):
                found_office = self._resolve(office, refs, tokens, speaker)
                if found_office:
                    return [_moved(found_office[0], ref)]
        if not earlier and ref.pronoun == "thing":
            # "the Biden administration said it was pausing": a body named by its role noun
            body = next((r for r in reversed(refs) if r.end <= ref.start and r.kind == "agent"
                         and not _one_person(r) and not r.text.lower().endswith("s")), None)
            resolved = self._resolve(body, refs, tokens, speaker) if body else []
            if resolved:
                return [_moved(resolved[0], ref)]
        if earlier:
            nearest = earlier[-1]
            if ref.pronoun == "plural":
                # "denounced US, French and Turkish forces and demanded that they leave"
                group = roles.coordinated_before(refs, tokens, nearest)
                return [_moved(g, ref) for g in group if g.kind == "named"]
            return [_moved(nearest, ref)]
        if ref.pronoun == "plural" and ref.text.lower() == "they":
            # "X and Y resumed talks. They agreed to ...": both of the last sentence's subjects
            both = list({s.code: s for s in self.state.subjects if s.kind == "named"}.values())
            if len(both) >= 2:
                return [_moved(s, ref) for s in both[:2]]
        subject = next((r for r in reversed(self.state.subjects)
                        if r.is_person == person and r.kind == "named"), None)
        found = subject or self.state.last(person=person)
        if found is None and person and speaker is not None:
            found = speaker
        if found is None and person:
            # "Hezbollah's leader spoke ... He threatened": an office named without a name
            found = self.state.last(person=None)
        return [_moved(found, ref)] if found else []

    def _partners(self, ref: ActorRef, tokens: list[Token]) -> list[ActorRef]:
        """``The two leaders also discussed ...``, ``both ministers``: a definite plural role
        noun after a sentence whose acts had two or more actors of different countries
        refers to all of them."""
        preceding = [t.fold for t in tokens[max(0, ref.start - 2) : ref.start]]
        head = tokens[ref.end - 1].fold
        definite = preceding[-1:] in (["the"], ["both"]) or preceding == ["the", "two"]
        if not definite or not head.endswith("s") or ref.role not in STATE_ROLES:
            return []
        by_country = {s.country: s for s in self.state.subjects
                      if s.kind == "named" and _is_state(s.country)}
        if len(by_country) < 2:
            return []
        return [_moved(s, ref) for s in by_country.values()]

    def _antecedent(self, ref: ActorRef, refs: list[ActorRef],
                    tokens: list[Token]) -> ActorRef | None:
        """``the campaigning group``, ``the militants``: a definite role noun of a non-state
        kind refers back to the last named actor of that role; ``the ministry`` to the last
        actor named with that head noun (``Russia's Foreign Ministry``)."""
        if ref.start == 0 or tokens[ref.start - 1].fold != "the":
            return None
        head = tokens[ref.end - 1].fold
        earlier = [r for r in refs if r.kind == "named" and r.end <= ref.start]
        for other in [*reversed(earlier), *reversed(self.state.history)]:
            name = other.text.lower().replace("'s", "").split()
            if other.kind == "named" and not other.is_person and name and (
                name[-1] == head or name[-1] in words.SAME_HEADS.get(head, ())
            ):
                return other
        if ref.role not in ANAPHORIC_ROLES:
            return None
        if tokens[ref.start - 1].fold != "the" and tokens[ref.start].fold != "the":
            return None
        earlier = [r for r in refs if r.kind == "named" and r.end <= ref.start]
        for other in [*reversed(earlier), *reversed(self.state.history)]:
            if other.kind == "named" and other.role == ref.role and not other.is_person:
                return other
        return None

    def _possessive_owners(self, ref: ActorRef, refs: list[ActorRef], tokens: list[Token],
                           speaker: ActorRef | None) -> list[ActorRef]:
        """``its paramilitary Revolutionary Guard``: the owner of a role noun; ``their
        envoys`` after a list of countries: each of them."""
        for other in refs:
            if (
                other.kind == "pronoun" and other.end <= ref.start and ref.start - other.end <= 2
                and tokens[other.start].fold in words.POSSESSIVES
            ):
                return self._resolve(other, refs, tokens, speaker)
        return []

    # -- events -----------------------------------------------------------------------------
    def read(self, sentence: Sentence) -> SentenceTrace:
        tokens = tokenize(sentence.text, sentence.start)
        phrases = find_phrases(tokens, self.lexicon)
        refs = build_actor_refs(tokens, phrases, sentence.text, sentence.start, self.state.day,
                                self.state.aliases)
        refs = [r for r in refs if not self._inside_place_name(r, tokens)]
        dateline = DATELINE.match(sentence.text) if sentence.index == 0 else None
        if dateline:
            cut = sentence.start + dateline.end()
            refs = [r for r in refs if tokens[r.start].start >= cut]
        # the countries of the actors named help choose between places of one name ("the
        # Malian army ... in the village of Moura")
        named = {r.country for r in refs
                 if r.kind == "named" and r.country and _is_state(r.country)}
        self.places = find_places(sentence.text, self.gazetteer, context=sorted(named))
        self.sentence_start = sentence.start
        self.sentence_text = sentence.text
        self._located = None
        self.state.places_before = len(self.state.place_countries)
        self.state.place_countries.extend(
            m.place.country for m in self.places if m.place.country and len(m.place.country) == 3
        )
        # a sentence inside a quotation, or one that opens with one ("'...,' X said")
        quote = quote_at(self.quotes, sentence.start + len(sentence.text) // 2) or quote_at(
            self.quotes, sentence.start + 2
        )
        speaker = self._speaker(quote) if quote else None
        actions = find_actions(tokens, self.lexicon)
        self.actions = actions
        notes: list[str] = []
        candidates: list[Candidate] = []
        previous: PriorAct | None = None
        claims: list[tuple[ActionMatch, list[ActorRef]]] = []
        for match in actions:
            label = f"[{match.pattern.entry.id}] '{match.pattern.text}'"
            if _in_allegation(tokens, match, actions, refs):
                notes.append(f"{label}: what an accusation or claim alleges: no event")
                continue
            if _demanded(tokens, match, actions):
                notes.append(f"{label}: what a demand asks for: no event")
                continue
            if _toll_of_earlier_act(tokens, match, actions):
                notes.append(f"{label}: the toll of the act it describes: no event")
                continue
            found, sources = self._events_of(
                match, tokens, refs, speaker, sentence, previous, notes
            )
            candidates.extend(_by_means(c, actions, notes) for c in found)
            if not found and sources and match.pattern.entry.code == "015":
                claims.append((match, sources))
            # the subject carries over to a later "and ..." verb from an event, or from a
            # finite verb; not from a participle used as an adjective ("occupying forces")
            finite = match.pattern.form == "verb" and not tokens[match.start].fold.endswith("ing")
            if sources and (found or finite):
                targets = [c.target for c in found if c.target is not None]
                previous = PriorAct(match, sources, targets)
        candidates += _claimed(claims, candidates, tokens, sentence, notes)
        candidates = _protests(candidates, sentence, notes)
        candidates += self._talks_on_visits(candidates, sentence, notes)
        candidates = [_assassination(c, sentence, notes) for c in candidates]
        for ref in refs:
            if ref.kind != "named":
                continue
            for resolved in self._resolve(ref, refs, tokens, speaker):
                self.state.remember(resolved)
        self.state.violent.extend(c for c in candidates if c.code[:2] in VIOLENT_ROOTS)
        if candidates:
            self.state.subjects = [c.source for c in candidates]
        return SentenceTrace(sentence, tokens, phrases, refs, actions, notes, candidates, speaker,
                             self.places)

    def _talks_on_visits(self, candidates: list[Candidate], sentence: Sentence,
                         notes: list[str]) -> list[Candidate]:
        """``flew to Tehran for talks with President X``, ``received the king for talks``: a
        visit made for talks is also the talks, between the visitor and the host (040)."""
        talks = self.lexicon.entry_with_code("040")
        if talks is None:
            return []
        out: list[Candidate] = []
        seen: set[str | None] = set()
        for c in candidates:
            if c.code not in {"042", "043"} or c.target is None or c.source.code in seen:
                continue
            said = sentence.text[c.start - sentence.start : c.end - sentence.start + 20]
            if not re.search(r"\bfor (?:\w+ ){0,2}talks\b", said):
                continue
            seen.add(c.source.code)
            notes.append(f"[{c.entry.id}] '{c.pattern}': a visit for talks: also [{talks.id}]")
            out += [attrs.evolve(c, source=a, target=b, code=talks.code, entry=talks)
                    for a, b in ((c.source, c.target), (c.target, c.source))]
        return out

    def _events_of(
        self, match: ActionMatch, tokens: list[Token], refs: list[ActorRef],
        speaker: ActorRef | None, sentence: Sentence,
        previous: PriorAct | None, notes: list[str],
    ) -> tuple[list[Candidate], list[ActorRef]]:
        """The events one action reports, and the subjects a later verb may share: first
        whether it reports an act at all, then its roles, its targets, and the pairs."""
        entry = match.pattern.entry
        label = f"[{entry.id}] '{match.pattern.text}'"
        reason = self._why_no_act(match, tokens, sentence, previous)
        if reason is not None:
            notes.append(f"{label}: {reason}: no event")
            return [], []
        cause = _causative_before(tokens, match, refs)
        future = modality.is_future(tokens, match.start) or (
            modality.is_infinitive(tokens, match.start) and cause is None
            and not modality.is_mandate(tokens, match.start)
        )
        read = self._read_roles(match, tokens, refs, previous, sentence)
        if read.outcome:
            notes.append(f"{label}: the outcome of the act before it: no event")
            return [], read.sources
        sources = [s for ref in read.sources for s in self._resolve(ref, refs, tokens, speaker)]
        targets = [t for ref in read.targets for t in self._resolve(ref, refs, tokens, speaker)]
        if not read.targets:
            targets = self._search_targets(match, tokens, refs, speaker, sources, notes, label)
        if not sources and entry.reciprocal:
            sides = [t for ref in self._between(match, tokens, refs)
                     for t in self._resolve(ref, refs, tokens, speaker)]
            if len(sides) >= 2:
                notes.append(f"{label}: the two sides named after 'between'")
                sources, targets = sides[:1], sides[1:]
        if not sources:
            notes.append(f"{label}: no source actor found: no event")
            return [], []
        subjects = sources  # all of them carry over to a later "and ..." verb
        # a mutual act goes both ways; the intent to one is the subject's alone ("Cuba is
        # ready to restore relations with the United States"), unless the partners are
        # all subjects ("Iran and Saudi Arabia will reopen embassies")
        both_ways = entry.reciprocal and not future and entry.code[:2] != "03"
        if not targets and entry.reciprocal and len(sources) > 1:
            # "Israel and Hamas agreed to a ceasefire": the subjects act towards each other
            sources, targets = sources[:1], sources[1:]
            both_ways = True
        if not targets and entry.code == "045" and previous is not None and (
            previous.match.pattern.entry.reciprocal
        ):
            # "Russia and Ukraine swapped prisoners in a deal mediated by the UAE": between the
            # partners of the mutual act
            targets = [attrs.evolve(t, start=match.end, end=match.end)
                       for t in [*previous.sources, *previous.targets]]
            notes.append(f"{label}: between the partners of the act before it")
        if not targets and cause is not None:
            # "began joint drills, prompting North Korea to threaten a nuclear strike": an
            # answer to the clause's subjects
            subject = roles.subject_before(refs, tokens, cause)
            answered = roles.coordinated_before(refs, tokens, subject) if subject else []
            targets = [attrs.evolve(t, start=match.end, end=match.end) for ref in answered
                       for t in self._resolve(ref, refs, tokens, speaker)]
            if targets:
                notes.append(f"{label}: an answer to the subject of {tokens[cause].text!r}")
        if not targets:
            targets = self._unnamed_targets(match, tokens, refs, sentence, sources,
                                            read.borrowed, notes, label)
        if not targets and entry.target != "none":
            # an optional target that is not named gives no record: a dyad is what analysts
            # compare, and a record with half of one cannot be matched to anything
            notes.append(f"{label}: no target actor found: no event")
            return [], subjects
        # a group of several theatres striking a state's forces fights in that state; one
        # that threatens or is struck keeps its own country unless a place says otherwise
        on_ground = entry.code[:2] in VIOLENT_ROOTS or entry.target == "victim"
        sources = [self._in_theatre(s, targets if on_ground else []) for s in sources]
        targets = [self._in_theatre(t, []) for t in targets]
        code = modality.future_code(entry.code) if future else entry.code
        return self._pairs(match, tokens, sentence, sources, targets, code, future, both_ways,
                           notes, label), subjects

    def _why_no_act(self, match: ActionMatch, tokens: list[Token], sentence: Sentence,
                    previous: PriorAct | None) -> str | None:
        """Why the words matched report no act of their own, or None when they do."""
        form = match.pattern.form
        at = match.start
        if modality.is_embedded_gerund(tokens, at):
            return "the content of another act (of/for + -ing)"
        if form == "verb" and at > 0 and (
            tokens[at - 1].fold in words.DETERMINERS
            or (tokens[at].fold.endswith("ed") and _is_numeral(tokens[at - 1]))
            or (tokens[at].fold.endswith("s") and tokens[at - 1].fold in words.AMOUNTS)
        ):
            return "a noun after a determiner, a count or an amount, not a verb"
        if form == "verb" and at > 0 and tokens[at - 1].fold in words.NOUN_OPENERS and (
            not tokens[at].fold.endswith("ing") and match.pattern.entry.code[:2] != "04"
        ):
            # (but "during talks with Abe" are the subject's talks)
            return "a noun after a preposition such as 'during' or 'in', not a verb"
        if form == "verb" and _hyphen_joined(tokens, at, sentence):
            return "part of a compound ('government-sanctioned')"
        if modality.is_negated(tokens, at):
            return "negated"
        if modality.is_habitual(tokens, at):
            return "what the actor habitually does"
        if modality.is_cumulative(tokens, at, match.end):
            return "a tally of acts over a span of time"
        if (modality.is_infinitive(tokens, at) and previous is not None
                and _causative_before(tokens, match, []) is None
                and not modality.is_mandate(tokens, at)):
            return "infinitive completing an earlier act"
        if modality.is_unrealised(tokens, at, noun=form == "noun"):
            return "an act that has not happened ('a planned protest', 'any sanctions')"
        material = match.pattern.entry.code[:2] in modality.MATERIAL_ROOTS
        if modality.is_conditional(tokens, at) or (
            material and modality.is_hypothetical(tokens, at)
        ):
            return "hypothetical"
        return None

    def _read_roles(self, match: ActionMatch, tokens: list[Token], refs: list[ActorRef],
                    previous: PriorAct | None, sentence: Sentence) -> RolesRead:
        """Source and target phrases as the clause places them: subject and object of an
        active verb, ``by`` agent and subject of a passive, owner of a noun."""
        pattern = match.pattern
        code = pattern.entry.code
        if pattern.form == "verb" and roles.is_passive(tokens, match, refs):
            # (the "by" may be the pattern's own: "was hit by Russian missiles")
            agent = roles.agent_after(refs, tokens, match.start + 1)
            if roles.is_reduced_passive(tokens, match):
                # "an Iranian oil tanker seized by marines": the noun a participle describes
                # is the one just before it, even a preposition's object ("protested over a
                # boat seized by"); not an actor further back ("exchanged prisoners on Friday
                # in a deal mediated by the UAE")
                subject = roles.described_before(refs, tokens, match.start)
            else:
                subject = roles.subject_before(refs, tokens, match.start)
            return RolesRead(
                [agent] if agent else [],
                roles.coordinated_before(refs, tokens, subject) if subject else [],
            )
        if pattern.form == "verb":
            if previous is not None and self._shares_subject(previous.match, match, tokens, refs):
                after_comma = match.start > 0 and tokens[match.start - 1].fold == ","
                if (after_comma and code[:2] in VIOLENT_ROOTS
                        and previous.match.pattern.entry.code[:2] in VIOLENT_ROOTS):
                    # "rammed a convoy, killing four soldiers": the toll of that act
                    return RolesRead(previous.sources, [], outcome=True)
                # "demanded that Washington reverse ..., calling the order a provocation"
                borrowed = previous.targets if after_comma and code[:2] in {"10", "11"} else []
                if code[:2] == "02" and previous.match.pattern.entry.code[:2] == "04":
                    # "met Biden at the White House and asked for more air defences": an
                    # appeal to the one just met
                    borrowed = previous.targets
                reporter = self._reporter(previous.match, match, tokens, refs)
                if reporter is not None and code[:2] in SPEECH_ROOTS:
                    # "Amnesty said government forces had used chemical weapons, accusing
                    # Khartoum of war crimes": the accusation is the reporter's
                    return RolesRead([reporter], [], borrowed)
                if pattern.entry.reciprocal and previous.match.pattern.entry.reciprocal:
                    # "Xi met Lula in Beijing and signed 15 agreements": both partners of the
                    # first mutual act are partners of the next
                    return RolesRead([*previous.sources, *previous.targets], [])
                return RolesRead(previous.sources, [], borrowed)
            subject = roles.subject_before(refs, tokens, match.start)
            return RolesRead(roles.coordinated_before(refs, tokens, subject) if subject else [],
                             [])
        speech_from = self._from_phrase(match, tokens, refs, code)
        if speech_from:
            # "drew condemnation from Seoul and Tokyo": the critics are after "from", the
            # criticised is the sentence's subject ("..., drawing criticism from Israel": the
            # subject of the participle)
            at = next((k for k in range(match.start - 1, max(0, match.start - 4), -1)
                       if tokens[k].fold.endswith("ing") and tokens[k - 1].fold == ","),
                      match.start)
            subject = roles.subject_before(refs, tokens, at)
            return RolesRead(speech_from, [subject] if subject else [])
        # "a suicide bomber rammed ...": a noun naming the doer is the doer
        doer = next((r for r in refs if r.kind == "agent" and r.end == match.end
                     and r.start >= match.start), None)
        possessor = roles.possessor_before(refs, tokens, match.start)
        if possessor is not None and possessor.end < match.start and _hyphen_joined(
            tokens, possessor.end, sentence
        ):
            possessor = None  # "a Damascus government-sanctioned campaign": a modifier's part
        owner = doer or possessor or roles.agent_after(refs, tokens, match.end - 1)
        # a verbal act named by a noun is the speaker's ("X said it was an unacceptable
        # act"); a material one is the subject's only after a light verb ("X launched strikes")
        speech = code[:2] in SPEECH_ROOTS
        light = self._light_verb_before(tokens, match.start)
        if owner is None and (speech or light is not None):
            # the light verb's subject ("the Russian military is conducting a Damascus
            # government-sanctioned campaign": not the modifier between)
            owner = roles.subject_before(refs, tokens, light if light is not None
                                         else match.start)
        return RolesRead([owner] if owner else [], [])

    def _search_targets(self, match: ActionMatch, tokens: list[Token], refs: list[ActorRef],
                        speaker: ActorRef | None, sources: list[ActorRef], notes: list[str],
                        label: str) -> list[ActorRef]:
        """The target named in the clause, stage by stage (see ``_target_stages``), passing
        over the source's own belongings."""
        entry = match.pattern.entry
        # "X and Y signed a deal in Doha": partners before the place where they met
        mutual = entry.reciprocal and len(sources) > 1
        stages = self._target_stages(match, tokens, refs, places=not mutual)
        if entry.target == "accuser":
            # a denial answers its accuser: "brushing aside accusations by X"
            stages = [(self._accuser(match, tokens, refs, sources), True)]
        for stage, with_places in stages:
            if entry.code[:2] in AID_ROOTS:
                # "asked for more air defence systems": weapons are what is given, not whom
                stage = [ref for ref in stage if ref.entry_id not in words.WEAPON_AGENTS]
            kept: list[ActorRef] = []
            for _ in range(3):
                resolved = [t for ref in stage for t in self._resolve(ref, refs, tokens, speaker)]
                kept = [t for t in resolved
                        if not sources or not all(_within_one_actor(s, t) for s in sources)]
                if entry.code[:2] == "15":
                    # a show of force "to reassure Baltic allies" is not aimed at them
                    kept = [t for t in kept if not _befriended(tokens, t)]
                if kept or not resolved:
                    break
                notes.append(f"{label}: {resolved[0].text!r} is the source's own: looking further")
                # "massed troops along its frontier with Ukraine": past the own words
                stage = roles.targets_after(refs, tokens, stage[-1].end, places=with_places)
            if mutual and stage and (all(ref.kind == "agent" for ref in stage) or (
                stage and tokens[stage[0].start - 1].fold not in {"with", "to"}
            )):
                # "Russia and Ukraine swapped 35 prisoners", "Kenya and Somalia agreed to share
                # intelligence on al-Shabaab": the partners are each other's targets; a third
                # party is one only "with" them
                return []
            if kept:
                return kept
        if entry.code in INQUIRIES:
            # "investigate abuses by the police": an inquiry is into the doers of what it
            # looks into
            doer = roles.agent_after(refs, tokens, match.end)
            if doer is not None:
                notes.append(f"{label}: into the acts of {doer.text!r}")
                return self._resolve(doer, refs, tokens, speaker)
        return []

    def _unnamed_targets(self, match: ActionMatch, tokens: list[Token], refs: list[ActorRef],
                         sentence: Sentence, sources: list[ActorRef], borrowed: list[ActorRef],
                         notes: list[str], label: str) -> list[ActorRef]:
        """A target the clause implies without naming an actor: an act or a place referred to,
        the target of the act a participle continues, the source's own country for measures
        on its people, the civilians where an assault happened."""
        entry = match.pattern.entry
        implied = self._implicit_target(match, tokens, sources, notes, label)
        if implied:
            return implied
        if entry.target == "accuser":
            # "the Kremlin denied that its forces had targeted civilians in Kharkiv": with no
            # accuser named, a denial is aimed at whom the denied act would have struck
            denied = next((m for m in self.actions if m.start >= match.end
                           and m.pattern.entry.code[:2] in modality.MATERIAL_ROOTS), None)
            if denied is not None:
                struck = self._search_targets(denied, tokens, refs, None, sources, notes,
                                              label) or self._implicit_target(
                    denied, tokens, sources, notes, label)
                if struck:
                    notes.append(f"{label}: aimed at whom the denied act would have struck")
                    return [attrs.evolve(t, start=match.end, end=match.end) for t in struck]
        if borrowed:
            notes.append(f"{label}: aimed at the target of the act it continues")
            return [attrs.evolve(t, start=match.end, end=match.end) for t in borrowed]
        inquiry = entry.code in INQUIRIES and sources[0].role in INQUIRING_ROLES
        if entry.code in SELF_DIRECTED or inquiry:
            # "declared a state of emergency": a state's measure on its own population; each
            # source's own ("Kenya and Uganda imposed curfews")
            countries = dict.fromkeys(s.country for s in sources if s.country)
            notes.append(f"{label}: a measure on the source's own country")
            return [_country_ref(match.end, country) for country in countries]
        if entry.code[:2] == "15":
            # "raised its alert level after India said ...", "placed troops on alert as
            # tension with Russia rose": a show of force is aimed at the adversary the
            # sentence names, in whatever clause
            later = [r for ref in refs if ref.kind == "named" and ref.start >= match.end
                     for r in self._resolve(ref, refs, tokens, None)]
            adversary = next((r for r in later
                              if not any(_within_one_actor(src, r) for src in sources)
                              and not _befriended(tokens, r)), None)
            if adversary is not None:
                notes.append(f"{label}: aimed at the adversary named later, {adversary.text!r}")
                return [attrs.evolve(adversary, start=match.end, end=match.end)]
        if entry.code[:2] == "07" or entry.code[:3] == "033":
            # "planes from Japan and India arrived in Colombo carrying aid": aid goes to the
            # country of the place it reached; aid pledged, to a country named as where it
            # is needed ("aid for people affected by flooding in Pakistan")
            own = {s.country for s in sources}
            pledged = entry.code[:2] != "07"
            reached = next((p.place.country for p in self.located
                            if p.place.country not in own
                            and (p.place.kind == "country" or not pledged)), None)
            if reached:
                notes.append(f"{label}: aid for the country of the place it reached")
                return [_country_ref(match.end, reached)]
        if entry.code[:2] == "14" and sources[0].role not in STATE_ROLES:
            # "thousands took to the streets of Lagos": a protest that names no target is
            # aimed at the government of the country where it is held
            where = self._located_country() or sources[0].country
            if where and _is_state(where):
                notes.append(f"{label}: a protest aimed at the government of {where}")
                return [_country_ref(match.end, where, "GOV", "government")]
        deadly = entry.code[:2] == "19" and any(
            t.kind == "dead" and t.count for t in find_tolls(sentence.text)
        )
        # "police arrested 30 people": a count of people seized by the authorities
        counted = entry.code in {"173", "175"} and any(
            _is_numeral(t) for t in tokens[match.end : match.end + 2])
        if entry.code[:2] in VICTIM_ROOTS or entry.code[:3] == "171" or deadly or counted:
            # "insurgents massacred 80 people in a village": assaults and mass violence with
            # no named victim are coded against the civilians where they happened, else of the
            # source's own country; property seized needs its place named ("seized a ship"
            # says nothing of whose it was)
            located = [m.place.country for m in self.places if m.place.country]
            where = located[0] if located else (
                sources[0].country if entry.code != "1711" else None
            )
            if where and len(where) == 3:
                notes.append(f"{label}: unnamed victims: the civilians of {where}")
                return [_country_ref(match.end, where, "CVL", "civilians")]
        return []

    @staticmethod
    def _pairs(match: ActionMatch, tokens: list[Token], sentence: Sentence,
               sources: list[ActorRef], targets: list[ActorRef], code: str, future: bool,
               both_ways: bool, notes: list[str], label: str) -> list[Candidate]:
        """One candidate per source and target (also the other way when ``both_ways``),
        except an actor acting on itself."""
        entry = match.pattern.entry
        start, end = tokens[match.start].start, tokens[match.end - 1].end
        maybe_targets: list[ActorRef | None] = list(targets) or [None]
        pairs: list[tuple[ActorRef, ActorRef | None]] = [
            (s, t) for s in sources for t in maybe_targets
        ]
        if _own_country_targets(sources, targets):
            pairs = [(s, t) for s, t in pairs if t is not None and t.country == s.country]
        if both_ways:
            # "accepted an Egyptian proposal for a ceasefire": a partner named by its adjective
            # on the object is where it came from, not one who acted
            pairs += [(t, s) for s, t in pairs if t is not None and not t.adjective]
        out: list[Candidate] = []
        seen = set()
        for source, target in pairs:
            # a state's measures on its own people and its inquiries into its own country or
            # its own police are events; otherwise an actor does not act on itself, nor a
            # country on its people
            own = entry.code in SELF_DIRECTED or (
                entry.code in INQUIRIES and target is not None and source.code != target.code
            )
            if target is not None and _within_one_actor(source, target) and not own:
                notes.append(f"{label}: {source.code} -> {target.code} is within one actor: "
                             "no event")
                continue
            key = (source.code, target.code if target else None)
            if key in seen:
                continue
            seen.add(key)
            out.append(Candidate(sentence, source, target, code, entry, match.pattern.text,
                                 start, end, future))
        return out

    def _in_theatre(self, ref: ActorRef, others: list[ActorRef]) -> ActorRef:
        """A group that fights in several countries (``Islamic State``) is coded by where
        the event happens: the place the sentence names, else the state whose forces it
        struck (``others``), else the last place the article named."""
        if not ref.theatre:
            return ref
        # a place after a locative only: a country's name may be an actor ("U.S.-backed")
        country = self._located_country()
        if country is None:
            country = next((o.country for o in others if _is_state(o.country)
                            and not o.theatre), None)
        if country is None:
            earlier = self.state.place_countries[: self.state.places_before]
            country = next((c for c in reversed(earlier) if _is_state(c)), None)
        if country is None or country == ref.country:
            return ref
        return attrs.evolve(ref, code=compose_code(country, ref.role), country=country,
                            name=f"{ref.name} ({country})")

    @staticmethod
    def _from_phrase(match: ActionMatch, tokens: list[Token], refs: list[ActorRef],
                     code: str) -> list[ActorRef]:
        if match.pattern.form != "noun" or code[:2] not in SPEECH_ROOTS:
            return []
        if match.end >= len(tokens) or tokens[match.end].fold != "from":
            return []
        return roles.targets_after(refs, tokens, match.end + 1)

    @staticmethod
    def _between(match: ActionMatch, tokens: list[Token],
                 refs: list[ActorRef]) -> list[ActorRef]:
        """``fighting between the army and the RSF``, ``a ceasefire between``: the two sides
        of a mutual act."""
        for k in range(match.start + 1, min(len(tokens), match.end + 6)):
            if tokens[k].fold in words.RIGHT_BARRIERS:
                return []
            if tokens[k].fold == "between":
                sides = roles.targets_after(refs, tokens, k + 1)
                return sides if len(sides) >= 2 else []
        return []

    @staticmethod
    def _target_stages(match: ActionMatch, tokens: list[Token], refs: list[ActorRef],
                       *, places: bool = True) -> list[tuple[list[ActorRef], bool]]:
        """Where the target may be, most likely first: the pattern's ``+`` slot; the actors
        after the pattern (``withdrew its ambassador from Ireland``); the actors inside it
        (``shot down two Indian jets``)."""
        recipient = match.pattern.entry.recipient
        if recipient:
            # "extradited its most wanted drug lord, Dairo Usuga, to the United States"
            for k in range(match.end, len(tokens)):
                if tokens[k].fold in words.RIGHT_BARRIERS - {'"'}:
                    break
                if tokens[k].fold == recipient:
                    # an actor after it, or else (no stage) the place it names
                    return [(roles.targets_after(refs, tokens, k + 1), True)]
        if match.target_span is not None and match.target_span[0] < match.target_span[1]:
            # the pattern's slot; when it names nobody known ("expelled Zuheir Jabbour, the
            # charge d'affaires at the Syrian embassy"), the other actors inside the pattern
            start, end = match.target_span
            in_slot = [r for r in refs if r.start < end and r.end > start
                       and not roles.possessive_of_next(tokens, refs, r)]
            slot = roles.coordinated_after(refs, tokens, in_slot[:2])
            inside = [r for r in refs if r.start < match.end]
            # commas and "that" inside a pattern are part of it ("expelled X, the charge
            # d'affaires", "demanded that London share")
            within = roles.targets_within(inside, tokens, match.start, match.end)
            return [(slot, True), (within, True)]
        if match.target_span is not None:
            return [(roles.targets_after(refs, tokens, match.target_span[0]), True)]
        stages = [(roles.targets_after(refs, tokens, match.end, places=False), False)]
        if match.end - match.start > 1:
            inside = [r for r in refs if r.start < match.end]
            within = roles.targets_within(inside, tokens, match.start, match.end)
            # "stormed the Mexican embassy in Quito to arrest ...": a named actor closing the
            # pattern is its object (but "filed a case at the ICJ" names where)
            closing = any(r.end == match.end and r.kind == "named"
                          and not roles.after_preposition(tokens, r) for r in within)
            stages.insert(0 if closing else 1, (within, True))
        if places:
            stages.append((roles.targets_after(refs, tokens, match.end), True))
        if match.end - match.start > 1 and roles.verb_follows_and(tokens, match.end):
            # "imposed a curfew and deployed the army": the pattern holds its object, and what
            # follows "and" is another verb's
            stages = [(found, with_places) for found, with_places in stages
                      if all(r.end <= match.end for r in found)]
        return stages

    @staticmethod
    def _light_verb_before(tokens: list[Token], position: int) -> int | None:
        """Where the light verb stands whose object a noun event is (``launched strikes``),
        or None: the verb's subject is the noun's source."""
        for k in range(position - 1, max(-1, position - 7), -1):
            fold = tokens[k].fold
            if fold in words.LIGHT_VERBS:
                return k
            if fold in words.RIGHT_BARRIERS or fold in {",", "of", "by"}:
                return None
        return None

    def _implicit_target(self, match: ActionMatch, tokens: list[Token], sources: list[ActorRef],
                         notes: list[str], label: str) -> list[ActorRef]:
        """A target the sentence names without an actor phrase: an act referred back to
        (``responded to the attack``: its author) or a place (``shelled Morek``: its country)."""
        window = tokens[match.start : min(len(tokens), match.end + roles.TARGET_WINDOW)]
        around = {t.fold for k, t in enumerate(tokens) if not match.start <= k < match.end}
        source_countries = {s.country for s in sources}
        if around & words.EVENT_ANAPHORS and match.pattern.entry.target == "victim":
            # "claimed responsibility for the attack": on the victims of that attack
            for earlier in reversed(self.state.violent):
                if earlier.target is not None and not any(
                    _within_one_actor(s, earlier.target) for s in sources
                ):
                    notes.append(f"{label}: target is the victim of the act referred back to")
                    return [attrs.evolve(earlier.target, start=match.end, end=match.end)]
        if around & words.EVENT_ANAPHORS:
            for earlier in reversed(self.state.violent):
                # (the government that condemns an attack by its own rebels on its police)
                if not any(_within_one_actor(s, earlier.source) for s in sources) and (
                    earlier.target is None or earlier.target.country in source_countries
                ):
                    notes.append(f"{label}: target is the author of an act referred back to")
                    return [attrs.evolve(earlier.source, start=match.end, end=match.end)]
        offset = self.sentence_start
        end_char = window[-1].end - offset if window else 0
        # a place after words is where they were said ("lodged a protest in Beijing"); after
        # an act, where it struck
        # (and the place of a mutual act is where the partners met or fought: "clashed near
        # Gondar")
        entry = match.pattern.entry
        places = [] if entry.code[:2] in VERBAL_ROOTS or entry.reciprocal else self.places
        for place in places:
            if tokens[match.start].start - offset <= place.start < end_char and place.place.country:
                country = place.place.country
                as_actor = _country_ref(match.end, country, text=place.text)
                if all(_within_one_actor(s, as_actor) for s in sources):
                    continue  # a state acting in its own territory: not on itself
                before = place.start + offset
                preceding = [t.fold for t in tokens if t.end <= before][-3:]
                object_of_verb = match.end < len(tokens) and (
                    tokens[match.end].start == before
                    or (tokens[match.end].fold == "the" and match.end + 1 < len(tokens)
                        and tokens[match.end + 1].start == before)
                )
                if not object_of_verb and not set(preceding) & (
                    words.INSIDE_WORDS
                    | {"on", "at", "against", "near", "toward", "towards", "targeting"}
                ):
                    continue
                notes.append(f"{label}: target is the country of the place {place.text!r}")
                return [as_actor]
        recipient = match.pattern.entry.recipient
        if recipient:
            # "extradited El Chapo to New York": the state of the place it went to
            at = next((k for k in range(match.end, len(tokens))
                       if tokens[k].fold == recipient), None)
            if at is not None:
                following: list[Token] = []
                for token in tokens[at + 1 : at + 5]:  # "to the US city of", "to New York"
                    if token.is_capitalized:
                        following.append(token)
                    elif following:
                        break
                name = " ".join(t.text for t in following)
                hit = place_named(name, self.gazetteer) if following else None
                if hit is not None and hit.country and hit.country not in source_countries:
                    notes.append(f"{label}: target is the country the act was directed to")
                    return [_country_ref(match.end, hit.country, text=hit.name)]
        if match.pattern.entry.code[:2] in FORCEFUL_ROOTS:
            # "pounded Gaza", "shelled Kharkiv": a capitalised name right after an act of
            # force is the place hit, whatever its size; so is one in the pattern's target
            # slot ("attacked Odesa with drones")
            slot = match.target_span
            first = slot[0] if slot is not None and slot[0] < slot[1] else match.end
            at = first
            while at < min(len(tokens), first + 2) and (
                tokens[at].fold in words.ARTICLES or _is_numeral(tokens[at])
            ):
                at += 1  # "shelled the Kharkiv region", "bombed two Kyiv suburbs"
            named: list[Token] = []
            while at < len(tokens) and len(named) < 3 and tokens[at].is_capitalized:
                named.append(tokens[at])
                at += 1
            if named:
                name = " ".join(t.text for t in named)
                hit = place_named(name, self.gazetteer)
                if hit is not None and hit.country:
                    as_actor = _country_ref(match.end, hit.country, text=name)
                    if not all(_within_one_actor(s, as_actor) for s in sources):
                        notes.append(f"{label}: target is the country of the place {name!r}")
                        return [as_actor]
            if roles.is_passive(tokens, match):
                # "a grain terminal in the port of Odesa was hit by Russian missiles": the
                # place in the subject is where the act struck
                before = tokens[match.start].start - self.sentence_start
                for place in reversed(self.located):
                    struck = place.place.country
                    if struck and place.start < before:
                        as_actor = _country_ref(match.end, struck, text=place.text)
                        if not all(_within_one_actor(s, as_actor) for s in sources):
                            notes.append(f"{label}: target is the country of the place "
                                         f"{place.text!r} where it struck")
                            return [as_actor]
                        break
        return []

    @staticmethod
    def _reporter(previous: ActionMatch, match: ActionMatch, tokens: list[Token],
                  refs: list[ActorRef]) -> ActorRef | None:
        """The subject of a speech verb that reports ``previous``, when ``match`` is a
        participle after a comma that closes the report (``X said Y did Z, accusing``)."""
        participle = tokens[match.start].fold.endswith("ing")
        if not (match.start > 0 and tokens[match.start - 1].fold == "," and participle):
            return None
        for k in range(previous.start - 1, -1, -1):
            if tokens[k].fold in words.LEFT_BARRIERS:
                return None
            if tokens[k].fold in words.SPEECH_VERBS:
                return roles.subject_before(refs, tokens, k)
        return None

    @staticmethod
    def _shares_subject(previous: ActionMatch, match: ActionMatch, tokens: list[Token],
                        refs: list[ActorRef]) -> bool:
        """``Islamabad recalled its envoy ... and stopped Tehran's ambassador``: a verb after
        ``and`` with no subject of its own shares the previous verb's subject."""
        between = tokens[previous.end : match.start]
        if (
            match.start > 0 and tokens[match.start - 1].fold == ","
            and tokens[match.start].fold.endswith("ing")
            and not any(t.fold in words.SPEECH_VERBS for t in between)
        ):
            return True  # "... planted a bomb in Helmand, killing five officers"
        if not between or "and" not in {t.fold for t in between[-3:]}:
            return False
        and_at = max(i for i, t in enumerate(between) if t.fold == "and") + previous.end
        return not any(and_at < r.start < match.start for r in refs)


# roles that speak and act for the state: a country and its own government, army or police
# are one actor ("Pakistan" and "Pakistan's army"); rebels, opposition and civilians are not
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "ELI", "MOD", "PTY"})


def _causative_before(tokens: list[Token], match: ActionMatch,
                      refs: list[ActorRef]) -> int | None:
    """Where ``, prompting X to`` stands before an infinitive act, else None: the act was
    done, by X, in answer to the clause before (``refs`` empty: any words for X)."""
    if not modality.is_infinitive(tokens, match.start):
        return None
    for k in range(match.start - 2, max(-1, match.start - 9), -1):
        fold = tokens[k].fold
        if fold in words.CAUSATIVES:
            named = not refs or any(r.start > k and r.end <= match.start - 1 for r in refs)
            return k if k > 0 and tokens[k - 1].fold == "," and named else None
        if fold in words.RIGHT_BARRIERS or fold == ",":
            return None
    return None


def _claimed(claims: list[tuple[ActionMatch, list[ActorRef]]], candidates: list[Candidate],
             tokens: list[Token], sentence: Sentence, notes: list[str]) -> list[Candidate]:
    """``claimed responsibility for the attack, saying it had killed 20 soldiers``: a claim
    that names no victim is aimed at the victims of the act its claimant reports after it."""
    out: list[Candidate] = []
    for match, sources in claims:
        end = tokens[match.end - 1].end
        for source in sources:
            act = next((c for c in candidates if c.start >= end and c.target is not None
                        and c.code[:2] in VIOLENT_ROOTS and c.source.country == source.country),
                       None)
            if act is None or act.target is None:
                continue
            entry = match.pattern.entry
            notes.append(f"[{entry.id}] '{match.pattern.text}': aimed at the victims of the act "
                         f"it reports, {act.target.text!r}")
            out.append(Candidate(sentence, source, act.target, entry.code, entry,
                                 match.pattern.text, tokens[match.start].start, end))
    return out


def _protests(candidates: list[Candidate], sentence: Sentence,
              notes: list[str]) -> list[Candidate]:
    """Crowds' acts as CAMEO codes them: a crowd's demand made while it marches is what the
    protest is for (``students marched, demanding an end to quotas``: one event, 141), and
    one made as it gathers is a protest; a demand made while blocking a road stays one. A
    crowd that burns property riots (145); armed men who do it destroy property (1712); the
    authorities that storm a building coerce (170). A state's protest is an official
    complaint (114)."""
    marching = {c.source.code for c in candidates if c.code in MARCHES}
    protesting = {c.source.code for c in candidates if c.code[:2] == "14"}
    out: list[Candidate] = []
    for c in candidates:
        crowd = c.source.role in CROWD_ROLES
        label = f"[{c.entry.id}] '{c.pattern}'"
        if c.code[:2] == "10" and crowd:
            word = sentence.text[c.start - sentence.start :].split(" ", 1)[0].lower()
            if c.source.code in marching:
                notes.append(f"{label}: what the crowd's protest is for")
                continue
            before = sentence.text[: c.start - sentence.start].split()[-1:]
            progressive = bool(before) and before[0].lower() in words.BE
            # ("teachers are demanding a pay rise" is a demand)
            if word.endswith("ing") and not progressive and c.source.code not in protesting:
                notes.append(f"{label}: a crowd's demand as it gathers: a protest")
                c = attrs.evolve(c, code=PROTEST_FOR.get(c.code, "141"))
        elif c.code in {"140", "141"} and (c.source.role in {"GOV", "LEG", "JUD"} or (
                c.source.role is None and _is_state(c.source.country))):
            # "the Chinese embassy protested against the navy's presence": a state's protest
            # is an official complaint
            notes.append(f"{label}: a state's protest: an official complaint")
            c = attrs.evolve(c, code="114")
        elif c.code == "1712" and crowd:
            notes.append(f"{label}: property destroyed by a crowd: a riot")
            c = attrs.evolve(c, code="145")
        elif c.code[:3] == "145" and c.source.role in UNNAMED_ARMED | {"CRM", "MIL"}:
            notes.append(f"{label}: property destroyed by armed men: no riot")
            c = attrs.evolve(c, code="1712")
        elif c.code[:3] == "145" and c.source.role in {"COP", "GOV", "SPY", "JUD"}:
            # "police stormed the Mexican embassy": force used by the authorities
            notes.append(f"{label}: force used by the authorities: no riot")
            c = attrs.evolve(c, code="170")
        out.append(c)
    # the looting of a crowd that riots is part of its riot
    rioting = {c.source.code for c in out if c.code == "145" and c.source.role in CROWD_ROLES}
    out = [c for c in out if not (c.code[:3] == "171" and c.source.code in rioting)]
    demands = {c.source.code: c.code for c in candidates if c.code[:2] == "10"}
    return [attrs.evolve(c, code=_protest_for(c.code, demands[c.source.code]))
            if c.code in MARCHES and c.source.code in demands
            and c.source.role in CROWD_ROLES else c for c in out]


def _protest_for(protest: str, demand: str) -> str:
    """The code of a protest (141) or riot (145) for what its crowd demands (1041, ...)."""
    code = PROTEST_FOR.get(demand, "141")
    return code if protest != "145" else "145" + code[3:]


def _assassination(candidate: Candidate, sentence: Sentence, notes: list[str]) -> Candidate:
    """An attack that killed a leader is an assassination (186), one that wounded a leader
    an attempt at one (185): ``killed Hezbollah's leader in an air strike``."""
    target = candidate.target
    if candidate.code not in LETHAL_CODES or target is None or not _is_leader(target):
        return candidate
    # not a participle after a comma, which has its own object ("attacked the governor,
    # killing two of his bodyguards")
    said = {m.group(2) for m in re.finditer(r"(,\s*)?\b([a-z]+)\b", sentence.text.lower())
            if not m.group(1)}
    code = "186" if said & words.KILLING_WORDS else "185" if said & words.WOUNDING_WORDS else None
    if code is None:
        return candidate
    notes.append(f"[{candidate.entry.id}] '{candidate.pattern}': a leader, "
                 f"{target.text!r}, {'killed' if code == '186' else 'wounded'}: {code}")
    return attrs.evolve(candidate, code=code)


def _is_leader(ref: ActorRef) -> bool:
    """A named leader or official, or one named by a singular office (``a commander``)."""
    if ref.is_person:
        return ref.role not in {"CVL", "MED", "HRI", "BUS", "EDU", "HLH", "NGO"}
    return ref.text.lower().rsplit(" ", 1)[-1] in words.LEADER_NOUNS


def _one_person(ref: ActorRef) -> bool:
    """Whether an actor phrase names one person by an office (``the French ambassador``)."""
    if ref.is_person or ref.kind == "pronoun":
        return False
    head = ref.text.lower().rsplit(" ", 1)[-1]
    return head in words.LEADER_NOUNS | words.PERSON_NOUNS


def _by_means(candidate: Candidate, actions: list[ActionMatch], notes: list[str]) -> Candidate:
    """``a suicide bomber killed three teachers``: a violent act whose doer is named by a
    means of assault (``suicide bomber``, 1831) is that assault."""
    source = candidate.source
    if candidate.code not in GENERIC_VIOLENCE:
        return candidate
    for means in actions:
        entry = means.pattern.entry
        if (means.pattern.form == "noun" and entry.code[:2] == "18"
                and source.start <= means.start and means.end <= source.end):
            notes.append(f"[{candidate.entry.id}] '{candidate.pattern}': done by "
                         f"{means.pattern.text!r}, so [{entry.id}]")
            return attrs.evolve(candidate, code=entry.code, entry=entry,
                                pattern=means.pattern.text)
    return candidate


def _within_one_actor(source: ActorRef, target: ActorRef) -> bool:
    if source.code == target.code:
        return True
    if source.country != target.country:
        return False
    roles_ = {source.role, target.role}
    if None not in roles_:
        return False
    return roles_ <= STATE_ROLES | {None}


def _of_country(ref: ActorRef, country: str) -> ActorRef:
    """A role noun as the role of ``country``: ``troops`` of Russia is ``RUSMIL``."""
    return attrs.evolve(ref, code=compose_code(country, ref.role), country=country,
                        name=f"{country} ({ref.role})" if ref.role else country)


def _country_ref(at: int, country: str, role: str | None = None,
                 text: str | None = None) -> ActorRef:
    """A country (or one of its roles) as an actor implied at token ``at``: the place an act
    struck, its civilians, a state's own population, a government protested against."""
    return ActorRef(at, at, text or country, compose_code(country, role), country, role,
                    f"{country} ({role})" if role else country, "named")


def _own_country_targets(sources: list[ActorRef], targets: list[ActorRef]) -> bool:
    """Whether ``targets`` are the sources' own countries, implied for a measure on them."""
    return bool(targets) and all(
        t.start == t.end and t.role is None and t.text == t.country for t in targets
    ) and {t.country for t in targets} == {s.country for s in sources if s.country}


def _demanded(tokens: list[Token], match: ActionMatch, actions: list[ActionMatch]) -> bool:
    """``demanded that South Sudan's leaders let peacekeepers move freely``: an act in the
    subjunctive after a demand or an appeal is what is asked for, not what happened."""
    head = tokens[match.start].fold
    if match.pattern.form != "verb" or head.endswith(("ed", "s", "ing")):
        return False
    for earlier in actions:
        if earlier.end > match.start or earlier.pattern.entry.code[:2] not in {"02", "10"}:
            continue
        between = [t.fold for t in tokens[earlier.end - 1 : match.start]]
        if "that" in between and not set(between) & (words.RIGHT_BARRIERS - {"that"}):
            return True
    return False


def _toll_of_earlier_act(tokens: list[Token], match: ActionMatch,
                         actions: list[ActionMatch]) -> bool:
    """``a suicide attack on a police lorry that killed nine officers``: a killing in a
    relative clause after a violent act is that act's toll, not an act of its own."""
    if match.pattern.entry.code != "190" or match.start == 0:
        return False
    if tokens[match.start - 1].fold not in {"that", "which"}:
        return False
    return any(a.end < match.start and a.pattern.entry.code[:2] in VIOLENT_ROOTS
               for a in actions)


def _befriended(tokens: list[Token], ref: ActorRef) -> bool:
    """``to reassure NATO allies``, ``in support of Kyiv``: an actor named as a friend."""
    before = {t.fold for t in tokens[max(0, ref.start - 3) : ref.start]}
    after = tokens[ref.end].fold if ref.end < len(tokens) else ""
    return bool(before & words.FRIENDLY) or after in words.FRIENDLY


def _hyphen_joined(tokens: list[Token], position: int, sentence: Sentence) -> bool:
    """Whether the token at ``position`` is the second half of a hyphenated compound
    (``Iran-backed``, ``U.S.-led``): an adjective, not a verb."""
    if position == 0:
        return False
    at = tokens[position].start - sentence.start - 1
    return (
        tokens[position - 1].end == tokens[position].start - 1
        and 0 <= at < len(sentence.text) and sentence.text[at] == "-"
    )


def _is_numeral(token: Token) -> bool:
    """``two besieged villages``: a count before a participle makes it an adjective."""
    return token.fold in words.COUNT_WORDS or token.fold.replace(",", "").isdigit()


@functools.cache
def _is_state(code: str | None) -> bool:
    """Whether an actor's country code is a state (ISO 3166-1), not a body or a region."""
    return bool(code) and len(code or "") == 3 and pycountry.countries.get(alpha_3=code) is not None


def _in_allegation(tokens: list[Token], match: ActionMatch, actions: list[ActionMatch],
                   refs: list[ActorRef]) -> bool:
    """``accused security forces of killings, rape and torture``, ``rejected claims of a link
    to an attack``: a material act inside an accusation or a claim is its content."""
    if match.pattern.entry.code[:2] not in modality.MATERIAL_ROOTS:
        return False
    starts = [a.end for a in actions if a.end <= match.start and a.pattern.entry.code[:3] == "112"]
    starts += [
        k + 1 for k in range(match.start)
        if tokens[k].fold in words.ALLEGATION_WORDS
        # "claims" is a noun here ("Russian claims of a link"), not a reporting verb
        and (tokens[k].fold not in {"claims", "claim"} or tokens[k + 1].fold == "of")
    ]
    # a comma before a newly named actor opens another clause ("..., and days later the
    # United States fired"); commas in a list of acts do not
    subjects = {r.start for r in refs if r.kind == "named"}
    for start in starts:
        between = range(start, match.start)
        if any(tokens[k].fold in words.RIGHT_BARRIERS | {";"} for k in between):
            continue
        if any(tokens[k].fold == "," and any(k < s < match.start for s in subjects)
               for k in between):
            continue
        return True
    return False
