"""The Coder: loads a codebook once and codes articles into validated event records.

The stages run in one direction: clean -> split -> match -> roles -> events -> normalize ->
record -> merge -> validate.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from os import PathLike
from typing import Any

from eventcoder.codebook.lexicon import Lexicon
from eventcoder.codebook.loader import load_codebook
from eventcoder.engine.events import ArticleEngine, Candidate, SentenceTrace
from eventcoder.engine.merge import merge_article
from eventcoder.engine.words import PEOPLES
from eventcoder.normalize.dates import DateMention, find_dates
from eventcoder.normalize.places import Gazetteer, PlaceMention, best_location
from eventcoder.normalize.tolls import find_tolls
from eventcoder.records import (
    AcledType,
    Actor,
    Article,
    CodebookInfo,
    EventRecord,
    Location,
    Mention,
)
from eventcoder.text.clean import clean_text, original_text
from eventcoder.text.sentences import Sentence, split_sentences
from eventcoder.validate import check_record

CodebookPath = str | PathLike[str]
DEDUP_MODES = ("none", "article", "dataset")
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
LOCATED_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})


class Coder:
    """Codes articles with a codebook.

    ``Coder()`` loads the default codebook; ``Coder(codebooks=[dir, ...])`` layers user
    codebook directories (or single YAML files) on top of it, in order. ``dedup`` is
    ``"article"`` (merge mentions of one event inside an article) or ``"none"``.
    Raises ``CodebookError`` listing every problem of the codebook.
    """

    def __init__(self, codebooks: Sequence[CodebookPath] = (), *, dedup: str = "article") -> None:
        if dedup not in DEDUP_MODES:
            raise ValueError(f"dedup must be one of {', '.join(DEDUP_MODES)}, got {dedup!r}")
        self.codebook_paths = tuple(str(p) for p in codebooks)
        self.dedup = dedup
        self.codebook = load_codebook(self.codebook_paths)
        self.info = CodebookInfo(self.codebook.name, self.codebook.version)
        self._lexicon: Lexicon | None = None
        self._gazetteer: Gazetteer | None = None

    # Compiled tables are rebuilt in each process rather than pickled: they are larger than
    # the codebook they come from and take well under a second to build.
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_lexicon"] = None
        state["_gazetteer"] = None
        return state

    @property
    def lexicon(self) -> Lexicon:
        if self._lexicon is None:
            self._lexicon = Lexicon(self.codebook)
        return self._lexicon

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            from eventcoder.codebook.loader import default_codebook_path

            towns = default_codebook_path() / "gazetteer" / "towns.tsv"
            demonyms = [a for actor in self.codebook.actors if actor.type == "country"
                        for a in actor.adjectives]
            self._gazetteer = Gazetteer.build(
                [p.to_mapping() for p in self.codebook.places],
                towns if towns.is_file() else None,
                not_places=[*demonyms, *PEOPLES],
            )
        return self._gazetteer

    # -- coding -------------------------------------------------------------------------------
    def sentences(self, article: Article) -> list[Sentence]:
        """The sentences the coder reads in an article (after cleaning)."""
        return split_sentences(clean_text(article.text))

    def trace(self, article: Article) -> list[SentenceTrace]:
        """What the engine saw in every sentence of ``article``."""
        text = clean_text(article.text)
        engine = ArticleEngine(self.lexicon, self.gazetteer, text, article.date)
        return [engine.read(sentence) for sentence in split_sentences(text)]

    def code(self, article: Article) -> list[EventRecord]:
        """The validated event records of one article, merged within it unless
        ``dedup="none"``. Raises ``RecordValidationError`` if a record breaks the schema."""
        records = [
            self._record(article, trace, candidate)
            for trace in self.trace(article)
            for candidate in trace.candidates
        ]
        if self.dedup != "none":
            records = merge_article(records)
        for record in records:
            check_record(record)
        return records

    def code_articles(
        self, articles: Iterable[Article], jobs: int = 1
    ) -> Iterator[tuple[Article, list[EventRecord]]]:
        """Code articles in input order, yielding each with its records. With ``jobs > 1``
        articles are coded in a pool of processes, a bounded number in flight at a time."""
        if jobs <= 1:
            for article in articles:
                yield article, self.code(article)
            return
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending: list[tuple[Article, Any]] = []
            for article in articles:
                pending.append((article, pool.submit(self.code, article)))
                if len(pending) >= jobs * 4:
                    done, future = pending.pop(0)
                    yield done, future.result()
            for done, future in pending:
                yield done, future.result()

    def code_many(self, articles: Iterable[Article], jobs: int = 1) -> Iterator[EventRecord]:
        """Stream the records of many articles; memory does not grow with their number."""
        for _, records in self.code_articles(articles, jobs=jobs):
            yield from records

    def explain(self, sentence: str, date: str | None = None) -> str:
        """A readable account of how one sentence was coded: tokens, matches, actors,
        notes on the rules applied, and the events with the codebook entries behind them."""
        from eventcoder.engine.explain import render_explanation

        article = Article(id="explain", text=sentence, date=date)
        return render_explanation(self, article)

    # -- normalisation into records ---------------------------------------------------------
    def _record(self, article: Article, trace: SentenceTrace,
                candidate: Candidate) -> EventRecord:
        sentence = candidate.sentence
        info = self.codebook.codes[candidate.code]
        event_date, precision = self._date(article, trace, candidate)
        root = candidate.code[:2]
        fatalities = self._toll(trace, candidate) if root in VIOLENT_ROOTS else None
        location = self._location(trace, candidate) if root in LOCATED_ROOTS else None
        source = _actor(candidate.source)
        target = _actor(candidate.target) if candidate.target else None
        key = "|".join(
            str(part)
            for part in (article.id, sentence.index, source.code, target.code if target else "",
                         candidate.code, candidate.entry.id, candidate.start)
        )
        return EventRecord(
            event_id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
            article_id=article.id,
            sentence_index=sentence.index,
            sentence=original_text(article.text, sentence.text),
            mentions=(Mention(article.id, sentence.index),),
            event_date=event_date,
            date_precision=precision,
            source=source,
            target=target,
            cameo_code=candidate.code,
            cameo_root=root,
            quad_class=info.quad_class,
            goldstein=info.goldstein,
            acled=AcledType(*info.acled) if info.acled else None,
            location=location,
            fatalities=fatalities,
            rule=candidate.entry.id,
            codebook=self.info,
            article_date=article.date,
            url=article.url,
            news_source=article.source,
        )

    def _date(self, article: Article, trace: SentenceTrace,
              candidate: Candidate) -> tuple[str | None, str | None]:
        reference = date.fromisoformat(article.date) if article.date else None
        sentence = candidate.sentence
        mentions = find_dates(sentence.text, reference, future=candidate.future)
        chosen = _nearest(mentions, candidate.start - sentence.start)
        if chosen is not None:
            if chosen.value is None:
                return None, None
            return chosen.value.isoformat(), chosen.precision
        if article.date:
            return article.date, "article"
        return None, None

    def _toll(self, trace: SentenceTrace, candidate: Candidate) -> int | None:
        dead = [t for t in find_tolls(candidate.sentence.text) if t.kind == "dead"]
        if not dead:
            return None
        violent = [c for c in trace.candidates if c.code[:2] in VIOLENT_ROOTS]
        position = candidate.start - candidate.sentence.start
        if len(violent) > 1:
            # several violent acts in one sentence: the toll goes to the act nearest to it
            for toll in dead:
                at = candidate.sentence.start + toll.start
                nearest = min(violent, key=lambda c: abs(c.start - at))
                if nearest.start == candidate.start or _same_dyad(nearest, candidate):
                    return toll.count  # the act, however many words name it
            return None
        return max(t.count for t in dead) if position >= 0 else None

    def _location(self, trace: SentenceTrace, candidate: Candidate) -> Location | None:
        mentions = trace.places
        position = candidate.start - candidate.sentence.start
        after = [m for m in mentions if m.start >= position]
        chosen: PlaceMention | None = best_location(after) or best_location(mentions)
        if chosen is None or chosen.place.kind == "country":
            return None
        place = chosen.place
        return Location(
            name=place.name,
            country=place.country,
            admin1=place.admin1,
            admin1_code=place.admin1_code,
            latitude=place.latitude,
            longitude=place.longitude,
            precision=chosen.precision,
        )


def _nearest(mentions: list[DateMention], position: int) -> DateMention | None:
    if not mentions:
        return None
    return min(mentions, key=lambda m: min(abs(m.start - position), abs(m.end - position)))


def _actor(ref: Any) -> Actor:
    return Actor(text=ref.text, code=ref.code, country=ref.country, role=ref.role, name=ref.name)


def _same_dyad(one: Candidate, other: Candidate) -> bool:
    """Two violent acts of one sentence by the same source on the same target: one act named
    twice ("a suicide bomber detonated his explosives")."""
    return one.source.code == other.source.code and (
        (one.target.code if one.target else None) == (other.target.code if other.target else None)
    )
