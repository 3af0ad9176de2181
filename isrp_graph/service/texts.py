"""Texts of the service package (health, empty store, backup and restore), German and English."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "service.empty_store": {
            "de": "Der Speicher ist leer: es gibt kein Register. Erst „isrp load“ (oder „isrp run“) "
            "ausführen, um Ontologie und Daten zu laden.",
            "en": "The store is empty: there is no registry. Run “isrp load” (or “isrp run”) first to "
            "load the ontology and data.",
        },
        "service.serve_loading": {
            "de": "Der Speicher ist leer – das mitgelieferte Register wird geladen (wie bei „isrp run“) …",
            "en": "The store is empty – loading the shipped registry (as “isrp run” does) …",
        },
        "service.validate_empty": {
            "de": "Nichts zu prüfen: der Speicher ist leer. Erst „isrp load“ oder „isrp run“ ausführen.",
            "en": "Nothing to check: the store is empty. Run “isrp load” or “isrp run” first.",
        },
        "service.backup.help": {
            "de": "den ganzen Speicher in eine Sicherungsdatei schreiben (N-Quads, gzip, mit Prüfsumme)",
            "en": "write the whole store to a backup file (N-Quads, gzip, with checksum)",
        },
        "service.backup.output": {"de": "Sicherungsdatei", "en": "backup file"},
        "service.restore.help": {
            "de": "den Speicher aus einer Sicherungsdatei wiederherstellen (geprüft, alles oder nichts)",
            "en": "restore the store from a backup file (verified, all or nothing)",
        },
        "service.restore.file": {"de": "Sicherungsdatei", "en": "backup file"},
        "service.backup.done": {
            "de": "Gesichert: {quads} Quads in {graphs} Graphen nach {path} (SHA-256 {sha}).",
            "en": "Backed up: {quads} quads in {graphs} graphs to {path} (SHA-256 {sha}).",
        },
        "service.restore.done": {
            "de": "Wiederhergestellt: {quads} Quads in {graphs} Graphen aus {path} "
            "(Sicherung vom {created}).",
            "en": "Restored: {quads} quads in {graphs} graphs from {path} (backup of {created}).",
        },
        "service.backup.missing": {
            "de": "Die Sicherungsdatei {path} gibt es nicht.",
            "en": "The backup file {path} does not exist.",
        },
        "service.backup.not_backup": {
            "de": "{path} ist keine Sicherung von isrp-graph (Manifest fehlt oder ist unlesbar); nichts "
            "wurde wiederhergestellt.",
            "en": "{path} is not an isrp-graph backup (manifest missing or unreadable); nothing was "
            "restored.",
        },
        "service.backup.checksum": {
            "de": "Die Sicherung {path} ist beschädigt (Prüfsumme stimmt nicht); nichts wurde "
            "wiederhergestellt.",
            "en": "The backup {path} is damaged (checksum mismatch); nothing was restored.",
        },
        "service.backup.corrupt": {
            "de": "Die Sicherung {path} ist beschädigt ({reason}); nichts wurde wiederhergestellt.",
            "en": "The backup {path} is damaged ({reason}); nothing was restored.",
        },
        "service.backup.counts": {
            "de": "Die Sicherung {path} passt nicht zu ihrem Manifest (Anzahl der Quads je Graph); nichts "
            "wurde wiederhergestellt.",
            "en": "The backup {path} does not match its manifest (quads per graph); nothing was restored.",
        },
        "service.ready": {"de": "bereit", "en": "ready"},
        "service.not_ready.store": {
            "de": "nicht bereit: der Speicher antwortet nicht",
            "en": "not ready: the store does not answer",
        },
        "service.not_ready.registry": {
            "de": "nicht bereit: im Speicher ist kein Register geladen (isrp load)",
            "en": "not ready: no registry is loaded in the store (isrp load)",
        },
    }
)
