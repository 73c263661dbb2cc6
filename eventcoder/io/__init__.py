"""Input and output: readers for articles, writers for event records, atomic output.

``read_inputs`` streams articles (or ``Rejected`` inputs) from files, directories and
standard input; ``open_writer`` opens an atomic writer in one of ``FORMATS``.
"""

from eventcoder.io.atomic import atomic_output, atomic_path
from eventcoder.io.readers import Rejected, missing_inputs, read_inputs
from eventcoder.io.writers import FORMATS, RecordWriter, format_for_path, open_writer

__all__ = [
    "FORMATS",
    "RecordWriter",
    "Rejected",
    "atomic_output",
    "atomic_path",
    "format_for_path",
    "missing_inputs",
    "open_writer",
    "read_inputs",
]
