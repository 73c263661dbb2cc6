"""Actor phrases: names, adjectives, capitals and role nouns combined into coded actors.

``Pakistan's Foreign Minister`` is one phrase (PAKGOV), ``Chinese troops`` another (CHNMIL),
``Islamabad`` stands for PAKGOV, and a named person takes the role of the office held on the
event's date. Pronouns and collective references (``the two sides``) are kept as unresolved
phrases for the roles stage.
"""

from __future__ import annotations

import attrs

from eventcoder.codebook.model import ActorEntry, AgentEntry
from eventcoder.engine.matcher import PhraseMatch
from eventcoder.text.tokens import Token, fold

PRONOUNS = {
    "it": "thing", "its": "thing", "they": "plural", "their": "plural", "them": "plural",
    "he": "person", "his": "person", "him": "person", "she": "person", "her": "person",
    "we": "speaker", "our": "speaker", "us": "speaker", "i": "speaker", "my": "speaker",
    "ourselves": "speaker", "itself": "thing", "themselves": "plural",
}
COLLECTIVES = (
    ("the", "two", "sides"), ("both", "sides"), ("both", "countries"), ("the", "two", "countries"),
    ("both", "nations"), ("the", "two", "nations"), ("the", "two", "neighbours"),
    ("the", "two", "neighbors"), ("both", "governments"), ("the", "two", "governments"),
)
# words that may stand between a country and its role noun: "Pakistani security officials"
MODIFIERS = frozenset(
    """senior top former chief deputy acting interim caretaker state security local elite
    special federal provincial regional armed new then outgoing incoming main leading
    paramilitary official government military national army police naval air""".split()
)
# nouns that, after "the", refer back to an organisation named before
GROUP_ANAPHORS = frozenset({"group", "movement", "organisation", "organization", "militia",
                            "faction", "outfit"})
# capitalised words that make a name before them a province's: "Niger State", "Kunar Province"
PROVINCE_WORDS = frozenset({"State", "Province", "Region", "Governorate"})
FORMER = frozenset({"former", "ex", "late", "then", "outgoing"})
# a country inside a place name is no actor: "the Sea of Japan", "the Gulf of Mexico"
PLACE_HEADS = frozenset({"sea", "gulf", "strait", "straits", "bay", "coast", "horn", "isle"})


@attrs.frozen
class ActorRef:
    """An actor read in a sentence, over tokens ``start:end``."""

    start: int
    end: int
    text: str
    code: str | None
    country: str | None
    role: str | None
    name: str | None
    kind: str  # "named", "agent", "pronoun", "collective"
    entry_id: str | None = None
    is_person: bool = False
    pronoun: str | None = None
    capital: bool = False  # a capital standing for its government: also a place name
    adjective: bool = False  # a country named by its adjective alone ("Thai")
    theatre: bool = False  # a group coded by the country where each event happens


def compose_code(country: str | None, role: str | None, base: str | None = None) -> str | None:
    """The CAMEO actor code of a country (or body) and a role: ``PAK`` + ``GOV`` -> ``PAKGOV``."""
    if base and len(base) > 3:
        return base
    root = base or country
    if root is None:
        return role
    if role and not root.endswith(role):
        return root + role
    return root


def _person_code(person: ActorEntry, role: str | None) -> str | None:
    """A person's code on a day: country and role, or the code of the international body
    the person speaks for (``IGONAT`` for a NATO secretary-general)."""
    if person.code and person.code[:3] in {"IGO", "NGO"}:
        return person.code
    return compose_code(person.country, role)


def _span_text(tokens: list[Token], start: int, end: int, sentence: str, offset: int) -> str:
    return sentence[tokens[start].start - offset : tokens[end - 1].end - offset]


def _best_actor(match: PhraseMatch) -> tuple[ActorEntry, str] | None:
    for hit in match.hits:
        if hit.kind == "actor" and isinstance(hit.entry, ActorEntry):
            return hit.entry, hit.form
    return None


def _best_agent(match: PhraseMatch) -> AgentEntry | None:
    for hit in match.hits:
        if hit.kind == "agent" and isinstance(hit.entry, AgentEntry):
            return hit.entry
    return None


