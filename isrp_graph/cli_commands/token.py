"""``isrp token create|list|revoke``: personal API tokens for people and scripts (the local admin path
when no OIDC provider is configured)."""

from __future__ import annotations

import argparse
import json
import sys

from isrp_graph.auth import Role, TokenError, TokenStore, parse_expiry
from isrp_graph.auth.config import auth_config
from isrp_graph.cli_commands.common import ExitCode, h
from isrp_graph.messages import register, t
from isrp_graph.settings import Settings

register(
    {
        "cli.token.help": {"de": "Persönliche API-Schlüssel verwalten", "en": "Manage personal API tokens"},
        "cli.token.create": {
            "de": "Schlüssel anlegen und einmal ausgeben",
            "en": "Create a token and print it once",
        },
        "cli.token.name": {"de": "Name der Person oder des Skripts", "en": "Name of the person or script"},
        "cli.token.role": {"de": "Rolle", "en": "Role"},
        "cli.token.org": {
            "de": "IRI einer Organisation (für bearbeiten; mehrfach möglich)",
            "en": "IRI of an organisation (for bearbeiten; repeatable)",
        },
        "cli.token.expires": {"de": "Ablaufdatum TT.MM.JJJJ", "en": "Expiry date DD.MM.YYYY"},
        "cli.token.quiet": {"de": "nur den Schlüssel ausgeben", "en": "print only the token"},
        "cli.token.list": {"de": "Schlüssel auflisten (ohne Geheimnis)", "en": "List tokens (no secrets)"},
        "cli.token.revoke": {"de": "Schlüssel widerrufen", "en": "Revoke a token"},
        "cli.token.format": {"de": "Ausgabeformat", "en": "Output format"},
    }
)


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("token", help=h("cli.token.help"), description=h("cli.token.help"))
    commands = parser.add_subparsers(metavar="BEFEHL")
    create = commands.add_parser("create", help=h("cli.token.create"))
    create.add_argument("name", metavar="NAME", help=h("cli.token.name"))
    create.add_argument(
        "--role", required=True, choices=[r.slug for r in Role], help=h("cli.token.role")
    )
    create.add_argument("--org", action="append", default=[], metavar="IRI", help=h("cli.token.org"))
    create.add_argument("--expires", metavar="TT.MM.JJJJ", help=h("cli.token.expires"))
    create.add_argument("--quiet", action="store_true", help=h("cli.token.quiet"))
    create.set_defaults(func=cmd_create)
    listing = commands.add_parser("list", help=h("cli.token.list"))
    listing.add_argument("--format", choices=["text", "json"], default="text", help=h("cli.token.format"))
    listing.set_defaults(func=cmd_list)
    revoke = commands.add_parser("revoke", help=h("cli.token.revoke"))
    revoke.add_argument("name", metavar="NAME", help=h("cli.token.name"))
    revoke.set_defaults(func=cmd_revoke)
    parser.set_defaults(func=lambda args, settings: (parser.print_help(), ExitCode.USAGE)[1])


def _tokens(settings: Settings) -> TokenStore:
    return TokenStore(auth_config(settings).auth_db)


def _date(value: object, lang: str) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else t("auth.token.never", lang)  # type: ignore[attr-defined]


def cmd_create(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    store = _tokens(settings)
    try:
        role = Role.parse(args.role)
        expires = parse_expiry(args.expires)
        secret = store.create(args.name, role, tuple(args.org), expires, owner="cli", owner_name=args.name)
    except TokenError:
        store.close()
        raise
    store.close()
    if not args.quiet:
        until = _date(expires, lang)
        print(t("auth.token.created", lang, name=args.name, role=role.label(lang), expires=until))
    print(secret)
    return ExitCode.OK


def cmd_list(args: argparse.Namespace, settings: Settings) -> int:
    lang = settings.lang
    store = _tokens(settings)
    infos = store.list()
    store.close()
    if args.format == "json":
        rows = [
            {
                "name": i.name,
                "role": i.role.slug,
                "orgs": list(i.orgs),
                "owner": i.owner_name or i.owner,
                "created": i.created.isoformat(),
                "expires": i.expires.isoformat() if i.expires else None,
                "state": i.state(),
            }
            for i in infos
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return ExitCode.OK
    if not infos:
        print(t("auth.token.none", lang))
    for i in infos:
        orgs = " ".join(i.orgs)
        state = t(f"auth.token.state.{i.state()}", lang)
        print(f"{i.name}\t{i.role.label(lang)}\t{state}\t{_date(i.expires, lang)}\t{orgs}".rstrip())
    return ExitCode.OK


def cmd_revoke(args: argparse.Namespace, settings: Settings) -> int:
    store = _tokens(settings)
    try:
        store.revoke(args.name)
    finally:
        store.close()
    print(t("auth.token.revoked", settings.lang, name=args.name))
    return ExitCode.OK
