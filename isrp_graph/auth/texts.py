"""Texts of sign-in, roles, tokens and permissions (German and English)."""

from __future__ import annotations

from isrp_graph.messages import register

register(
    {
        "auth.nav.account": {"de": "Konto", "en": "Account"},
        "auth.role.lesen": {"de": "Lesen", "en": "Read"},
        "auth.role.bearbeiten": {"de": "Bearbeiten", "en": "Edit"},
        "auth.role.pruefen": {"de": "Prüfen", "en": "Review"},
        "auth.role.verwalten": {"de": "Verwalten", "en": "Administer"},
        "auth.token.bad_role": {
            "de": "Unbekannte Rolle „{role}“ (erlaubt: lesen, bearbeiten, pruefen, verwalten).",
            "en": "Unknown role “{role}” (allowed: lesen, bearbeiten, pruefen, verwalten).",
        },
        "auth.token.bad_name": {
            "de": "Der Name eines Schlüssels braucht 1 bis 80 Zeichen (Buchstaben, Ziffern, . _ - @ : "
            "und Leerzeichen).",
            "en": "A token name needs 1 to 80 characters (letters, digits, . _ - @ : and spaces).",
        },
        "auth.token.exists": {
            "de": "Es gibt schon einen gültigen Schlüssel „{name}“.",
            "en": "There is already a valid token “{name}”.",
        },
        "auth.token.unknown": {"de": "Kein Schlüssel „{name}“.", "en": "No token “{name}”."},
        "auth.token.bad_expiry": {
            "de": "Ablaufdatum „{value}“ ist kein Datum TT.MM.JJJJ in der Zukunft.",
            "en": "Expiry “{value}” is not a future date DD.MM.YYYY.",
        },
        "auth.token.needs_org": {
            "de": "Die Rolle Bearbeiten braucht mindestens eine Organisation (--org IRI).",
            "en": "The role Bearbeiten needs at least one organisation (--org IRI).",
        },
        "auth.token.bad_org": {
            "de": "„{value}“ ist keine IRI einer Organisation (https://…).",
            "en": "“{value}” is not an organisation IRI (https://…).",
        },
        "auth.token.created": {
            "de": "Schlüssel „{name}“ ({role}) angelegt, gültig bis {expires}. Er wird nur dieses eine "
            "Mal gezeigt:",
            "en": "Token “{name}” ({role}) created, valid until {expires}. It is shown only this once:",
        },
        "auth.token.revoked": {"de": "Schlüssel „{name}“ widerrufen.", "en": "Token “{name}” revoked."},
        "auth.token.none": {"de": "Keine Schlüssel.", "en": "No tokens."},
        "auth.token.never": {"de": "unbegrenzt", "en": "no expiry"},
        "auth.token.state.valid": {"de": "gültig", "en": "valid"},
        "auth.token.state.revoked": {"de": "widerrufen", "en": "revoked"},
        "auth.token.state.expired": {"de": "abgelaufen", "en": "expired"},
        "auth.legacy.bad_entry": {
            "de": "Einstellung editor_tokens (ISRP_EDITOR_TOKENS): Eintrag Nr. {n} hat keinen Namen oder "
            "keinen Schlüssel (erwartet name=schlüssel). Geteilte Schlüssel sind abgelöst: persönliche "
            "Schlüssel legt „isrp token create NAME --role bearbeiten --org IRI“ an.",
            "en": "Setting editor_tokens (ISRP_EDITOR_TOKENS): entry no. {n} has no name or no token "
            "(expected name=token). Shared tokens are replaced: create personal tokens with "
            "“isrp token create NAME --role bearbeiten --org IRI”.",
        },
        "auth.legacy.migrated": {
            "de": "Einstellung editor_tokens ist veraltet: {n} Schlüssel gelten bis zum Neustart als "
            "persönliche Schlüssel mit der Rolle Verwalten. Bitte mit „isrp token create NAME --role …“ "
            "persönliche Schlüssel anlegen und editor_tokens entfernen.",
            "en": "Setting editor_tokens is deprecated: {n} tokens act as personal tokens with the role "
            "Verwalten until restart. Please create personal tokens with “isrp token create NAME "
            "--role …” and remove editor_tokens.",
        },
        "auth.config.bad_mapping": {
            "de": "Einstellung oidc_group_roles: Gruppe „{group}“ hat keine gültige Rolle ({reason}).",
            "en": "Setting oidc_group_roles: group “{group}” has no valid role ({reason}).",
        },
        "auth.config.incomplete": {
            "de": "Anmeldung (OIDC) unvollständig eingerichtet: es fehlt {missing}.",
            "en": "Sign-in (OIDC) incompletely configured: {missing} is missing.",
        },
        "auth.perm.no_office": {
            "de": "Für diesen Eintrag ist keine federführende Stelle eingetragen; ändern können ihn nur "
            "Prüfer:innen.",
            "en": "This entry names no responsible office; only reviewers can change it.",
        },
        "auth.perm.office": {
            "de": "Federführend: {office}",
            "en": "Responsible office: {office}",
        },
        "auth.perm.denied": {
            "de": "Keine Berechtigung: „{entry}“ gehört zu {office}; Ihre Rolle Bearbeiten gilt für "
            "{orgs}.",
            "en": "Not allowed: “{entry}” belongs to {office}; your role Bearbeiten applies to {orgs}.",
        },
        "auth.perm.reviewer": {
            "de": "Prüfer:innen dürfen alles bearbeiten.",
            "en": "Reviewers may edit everything.",
        },
    }
)
