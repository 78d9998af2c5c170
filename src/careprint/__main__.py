"""``python -m careprint``: the same as the careprint command."""

from careprint.cli import main

raise SystemExit(main())
