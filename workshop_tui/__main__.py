"""Allow ``python -m workshop_tui``."""

from workshop_tui.cli import main

raise SystemExit(main())
