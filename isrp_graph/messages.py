"""The one message catalogue: every user-facing text of the library and the CLI, German first, English second.

Use ``t(key, lang, **kwargs)`` for one language and ``both(key, **kwargs)`` for "Deutsch (English)".
Other modules add their keys with ``register({...})`` at import time (or by editing ``MESSAGES``); a key
that is registered twice with different text is an error, so two modules cannot silently disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGUAGES: tuple[str, ...] = ("de", "en")
DEFAULT_LANG = "de"

MESSAGES: dict[str, dict[str, str]] = {
    # --- settings -------------------------------------------------------------------------------
    "settings.invalid": {
        "de": "Ungültige Einstellung {name}={value!r}: {reason}",
        "en": "Invalid setting {name}={value!r}: {reason}",
    },
    "settings.lang": {"de": "erlaubt sind de oder en", "en": "allowed are de or en"},
    "settings.number": {"de": "erwartet eine positive Zahl", "en": "expects a positive number"},
    "settings.config_unreadable": {
        "de": "Konfigurationsdatei {path} ist kein gültiges TOML: {reason}",
        "en": "Config file {path} is not valid TOML: {reason}",
    },
    "settings.config_missing": {
        "de": "Konfigurationsdatei {path} nicht gefunden",
        "en": "Config file {path} not found",
    },
    # --- resources ------------------------------------------------------------------------------
    "resources.missing": {
        "de": "Mitgelieferter Ordner {name}/ nicht gefunden (gesucht in {places})",
        "en": "Shipped directory {name}/ not found (looked in {places})",
    },
    # --- store ----------------------------------------------------------------------------------
    "store.unreachable": {
        "de": "Der Speicher {url} ist nicht erreichbar: {reason}",
        "en": "The store {url} cannot be reached: {reason}",
    },
    "store.locked": {
        "de": "Der Speicher {path} ist von einem anderen Prozess geöffnet (läuft schon ‚isrp serve‘?): "
        "{reason}",
        "en": "The store {path} is opened by another process (is 'isrp serve' running?): {reason}",
    },
    "store.closed": {"de": "Der Speicher ist bereits geschlossen", "en": "The store is already closed"},
    "store.error": {"de": "Fehler im Speicher: {reason}", "en": "Store error: {reason}"},
    "store.http_error": {
        "de": "Der Speicher {url} antwortet mit HTTP {status}: {reason}",
        "en": "The store {url} answered HTTP {status}: {reason}",
    },
    "query.syntax": {
        "de": "Die SPARQL-Abfrage ist fehlerhaft: {reason}",
        "en": "The SPARQL query is malformed: {reason}",
    },
    "query.timeout": {
        "de": "Die Abfrage wurde nach {seconds} s abgebrochen (Zeitlimit ISRP_QUERY_TIMEOUT)",
        "en": "The query was stopped after {seconds} s (time limit ISRP_QUERY_TIMEOUT)",
    },
    "query.unsupported_format": {
        "de": "Kein passendes Ergebnisformat für Accept: {accept} (möglich: {offered})",
        "en": "No matching result format for Accept: {accept} (available: {offered})",
    },
    "query.wrong_form": {
        "de": "Erwartet wurde eine {expected}-Abfrage, erhalten: {actual}",
        "en": "Expected a {expected} query, got: {actual}",
    },
    "query.binding": {
        "de": "Ungültiger Parameter {name}: {reason}",
        "en": "Invalid parameter {name}: {reason}",
    },
    "term.invalid_iri": {
        "de": "keine gültige IRI: {value!r}",
        "en": "not a valid IRI: {value!r}",
    },
    "term.invalid_lang": {
        "de": "kein gültiges Sprachkürzel: {value!r}",
        "en": "not a valid language tag: {value!r}",
    },
    "term.blank_node": {
        "de": "leere Knoten (blank nodes) können nicht als Parameter übergeben werden",
        "en": "blank nodes cannot be passed as parameters",
    },
    "term.unsupported": {
        "de": "nicht unterstützter RDF-Term: {value!r}",
        "en": "unsupported RDF term: {value!r}",
    },
    # --- loading --------------------------------------------------------------------------------
    "load.syntax": {
        "de": "Syntaxfehler in {path}, Zeile {line}: {message}",
        "en": "Syntax error in {path}, line {line}: {message}",
    },
    "load.syntax_column": {
        "de": "Syntaxfehler in {path}, Zeile {line}, Spalte {column}: {message}",
        "en": "Syntax error in {path}, line {line}, column {column}: {message}",
    },
    "load.syntax_noline": {
        "de": "Syntaxfehler in {path} (Zeile unbekannt): {message}",
        "en": "Syntax error in {path} (line unknown): {message}",
    },
    "load.unknown_format": {
        "de": "Unbekanntes RDF-Format für {path} (erlaubt: {formats})",
        "en": "Unknown RDF format for {path} (allowed: {formats})",
    },
    "load.not_found": {"de": "Datei nicht gefunden: {path}", "en": "File not found: {path}"},
    "load.graph_clash": {
        "de": "Zwei Quellen wollen denselben Graphen {graph} füllen: {first} und {second}",
        "en": "Two sources would fill the same graph {graph}: {first} and {second}",
    },
    "load.progress": {"de": "Lade … ({done}/{total} Dateien)", "en": "Loading … ({done}/{total} files)"},
    "load.writing": {
        "de": "Schreibe {files} Dateien in den Speicher …",
        "en": "Writing {files} files to the store …",
    },
    "load.done": {
        "de": "Geladen: {files} Dateien, {triples} Tripel in {graphs} Graphen.",
        "en": "Loaded: {files} files, {triples} triples in {graphs} graphs.",
    },
    "load.nothing": {
        "de": "Keine RDF-Dateien gefunden in {path}",
        "en": "No RDF files found in {path}",
    },
    # --- registry summary -----------------------------------------------------------------------
    "summary.title": {"de": "ISRP-Register – Übersicht", "en": "ISRP registry – overview"},
    "summary.class": {"de": "Klasse", "en": "Class"},
    "summary.entries": {"de": "Einträge", "en": "Entries"},
    "summary.graph": {"de": "Graph", "en": "Graph"},
    "summary.triples_col": {"de": "Tripel", "en": "Triples"},
    "summary.triples": {"de": "Tripel gesamt: {n}", "en": "Triples in total: {n}"},
    "summary.graphs": {"de": "Benannte Graphen: {n}", "en": "Named graphs: {n}"},
    "summary.empty": {
        "de": "Der Speicher ist leer. Erst ‚isrp load‘ ausführen.",
        "en": "The store is empty. Run 'isrp load' first.",
    },
    # --- CLI ------------------------------------------------------------------------------------
    "cli.description": {
        "de": "isrp – das Register der integrierten Sozialraumplanung (ISRP) als Wissensgraph: "
        "Planungen, Aufgaben, Rechtsgrundlagen und Zusammenhänge laden, prüfen, abfragen und "
        "exportieren. (The ISRP planning-system registry as a knowledge graph: load, check, "
        "query and export.)",
        "en": "isrp – the registry of integrated social-space planning (ISRP) as a knowledge graph: "
        "load, check, query and export plans, tasks, legal bases and their links. (Deutsch: "
        "Register der integrierten Sozialraumplanung.)",
    },
    "cli.epilog": {
        "de": "Erster Schritt: ‚isrp run‘ lädt alles und zeigt eine Übersicht. Hilfe zu einem "
        "Befehl: ‚isrp BEFEHL --help‘. Rückgabewerte: 0 in Ordnung, 1 Befunde, 2 falscher Aufruf, "
        "3 fehlerhafte Eingabe, 4 Speicher nicht erreichbar.",
        "en": "First step: 'isrp run' loads everything and shows an overview. Help on a command: "
        "'isrp COMMAND --help'. Exit codes: 0 ok, 1 findings, 2 usage error, 3 bad input, "
        "4 store unreachable.",
    },
    "cli.usage": {"de": "Aufruf: ", "en": "usage: "},
    "cli.positionals": {"de": "Angaben", "en": "arguments"},
    "cli.options": {"de": "Optionen", "en": "options"},
    "cli.commands": {"de": "Befehle", "en": "commands"},
    "cli.help": {"de": "diese Hilfe zeigen und beenden", "en": "show this help and exit"},
    "cli.error": {"de": "{prog}: Fehler: {message}", "en": "{prog}: error: {message}"},
    "cli.lang": {
        "de": "Sprache der Ausgabe: de (Deutsch, Standard) oder en (Englisch)",
        "en": "output language: de (German, default) or en (English)",
    },
    "cli.store": {
        "de": "welcher Speicher: ‚embedded‘ (Standard, Ordner var/store), ‚memory‘ (nur im "
        "Arbeitsspeicher), ein Ordnerpfad oder die URL eines SPARQL-Servers (ersetzt ISRP_STORE)",
        "en": "which store: 'embedded' (default, folder var/store), 'memory', a folder path or the "
        "URL of a SPARQL server (overrides ISRP_STORE)",
    },
    "cli.no_command": {
        "de": "Bitte einen Befehl angeben, z. B. ‚isrp run‘. Übersicht: ‚isrp --help‘.",
        "en": "Please name a command, e.g. 'isrp run'. Overview: 'isrp --help'.",
    },
    "cli.interrupted": {"de": "Abgebrochen.", "en": "Interrupted."},
    "cli.working": {"de": "{what} … {seconds} s", "en": "{what} … {seconds} s"},
    # load
    "cli.load.help": {
        "de": "Ontologie und Daten in den Speicher laden (ohne Angaben: alles Mitgelieferte)",
        "en": "load the ontology and data into the store (without arguments: everything shipped)",
    },
    "cli.load.description": {
        "de": "Ohne Dateien: lädt die mitgelieferte Ontologie (mit Vokabularen und Regeln) und "
        "alle Daten neu – in einem Schritt, ganz oder gar nicht. Mit Dateien: lädt diese als "
        "Importe (Graph …/graph/import/NAME). (Without files: reloads the shipped ontology and "
        "data atomically. With files: loads them as imports.)",
        "en": "Without files: reloads the shipped ontology (with vocabularies and shapes) and all "
        "data in one all-or-nothing step. With files: loads them as imports (graph "
        "…/graph/import/NAME).",
    },
    "cli.load.files": {
        "de": "RDF-Dateien (Turtle .ttl, TriG .trig, N-Triples .nt, N-Quads .nq, JSON-LD .jsonld, "
        "RDF/XML .rdf/.owl/.xml)",
        "en": "RDF files (Turtle .ttl, TriG .trig, N-Triples .nt, N-Quads .nq, JSON-LD .jsonld, "
        "RDF/XML .rdf/.owl/.xml)",
    },
    "cli.load.format": {
        "de": "Format erzwingen statt es an der Dateiendung zu erkennen",
        "en": "force the format instead of guessing it from the file extension",
    },
    # stats
    "cli.stats.help": {
        "de": "Übersicht: wie viele Einträge je Art im Register stehen",
        "en": "overview: how many entries of each kind the registry holds",
    },
    "cli.stats.description": {
        "de": "Zeigt für jede Klasse der ISRP-Ontologie die Zahl der Einträge, dazu Tripel und "
        "Graphen. (Shows the number of entries per ISRP class, triples and graphs.)",
        "en": "Shows the number of entries for each class of the ISRP ontology, plus triples and graphs.",
    },
    "cli.stats.graphs": {"de": "auch die Graphen einzeln auflisten", "en": "also list every graph"},
    "cli.output_format": {"de": "Ausgabeformat", "en": "output format"},
    # query
    "cli.query.help": {
        "de": "eigene SPARQL-Abfrage ausführen",
        "en": "run your own SPARQL query",
    },
    "cli.query.description": {
        "de": "Führt eine SPARQL-Abfrage auf dem ganzen Register aus. Die üblichen Präfixe (isrp:, "
        "skos:, …) sind schon bekannt. (Runs a SPARQL query on the whole registry; common prefixes "
        "are predeclared.)",
        "en": "Runs a SPARQL query on the whole registry. Common prefixes (isrp:, skos:, …) are predeclared.",
    },
    "cli.query.text": {
        "de": "die Abfrage als Text oder der Pfad einer .rq-Datei (‚-‘ liest von der Eingabe)",
        "en": "the query text or the path of a .rq file ('-' reads standard input)",
    },
    "cli.query.file": {"de": "Abfrage aus dieser Datei lesen", "en": "read the query from this file"},
    "cli.query.limit": {
        "de": "höchstens so viele Zeilen ausgeben (Standard: ISRP_RESULT_LIMIT)",
        "en": "print at most this many rows (default: ISRP_RESULT_LIMIT)",
    },
    "cli.query.missing": {
        "de": "Bitte eine Abfrage angeben (Text, Datei oder --file).",
        "en": "Please give a query (text, file or --file).",
    },
    "cli.query.truncated": {
        "de": "Hinweis: Ergebnis auf {limit} von {total} Zeilen gekürzt.",
        "en": "Note: result cut to {limit} of {total} rows.",
    },
    "cli.query.rows": {"de": "{n} Zeilen", "en": "{n} rows"},
    "cli.query.running": {"de": "Abfrage läuft", "en": "Query running"},
    "cli.yes": {"de": "ja", "en": "yes"},
    "cli.no": {"de": "nein", "en": "no"},
    # export
    "cli.export.help": {
        "de": "das Register als RDF-Datei speichern",
        "en": "save the registry as an RDF file",
    },
    "cli.export.description": {
        "de": "Schreibt alle (oder ausgewählte) Graphen in eine Datei. TriG, N-Quads und JSON-LD "
        "behalten die Graphen; Turtle, N-Triples und RDF/XML fassen sie zusammen. (Writes all or "
        "selected graphs to a file.)",
        "en": "Writes all (or selected) graphs to a file. TriG, N-Quads and JSON-LD keep the graphs; "
        "Turtle, N-Triples and RDF/XML merge them.",
    },
    "cli.export.output": {
        "de": "Zieldatei (ohne Angabe: Bildschirm)",
        "en": "target file (default: standard output)",
    },
    "cli.export.graph": {
        "de": "nur diesen Graphen (IRI) ausgeben; mehrfach möglich",
        "en": "only this graph (IRI); may be repeated",
    },
    "cli.export.done": {
        "de": "{triples} Tripel nach {path} geschrieben ({format}).",
        "en": "Wrote {triples} triples to {path} ({format}).",
    },
    # run
    "cli.run.help": {
        "de": "alles in einem Schritt: Register aufbauen, Übersicht zeigen, Web-Oberfläche starten",
        "en": "everything in one step: build the registry, show the overview, start the web app",
    },
    "cli.run.description": {
        "de": "Baut den Speicher aus der mitgelieferten Ontologie und den Daten neu auf, zeigt die "
        "Übersicht und startet – sobald vorhanden – die Web-Oberfläche auf http://127.0.0.1:8000. "
        "(Builds the store, prints the overview and serves the web app when available.)",
        "en": "Rebuilds the store from the shipped ontology and data, prints the overview and – when "
        "available – serves the web app on http://127.0.0.1:8000.",
    },
    "cli.run.no_serve": {
        "de": "nur aufbauen und Übersicht zeigen, keinen Server starten (für CI)",
        "en": "only build and print the overview, do not start a server (for CI)",
    },
    "cli.run.host": {"de": "Adresse des Servers", "en": "server address"},
    "cli.run.port": {"de": "Port des Servers", "en": "server port"},
    "cli.run.serving": {
        "de": "Web-Oberfläche: http://{host}:{port}/ (beenden mit Strg+C)",
        "en": "Web app: http://{host}:{port}/ (stop with Ctrl+C)",
    },
    "cli.run.no_app": {
        "de": "Die Web-Oberfläche ist noch nicht eingebaut; fertig.",
        "en": "The web app is not built in yet; done.",
    },
}


def register(messages: Mapping[str, Mapping[str, str]]) -> None:
    """Add keys to the catalogue. Each entry needs a German text; English falls back to German."""
    for key, texts in messages.items():
        if "de" not in texts:
            raise ValueError(f"message {key!r} has no German text")
        existing = MESSAGES.get(key)
        if existing is not None and dict(existing) != dict(texts):
            raise ValueError(f"message {key!r} is already registered with different text")
        MESSAGES[key] = dict(texts)


def normalise_lang(lang: str | None) -> str:
    """``de`` or ``en``; anything else (``de-DE``, ``None``) falls back sensibly."""
    if not lang:
        return DEFAULT_LANG
    short = lang.strip().lower()[:2]
    return short if short in LANGUAGES else DEFAULT_LANG


def t(key: str, lang: str | None = DEFAULT_LANG, /, **kwargs: Any) -> str:
    """The message ``key`` in ``lang`` with ``kwargs`` filled in. Unknown keys raise ``KeyError``."""
    texts = MESSAGES[key]
    template = texts.get(normalise_lang(lang)) or texts["de"]
    return template.format(**kwargs) if kwargs else template


def both(key: str, /, **kwargs: Any) -> str:
    """German, then English in brackets: for errors that may be read by anyone."""
    de = t(key, "de", **kwargs)
    en = t(key, "en", **kwargs)
    return de if de == en else f"{de} ({en})"


class LocalizedError(Exception):
    """An error whose text comes from the catalogue. ``str()`` is German (English);
    ``message(lang)`` gives one language, for the CLI and the web app."""

    key: str = "store.error"

    def __init__(self, key: str | None = None, /, **kwargs: Any) -> None:
        if key is not None:
            self.key = key
        self.params = kwargs
        super().__init__(both(self.key, **kwargs))

    def message(self, lang: str | None = DEFAULT_LANG) -> str:
        return t(self.key, lang, **self.params)
