"""``python -m isrp_graph`` = the ``isrp`` command."""

from isrp_graph.cli import main

raise SystemExit(main())
