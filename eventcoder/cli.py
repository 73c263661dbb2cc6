"""The command line: arguments in, library calls, messages and exit statuses out.

Exit statuses: 0 everything coded; 1 some input rejected (the rest coded and written) or a
check failed; 2 usage, input-path, output or codebook error (nothing written); 3 a record
broke the event schema, a bug reported with its article, sentence and field (nothing
written); 130 interrupted (nothing written).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from eventcoder.errors import CodebookError, InputError, OutputError, RecordValidationError
from eventcoder.io.atomic import atomic_output
from eventcoder.io.readers import Rejected, missing_inputs, parse_date, read_inputs
from eventcoder.io.writers import FORMATS, RecordWriter, format_for_path, open_writer
from eventcoder.records import Article, EventRecord

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_INVALID_RECORD = 3
EXIT_INTERRUPTED = 130
DEDUP_CHOICES = ("none", "article", "dataset")

PROG = "eventcoder"


# -- messages ---------------------------------------------------------------------------------
def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


def _note(message: str) -> None:
    print(message, file=sys.stderr)


# -- argument types ---------------------------------------------------------------------------
def _date_argument(value: str) -> str:
    try:
        return parse_date(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _jobs_argument(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of processes, got {value!r}"
        ) from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more processes, got {jobs}")
    return jobs


def _fraction_argument(value: str) -> float:
    try:
        fraction = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}") from None
    if not 0.0 <= fraction <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {value!r}")
    return fraction


# -- the parser -------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Code news articles into political event records (CAMEO, ACLED).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    code = commands.add_parser(
        "code",
        help="code articles into event records",
        description="Read articles and write the events coded from them.",
        epilog=(
            "Inputs: .txt (one article a file), .jsonl (one article a line), .csv (id, date, "
            "text columns), directories of those, or - for standard input. Output format: "
            "--format, else OUTPUT's extension (.jsonl, .csv, .tsv for cameo, .sqlite/.db), "
            "else jsonl. Exit status: 0 all coded, 1 some input rejected, 2 usage or codebook "
            "error, 3 invalid record (a bug)."
        ),
    )
    code.add_argument("inputs", nargs="+", metavar="INPUT",
                      help="article file, directory, or - for standard input")
    code.add_argument("-o", "--output", metavar="OUTPUT", default=None,
                      help="output file (default: standard output)")
    code.add_argument("--format", choices=FORMATS, default=None,
                      help="output format (default: from OUTPUT's extension, else jsonl)")
    _add_date(code, "date for articles without one of their own")
    _add_codebook(code)
    code.add_argument("--jobs", type=_jobs_argument, default=1, metavar="N",
                      help="code articles in N processes (default: 1)")
    code.add_argument("--dedup", choices=DEDUP_CHOICES, default="article",
                      help="merge mentions of one event: inside an article (default), across "
                           "the whole dataset, or not at all")
    code.add_argument("--rejects", metavar="FILE", default=None,
                      help="write rejected inputs to FILE as JSON lines {path, line, reason}")
    code.add_argument("--quiet", "-q", action="store_true",
                      help="no progress and no summary on standard error "
                           "(rejected inputs are still listed)")
    code.set_defaults(handler=command_code)

    explain = commands.add_parser(
        "explain", help="show how one sentence is coded",
        description="Show the tokens, matches, actors, rules and events of one sentence.",
    )
    explain.add_argument("sentence", metavar="SENTENCE")
    _add_date(explain, "the article date relative dates are read against")
    _add_codebook(explain)
    explain.set_defaults(handler=command_explain)

    validate = commands.add_parser(
        "validate", help="check event records against the event schema",
        description="Check every line of a JSON-lines file of event records against the event "
                    "schema. Exit status 0 when all are valid, 1 otherwise.",
    )
    validate.add_argument("records", metavar="RECORDS.jsonl")
    validate.set_defaults(handler=command_validate)

    codebook = commands.add_parser(
        "codebook", help="check a codebook or count its entries",
        description="Check codebooks (the default one layered with PATHs) or show statistics.",
    )
    codebook_commands = codebook.add_subparsers(dest="codebook_command", metavar="ACTION",
                                                required=True)
    check = codebook_commands.add_parser(
        "check", help="report every problem of the codebook (exit 2 if any)",
        description="Report every problem of the default codebook layered with PATHs.",
    )
    check.add_argument("paths", nargs="*", metavar="PATH")
    check.set_defaults(handler=command_codebook_check)
    stats = codebook_commands.add_parser(
        "stats", help="count entries and patterns",
        description="Count the entries and patterns of the default codebook layered with PATHs.",
    )
    stats.add_argument("paths", nargs="*", metavar="PATH")
    stats.set_defaults(handler=command_codebook_stats)

    evaluate = commands.add_parser(
        "evaluate", help="score the coder against gold annotations",
        description="Code the articles of gold files and score the events against the gold ones.",
    )
    evaluate.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    _add_codebook(evaluate)
    evaluate.add_argument("--errors", action="store_true",
                          help="list every missed and spurious event")
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--min-f1", type=_fraction_argument, default=None, metavar="X",
                          help="exit with status 1 when F1 is below X")
    evaluate.set_defaults(handler=command_evaluate)
    return parser


def _add_date(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument("--date", type=_date_argument, default=None, metavar="YYYY-MM-DD",
                        help=help)


def _add_codebook(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--codebook", action="append", default=[], metavar="PATH",
                        help="a codebook directory or file layered over the default one "
                             "(repeatable)")


def _version() -> str:
    from eventcoder import __version__

    return __version__


# -- code -------------------------------------------------------------------------------------
class _Run:
    """Counts and messages of one ``code`` run."""

    def __init__(self, quiet: bool, rejects: IO[str] | None) -> None:
        self.quiet = quiet
        self.rejects = rejects
        self.coded = 0
        self.rejected = 0
        self.sentences = 0
        self.say: Callable[[str], None] = _note

    def reject(self, item: Rejected) -> None:
        self.rejected += 1
        self.say(f"rejected: {item}")
        if self.rejects is not None:
            self.rejects.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")

    def accepted(self, items: Iterable[Article | Rejected]) -> Iterator[Article]:
        for item in items:
            if isinstance(item, Rejected):
                self.reject(item)
            else:
                yield item

    def summary(self, writer: RecordWriter) -> str:
        read = self.coded + self.rejected
        return (
            f"{read} article{'s' if read != 1 else ''} read, {self.coded} coded, "
            f"{self.rejected} rejected; {self.sentences} sentences; "
            f"{writer.written} events written"
        )


def _sentence_count(coder: Any, article: Article) -> int:
    # The sentence splitter is part of the coder's pipeline; count 0 rather than fail a run
    # where it is unavailable.
    try:
        return len(coder.sentences(article))
    except (AttributeError, ImportError, NotImplementedError):
        return 0


def _progress(items: Iterator[Any], quiet: bool, run: _Run) -> Iterator[Any]:
    if quiet or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    bar = tqdm(items, unit=" articles", file=sys.stderr, dynamic_ncols=True, leave=False)
    run.say = lambda message: bar.write(message, file=sys.stderr)
    return iter(bar)


def _report_missing(names: list[str], what: str) -> bool:
    """Name every input that does not exist; whether there was one."""
    missing = missing_inputs(names)
    for name in missing:
        _error(f"{what} not found: {name}")
    return bool(missing)


def command_code(args: argparse.Namespace) -> int:
    """``eventcoder code``: read, code, write; see the module docstring for exit statuses."""
    if _report_missing(args.inputs, "input"):
        return EXIT_USAGE
    if args.inputs.count("-") > 1:
        _error("standard input (-) can be read only once")
        return EXIT_USAGE
    output_format = args.format or format_for_path(args.output)
    if output_format == "sqlite" and args.output in (None, "-"):
        _error("the sqlite format needs an output file: -o events.sqlite")
        return EXIT_USAGE

    from eventcoder.coder import Coder

    try:
        coder = Coder(codebooks=args.codebook,
                      dedup="none" if args.dedup == "none" else "article")
    except CodebookError as error:
        _error(str(error))
        return EXIT_USAGE

    try:
        with contextlib.ExitStack() as outputs:
            writer = outputs.enter_context(open_writer(args.output, output_format))
            rejects = (
                outputs.enter_context(atomic_output(args.rejects)) if args.rejects else None
            )
            run = _Run(args.quiet, rejects)
            _code_all(coder, args, run, writer)
    except OutputError as error:
        _error(str(error))
        return EXIT_USAGE
    except RecordValidationError as error:
        _error(f"invalid record, nothing written (a bug in the codebook or eventcoder): {error}")
        return EXIT_INVALID_RECORD

    if not args.quiet:
        _note(run.summary(writer))
        if writer.skipped:
            reasons = ", ".join(f"{reason}: {n}" for reason, n in sorted(writer.skipped.items()))
            _note(f"{sum(writer.skipped.values())} events have no {writer.format} row "
                  f"({reasons})")
    return EXIT_REJECTED if run.rejected else EXIT_OK


def _code_all(coder: Any, args: argparse.Namespace, run: _Run, writer: RecordWriter) -> None:
    articles = run.accepted(read_inputs(args.inputs, default_date=args.date))
    coded = _progress(coder.code_articles(articles, jobs=args.jobs), args.quiet, run)
    kept: list[EventRecord] = []
    for article, records in coded:
        run.coded += 1
        run.sentences += _sentence_count(coder, article)
        if args.dedup == "dataset":
            # merging across articles needs every record at hand before anything is written
            kept.extend(records)
        else:
            writer.write_all(records)
    if args.dedup == "dataset":
        from eventcoder.engine.merge import merge_records

        writer.write_all(merge_records(kept))


# -- explain, validate ------------------------------------------------------------------------
def command_explain(args: argparse.Namespace) -> int:
    """``eventcoder explain``: print how one sentence is coded."""
    from eventcoder.coder import Coder

    try:
        coder = Coder(codebooks=args.codebook)
    except CodebookError as error:
        _error(str(error))
        return EXIT_USAGE
    print(coder.explain(args.sentence, date=args.date))
    return EXIT_OK


def command_validate(args: argparse.Namespace) -> int:
    """``eventcoder validate``: check each line of a records file against the event schema;
    print ``N records valid`` or every problem as ``FILE:LINE: field: message``."""
    from eventcoder.validate import record_problems

    path = args.records
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as error:
        _error(f"cannot read {path}: {error.strerror}")
        return EXIT_USAGE
    count = invalid = 0
    with stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            count += 1
            try:
                problems = record_problems(json.loads(raw.decode("utf-8-sig")))
            except UnicodeDecodeError:
                problems = ["(record): not valid UTF-8 text"]
            except json.JSONDecodeError as error:
                problems = [f"(record): not JSON: {error.msg} (column {error.colno})"]
            if problems:
                invalid += 1
                for problem in problems:
                    print(f"{path}:{number}: {problem}")
    if invalid:
        _note(f"{invalid} of {count} records invalid")
        return EXIT_REJECTED
    print(f"{count} records valid")
    return EXIT_OK


# -- codebook, evaluate -----------------------------------------------------------------------
def command_codebook_check(args: argparse.Namespace) -> int:
    """``eventcoder codebook check``: print every problem; exit 2 when there is any."""
    from eventcoder.codebook import check_codebook

    problems = check_codebook(args.paths)
    for problem in problems:
        print(problem)
    if problems:
        _note(f"{len(problems)} codebook problem{'s' if len(problems) != 1 else ''}")
        return EXIT_USAGE
    print("codebook ok")
    return EXIT_OK


def command_codebook_stats(args: argparse.Namespace) -> int:
    """``eventcoder codebook stats``: print the codebook's entry and pattern counts."""
    from eventcoder.codebook import codebook_stats

    try:
        print(codebook_stats(args.paths))
    except CodebookError as error:
        _error(str(error))
        return EXIT_USAGE
    return EXIT_OK


