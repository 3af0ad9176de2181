"""Subcommands of the ``isrp`` command, one module per area, each with ``register(subparsers)``.

To add commands: write a module here with ``register(subparsers) -> None`` whose parsers call
``set_defaults(func=handler)`` (``handler(args, settings) -> int``), use ``common.h(key)`` for help
texts from the message catalogue, and add the module to ``isrp_graph.cli.COMMAND_MODULES``.
"""
