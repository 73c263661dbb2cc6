"""Whether coding slows down as the codebook grows.

    python benchmarks/bench_codebook_size.py [--extra N]

Codes the bundled examples and gold sentences with the default codebook, then with a layer
of N made-up verb patterns (none of which occur in the text) added to it, and prints the
sentences per second of each. Phrases are looked up by their first word, so the two figures
should stay close however large N is.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench_coder import corpus

from eventcoder import Article, Coder


def synthetic_layer(directory: Path, count: int) -> Path:
    """A codebook layer of ``count`` verb patterns made of invented words."""
    lines = ["kind: actions", "entries:", '  - id: "190.synthetic"', '    code: "190"',
             "    verbs:"]
    for number in range(count):
        word = "zq" + "".join(chr(ord("a") + int(digit)) for digit in str(number))
        lines.append(f'      - "{word}ate * outpost"')
    path = directory / "synthetic.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return directory


def rate(coder: Coder, articles: list[Article], passes: int = 3) -> float:
    """The best of ``passes`` timings, in sentences per second."""
    sentences = sum(len(coder.sentences(a)) for a in articles)
    best = float("inf")
    for _ in range(passes):
        started = time.perf_counter()
        for article in articles:
            coder.code(article)
        best = min(best, time.perf_counter() - started)
    return sentences / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", type=int, default=20000)
    args = parser.parse_args()
    articles = corpus()
    base = Coder()
    base.code(Article(id="warm-up", text="Israel bombed Gaza.", date="2024-01-01"))
    with tempfile.TemporaryDirectory() as folder:
        grown = Coder(codebooks=[synthetic_layer(Path(folder), args.extra)])
        grown.code(Article(id="warm-up", text="Israel bombed Gaza.", date="2024-01-01"))
        print(f"default codebook:            {rate(base, articles):6.0f} sentences/s")
        print(f"with {args.extra:>6} more patterns:   {rate(grown, articles):6.0f} sentences/s")


if __name__ == "__main__":
    main()
