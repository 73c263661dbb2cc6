"""eventcoder: a rule-based coder of political events (CAMEO, ACLED) from news text."""

from eventcoder.codebook.loader import load_codebook
from eventcoder.coder import Coder
from eventcoder.errors import (
    CodebookError,
    EventcoderError,
    InputError,
    OutputError,
    RecordValidationError,
)
from eventcoder.records import (
    AcledType,
    Actor,
    Article,
    CodebookInfo,
    EventRecord,
    Location,
    Mention,
)

__version__ = "0.1.0"

__all__ = [
    "AcledType",
    "Actor",
    "Article",
    "CodebookError",
    "CodebookInfo",
    "Coder",
    "EventRecord",
    "EventcoderError",
    "InputError",
    "Location",
    "Mention",
    "OutputError",
    "RecordValidationError",
    "__version__",
    "load_codebook",
]