def build_actor_refs(
    tokens: list[Token],
    matches: list[PhraseMatch],
    sentence: str,
    offset: int,
    day: str | None,
    aliases: dict[str, ActorEntry],
) -> list[ActorRef]:
    """Combine phrase matches into actor phrases, in sentence order.

    ``aliases`` maps the folded surname of a person already named in the article to the
    person (so that ``Mr Sharif`` after ``Shehbaz Sharif`` is the same actor); it is updated.
    """
    refs: list[ActorRef] = []
    by_start = {m.start: m for m in matches}
    folds = [t.fold for t in tokens]
    n = len(tokens)
    i = 0
    while i < n:
        match = by_start.get(i)
        if match is None:
            ref = _pronoun_or_alias(tokens, folds, i, sentence, offset, day, aliases)
            if ref is not None:
                refs.append(ref)
                i = ref.end
            else:
                i += 1
            continue
        if match.end < n and tokens[match.end].text in PROVINCE_WORDS and _best_actor(match):
            i = match.end  # "Niger State police": a province of Nigeria, not Niger
            continue
        # gather a run: [country/actor]['s] [modifiers] [agent]... [person]
        start = i
        country_entry: ActorEntry | None = None
        country_form = ""
        person: ActorEntry | None = None
        group: ActorEntry | None = None
        agent: AgentEntry | None = None
        j = i
        while j < n:
            m = by_start.get(j)
            if m is None:
                if folds[j] == "'s" and j > start:
                    j += 1
                    continue
                if folds[j] in MODIFIERS and j > start and (
                    (j + 1 < n and (j + 1) in by_start) or folds[j + 1 : j + 2] in (["of"],)
                ):
                    j += 1
                    continue
                name_word = tokens[j].is_capitalized and j > start and agent is not None
                if name_word and (j + 1) in by_start:
                    j += 1  # "Foreign Minister Ishaq Dar": a word of a name we do not know
                    continue
                break
            actor = _best_actor(m)
            found_agent = _best_agent(m)
            if actor is not None:
                entry, form = actor
                if entry.type == "person":
                    if person is not None:
                        break
                    person = entry
                elif entry.type in ("group", "igo", "ngo", "other") or entry.role:
                    if group is not None or person is not None:
                        break
                    group = entry
                else:
                    if country_entry is not None or agent is not None or person is not None:
                        break
                    country_entry, country_form = entry, form
            elif found_agent is not None:
                if person is not None:
                    break
                agent = found_agent
            j = m.end
        # "the foreign minister of Pakistan"
        if (
            country_entry is None and group is None and person is None and agent is not None
            and j + 1 < n and folds[j] == "of"
        ):
            following = by_start.get(j + 1)
            actor = _best_actor(following) if following else None
            if following is not None and actor is not None and actor[0].type == "country":
                country_entry, country_form = actor
                j = following.end
        if j == start:
            j = match.end
        if (
            country_entry is not None and agent is None and start >= 2
            and folds[start - 1] == "of" and folds[start - 2] in PLACE_HEADS
        ):
            i = j
            continue
        refs.append(
            _compose(tokens, start, j, sentence, offset, day, country_entry, country_form,
                     group, person, agent)
        )
        if person is not None:
            for name in person.names:
                parts = name.split()
                if len(parts) > 1:
                    aliases.setdefault(fold(parts[-1]), person)
        i = j
    return _add_collectives(_share_heads(refs, folds), folds, tokens, sentence, offset)


