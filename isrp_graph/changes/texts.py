"""Messages of the change model (changesets, history, reverts, releases), German and English."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "change.conflict": {
            "de": "Konflikt: der Eintrag {entry} wurde seither geändert ({count} Angabe(n) sind nicht mehr "
            "so, wie die Änderung sie vorfand) – nichts wurde gespeichert.",
            "en": "Conflict: the entry {entry} has changed since ({count} value(s) are no longer as the "
            "change found them) – nothing was stored.",
        },
        "change.revert_conflict": {
            "de": "Die Änderung {change} lässt sich nicht zurücknehmen, weil diese Einträge seither wieder "
            "geändert wurden: {details}. Nichts wurde gespeichert.",
            "en": "The change {change} cannot be reverted because these entries were changed again "
            "since: {details}. Nothing was stored.",
        },
        "change.orphans_not_revertible": {
            "de": "Lose Knoten ohne Eintrag im Graphen {graph} lassen sich nicht einzeln zurücknehmen.",
            "en": "Loose nodes without an entry in the graph {graph} cannot be reverted one by one.",
        },
        "change.unknown": {
            "de": "Keine Änderung {change} im Protokoll.",
            "en": "No change {change} in the log.",
        },
        "change.nothing_to_revert": {
            "de": "Die Änderung {change} hat nichts geändert, was sich zurücknehmen ließe.",
            "en": "The change {change} changed nothing that could be reverted.",
        },
        "change.restore_stale": {
            "de": "Der Eintrag wurde inzwischen erneut geändert (zuletzt {latest}); bitte die Seite neu "
            "laden und noch einmal wählen. Nichts wurde gespeichert.",
            "en": "The entry has been changed again meanwhile (last {latest}); please reload the page "
            "and choose again. Nothing was stored.",
        },
        "change.restore_same": {
            "de": "Der Eintrag hat diesen Stand bereits.",
            "en": "The entry already has this version.",
        },
        "change.revert_comment": {
            "de": "Rücknahme der Änderung {change}",
            "en": "Revert of change {change}",
        },
        "change.restore_comment": {
            "de": "Stand nach der Änderung {change} wiederhergestellt",
            "en": "Restored the version after change {change}",
        },
    }
)

register(
    {
        "release.unknown": {
            "de": "Keinen Stand »{name}« gefunden. Bekannte Stände: {known}.",
            "en": "No release »{name}« found. Known releases: {known}.",
        },
        "release.exists": {
            "de": "Einen Stand »{name}« gibt es schon; Stände sind unveränderlich – bitte einen neuen "
            "Namen wählen.",
            "en": "A release »{name}« exists already; releases are immutable – please choose a new name.",
        },
        "release.no_name": {"de": "Der Stand braucht einen Namen.", "en": "The release needs a name."},
        "release.readonly": {
            "de": "Der Stand »{name}« ist unveränderlich; Änderungen gehen nur am heutigen Stand.",
            "en": "The release »{name}« is immutable; changes are made to today's registry only.",
        },
    }
)

register(
    {
        "cli.history.help": {
            "de": "Änderungen eines Eintrags, neueste zuerst",
            "en": "the changes of one entry, newest first",
        },
        "cli.history.none": {
            "de": "Für {iri} ist keine Änderung verzeichnet (unbekannt oder nie geändert).",
            "en": "No change is recorded for {iri} (unknown or never changed).",
        },
        "cli.history.line": {
            "de": "{time}  {actor}  ({kind})  {id}",
            "en": "{time}  {actor}  ({kind})  {id}",
        },
        "cli.revert.help": {
            "de": "eine Änderung zurücknehmen (geprüft wie jede Änderung)",
            "en": "revert one change (validated like any write)",
        },
        "cli.revert.done": {
            "de": "Zurückgenommen als neue Änderung {id}: {added} Tripel hinzugefügt, {removed} entfernt.",
            "en": "Reverted as the new change {id}: {added} triples added, {removed} removed.",
        },
        "cli.changes.actor": {
            "de": "wer die Änderung macht (Vorgabe: ISRP_ACTOR oder der Benutzername)",
            "en": "who makes the change (default: ISRP_ACTOR or the user name)",
        },
        "cli.release.help": {
            "de": "Stände des Registers anlegen, auflisten, vergleichen",
            "en": "create, list and compare releases of the registry",
        },
        "cli.release.create": {"de": "den heutigen Stand einfrieren", "en": "freeze today's registry"},
        "cli.release.list": {"de": "alle Stände", "en": "all releases"},
        "cli.release.diff": {
            "de": "Unterschied zweier Stände (Name oder »heute«)",
            "en": "difference of two releases (name or »heute«)",
        },
        "cli.release.created": {
            "de": "Stand »{name}« angelegt ({iri}).",
            "en": "Release »{name}« created ({iri}).",
        },
        "cli.release.none": {"de": "Noch kein Stand angelegt.", "en": "No release yet."},
        "cli.release.diff_head": {
            "de": "Von »{old}« zu »{new}«: {added} neu, {removed} entfernt, {changed} geändert.",
            "en": "From »{old}« to »{new}«: {added} added, {removed} removed, {changed} changed.",
        },
        "cli.release.added": {"de": "Neu:", "en": "Added:"},
        "cli.release.removed": {"de": "Entfernt:", "en": "Removed:"},
        "cli.release.changed": {"de": "Geändert:", "en": "Changed:"},
    }
)

register(
    {
        "web.nav.changes": {"de": "Änderungen", "en": "Changes"},
        "change.kind.form": {"de": "Formular", "en": "form"},
        "change.kind.workbook": {"de": "Arbeitsmappe", "en": "workbook"},
        "change.kind.upload": {"de": "RDF-Datei", "en": "RDF file"},
        "change.kind.import": {"de": "Import", "en": "import"},
        "change.kind.load": {"de": "Laden (Kommandozeile)", "en": "load (command line)"},
        "change.kind.revert": {"de": "Rücknahme", "en": "revert"},
        "change.kind.restore": {"de": "Wiederherstellung", "en": "restore"},
        "change.kind.proposal": {"de": "Änderungsvorschlag", "en": "proposal"},
        "change.kind.write": {"de": "Änderung", "en": "change"},
    }
)
