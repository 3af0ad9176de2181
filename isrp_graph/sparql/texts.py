"""Messages of the SPARQL safety layer (German, English)."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "sparql.too_long": {
            "de": "Die Abfrage ist zu lang: {size} Zeichen, erlaubt sind höchstens {limit} "
            "(Einstellung ISRP_SPARQL_MAX_LENGTH).",
            "en": "The query is too long: {size} characters, at most {limit} are allowed "
            "(setting ISRP_SPARQL_MAX_LENGTH).",
        },
        "sparql.too_deep": {
            "de": "Die Abfrage ist zu tief verschachtelt (mehr als {limit} Ebenen aus Klammern, "
            "geschweiften Klammern oder Operatoren, ab Zeichen {offset}; Einstellung "
            "ISRP_SPARQL_MAX_DEPTH).",
            "en": "The query is nested too deeply (more than {limit} levels of brackets, braces or "
            "operators, from character {offset}; setting ISRP_SPARQL_MAX_DEPTH).",
        },
        "sparql.too_many_tokens": {
            "de": "Die Abfrage hat zu viele Bestandteile: mehr als {limit} Wörter und Zeichen "
            "(Einstellung ISRP_SPARQL_MAX_TOKENS).",
            "en": "The query has too many parts: more than {limit} words and symbols "
            "(setting ISRP_SPARQL_MAX_TOKENS).",
        },
        "sparql.too_many_patterns": {
            "de": "Die Abfrage hat zu viele Tripelmuster: mehr als {limit} (Einstellung "
            "ISRP_SPARQL_MAX_PATTERNS).",
            "en": "The query has too many triple patterns: more than {limit} (setting "
            "ISRP_SPARQL_MAX_PATTERNS).",
        },
        "sparql.service_refused": {
            "de": "SERVICE {endpoint} ist nicht erlaubt: Dieser Server ruft keine anderen Endpunkte "
            "ab (föderierte Abfragen sind ausgeschaltet; erlaubte Endpunkte: {allowed}; "
            "Einstellung ISRP_SPARQL_SERVICE_ALLOW).",
            "en": "SERVICE {endpoint} is not allowed: this server does not fetch other endpoints "
            "(federated queries are off; allowed endpoints: {allowed}; setting "
            "ISRP_SPARQL_SERVICE_ALLOW).",
        },
        "sparql.service_failed": {
            "de": "Der föderierte Endpunkt hat nicht geantwortet oder einen Fehler gemeldet.",
            "en": "The federated endpoint did not answer or reported an error.",
        },
        "sparql.busy": {
            "de": "Gerade laufen zu viele Abfragen ({limit} gleichzeitig). Bitte in {seconds} s "
            "erneut versuchen.",
            "en": "Too many queries are running ({limit} at once). Please try again in {seconds} s.",
        },
        "sparql.worker_died": {
            "de": "Die Abfrage hat zu viel Speicher oder Rechenzeit verbraucht und wurde beendet.",
            "en": "The query used too much memory or computing time and was stopped.",
        },
        "sparql.result_too_big": {
            "de": "Das Ergebnis ist größer als {limit} MB. Bitte die Abfrage mit LIMIT eingrenzen "
            "(Einstellung ISRP_SPARQL_MAX_RESULT_MB).",
            "en": "The result is larger than {limit} MB. Please narrow the query with LIMIT "
            "(setting ISRP_SPARQL_MAX_RESULT_MB).",
        },
        "sparql.none_allowed": {"de": "keine", "en": "none"},
    }
)
