"""The codebook: entry model, loading with layers and schema check, lookup tables, lint."""

from eventcoder.codebook.lint import check_codebook, codebook_stats
from eventcoder.codebook.loader import default_codebook_path, load_codebook
from eventcoder.codebook.model import (
    ActionEntry,
    ActorEntry,
    AgentEntry,
    Codebook,
    CodeInfo,
    Office,
    PlaceEntry,
)

__all__ = [
    "ActionEntry",
    "ActorEntry",
    "AgentEntry",
    "CodeInfo",
    "Codebook",
    "Office",
    "PlaceEntry",
    "check_codebook",
    "codebook_stats",
    "default_codebook_path",
    "load_codebook",
]
