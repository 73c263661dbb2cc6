"""``python -m eventcoder``: the command line."""

from eventcoder.cli import main

raise SystemExit(main())