def command_evaluate(args: argparse.Namespace) -> int:
    """``eventcoder evaluate``: score the coder on gold files; exit 1 below ``--min-f1``."""
    if _report_missing(args.gold, "gold file"):
        return EXIT_USAGE
    from eventcoder.coder import Coder
    from eventcoder.evaluate import evaluate_files

    try:
        # no merging: a mention in the sentence must not merge into one in its context
        coder = Coder(codebooks=args.codebook, dedup="none")
    except CodebookError as error:
        _error(str(error))
        return EXIT_USAGE
    try:
        report = evaluate_files(coder, args.gold)
    except InputError as error:
        _error(str(error))
        return EXIT_USAGE
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print(report.render(errors=args.errors))
    if args.min_f1 is not None and report.f1 < args.min_f1:
        _note(f"F1 {report.f1:.3f} is below --min-f1 {args.min_f1:.3f}")
        return EXIT_REJECTED
    return EXIT_OK


# -- entry point ------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit
    status instead of exiting."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return exit.code if isinstance(exit.code, int) else EXIT_USAGE
    try:
        status: int = args.handler(args)
        return status
    except KeyboardInterrupt:
        _error("interrupted; no output written")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader of our standard output went away (``| head``): stop quietly
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - replaces a dead stream
        return EXIT_OK
