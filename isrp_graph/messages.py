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
    "settings.names": {
        "de": "erwartet Namen, durch Kommas getrennt, oder eine Liste von Namen",
        "en": "expects names separated by commas, or a list of names",
    },
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
    "cli.version": {"de": "Versionsnummer zeigen und beenden", "en": "show the version and exit"},
    "cli.query.update_refused": {
        "de": "‚isrp query‘ führt nur Abfragen aus, keine Änderungen (UPDATE).",
        "en": "'isrp query' runs queries only, no changes (UPDATE).",
    },
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
        "Importe (Graph …/graph/import/NAME); eine Datei aus ontology/ oder data/ ersetzt ihren "
        "eigenen Graphen. (Without files: reloads the shipped ontology and data atomically. With "
        "files: loads them as imports.)",
        "en": "Without files: reloads the shipped ontology (with vocabularies and shapes) and all "
        "data in one all-or-nothing step. With files: loads them as imports (graph "
        "…/graph/import/NAME); a file from ontology/ or data/ replaces its own graph.",
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
    # --- spreadsheets (isrp_graph/spreadsheets) -------------------------------------------------
    "sheet.unreadable": {
        "de": "Die Datei {path} ist keine lesbare Excel- oder CSV-Datei: {reason}",
        "en": "The file {path} is not a readable Excel or CSV file: {reason}",
    },
    "sheet.at_sheet": {"de": "Blatt „{sheet}“", "en": "Sheet '{sheet}'"},
    "sheet.at_cell": {
        "de": "Blatt „{sheet}“, Zeile {row}, Spalte {column} ({header})",
        "en": "Sheet '{sheet}', row {row}, column {column} ({header})",
    },
    "sheet.unknown_sheet": {
        "de": "Blatt „{sheet}“ passt zu keiner Art von Einträgen und wird übergangen",
        "en": "Sheet '{sheet}' matches no kind of entry and is skipped",
    },
    "sheet.unknown_column": {
        "de": "Spalte „{header}“ ist unbekannt und wird nicht übernommen",
        "en": "Column '{header}' is unknown and is not imported",
    },
    "sheet.duplicate_column": {
        "de": "Spalte „{header}“ kommt doppelt vor",
        "en": "Column '{header}' appears twice",
    },
    "sheet.partial_field": {
        "de": "Spalte „{header}“ fehlt; die zusammengehörigen Spalten werden nicht übernommen",
        "en": "Column '{header}' is missing; the columns that belong with it are not imported",
    },
    "sheet.no_iri_column": {
        "de": "Blatt „{sheet}“ hat keine Spalte „IRI“ und kann nicht eingelesen werden",
        "en": "Sheet '{sheet}' has no column 'IRI' and cannot be read",
    },
    "sheet.missing_iri": {
        "de": "IRI fehlt: jede Zeile braucht eine Kennung (z. B. erfurt:plan/neue-planung)",
        "en": "IRI missing: every row needs an identifier (e.g. erfurt:plan/new-plan)",
    },
    "sheet.bad_iri": {
        "de": "„{value}“ ist keine gültige IRI (Kurzform wie erfurt:org/jugendamt oder https://…)",
        "en": "'{value}' is not a valid IRI (compact like erfurt:org/jugendamt or https://…)",
    },
    "sheet.duplicate_iri": {
        "de": "„{value}“ steht schon auf Blatt „{sheet}“ in Zeile {row}",
        "en": "'{value}' is already on sheet '{sheet}' in row {row}",
    },
    "sheet.wrong_sheet": {
        "de": "„{value}“ ist ein Eintrag des Blatts „{sheet}“ und muss dort bearbeitet werden",
        "en": "'{value}' is an entry of sheet '{sheet}' and must be edited there",
    },
    "sheet.iri_taken": {
        "de": "„{value}“ ist schon vergeben (Begriff oder Ontologie) und kann hier kein Eintrag sein",
        "en": "'{value}' is already in use (concept or ontology) and cannot be an entry here",
    },
    "sheet.missing_required": {"de": "Pflichtangabe fehlt", "en": "Required value missing"},
    "sheet.bad_date": {
        "de": "„{value}“ ist kein gültiges Datum (TT.MM.JJJJ)",
        "en": "'{value}' is not a valid date (DD.MM.YYYY or YYYY-MM-DD)",
    },
    "sheet.end_before_begin": {
        "de": "Das Ende ({end}) liegt vor dem Beginn ({begin})",
        "en": "The end ({end}) is before the beginning ({begin})",
    },
    "sheet.bad_number": {"de": "„{value}“ ist keine Zahl", "en": "'{value}' is not a number"},
    "sheet.bad_integer": {"de": "„{value}“ ist keine ganze Zahl", "en": "'{value}' is not a whole number"},
    "sheet.bad_boolean": {
        "de": "„{value}“ ist weder „ja“ noch „nein“",
        "en": "'{value}' is neither 'yes' nor 'no'",
    },
    "sheet.bad_literal": {
        "de": "„{value}“ passt nicht zum Datentyp {datatype}",
        "en": "'{value}' does not fit the datatype {datatype}",
    },
    "sheet.unknown_value": {
        "de": "Unbekannter Wert „{value}“. Erlaubt: {allowed}",
        "en": "Unknown value '{value}'. Allowed: {allowed}",
    },
    "sheet.unknown_reference": {
        "de": "Unbekannter Verweis „{value}“: kein Eintrag mit dieser IRI im Register oder in der Datei",
        "en": "Unknown reference '{value}': no entry with this IRI in the registry or the file",
    },
    "sheet.bad_role": {
        "de": "„{value}“ hat nicht die Form „Rolle: Stelle“ (z. B. „Leitung: erfurt:org/dezernat-05“)",
        "en": "'{value}' is not of the form 'role: agent' (e.g. 'Leitung: erfurt:org/dezernat-05')",
    },
    "sheet.not_applied": {"de": "Nicht übernommen", "en": "Not applied"},
    "sheet.not_applied_errors": {
        "de": "Nicht übernommen: die Datei hat {count} fehlerhafte Zellen",
        "en": "Not applied: the file has {count} bad cells",
    },
    "sheet.not_applied_no_writes": {
        "de": "Nicht übernommen: die geprüfte Schreibfunktion (isrp_graph.writes) fehlt in dieser "
        "Installation",
        "en": "Not applied: the validated write path (isrp_graph.writes) is missing in this installation",
    },
    "sheet.guide.title_sheet": {"de": "Anleitung", "en": "Instructions"},
    "sheet.lists.title_sheet": {"de": "Listen", "en": "Lists"},
    "sheet.guide.heading": {
        "de": "ISRP-Register – Arbeitsmappe zum Bearbeiten",
        "en": "ISRP registry – workbook for editing",
    },
    "sheet.guide.step1": {
        "de": "Jedes Blatt enthält eine Art von Einträgen (z. B. Fachplanungen). Eine Zeile ist ein Eintrag. "
        "Die Spalte „IRI“ ist seine feste Kennung: bitte nicht ändern.",
        "en": "Each sheet holds one kind of entry (e.g. sectoral plans). One row is one entry. The column "
        "'IRI' is its fixed identifier: please do not change it.",
    },
    "sheet.guide.step2": {
        "de": "Spalten mit * (orange) sind Pflichtangaben. Ein Hinweis am Spaltenkopf erklärt jede Spalte.",
        "en": "Columns marked * (orange) are required. A note on each header explains the column.",
    },
    "sheet.guide.step3": {
        "de": "Auswahlfelder: Wert aus der Liste wählen (Pfeil in der Zelle). Mehrere Werte in einer Zelle "
        "mit „ | “ trennen (senkrechter Strich), z. B. „Familien | Jugendliche“.",
        "en": "Choice fields: pick a value from the list (arrow in the cell). Separate several values in one "
        "cell with ' | ' (vertical bar), e.g. 'families | young people'.",
    },
    "sheet.guide.step4": {
        "de": "Verweise auf andere Einträge: deren IRI in Kurzform, z. B. erfurt:org/jugendamt – zu finden "
        "in der Spalte „IRI“ des jeweiligen Blatts.",
        "en": "References to other entries: their IRI in compact form, e.g. erfurt:org/jugendamt – see the "
        "column 'IRI' of the other sheet.",
    },
    "sheet.guide.step5": {
        "de": "Daten als TT.MM.JJJJ. Laufzeit und Zeitplanung stehen in zwei Spalten „Beginn“ und „Ende“; "
        "eine leere Spalte heißt: nicht bekannt. Ja/Nein-Felder: „ja“ oder „nein“.",
        "en": "Dates as DD.MM.YYYY (or YYYY-MM-DD). Terms and schedules have two columns 'begin' and 'end'; "
        "an empty one means unknown. Yes/no fields: 'yes' or 'no'.",
    },
    "sheet.guide.step6": {
        "de": "Texte: die deutsche Fassung in der Hauptspalte, die englische in der Spalte „… (en)“. "
        "Rollen: „Rolle: Stelle“, z. B. „Leitung: erfurt:org/dezernat-05“, eine Anmerkung in Klammern "
        "dahinter.",
        "en": "Texts: German in the main column, English in the column '… (en)'. Roles: 'role: agent', "
        "e.g. 'Leitung: erfurt:org/dezernat-05', a note in brackets after it.",
    },
    "sheet.guide.step7": {
        "de": "Neuer Eintrag: neue Zeile mit neuer IRI nach dem Muster der anderen (klein, ohne Umlaute, "
        "Wörter mit -). Eine gelöschte Zeile löscht den Eintrag. Blätter und Spalten nicht umbenennen.",
        "en": "New entry: a new row with a new IRI following the others (lower case, no umlauts, words "
        "joined by -). A deleted row deletes the entry. Do not rename sheets or columns.",
    },
    "sheet.guide.step8": {
        "de": "Einlesen: „isrp import DATEI.xlsx“ zeigt jede fehlerhafte Zelle (Blatt, Zeile, Spalte) und "
        "alle Änderungen (neu, entfernt, geändert), ohne etwas zu ändern.",
        "en": "Import: 'isrp import FILE.xlsx' shows every bad cell (sheet, row, column) and all changes "
        "(added, removed, modified) without changing anything.",
    },
    "sheet.guide.step9": {
        "de": "Übernehmen: „isrp import DATEI.xlsx --apply“ schreibt die Änderungen – nur wenn keine Zelle "
        "fehlerhaft ist und die Prüfregeln (SHACL) erfüllt sind, sonst gar nichts. Angaben ohne eigene "
        "Spalte bleiben unverändert.",
        "en": "Apply: 'isrp import FILE.xlsx --apply' writes the changes – only when no cell is bad and the "
        "rules (SHACL) hold, otherwise nothing. Facts without a column of their own stay unchanged.",
    },
    "sheet.guide.col_sheet": {"de": "Blatt", "en": "Sheet"},
    "sheet.guide.col_entries": {"de": "Einträge", "en": "Entries"},
    "sheet.guide.col_required": {"de": "Pflichtspalten", "en": "Required columns"},
    "sheet.hint.iri": {
        "de": "Feste Kennung des Eintrags, z. B. erfurt:plan/jugendhilfeplanung. Nicht ändern.",
        "en": "Fixed identifier of the entry, e.g. erfurt:plan/jugendhilfeplanung. Do not change.",
    },
    "sheet.hint.concept": {"de": "Wert aus der Liste wählen.", "en": "Pick a value from the list."},
    "sheet.hint.reference": {
        "de": "Verweis: IRI eines Eintrags in Kurzform, z. B. erfurt:org/jugendamt.",
        "en": "Reference: IRI of an entry in compact form, e.g. erfurt:org/jugendamt.",
    },
    "sheet.hint.date": {"de": "Datum TT.MM.JJJJ.", "en": "Date DD.MM.YYYY or YYYY-MM-DD."},
    "sheet.hint.interval": {
        "de": "Datum TT.MM.JJJJ; Beginn und Ende in je einer Spalte.",
        "en": "Date DD.MM.YYYY; begin and end in a column each.",
    },
    "sheet.hint.boolean": {"de": "„ja“ oder „nein“.", "en": "'yes' or 'no'."},
    "sheet.hint.roles": {
        "de": "„Rolle: Stelle (Anmerkung)“, z. B. „Leitung: erfurt:org/dezernat-05“.",
        "en": "'role: agent (note)', e.g. 'Leitung: erfurt:org/dezernat-05'.",
    },
    "sheet.hint.lang_text": {
        "de": "Text; Deutsch und Englisch in getrennten Spalten.",
        "en": "Text; German and English in separate columns.",
    },
    "sheet.hint.number": {"de": "Zahl.", "en": "Number."},
    "sheet.hint.multiple": {
        "de": "Mehrere Werte mit „ | “ trennen.",
        "en": "Separate several values with ' | '.",
    },
    "sheet.hint.required": {"de": "Pflichtangabe.", "en": "Required."},
    "sheet.hint.error_title": {"de": "Ungültiger Wert", "en": "Invalid value"},
    "sheet.hint.pick_error": {
        "de": "Bitte einen Wert aus der Liste wählen.",
        "en": "Please pick a value from the list.",
    },
    "sheet.hint.date_error": {
        "de": "Bitte ein Datum eingeben (TT.MM.JJJJ).",
        "en": "Please enter a date (DD.MM.YYYY).",
    },
    "sheet.report.errors": {"de": "Fehlerhafte Zellen ({n}):", "en": "Bad cells ({n}):"},
    "sheet.report.warnings": {"de": "Hinweise ({n}):", "en": "Notes ({n}):"},
    "sheet.report.changes": {"de": "Änderungen:", "en": "Changes:"},
    "sheet.report.added": {"de": "Neu: {label} ({iri}) [{sheet}]", "en": "Added: {label} ({iri}) [{sheet}]"},
    "sheet.report.removed": {
        "de": "Entfernt: {label} ({iri}) [{sheet}]",
        "en": "Removed: {label} ({iri}) [{sheet}]",
    },
    "sheet.report.modified": {
        "de": "Geändert: {label} ({iri}) [{sheet}]",
        "en": "Modified: {label} ({iri}) [{sheet}]",
    },
    "sheet.report.empty": {"de": "(leer)", "en": "(empty)"},
    "sheet.report.no_changes": {"de": "Keine Änderungen.", "en": "No changes."},
    "sheet.report.summary": {
        "de": "{added} neu, {removed} entfernt, {modified} geändert, {errors} fehlerhafte Zellen.",
        "en": "{added} added, {removed} removed, {modified} modified, {errors} bad cells.",
    },
    # --- network (isrp_graph/network.py, network_page.py, isrp graph) ---------------------------
    "network.kind.plan": {"de": "Planung", "en": "plan"},
    "network.kind.organisation": {"de": "Organisation", "en": "organisation"},
    "network.kind.network": {"de": "Netzwerk", "en": "network"},
    "network.kind.body": {"de": "Gremium", "en": "body"},
    "network.kind.format": {"de": "Beteiligungsformat", "en": "participation format"},
    "network.kind.funding": {"de": "Förderprogramm", "en": "funding scheme"},
    "network.edge.interface": {"de": "Schnittstelle", "en": "interface"},
    "network.edge.delimitation": {"de": "Abgrenzung", "en": "delimitation"},
    "network.edge.network": {"de": "im Netzwerk verankert", "en": "anchored in network"},
    "network.edge.responsible": {"de": "federführend", "en": "responsible"},
    "network.edge.funding": {"de": "Förderung", "en": "funding"},
    "network.edge.lead": {"de": "Leitung", "en": "lead"},
    "network.edge.coordination": {"de": "Koordination", "en": "coordination"},
    "network.edge.member": {"de": "Mitglied", "en": "member"},
    "network.edge.support": {"de": "Unterstützung", "en": "support"},
    "network.edge.participation": {"de": "Teil der Beteiligung", "en": "part of participation"},
    "network.page.title": {"de": "Planungsnetzwerk der ISRP", "en": "ISRP planning network"},
    "network.page.intro": {
        "de": "Wer plant was mit wem? Das Bild zeigt {nodes} Planungen, Stellen, Netzwerke, Gremien, "
        "Beteiligungsformate und Förderprogramme und {edges} Verbindungen zwischen ihnen. Ziehen "
        "verschiebt, Mausrad vergrößert; Filter und Tabellen darunter zeigen dasselbe ohne Bild.",
        "en": "Who plans what with whom? The picture shows {nodes} plans, offices, networks, bodies, "
        "participation formats and funding schemes and {edges} links between them. Drag to move, wheel "
        "to zoom; the filters and tables below show the same without the picture.",
    },
    "network.page.filters": {"de": "Auswahl", "en": "Selection"},
    "network.page.kinds": {"de": "Arten anzeigen", "en": "Show kinds"},
    "network.page.plan": {
        "de": "Eine Planung und ihre direkten Verbindungen zeigen",
        "en": "Show one plan and its direct links",
    },
    "network.page.all_plans": {"de": "– alle Planungen –", "en": "– all plans –"},
    "network.page.reset": {"de": "Alles zeigen", "en": "Show everything"},
    "network.page.picture": {"de": "Netzwerkbild", "en": "Network picture"},
    "network.page.picture_label": {
        "de": "Netzwerkbild mit {nodes} Knoten und {edges} Verbindungen; dieselben Angaben stehen in den "
        "Tabellen unten.",
        "en": "Network picture with {nodes} nodes and {edges} links; the same facts are in the tables below.",
    },
    "network.page.visible": {
        "de": "Sichtbar: {nodes} Knoten, {edges} Verbindungen",
        "en": "Visible: {nodes} nodes, {edges} links",
    },
    "network.page.legend": {"de": "Legende", "en": "Legend"},
    "network.page.legend_edges": {
        "de": "Dicke Linie: Schnittstelle; gestrichelt: Abgrenzung; dünn: andere Verbindung",
        "en": "Thick line: interface; dashed: delimitation; thin: other link",
    },
    "network.page.summary": {"de": "Das Wichtigste in Kürze", "en": "Summary"},
    "network.page.central": {
        "de": "Am stärksten vernetzt (Vermittlungsrolle): {names}.",
        "en": "Most central (brokerage): {names}.",
    },
    "network.page.brokers": {
        "de": "Brückenbauer zwischen sonst getrennten Gruppen: {names}.",
        "en": "Brokers between otherwise separate groups: {names}.",
    },
    "network.page.no_brokers": {"de": "Keine Brückenbauer erkannt.", "en": "No brokers found."},
    "network.page.isolated": {
        "de": "Planungen ohne Schnittstelle, Abgrenzung oder gemeinsames Netzwerk: {names}.",
        "en": "Plans without interface, delimitation or shared network: {names}.",
    },
    "network.page.no_isolated": {
        "de": "Jede Planung hat eine Schnittstelle, Abgrenzung oder ein gemeinsames Netzwerk.",
        "en": "Every plan has an interface, delimitation or shared network.",
    },
    "network.page.communities": {
        "de": "Das Netzwerk zerfällt in {n} Gruppen eng verbundener Knoten.",
        "en": "The network falls into {n} groups of closely linked nodes.",
    },
    "network.page.tables": {"de": "Daten als Tabellen", "en": "Data as tables"},
    "network.page.nodes_caption": {
        "de": "Knoten: Name, Art, Zahl der Verbindungen, Vermittlungsrolle und Gruppe",
        "en": "Nodes: name, kind, number of links, brokerage and group",
    },
    "network.page.edges_caption": {
        "de": "Verbindungen: von, zu, Art und Bezeichnung",
        "en": "Links: from, to, kind and name",
    },
    "network.col.name": {"de": "Name", "en": "Name"},
    "network.col.kind": {"de": "Art", "en": "Kind"},
    "network.col.degree": {"de": "Verbindungen", "en": "Links"},
    "network.col.betweenness": {"de": "Vermittlungsrolle (Betweenness)", "en": "Brokerage (betweenness)"},
    "network.col.degree_centrality": {"de": "Vernetzungsgrad", "en": "Degree centrality"},
    "network.col.community": {"de": "Gruppe", "en": "Group"},
    "network.col.broker": {"de": "Brückenbauer", "en": "Broker"},
    "network.col.from": {"de": "Von", "en": "From"},
    "network.col.to": {"de": "Zu", "en": "To"},
    "network.col.label": {"de": "Bezeichnung", "en": "Name"},
    "network.col.iri": {"de": "IRI", "en": "IRI"},
    "network.unknown_plan": {
        "de": "Keine Planung mit der IRI {iri} im Netzwerk",
        "en": "No plan with the IRI {iri} in the network",
    },
    "network.unknown_kind": {
        "de": "Unbekannte Art {kind} (möglich: {allowed})",
        "en": "Unknown kind {kind} (possible: {allowed})",
    },
    "network.metrics.nodes": {
        "de": "{nodes} Knoten, {edges} Verbindungen, Dichte {density}",
        "en": "{nodes} nodes, {edges} links, density {density}",
    },
    # --- named queries (isrp_graph/queries.py) ----------------------------------------------------
    "queries.header": {
        "de": "Abfragedatei {where}: Kopfzeilen fehlerhaft – {reason}",
        "en": "Query file {where}: bad header – {reason}",
    },
    "queries.unknown": {
        "de": "Keine benannte Abfrage {name!r}. Vorhanden: {known}",
        "en": "No named query {name!r}. Available: {known}",
    },
    "queries.param_invalid": {
        "de": "Parameter {name}: {value!r} ist {reason}",
        "en": "Parameter {name}: {value!r} is {reason}",
    },
    "queries.param_choice": {
        "de": "Parameter {name}: {value!r} ist nicht erlaubt (erlaubt: {choices})",
        "en": "Parameter {name}: {value!r} is not allowed (allowed: {choices})",
    },
    "queries.param_unknown": {
        "de": "Unbekannter Parameter {name} für die Abfrage {query} (bekannt: {known})",
        "en": "Unknown parameter {name} for query {query} (known: {known})",
    },
    "queries.param_missing": {
        "de": "Die Abfrage {query} braucht den Parameter {name}",
        "en": "Query {query} needs the parameter {name}",
    },
    "queries.reason_iri": {
        "de": "keine gültige IRI (volle IRI oder Kurzform wie erfurt:plan/…)",
        "en": "not a valid IRI (full IRI or short form such as erfurt:plan/…)",
    },
    "queries.reason_date": {
        "de": "kein gültiges Datum (JJJJ-MM-TT oder today)",
        "en": "not a valid date (YYYY-MM-DD or today)",
    },
    "queries.reason_integer": {"de": "keine ganze Zahl", "en": "not a whole number"},
    "queries.reason_boolean": {
        "de": "kein Wahrheitswert (ja/nein, true/false)",
        "en": "not a truth value (yes/no, true/false)",
    },
    "queries.reason_string": {
        "de": "Text mit Steuerzeichen (nicht erlaubt)",
        "en": "text with control characters (not allowed)",
    },
    "queries.no_rows": {"de": "Keine Treffer.", "en": "No results."},
    "queries.required": {"de": "Pflichtangabe", "en": "required"},
    "queries.default": {"de": "Standard: {value}", "en": "default: {value}"},
    # --- analyses (isrp_graph/analyses/) ------------------------------------------------------------
    "analysis.none": {"de": "Keine Befunde.", "en": "No findings."},
    "analysis.citywide": {
        "de": "gesamtstädtisch ({municipality})",
        "en": "city-wide ({municipality})",
    },
    "analysis.col.rank": {"de": "Rang", "en": "Rank"},
    "analysis.col.plan": {"de": "Planung", "en": "Plan"},
    "analysis.col.plan_a": {"de": "Planung A", "en": "Plan A"},
    "analysis.col.plan_b": {"de": "Planung B", "en": "Plan B"},
    "analysis.col.plans": {"de": "Planungen", "en": "Plans"},
    "analysis.col.strength": {"de": "Stärke", "en": "Strength"},
    "analysis.col.kinds": {"de": "Art der Überschneidung", "en": "Kind of overlap"},
    "analysis.col.target_group": {"de": "Zielgruppe", "en": "Target group"},
    "analysis.col.target_groups": {"de": "Zielgruppen", "en": "Target groups"},
    "analysis.col.topic": {"de": "Querschnittsthema", "en": "Topic"},
    "analysis.col.topics": {"de": "Querschnittsthemen", "en": "Topics"},
    "analysis.col.spaces": {"de": "Raum", "en": "Space"},
    "analysis.col.schemes": {"de": "Förderprogramme", "en": "Funding schemes"},
    "analysis.col.networks": {"de": "Netzwerke", "en": "Networks"},
    "analysis.col.declared_by": {"de": "erklärt durch", "en": "declared by"},
    "analysis.col.relation": {"de": "Beziehung", "en": "Relation"},
    "analysis.col.kind": {"de": "Art", "en": "Kind"},
    "analysis.col.partner": {"de": "Partnerplanung", "en": "Partner plan"},
    "analysis.col.coordination_forms": {"de": "Abstimmungsform", "en": "Coordination form"},
    "analysis.col.rule": {"de": "Abgrenzungsregel", "en": "Delimitation rule"},
    "analysis.col.interfaces": {"de": "Schnittstellen", "en": "Interfaces"},
    "analysis.col.delimitations": {"de": "Abgrenzungen", "en": "Delimitations"},
    "analysis.col.evidence": {"de": "Belege", "en": "Evidence"},
    "analysis.col.need": {"de": "Bedarf", "en": "Need"},
    "analysis.col.areas": {"de": "Gebiete", "en": "Areas"},
    "analysis.col.area": {"de": "Gebiet", "en": "Area"},
    "analysis.col.provision": {"de": "Vorschrift", "en": "Provision"},
    "analysis.col.law": {"de": "Gesetz", "en": "Law"},
    "analysis.col.expired_plans": {
        "de": "nennende, nicht mehr wirksame Planungen",
        "en": "plans naming it, no longer in force",
    },
    "analysis.col.end": {"de": "Ende der Laufzeit", "en": "End of term"},
    "analysis.col.status": {"de": "Stand", "en": "Status"},
    "analysis.col.base": {"de": "Ausgangsdatum", "en": "Base date"},
    "analysis.col.basis": {"de": "Ausgangsdatum ist", "en": "Base date is"},
    "analysis.col.update_cycle": {"de": "Fortschreibungszyklus", "en": "Update cycle"},
    "analysis.col.due": {"de": "fällig seit", "en": "due since"},
    "analysis.col.days_overdue": {"de": "Tage überfällig", "en": "Days overdue"},
    "analysis.col.measure": {"de": "Maßnahme", "en": "Measure"},
    "analysis.col.candidates": {
        "de": "passende Fachplanungen (Punkte)",
        "en": "fitting plans (score)",
    },
    "analysis.col.guideline": {"de": "Sozialpolitische Leitlinie", "en": "Social-policy guideline"},
    "analysis.col.indicator": {"de": "Indikator", "en": "Indicator"},
    "analysis.col.indicators": {"de": "Indikatoren", "en": "Indicators"},
    "analysis.col.budget_item": {"de": "Haushaltsbezug", "en": "Budget item"},
    "analysis.col.funding": {"de": "Förderung", "en": "Funding"},
    "analysis.col.scheme": {"de": "Förderprogramm", "en": "Funding scheme"},
    "analysis.col.scheme_a": {"de": "Förderprogramm A", "en": "Funding scheme A"},
    "analysis.col.scheme_b": {"de": "Förderprogramm B", "en": "Funding scheme B"},
    "analysis.col.facility": {"de": "Einrichtung", "en": "Facility"},
    "analysis.col.funded_a": {"de": "gefördert durch A", "en": "funded by A"},
    "analysis.col.funded_b": {"de": "gefördert durch B", "en": "funded by B"},
    "analysis.col.spatial_system": {"de": "Raumgliederung", "en": "Spatial system"},
    "analysis.col.unit_count": {"de": "Raumeinheiten", "en": "Units"},
    "analysis.col.scopes": {"de": "Geltungsbereich", "en": "Spatial scope"},
    "analysis.col.unit": {"de": "Raumeinheit", "en": "Spatial unit"},
    "analysis.col.reason": {"de": "Grund", "en": "Reason"},
    "analysis.col.overlapping": {
        "de": "teilweise überlappte Bezugseinheiten",
        "en": "partly overlapped reference units",
    },
    "analysis.col.reference_unit": {"de": "Bezugseinheit", "en": "Reference unit"},
    "analysis.overlaps.kind.target-topic": {"de": "Zielgruppe + Thema", "en": "target group + topic"},
    "analysis.overlaps.kind.funding": {"de": "Förderprogramm", "en": "funding scheme"},
    "analysis.overlaps.kind.network": {"de": "Netzwerk", "en": "network"},
    "analysis.overlaps.not_declared": {"de": "nicht erklärt", "en": "not declared"},
    "analysis.overlaps.undeclared.title": {
        "de": "Nicht erklärte Schnittstellen",
        "en": "Undeclared interfaces",
    },
    "analysis.overlaps.undeclared.description": {
        "de": "Planungspaare, die sich nach den Daten überschneiden (gemeinsame Zielgruppe und Thema im "
        "selben Raum, gemeinsames Förderprogramm für dieselbe Zielgruppe oder gemeinsames Netzwerk), ohne "
        "dass eine Schnittstelle oder Abgrenzung erklärt ist – stärkste zuerst. Stärke: 2 je gleiche "
        "Zielgruppe, 1 je Zielgruppe über Ober-/Unterbegriff, 1 je Thema, 2 je Förderprogramm, "
        "2 je Netzwerk.",
        "en": "Plan pairs that overlap according to the data (shared target group and topic in the same "
        "space, shared funding scheme for the same target group or shared network) without a declared "
        "interface or delimitation – strongest first. Strength: 2 per identical target group, 1 per target "
        "group via broader/narrower concept, 1 per topic, 2 per funding scheme, 2 per network.",
    },
    "analysis.overlaps.all.title": {
        "de": "Alle abgeleiteten Überschneidungen",
        "en": "All derived overlaps",
    },
    "analysis.overlaps.all.description": {
        "de": "Alle Überschneidungen mit ihren Belegen; nicht erklärte zuerst, dann die durch eine "
        "Schnittstelle oder Abgrenzung erklärten.",
        "en": "All overlaps with their evidence; undeclared first, then those a declared interface or "
        "delimitation covers.",
    },
    "analysis.interfaces.kind.interface": {"de": "Schnittstelle", "en": "interface"},
    "analysis.interfaces.kind.delimitation": {"de": "Abgrenzung", "en": "delimitation"},
    "analysis.interfaces.plan.title": {
        "de": "Schnittstellen und Abgrenzungen: {plan}",
        "en": "Interfaces and delimitations: {plan}",
    },
    "analysis.interfaces.plan.description": {
        "de": "Die erklärten Schnittstellen und Abgrenzungen dieser Planung, je Partnerplanung.",
        "en": "The declared interfaces and delimitations of this plan, per partner plan.",
    },
    "analysis.matrix.title": {"de": "Schnittstellenmatrix", "en": "Interface matrix"},
    "analysis.matrix.description": {
        "de": "Jede Planung gegen jede (Spalte n = Planung n der Zeilen): S = erklärte Schnittstellen, "
        "A = erklärte Abgrenzungen, Ü = abgeleitete Überschneidung mit Stärke (Ü! = nicht erklärt).",
        "en": "Every plan against every other (column n = plan n of the rows): I = declared interfaces, "
        "D = declared delimitations, O = derived overlap with strength (O! = undeclared).",
    },
    "analysis.matrix.interfaces": {"de": "{n} S", "en": "{n} I"},
    "analysis.matrix.delimitations": {"de": "{n} A", "en": "{n} D"},
    "analysis.matrix.overlap": {"de": "Ü {strength}", "en": "O {strength}"},
    "analysis.matrix.overlap_undeclared": {"de": "Ü! {strength}", "en": "O! {strength}"},
    "analysis.matrix.pairs.title": {
        "de": "Planpaare mit Schnittstellen und Überschneidungen",
        "en": "Plan pairs with interfaces and overlaps",
    },
    "analysis.matrix.pairs.description": {
        "de": "Die nicht leeren Zellen der Schnittstellenmatrix als Liste.",
        "en": "The non-empty cells of the interface matrix as a list.",
    },
    "analysis.gaps.no_candidate": {"de": "keine passende Planung", "en": "no fitting plan"},
    "analysis.gaps.basis.lastUpdated": {"de": "letzte Fortschreibung", "en": "last update"},
    "analysis.gaps.basis.termBegin": {"de": "Beginn der Laufzeit", "en": "beginning of term"},
    "analysis.gaps.target-groups.title": {
        "de": "Zielgruppen ohne Planung oder Maßnahme",
        "en": "Target groups no plan or measure addresses",
    },
    "analysis.gaps.target-groups.description": {
        "de": "Stichtag {date}. Ein Begriff gilt als angesprochen, wenn eine wirksame Planung oder "
        "Maßnahme ihn, einen Unterbegriff oder einen Oberbegriff unterhalb der Spitze nennt. Akteure "
        "werden nicht geprüft.",
        "en": "Reference date {date}. A concept counts as addressed when a plan in force or a measure names "
        "it, a narrower concept or a broader concept below the top. Actors are not checked.",
    },
    "analysis.gaps.topics.title": {
        "de": "Querschnittsthemen ohne Planung oder Maßnahme",
        "en": "Topics no plan or measure addresses",
    },
    "analysis.gaps.topics.description": {
        "de": "Stichtag {date}. Themen, die keine wirksame Planung und keine Maßnahme behandelt.",
        "en": "Reference date {date}. Topics no plan in force and no measure deals with.",
    },
    "analysis.gaps.needs.title": {
        "de": "Bedarfe ohne Planung oder Maßnahme",
        "en": "Needs no plan or measure addresses",
    },
    "analysis.gaps.needs.description": {
        "de": "Stichtag {date}. Festgestellte Bedarfe, die keine wirksame Planung und keine Maßnahme "
        "ausdrücklich deckt.",
        "en": "Reference date {date}. Recorded needs that no plan in force and no measure explicitly "
        "addresses.",
    },
    "analysis.gaps.mandatory.title": {
        "de": "Pflichtplanungen ohne Planung",
        "en": "Mandatory planning without a plan",
    },
    "analysis.gaps.mandatory.description": {
        "de": "Stichtag {date}. Vorschriften, die eine Planung verlangen, aber von keiner wirksamen "
        "Planung als Rechtsgrundlage genannt werden.",
        "en": "Reference date {date}. Provisions that require a plan but that no plan in force names as its "
        "legal basis.",
    },
    "analysis.gaps.ended.title": {
        "de": "Planungen mit abgelaufener Laufzeit",
        "en": "Plans whose term has ended",
    },
    "analysis.gaps.ended.description": {
        "de": "Laufzeit endete vor dem {date}.",
        "en": "Term ended before {date}.",
    },
    "analysis.gaps.overdue.title": {"de": "Überfällige Fortschreibungen", "en": "Overdue updates"},
    "analysis.gaps.overdue.description": {
        "de": "Stichtag {date}. Fällig zur beschlossenen Fortschreibungsfrist, sonst letzte Fortschreibung "
        "(oder Beginn der Laufzeit) + eigener Fortschreibungszyklus, nach einer Verlängerung der Laufzeit "
        "nicht vor deren Ende. Eine Frist ist kein Laufzeitende: die Planung gilt weiter.",
        "en": "Reference date {date}. Due at the adopted update deadline, else last update (or beginning "
        "of term) + the plan's own update cycle, after an extension of the term not before its end. A "
        "deadline is not the end of a term: the plan stays in force.",
    },
    "analysis.gaps.unassigned.title": {
        "de": "Operative Maßnahmen ohne Zuordnung",
        "en": "Operational measures without assignment",
    },
    "analysis.gaps.unassigned.description": {
        "de": "Weder einer Fachplanung zugeordnet noch als gesondert bearbeitet markiert. Vorschläge: "
        "wirksame Planungen mit gemeinsamer Zielgruppe oder gemeinsamem Thema (Punkte: 2 je gleiche "
        "Zielgruppe, 1 je Zielgruppe über Ober-/Unterbegriff, 1 je Thema, 1 je Gebiet).",
        "en": "Neither assigned to a sectoral plan nor marked as handled separately. Suggestions: plans in "
        "force sharing a target group or topic (score: 2 per identical target group, 1 per target group "
        "via broader/narrower concept, 1 per topic, 1 per area).",
    },
    "analysis.gaps.guidelines.title": {
        "de": "Leitlinien ohne Maßnahme",
        "en": "Guidelines without a measure",
    },
    "analysis.gaps.guidelines.description": {
        "de": "Sozialpolitische Leitlinien, die keine Maßnahme umsetzt.",
        "en": "Social-policy guidelines no measure implements.",
    },
    "analysis.gaps.incomplete.title": {
        "de": "Maßnahmen ohne Indikator, Haushaltsbezug oder Förderung",
        "en": "Measures without indicator, budget item or funding",
    },
    "analysis.gaps.incomplete.description": {
        "de": "Was jeder Maßnahme für Wirkungsmessung und Haushaltsverknüpfung fehlt (nein = fehlt).",
        "en": "What each measure lacks for impact measurement and the budget link (no = missing).",
    },
    "analysis.gaps.high-need.title": {
        "de": "Gebiete mit hohem Bedarf ohne Angebot vor Ort",
        "en": "High-need areas without local provision",
    },
    "analysis.gaps.high-need.description": {
        "de": "Stichtag {date}. Jüngste Einstufung hoch; keine sozialräumliche Einrichtung und keine "
        "wirksame Maßnahme im Gebiet, in einem Teilgebiet oder in einem umfassenden Gebiet (außer der "
        "ganzen Stadt).",
        "en": "Reference date {date}. Latest rating high; no neighbourhood facility and no measure in force "
        "in the area, a part of it or an area containing it (except the whole city).",
    },
    "analysis.duration.years": {"de": "{n} Jahre", "en": "{n} years"},
    "analysis.duration.years_one": {"de": "{n} Jahr", "en": "{n} year"},
    "analysis.duration.months": {"de": "{n} Monate", "en": "{n} months"},
    "analysis.duration.months_one": {"de": "{n} Monat", "en": "{n} month"},
    "analysis.duration.weeks": {"de": "{n} Wochen", "en": "{n} weeks"},
    "analysis.duration.weeks_one": {"de": "{n} Woche", "en": "{n} week"},
    "analysis.duration.days": {"de": "{n} Tage", "en": "{n} days"},
    "analysis.duration.days_one": {"de": "{n} Tag", "en": "{n} day"},
    "analysis.funding.matrix.title": {
        "de": "Förderprogramme, Planungen und Maßnahmen",
        "en": "Funding schemes, plans and measures",
    },
    "analysis.funding.matrix.description": {
        "de": "Jedes Förderprogramm mit den Planungen, die es nutzen, und den Maßnahmen und Einrichtungen, "
        "die es fördert.",
        "en": "Every funding scheme with the plans that use it and the measures and facilities it funds.",
    },
    "analysis.funding.coordination.title": {
        "de": "Förderprogramme mit gleicher Zielgruppe im gleichen Gebiet",
        "en": "Funding schemes for the same target group in the same area",
    },
    "analysis.funding.coordination.description": {
        "de": "Hier fördern zwei Programme dieselbe Zielgruppe im selben oder einem verschachtelten Gebiet: "
        "Abstimmung nötig.",
        "en": "Here two schemes fund the same target group in the same or a nested area: coordination "
        "needed.",
    },
    "analysis.funding.unfunded.title": {
        "de": "Maßnahmen ohne Förderprogramm",
        "en": "Measures no funding scheme funds",
    },
    "analysis.funding.unfunded.description": {
        "de": "Maßnahmen ohne Förderprogramm, mit Angabe, ob ein Haushaltsbezug besteht.",
        "en": "Measures without a funding scheme, showing whether a budget item exists.",
    },
    "analysis.spatial.relation.equal": {"de": "gleich", "en": "equal"},
    "analysis.spatial.relation.within": {"de": "liegt in", "en": "lies within"},
    "analysis.spatial.relation.contains": {"de": "Teilgebiet", "en": "part of it"},
    "analysis.spatial.relation.overlaps": {"de": "teilweise", "en": "partly"},
    "analysis.spatial.systems.title": {
        "de": "Raumgliederung je Planung",
        "en": "Spatial system of each plan",
    },
    "analysis.spatial.systems.description": {
        "de": "In welcher Raumgliederung jede Planung plant, mit Zahl der Raumeinheiten und Geltungsbereich.",
        "en": "The spatial system each plan plans in, with the number of units and the spatial scope.",
    },
    "analysis.spatial.no_system": {"de": "keine angegeben", "en": "none recorded"},
    "analysis.spatial.nesting.title": {
        "de": "Raumeinheiten, die nicht in „{system}“ aufgehen",
        "en": "Units that do not nest in '{system}'",
    },
    "analysis.spatial.nesting.description": {
        "de": "Einheiten der von Planungen genutzten Raumgliederungen, die weder in einer Bezugseinheit "
        "liegen noch aus ganzen Bezugseinheiten bestehen.",
        "en": "Units of the spatial systems plans use that neither lie within a reference unit nor consist "
        "of whole reference units.",
    },
    "analysis.spatial.reason.overlaps": {
        "de": "überlappt Bezugseinheiten teilweise",
        "en": "partly overlaps reference units",
    },
    "analysis.spatial.reason.unrelated": {
        "de": "keine räumliche Beziehung erfasst",
        "en": "no spatial relation recorded",
    },
    "analysis.spatial.crosswalk.title": {
        "de": "Umsteigeschlüssel: {system} → Raumeinheiten der Planungen",
        "en": "Crosswalk: {system} → the plans' spatial units",
    },
    "analysis.spatial.crosswalk.description": {
        "de": "Für jede Bezugseinheit die Raumeinheit jeder Planung, in der sie liegt (in Klammern: "
        "teilweise = überlappt nur teilweise, Teilgebiet = die Einheit liegt in der Bezugseinheit).",
        "en": "For each reference unit the unit of each plan it lies within (in brackets: partly = only "
        "partly overlaps, part of it = the unit lies within the reference unit).",
    },
    # --- report folder (isrp_graph/report.py) -----------------------------------------------------
    "report.title": {
        "de": "ISRP-Analysen: Planungssystem auf einen Blick",
        "en": "ISRP analyses: the planning system at a glance",
    },
    "report.meta": {
        "de": "Stichtag {date} · erstellt {generated}",
        "en": "Reference date {date} · generated {generated}",
    },
    "report.purpose": {
        "de": "Dieser Bericht fasst zusammen, wo sich Fachplanungen überschneiden, welche Schnittstellen "
        "erklärt sind, wo Planungslücken bestehen, wie die Förderung verteilt ist und wie die "
        "Raumgliederungen zusammenpassen. Jede Tabelle gibt es auch als CSV-Datei für Excel.",
        "en": "This report summarises where sectoral plans overlap, which interfaces are declared, where "
        "planning gaps exist, how funding is distributed and how the spatial systems fit together. Every "
        "table is also available as a CSV file for Excel.",
    },
    "report.contents": {"de": "Inhalt", "en": "Contents"},
    "report.glance": {"de": "Auf einen Blick", "en": "At a glance"},
    "report.glance.text": {
        "de": "Wie viele Befunde jede Frage ergibt (0 = nichts gefunden).",
        "en": "How many findings each question yields (0 = nothing found).",
    },
    "report.glance.caption": {"de": "Befunde je Frage", "en": "Findings per question"},
    "report.glance.question": {"de": "Frage", "en": "Question"},
    "report.glance.count": {"de": "Befunde", "en": "Findings"},
    "report.chart.title": {
        "de": "Befunde je Frage (Balkendiagramm)",
        "en": "Findings per question (bar chart)",
    },
    "report.chart.description": {
        "de": "Ein Balken je Frage, Länge nach Zahl der Befunde; dieselben Zahlen stehen in der Tabelle "
        "darunter.",
        "en": "One bar per question, length by number of findings; the same numbers are in the table below.",
    },
    "report.csv_link": {
        "de": "Tabelle als CSV-Datei für Excel ({rows} Zeilen)",
        "en": "Table as CSV file for Excel ({rows} rows)",
    },
    "report.caption": {"de": "{title} ({rows} Zeilen)", "en": "{title} ({rows} rows)"},
    "report.section.interfaces": {
        "de": "Schnittstellen und Abgrenzungen",
        "en": "Interfaces and delimitations",
    },
    "report.section.overlaps": {"de": "Überschneidungen zwischen Planungen", "en": "Overlaps between plans"},
    "report.section.gaps": {"de": "Planungslücken", "en": "Planning gaps"},
    "report.section.funding": {"de": "Fördersystematik", "en": "Funding system"},
    "report.section.spatial": {"de": "Raumgliederungen", "en": "Spatial systems"},
    "report.intro.interfaces": {
        "de": "Welche Planungen ihre Berührungspunkte erklärt haben (Schnittstellen) und wer wofür "
        "zuständig ist (Abgrenzungen) – neben den aus den Daten abgeleiteten Überschneidungen.",
        "en": "Which plans have declared where they meet (interfaces) and who is responsible for what "
        "(delimitations) – next to the overlaps derived from the data.",
    },
    "report.intro.overlaps": {
        "de": "Planungen, die dieselbe Zielgruppe zum selben Thema im selben Raum ansprechen, dasselbe "
        "Förderprogramm nutzen oder im selben Netzwerk arbeiten. Oben die nicht erklärten Schnittstellen.",
        "en": "Plans that address the same target group on the same topic in the same space, use the same "
        "funding scheme or work in the same network. First the undeclared interfaces.",
    },
    "report.intro.gaps": {
        "de": "Was keine Planung abdeckt, was fehlt oder überfällig ist – zum Stichtag.",
        "en": "What no plan covers, what is missing or overdue – at the reference date.",
    },
    "report.intro.funding": {
        "de": "Welche Förderprogramme welche Planungen und Maßnahmen tragen und wo Programme abgestimmt "
        "werden müssen.",
        "en": "Which funding schemes carry which plans and measures, and where schemes need coordinating.",
    },
    "report.intro.spatial": {
        "de": "In welchen Raumgliederungen geplant wird und wie sie sich in die Ortsteile übersetzen lassen "
        "(Grundlage einer einheitlichen Planungsraumdefinition).",
        "en": "Which spatial systems plans use and how they translate into the Ortsteile (the basis of a "
        "common definition of planning areas).",
    },
    "report.files": {"de": "Dateien", "en": "Files"},
    "report.files.csv": {
        "de": "Jede Tabelle liegt als CSV-Datei neben dieser Seite: UTF-8 mit Byte-Order-Mark, Semikolon "
        "als Trennzeichen – Excel mit deutschen Einstellungen öffnet sie per Doppelklick mit Umlauten.",
        "en": "Every table is a CSV file next to this page: UTF-8 with byte-order mark, semicolon as "
        "separator – Excel with German settings opens it by double-click with umlauts intact.",
    },
    "report.files.json": {
        "de": "Alle Befunde als JSON (mit IRIs, für Auswertungen und andere Werkzeuge)",
        "en": "All findings as JSON (with IRIs, for analyses and other tools)",
    },
    "report.footer": {
        "de": "Erstellt mit isrp-graph {version}. Grundlage: das ISRP-Register (Wissensgraph) und die "
        "benannten Abfragen im Ordner queries/.",
        "en": "Generated with isrp-graph {version}. Basis: the ISRP registry (knowledge graph) and the named "
        "queries in the folder queries/.",
    },
    # --- CLI: queries, run-query, analyse, report (isrp_graph/cli_commands/analyse.py) -------------
    "cli.queries.help": {"de": "die benannten Abfragen auflisten", "en": "list the named queries"},
    "cli.queries.description": {
        "de": "Zeigt jede benannte Abfrage (Ordner queries/) mit Titel und Parametern. Ausführen mit "
        "‚isrp run-query NAME‘. (Lists every named query with title and parameters.)",
        "en": "Shows every named query (folder queries/) with title and parameters. Run one with "
        "'isrp run-query NAME'.",
    },
    "cli.queries.count": {"de": "{n} benannte Abfragen", "en": "{n} named queries"},
    "cli.run_query.help": {"de": "eine benannte Abfrage ausführen", "en": "run a named query"},
    "cli.run_query.description": {
        "de": "Führt eine benannte Abfrage aus; Parameter mit --param NAME=WERT (mehrfach möglich). Werte "
        "werden geprüft und sicher gebunden. (Runs a named query with checked parameters.)",
        "en": "Runs a named query; parameters with --param NAME=VALUE (may be repeated). Values are checked "
        "and bound safely.",
    },
    "cli.run_query.name": {
        "de": "Name der Abfrage (siehe ‚isrp queries‘)",
        "en": "name of the query (see 'isrp queries')",
    },
    "cli.run_query.param": {
        "de": "Parameter NAME=WERT, z. B. date=2025-06-30 oder plan=erfurt:plan/jugendhilfeplanung",
        "en": "parameter NAME=VALUE, e.g. date=2025-06-30 or plan=erfurt:plan/jugendhilfeplanung",
    },
    "cli.run_query.bad_param": {
        "de": "Parameter bitte als NAME=WERT angeben, nicht {value!r}",
        "en": "Please give parameters as NAME=VALUE, not {value!r}",
    },
    "cli.analyse.help": {
        "de": "eine Analyse ausführen: interfaces, overlaps, gaps, funding oder spatial",
        "en": "run an analysis: interfaces, overlaps, gaps, funding or spatial",
    },
    "cli.analyse.description": {
        "de": "interfaces = Schnittstellenmatrix (mit --plan: Schnittstellen einer Planung), overlaps = "
        "abgeleitete Überschneidungen und nicht erklärte Schnittstellen, gaps = Planungslücken zum "
        "Stichtag, funding = Fördersystematik, spatial = Raumgliederungen und Umsteigeschlüssel.",
        "en": "interfaces = interface matrix (with --plan: one plan's interfaces), overlaps = derived "
        "overlaps and undeclared interfaces, gaps = planning gaps at the reference date, funding = funding "
        "system, spatial = spatial systems and crosswalk.",
    },
    "cli.analyse.name": {"de": "welche Analyse", "en": "which analysis"},
    "cli.analyse.date": {
        "de": "Stichtag der Lückenanalyse (Standard: heute)",
        "en": "reference date of the gap analysis (default: today)",
    },
    "cli.analyse.reference": {
        "de": "Bezugs-Raumgliederung (Standard: erfurt:spatial-system/ortsteile)",
        "en": "reference spatial system (default: erfurt:spatial-system/ortsteile)",
    },
    "cli.analyse.plan": {
        "de": "nur die Schnittstellen dieser Planung (IRI oder erfurt:plan/…)",
        "en": "only the interfaces of this plan (IRI or erfurt:plan/…)",
    },
    "cli.analyse.table": {
        "de": "nur diese Tabelle ausgeben (Name wie die CSV-Datei im Bericht)",
        "en": "print only this table (name as the CSV file in the report)",
    },
    "cli.analyse.unknown_table": {
        "de": "Keine Tabelle {name!r} in dieser Analyse (vorhanden: {known})",
        "en": "No table {name!r} in this analysis (available: {known})",
    },
    "cli.analyse.first_table": {
        "de": "Hinweis: CSV enthält nur die erste Tabelle ({name}); andere mit --table wählen.",
        "en": "Note: the CSV holds only the first table ({name}); choose others with --table.",
    },
    "cli.analyse.running": {"de": "Analyse läuft", "en": "Analysis running"},
    "cli.report.help": {
        "de": "Bericht-Ordner schreiben: HTML-Seite, CSV-Dateien für Excel, JSON",
        "en": "write the report folder: HTML page, CSV files for Excel, JSON",
    },
    "cli.report.description": {
        "de": "Führt alle Analysen aus und schreibt einen Ordner mit index.html (ohne externe Dateien, zum "
        "Weitergeben), einer CSV-Datei je Tabelle (Semikolon, UTF-8 für deutsches Excel) und findings.json.",
        "en": "Runs every analysis and writes a folder with index.html (self-contained, to pass on), one CSV "
        "file per table (semicolon, UTF-8 for German Excel) and findings.json.",
    },
    "cli.report.output": {
        "de": "Zielordner (Standard: isrp-bericht)",
        "en": "target folder (default: isrp-bericht)",
    },
    "cli.report.running": {"de": "Bericht wird erstellt", "en": "Writing the report"},
    "cli.report.done": {
        "de": "Bericht geschrieben: {path} ({files} Dateien)",
        "en": "Report written: {path} ({files} files)",
    },
    # --- CLI: spreadsheets and network (isrp_graph/cli_commands/spreadsheet.py, graph.py) ------
    "cli.export.xlsx": {
        "de": "statt RDF eine Excel-Arbeitsmappe zum Bearbeiten schreiben (ein Blatt je Art von Einträgen)",
        "en": "write an Excel workbook for editing instead of RDF (one sheet per kind of entry)",
    },
    "cli.export.xlsx_done": {
        "de": "Arbeitsmappe {path} geschrieben: {entries} Einträge auf {sheets} Blättern.",
        "en": "Wrote workbook {path}: {entries} entries on {sheets} sheets.",
    },
    "cli.import.help": {
        "de": "eine bearbeitete Arbeitsmappe (.xlsx) oder CSV-Datei prüfen und übernehmen",
        "en": "check and apply an edited workbook (.xlsx) or CSV file",
    },
    "cli.import.description": {
        "de": "Liest die Datei, meldet jede fehlerhafte Zelle (Blatt, Zeile, Spalte) und zeigt, welche "
        "Einträge neu, entfernt oder geändert wären. Übernommen wird nur mit --apply und nur, wenn keine "
        "Zelle fehlerhaft ist und die Prüfregeln (SHACL) erfüllt sind. (Reads the file, reports every bad "
        "cell and shows the changes; applies only with --apply and only when valid.)",
        "en": "Reads the file, reports every bad cell (sheet, row, column) and shows which entries would be "
        "added, removed or modified. Applies only with --apply, and only when no cell is bad and the "
        "rules (SHACL) hold.",
    },
    "cli.import.file": {
        "de": "die Arbeitsmappe (.xlsx) oder ein Blatt als CSV-Datei",
        "en": "the workbook (.xlsx) or one sheet as a CSV file",
    },
    "cli.import.apply": {"de": "die Änderungen übernehmen", "en": "apply the changes"},
    "cli.import.graph": {
        "de": "benannter Graph für neue Einträge (IRI oder Pfad wie import/planerrunde; Standard: der "
        "Graph der übrigen Einträge des Blatts)",
        "en": "named graph for new entries (IRI or a path like import/planners; default: the graph of the "
        "sheet's other entries)",
    },
    "cli.import.sheet": {
        "de": "für CSV: welches Blatt die Datei ist (sonst an den Spaltenköpfen erkannt)",
        "en": "for CSV: which sheet the file is (otherwise recognised from the headers)",
    },
    "cli.import.dry_run": {
        "de": "Noch nichts geändert. Zum Übernehmen denselben Befehl mit --apply ausführen.",
        "en": "Nothing changed yet. Run the same command with --apply to apply.",
    },
    "cli.import.applied": {
        "de": "Übernommen: {added} neu, {removed} entfernt, {modified} geändert.",
        "en": "Applied: {added} added, {removed} removed, {modified} modified.",
    },
    "cli.import.rejected": {
        "de": "Nicht übernommen: die Änderungen verletzen Prüfregeln ({n}):",
        "en": "Not applied: the changes break rules ({n}):",
    },
    "cli.import.not_applied_errors": {
        "de": "Nicht übernommen, weil die Datei fehlerhafte Zellen hat.",
        "en": "Not applied because the file has bad cells.",
    },
    "cli.graph.help": {
        "de": "Netzwerk der Planungen als interaktive Seite (HTML) oder Kennzahlen",
        "en": "the network of plans as an interactive page (HTML) or as measures",
    },
    "cli.graph.description": {
        "de": "Zeigt Planungen, Stellen, Netzwerke, Gremien, Beteiligungsformate und Förderprogramme mit "
        "ihren Verbindungen: als HTML-Seite, die ohne Internet funktioniert (-o), oder als Kennzahlen "
        "(--metrics): zentrale Knoten, Brückenbauer, Gruppen und Planungen ohne Verbindung.",
        "en": "Shows plans, offices, networks, bodies, participation formats and funding schemes with their "
        "links: as an HTML page that works without internet (-o), or as measures (--metrics): central "
        "nodes, brokers, groups and plans without links.",
    },
    "cli.graph.output": {"de": "die HTML-Datei, die geschrieben wird", "en": "the HTML file to write"},
    "cli.graph.kind": {
        "de": "nur diese Arten zeigen (mehrfach oder mit Komma): {kinds}",
        "en": "only these kinds (repeat or comma-separated): {kinds}",
    },
    "cli.graph.plan": {
        "de": "nur diese Planung (IRI, auch Kurzform erfurt:plan/…) und ihre direkten Verbindungen",
        "en": "only this plan (IRI, also compact erfurt:plan/…) and its direct links",
    },
    "cli.graph.metrics": {
        "de": "Kennzahlen ausgeben statt einer Seite",
        "en": "print measures instead of a page",
    },
    "cli.graph.missing_output": {
        "de": "Bitte -o DATEI.html oder --metrics angeben.",
        "en": "Please give -o FILE.html or --metrics.",
    },
    "cli.graph.done": {
        "de": "Netzwerkseite {path} geschrieben: {nodes} Knoten, {edges} Verbindungen.",
        "en": "Wrote network page {path}: {nodes} nodes, {edges} links.",
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
    """The message ``key`` in ``lang`` with ``kwargs`` filled in. Unknown keys raise ``KeyError``.
    A value given as ``{"de": …, "en": …}`` is itself translated: the text in ``lang`` is used."""
    lang = normalise_lang(lang)
    texts = MESSAGES[key]
    template = texts.get(lang) or texts["de"]
    if not kwargs:
        return template
    values = {k: _in_lang(v, lang) for k, v in kwargs.items()}
    return template.format(**values)


def _in_lang(value: Any, lang: str) -> Any:
    if isinstance(value, dict) and "de" in value:
        return value.get(lang) or value["de"]
    return value


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
