"""The errors eventcoder raises. Each refines the builtin it is a kind of."""

from __future__ import annotations


class EventcoderError(Exception):
    """Base class of every error raised by eventcoder."""


class CodebookError(EventcoderError, ValueError):
    """A codebook cannot be loaded. Carries every problem found, not only the first.

    ``problems`` is a list of ``"file:line: [entry id] message"`` strings.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"the codebook has {count} problem{'s' if count != 1 else ''}:"
        super().__init__("\n  ".join([head, *self.problems]))


class InputError(EventcoderError, ValueError):
    """An input article cannot be read: names the file, the line and the reason."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class RecordValidationError(EventcoderError, ValueError):
    """A coded record does not fit the event schema. This is a bug in a codebook or in
    eventcoder, never bad input: the run stops instead of writing the record."""

    def __init__(self, article_id: str, sentence_index: int, field: str, message: str) -> None:
        self.article_id = article_id
        self.sentence_index = sentence_index
        self.field = field
        super().__init__(
            f"article {article_id!r}, sentence {sentence_index}: field {field!r}: {message}"
        )


class OutputError(EventcoderError, OSError):
    """Output cannot be written (unknown format, unwritable path, ...)."""
