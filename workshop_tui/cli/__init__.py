"""The command line: ``workshop`` and its subcommands (see ``main``)."""
