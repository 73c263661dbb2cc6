"""The Coder: loads a codebook once and codes articles into event records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from os import PathLike

from eventcoder.records import Article, EventRecord

CodebookPath = str | PathLike[str]


class Coder:
    """Codes articles with a codebook.

    ``Coder()`` loads the default codebook; ``Coder(codebooks=[dir, ...])`` layers user
    codebook directories on top of it, in order. Raises ``CodebookError`` listing every
    problem of the codebook.
    """

    def __init__(self, codebooks: Sequence[CodebookPath] = (), *, dedup: str = "article") -> None:
        self.codebook_paths = tuple(str(p) for p in codebooks)
        self.dedup = dedup

    def code(self, article: Article) -> list[EventRecord]:
        """The validated event records of one article (merged within it unless
        ``dedup="none"``)."""
        return []

    def code_articles(
        self, articles: Iterable[Article], jobs: int = 1
    ) -> Iterator[tuple[Article, list[EventRecord]]]:
        """Code articles one at a time, in input order, yielding each with its records.
        With ``jobs > 1`` articles are coded in a process pool."""
        for article in articles:
            yield article, self.code(article)

    def code_many(self, articles: Iterable[Article], jobs: int = 1) -> Iterator[EventRecord]:
        """Stream the records of many articles; memory does not grow with their number."""
        for _, records in self.code_articles(articles, jobs=jobs):
            yield from records
