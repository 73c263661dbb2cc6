"""``eventcoder codebook check`` and ``stats``: problems a schema cannot see, and counts."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from os import PathLike

from eventcoder.codebook.lexicon import GAP, TARGET, compile_pattern, phrase_key
from eventcoder.codebook.loader import load_codebook
from eventcoder.codebook.model import Codebook
from eventcoder.errors import CodebookError

PathArg = str | PathLike[str]


def lint(codebook: Codebook) -> list[str]:
    """Patterns that can never match and names that can never be read, one message each."""
    problems: list[str] = []
    for entry in codebook.actions:
        where = codebook.where(entry.id)
        seen: set[tuple[str, str]] = set()
        compiled: dict[tuple[object, ...], str] = {}
        for form, texts in (("verb", entry.verbs), ("noun", entry.nouns)):
            for text in texts:
                key = (form, " ".join(phrase_key(text)))
                if key in seen:
                    problems.append(f"{where}: [{entry.id}] {form} pattern {text!r} is listed "
                                    "twice; remove one")
                seen.add(key)
                pattern = compile_pattern(entry, form, text)
                if pattern is None:
                    problems.append(
                        f"{where}: [{entry.id}] {form} pattern {text!r} can never match: it "
                        "must start with a word (not '+', '*', or only articles)"
                    )
                    continue
                same = compiled.setdefault((form, *pattern.elements), text)
                if same != text:
                    problems.append(f"{where}: [{entry.id}] {form} pattern {text!r} matches the "
                                    f"same words as {same!r} (a noun's singular and plural, a "
                                    "verb's forms); remove one")
                kinds = [e.kind for e in pattern.elements]
                if any(a != 0 and b != 0 for a, b in itertools.pairwise(kinds)):
                    problems.append(
                        f"{where}: [{entry.id}] {form} pattern {text!r} can never match as "
                        "meant: '+' and '*' must be separated by a word"
                    )
                if kinds[-1] == GAP:
                    problems.append(f"{where}: [{entry.id}] {form} pattern {text!r} ends with "
                                    "'*', which matches nothing; remove it")
                if form == "noun" and TARGET in kinds:
                    problems.append(f"{where}: [{entry.id}] noun pattern {text!r} has a '+': "
                                    "noun targets follow the noun (on, against, at); remove it")
    for actor in codebook.actors:
        for text in actor.names + actor.adjectives + actor.capitals:
            if not phrase_key(text):
                problems.append(f"{codebook.where(actor.id)}: [{actor.id}] name {text!r} has "
                                "no word in it")
    return problems


def check_codebook(paths: Sequence[PathArg] = ()) -> list[str]:
    """Every problem of the default codebook layered with ``paths`` (an empty list when it
    is sound): schema errors, unknown codes, duplicate ids, conflicting phrases, and patterns
    that can never match."""
    try:
        codebook = load_codebook(paths)
    except CodebookError as error:
        return list(error.problems)
    return lint(codebook)


def codebook_stats(paths: Sequence[PathArg] = ()) -> str:
    """Entries and patterns per kind and per CAMEO root, as an aligned table.

    Raises ``CodebookError`` if the codebook does not load."""
    codebook = load_codebook(paths)
    lines = [f"codebook {codebook.name} {codebook.version}", ""]
    people = [a for a in codebook.actors if a.type == "person"]
    by_type = Counter(a.type for a in codebook.actors)
    verbs = sum(len(a.verbs) for a in codebook.actions)
    nouns = sum(len(a.nouns) for a in codebook.actions)
    rows = [
        ("event codes", len(codebook.codes)),
        ("action entries", len(codebook.actions)),
        ("action patterns", verbs + nouns),
        ("  verb patterns", verbs),
        ("  noun patterns", nouns),
        ("actor entries", len(codebook.actors)),
        *((f"  {kind}", count) for kind, count in sorted(by_type.items())),
        ("  countries with office holders", len({p.country for p in people})),
        ("  offices", sum(len(p.offices) for p in people)),
        ("actor names", sum(len(a.names) + len(a.adjectives) + len(a.capitals)
                            for a in codebook.actors)),
        ("agent entries", len(codebook.agents)),
        ("agent names", sum(len(a.names) for a in codebook.agents)),
        ("place entries", len(codebook.places)),
        ("place names", sum(len(p.names) for p in codebook.places)),
    ]
    width = max(len(name) for name, _ in rows)
    lines += [f"{name:<{width}}  {count:>6}" for name, count in rows]
    lines += ["", "root  name                                   codes  entries  patterns"]
    roots = {c.code: c.name for c in codebook.codes.values() if len(c.code) == 2}
    used_codes: Counter[str] = Counter()
    patterns: Counter[str] = Counter()
    entries: Counter[str] = Counter()
    for action in codebook.actions:
        root = action.code[:2]
        entries[root] += 1
        patterns[root] += len(action.verbs) + len(action.nouns)
    for action in codebook.actions:
        used_codes[action.code] += 1
    for root, name in sorted(roots.items()):
        codes = sum(1 for c in used_codes if c[:2] == root)
        lines.append(
            f"{root}    {name[:38]:<38} {codes:>5}  {entries[root]:>7}  {patterns[root]:>8}"
        )
    three = [c for c in codebook.codes if len(c) == 3]
    thin = [c for c in three
            if sum(len(a.verbs) + len(a.nouns) for a in codebook.actions if a.code[:3] == c) < 3]
    lines.append("")
    lines.append(f"3-digit codes with fewer than 3 patterns: {len(thin)} of {len(three)}"
                 + (f" ({', '.join(thin[:20])}{' ...' if len(thin) > 20 else ''})" if thin else ""))
    return "\n".join(lines)
