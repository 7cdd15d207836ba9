"""Subcommands of the ``civreg`` command line; each module has ``register(subparsers)``."""
