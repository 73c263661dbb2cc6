"""Throughput of the coder on the bundled example articles.

    python benchmarks/bench_coder.py [--repeat N]

Prints the time to load the codebook, then sentences and articles coded per second over
N passes of every article in ``data/examples`` (and ``data/gold`` sentences, one article
each). Speed is measured here, never asserted in the tests.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventcoder import Article, Coder
from eventcoder.io.readers import read_inputs

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[Article]:
    articles = [a for a in read_inputs([str(ROOT / "data" / "examples")]) if isinstance(a, Article)]
    for path in sorted((ROOT / "data" / "gold").glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                item = json.loads(line)
                text = " ".join(filter(None, [item.get("context"), item["text"]]))
                article_id = f"{path.stem}-{number}"
                articles.append(Article(id=article_id, text=text, date=item.get("date")))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    coder = Coder()
    coder.code(Article(id="warm-up", text="Israel bombed Gaza.", date="2024-01-01"))
    load = time.perf_counter() - started
    articles = corpus()
    sentences = sum(len(coder.sentences(a)) for a in articles) * args.repeat
    events = 0
    started = time.perf_counter()
    for _ in range(args.repeat):
        for article in articles:
            events += len(coder.code(article))
    elapsed = time.perf_counter() - started
    print(f"codebook load and compile: {load:.2f} s")
    print(f"{len(articles) * args.repeat} articles, {sentences} sentences, {events} events "
          f"in {elapsed:.2f} s: {sentences / elapsed:.0f} sentences/s, "
          f"{len(articles) * args.repeat / elapsed:.0f} articles/s")


if __name__ == "__main__":
    main()
