"""Compiled lookup tables: the codebook turned into hash tables keyed by folded tokens.

Built once per ``Coder``. Matching a sentence costs a few dictionary look-ups a token, whatever
the size of the codebook: phrases are found by trying each length up to the longest phrase,
patterns by the folded form of their first word.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

from eventcoder.codebook.inflect import noun_forms, verb_forms
from eventcoder.codebook.model import ActionEntry, ActorEntry, AgentEntry, Codebook
from eventcoder.text.tokens import tokenize

# Words a pattern never needs to spell: the matcher skips them between pattern words.
SKIPPABLE = frozenset(
    "a an the its their his her our my your this these those".split()
)
# Marks the matcher steps over inside a pattern: scare quotes ("highly coordinated" strikes)
TRANSPARENT = frozenset({'"', "'"})

WORD, GAP, TARGET = 0, 1, 2
GAP_WIDTH = 3


class Element(NamedTuple):
    kind: int
    forms: frozenset[str]


class Pattern(NamedTuple):
    """One compiled verb or noun pattern of an action entry."""

    entry: ActionEntry
    form: str  # "verb" or "noun"
    text: str
    elements: tuple[Element, ...]

    @property
    def words(self) -> int:
        return sum(1 for e in self.elements if e.kind == WORD)


class PhraseHit(NamedTuple):
    """What a token sequence names: an actor (by name, adjective or capital) or an agent."""

    kind: str  # "actor" or "agent"
    form: str  # "name", "adjective", "capital", "agent"
    entry: ActorEntry | AgentEntry
    case: str  # "upper": acronym, exact case; "title": first letter capital; "any"


def phrase_key(text: str) -> tuple[str, ...]:
    """The folded token sequence a phrase is looked up by (a leading ``the`` dropped)."""
    folds = [t.fold for t in tokenize(text)]
    if len(folds) > 1 and folds[0] == "the":
        folds = folds[1:]
    return tuple(folds)


def _case_rule(text: str) -> str:
    text = text.strip()
    if text[:4].lower() == "the " and len(text) > 4:
        text = text[4:]  # "the West": the case of the name, not of the article
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text.strip():
        return "upper"
    if text[:1].isupper():
        return "title"
    return "any"


def compile_pattern(entry: ActionEntry, form: str, text: str) -> Pattern | None:
    """Compile one pattern string; ``None`` when it has no word to anchor on."""
    elements: list[Element] = []
    # the verb is the last part of the first word: "de-escalate" inflects "escalate"
    first_word = text.split()[0] if text.split() else ""
    verb_index = max(len(tokenize(first_word)) - 1, 0)
    for index, token in enumerate(t for t in tokenize(text)):
        if token.text == "*":
            elements.append(Element(GAP, frozenset()))
        elif token.text == "+":
            elements.append(Element(TARGET, frozenset()))
        elif token.fold in SKIPPABLE:
            continue
        elif form == "verb" and index == verb_index:
            elements.append(Element(WORD, verb_forms(token.fold)))
        elif form == "verb" and index < verb_index:
            elements.append(Element(WORD, frozenset({token.fold})))
        else:
            elements.append(Element(WORD, noun_forms(token.fold)))
    if not elements or elements[0].kind != WORD:
        return None
    return Pattern(entry, form, text, tuple(elements))


class Lexicon:
    """The codebook's phrases and patterns, compiled for matching."""

    def __init__(self, codebook: Codebook) -> None:
        self.codebook = codebook
        self.patterns: dict[str, list[Pattern]] = defaultdict(list)
        self.phrases: dict[tuple[str, ...], list[PhraseHit]] = defaultdict(list)
        self.unanchored: list[tuple[ActionEntry, str]] = []
        self.actors_by_id = {a.id: a for a in codebook.actors}
        self._by_code: dict[str, ActionEntry] = {}
        for action in codebook.actions:
            self._by_code.setdefault(action.code, action)
        for action in codebook.actions:
            for form, texts in (("verb", action.verbs), ("noun", action.nouns)):
                for text in texts:
                    pattern = compile_pattern(action, form, text)
                    if pattern is None:
                        self.unanchored.append((action, text))
                        continue
                    for anchor in pattern.elements[0].forms:
                        self.patterns[anchor].append(pattern)
        for patterns in self.patterns.values():
            # longest patterns first: the matcher keeps the first full match
            patterns.sort(key=lambda p: (-len(p.elements), p.form != "verb"))
        for actor in codebook.actors:
            for form, texts in (
                ("name", actor.names),
                ("adjective", actor.adjectives),
                ("capital", actor.capitals),
            ):
                for text in texts:
                    self._add_phrase(text, PhraseHit("actor", form, actor, _case_rule(text)))
        for agent in codebook.agents:
            for text in agent.names:
                key = phrase_key(text)
                if not key:
                    continue
                # the last word of a role noun takes a plural: "foreign ministers"
                case = _case_rule(text) if text[:1].isupper() and len(key) == 1 else "any"
                for last in noun_forms(key[-1]):
                    self.phrases[(*key[:-1], last)].append(PhraseHit("agent", "agent", agent, case))
        self.max_phrase = max((len(k) for k in self.phrases), default=1)

    def entry_with_code(self, code: str) -> ActionEntry | None:
        """The first action entry of the codebook with this event code."""
        return self._by_code.get(code)

    def _add_phrase(self, text: str, hit: PhraseHit) -> None:
        key = phrase_key(text)
        if key:
            self.phrases[key].append(hit)
