"""One pass of dictionary matching over a sentence's tokens: actor and agent phrases
(longest first) and action patterns (anchored on their first word)."""

from __future__ import annotations

from typing import NamedTuple

from eventcoder.codebook.lexicon import (
    GAP,
    GAP_WIDTH,
    SKIPPABLE,
    TARGET,
    TRANSPARENT,
    Lexicon,
    Pattern,
    PhraseHit,
)
from eventcoder.text.tokens import Token

# a target slot (+) spans at most this many tokens
TARGET_WIDTH = 8


class PhraseMatch(NamedTuple):
    start: int  # token indices, end exclusive
    end: int
    hits: tuple[PhraseHit, ...]


class ActionMatch(NamedTuple):
    start: int
    end: int
    pattern: Pattern
    target_span: tuple[int, int] | None  # token span of the + slot


def _case_ok(hit: PhraseHit, tokens: list[Token], start: int, end: int) -> bool:
    if hit.case == "upper":
        return all(t.is_upper or not t.text.isalpha() for t in tokens[start:end])
    if hit.case == "title":
        return tokens[start].is_capitalized
    return True


def find_phrases(tokens: list[Token], lexicon: Lexicon) -> list[PhraseMatch]:
    """Actor and agent phrases, longest match first, never overlapping."""
    matches: list[PhraseMatch] = []
    folds = [t.fold for t in tokens]
    i, n = 0, len(tokens)
    while i < n:
        found = None
        for length in range(min(lexicon.max_phrase, n - i), 0, -1):
            hits = lexicon.phrases.get(tuple(folds[i : i + length]))
            if hits:
                ok = tuple(h for h in hits if _case_ok(h, tokens, i, i + length))
                if ok:
                    found = PhraseMatch(i, i + length, ok)
                    break
        if found is not None:
            matches.append(found)
            i = found.end
        else:
            i += 1
    return matches


def _match_elements(
    folds: list[str], pattern: Pattern, index: int, position: int
) -> tuple[int, tuple[int, int] | None] | None:
    """Match ``pattern.elements[index:]`` from token ``position``; return the end position and
    the target slot span, or None."""
    elements = pattern.elements
    n = len(folds)
    if index == len(elements):
        return position, None
    element = elements[index]
    while position < n and folds[position] in SKIPPABLE:
        position += 1
    if element.kind == GAP:
        for width in range(0, GAP_WIDTH + 1):
            window = folds[position : position + width]
            if position + width > n or any(f in ".;:!?" for f in window):
                break
            result = _match_elements(folds, pattern, index + 1, position + width)
            if result is not None:
                return result
        return None
    if element.kind == TARGET:
        if index + 1 == len(elements):
            return position, (position, position)  # an open slot: the roles read what follows
        for width in range(1, TARGET_WIDTH + 1):
            end = position + width
            if end > n or folds[end - 1] in ".;:!?":
                break
            result = _match_elements(folds, pattern, index + 1, end)
            if result is not None:
                return result[0], (position, end)
        return None
    if position < n and folds[position] in element.forms:
        return _match_elements(folds, pattern, index + 1, position + 1)
    return None


def find_actions(tokens: list[Token], lexicon: Lexicon) -> list[ActionMatch]:
    """Action patterns matched in the sentence. Where matches overlap, the one that spans
    more pattern words wins (``carry out air strike`` over ``air strike``)."""
    # quotation marks are transparent to patterns: fired "a number of ballistic missiles" at
    kept = [k for k, t in enumerate(tokens) if t.fold not in TRANSPARENT]
    folds = [tokens[k].fold for k in kept]

    def back(position: int) -> int:  # a position in ``folds`` as a token position
        return kept[position] if position < len(kept) else len(tokens)

    candidates: list[ActionMatch] = []
    for i, fold in enumerate(folds):
        for pattern in lexicon.patterns.get(fold, ()):
            result = _match_elements(folds, pattern, 1, i + 1)
            if result is not None:
                end, slot = result
                span = (back(slot[0]), back(slot[1] - 1) + 1 if slot[1] > slot[0]
                        else back(slot[0])) if slot else None
                candidates.append(ActionMatch(back(i), back(end - 1) + 1, pattern, span))
    candidates.sort(key=lambda m: (-m.pattern.words, -(m.end - m.start), m.start))
    chosen: list[ActionMatch] = []
    taken: set[int] = set()
    for match in candidates:
        words = set(range(match.start, match.end))
        if match.target_span:
            words -= set(range(*match.target_span))
        if words & taken:
            continue
        chosen.append(match)
        taken |= words
    chosen.sort(key=lambda m: m.start)
    return chosen
