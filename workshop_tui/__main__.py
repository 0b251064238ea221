"""Allow ``python -m workshop_tui``."""

from workshop_tui.cli.main import main

raise SystemExit(main())