def _compose(
    tokens: list[Token], start: int, end: int, sentence: str, offset: int, day: str | None,
    country_entry: ActorEntry | None, country_form: str, group: ActorEntry | None,
    person: ActorEntry | None, agent: AgentEntry | None,
) -> ActorRef:
    text = _span_text(tokens, start, end, sentence, offset)
    former = (start > 0 and tokens[start - 1].fold in FORMER) or tokens[start].fold in FORMER
    if person is not None:
        role = "ELI" if former else person.role_on(day)
        country = person.country
        return ActorRef(start, end, text, _person_code(person, role), country, role,
                        person.name, "named", person.id, is_person=True)
    if group is not None:
        role = group.role
        country = group.country
        return ActorRef(start, end, text, group.code, country, role, group.name, "named",
                        group.id, theatre=group.theatre)
    if country_entry is not None:
        role = agent.role if agent is not None else None
        if role is None and country_form == "capital":
            role = "GOV"
        definite = start > 0 and tokens[start - 1].fold == "the"
        if (role is None and country_form == "adjective" and not definite
                and _plural_demonym(text, country_entry)):
            role = "CVL"  # "thousands of Israelis rallied": people; "the Russians": the state
        if former and role == "GOV":
            role = "ELI"
        country = country_entry.country
        name = country_entry.name if role is None else f"{country_entry.name} ({role})"
        return ActorRef(start, end, text, compose_code(country, role, country_entry.code),
                        country, role, name, "named", country_entry.id,
                        capital=country_form == "capital" and agent is None,
                        adjective=country_form == "adjective" and agent is None)
    role = agent.role if agent is not None else None
    return ActorRef(start, end, text, None, None, role, None, "agent",
                    agent.id if agent else None)


def _plural_demonym(text: str, entry: ActorEntry) -> bool:
    """``Israelis``, ``Pakistanis``: the people of a country, named by its demonym's plural."""
    folded = fold(text)
    singulars = {fold(a) for a in entry.adjectives}
    return folded.endswith("s") and folded[:-1] in singulars


def _pronoun_or_alias(
    tokens: list[Token], folds: list[str], i: int, sentence: str, offset: int,
    day: str | None, aliases: dict[str, ActorEntry],
) -> ActorRef | None:
    token = tokens[i]
    if (
        folds[i] == "the" and i + 1 < len(folds) and folds[i + 1] in GROUP_ANAPHORS
        and (i + 2 >= len(folds) or folds[i + 2] != "of")
    ):
        # "Houthi spokesman Yahya Saree said the group had fired": a pronoun for a body
        return ActorRef(i, i + 2, _span_text(tokens, i, i + 2, sentence, offset), None, None,
                        None, None, "pronoun", pronoun="group")
    kind = PRONOUNS.get(folds[i])
    if kind is not None:
        if folds[i] == "us" and token.text == "US":
            return None
        return ActorRef(i, i + 1, token.text, None, None, None, None, "pronoun", pronoun=kind)
    person = aliases.get(folds[i]) if token.is_capitalized else None
    if person is not None:
        start = i - 1 if i > 0 and folds[i - 1] in ("mr", "mrs", "ms", "dr") else i
        role = person.role_on(day)
        return ActorRef(start, i + 1, _span_text(tokens, start, i + 1, sentence, offset),
                        _person_code(person, role), person.country, role, person.name,
                        "named", person.id, is_person=True)
    return None


def _share_heads(refs: list[ActorRef], folds: list[str]) -> list[ActorRef]:
    """``Thai and Cambodian military commanders``: a bare country adjective coordinated with
    a country and role noun shares the role."""
    out = list(refs)
    for k in range(len(out) - 1):
        first, second = out[k], out[k + 1]
        if (
            first.kind == "named" and first.role is None and first.adjective
            and second.kind == "named" and second.role is not None and not second.is_person
            and second.entry_id and second.entry_id.startswith("country.")
            and second.start == first.end + 1 and folds[first.end] == "and"
        ):
            out[k] = attrs.evolve(first, role=second.role,
                                  code=compose_code(first.country, second.role),
                                  name=f"{first.country} ({second.role})")
    return out


def _add_collectives(
    refs: list[ActorRef], folds: list[str], tokens: list[Token], sentence: str, offset: int
) -> list[ActorRef]:
    for i in range(len(folds)):
        for phrase in COLLECTIVES:
            if tuple(folds[i : i + len(phrase)]) == phrase:
                end = i + len(phrase)
                if not any(r.start < end and i < r.end for r in refs):
                    refs.append(ActorRef(i, end, _span_text(tokens, i, end, sentence, offset),
                                         None, None, None, None, "collective"))
    refs.sort(key=lambda r: r.start)
    return refs
