"""The change model: changesets (every applied change, stored with PROV-O in the store), the history
of each entry, reverts and restores, "what changed since …", and releases (Stand) with their diff.

See docs/changes.md. The write path itself is :mod:`isrp_graph.writes`.
"""

from isrp_graph.changes.report_changes import report_changes as report_changes
