"""Variant scores as text lines, JSON and table rows (German number and date formats)."""

from __future__ import annotations

from typing import Any

from isrp_graph.messages import register, t
from isrp_graph.spatial.variants import VariantScore

register(
    {
        "spatial.variant.heading": {
            "de": "Variante „{name}“: {n} Gebiete",
            "en": "Variant '{name}': {n} areas",
        },
        "spatial.variant.population": {
            "de": "Einwohner je Gebiet: min. {min}, max. {max}, "
            "Variationskoeffizient {cv} (Stichtage {dates})",
            "en": "Population per area: min {min}, max {max}, coefficient of variation {cv} (dates {dates})",
        },
        "spatial.variant.area_line": {
            "de": "  {name}: {units} – {population} – {contiguous}",
            "en": "  {name}: {units} – {population} – {contiguous}",
        },
        "spatial.variant.unassigned": {"de": "Nicht zugeordnet: {names}", "en": "Not assigned: {names}"},
        "spatial.variant.twice": {
            "de": "Mehrfach zugeordnet: {names}",
            "en": "Assigned more than once: {names}",
        },
        "spatial.variant.system_line": {
            "de": "  {system}: {nesting} von {units} Einheiten fügen sich ein{rest}",
            "en": "  {system}: {nesting} of {units} units nest{rest}",
        },
        "spatial.variant.cutting": {"de": "; zerschnitten: {names}", "en": "; cut: {names}"},
        "spatial.variant.unknown": {"de": "; unbekannt: {names}", "en": "; unknown: {names}"},
        "spatial.variant.adoptable": {
            "de": " – übernehmbar für: {plans}",
            "en": " – could be adopted by: {plans}",
        },
        "spatial.variant.systems": {"de": "Bestehende Raumgliederungen:", "en": "Existing spatial systems:"},
        "spatial.none": {"de": "keine", "en": "none"},
        "spatial.incomplete": {
            "de": "Einwohnerzahl unvollständig (fehlt: {names})",
            "en": "population incomplete (missing: {names})",
        },
        "spatial.inhabitants": {"de": "{n} Einwohner", "en": "population {n}"},
    }
)


def number(value: float | int | None, lang: str = "de", digits: int = 0) -> str:
    if value is None:
        return "–"
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".") if lang == "de" else text


def date_text(value: str | None, lang: str = "de") -> str:
    if not value:
        return "–"
    if lang == "de" and len(value) >= 10:
        return f"{value[8:10]}.{value[5:7]}.{value[0:4]}"
    return value


def variant_lines(scores: list[VariantScore], lang: str = "de") -> list[str]:
    out: list[str] = []
    none = t("spatial.none", lang)
    for score in scores:
        out.append(t("spatial.variant.heading", lang, name=score.name, n=len(score.areas)))
        dates = score.population_dates
        out.append(
            t(
                "spatial.variant.population",
                lang,
                min=number(score.population_min, lang),
                max=number(score.population_max, lang),
                cv=number(score.population_cv, lang, 3),
                dates=f"{date_text(dates[0], lang)}–{date_text(dates[1], lang)}" if dates else "–",
            )
        )
        for area in score.areas:
            population = (
                t("spatial.inhabitants", lang, n=number(area.population, lang))
                if area.population is not None
                else t("spatial.incomplete", lang, names=", ".join(area.missing_population))
            )
            out.append(
                t(
                    "spatial.variant.area_line",
                    lang,
                    name=area.name,
                    units=", ".join(area.units),
                    population=population,
                    contiguous=t(f"spatial.contiguous.{area.contiguous}", lang),
                )
            )
        out.append(t("spatial.variant.unassigned", lang, names=", ".join(score.unassigned) or none))
        out.append(t("spatial.variant.twice", lang, names=", ".join(score.assigned_twice) or none))
        out.extend(p.message(lang) for p in score.unknown_names)
        out.append(t("spatial.variant.systems", lang))
        for fit in score.systems:
            rest = ""
            if fit.cutting:
                rest += t("spatial.variant.cutting", lang, names=", ".join(fit.cutting))
            if fit.unknown:
                rest += t("spatial.variant.unknown", lang, names=", ".join(fit.unknown))
            if fit.adoptable and fit.plans:
                rest += t("spatial.variant.adoptable", lang, plans=", ".join(fit.plans))
            out.append(
                t(
                    "spatial.variant.system_line",
                    lang,
                    system=fit.label,
                    nesting=fit.nesting,
                    units=fit.units,
                    rest=rest,
                )
            )
        out.append("")
    return out


def scores_json(scores: list[VariantScore], lang: str = "de") -> list[dict[str, Any]]:
    import dataclasses

    result = []
    for score in scores:
        item = dataclasses.asdict(score)
        item["unknown_names"] = [p.message(lang) for p in score.unknown_names]
        for fit, raw in zip(score.systems, item["systems"], strict=True):
            raw["adoptable"] = fit.adoptable
        result.append(item)
    return result


COLUMNS = ("variant", "area", "units", "population", "missing_population", "contiguous")


def score_rows(scores: list[VariantScore], lang: str = "de") -> list[dict[str, str]]:
    """One row per proposed area (for CSV and the page's table)."""
    rows = []
    for score in scores:
        for area in score.areas:
            rows.append(
                {
                    "variant": score.name,
                    "area": area.name,
                    "units": ", ".join(area.units),
                    "population": "" if area.population is None else str(area.population),
                    "missing_population": ", ".join(area.missing_population),
                    "contiguous": t(f"spatial.contiguous.{area.contiguous}", lang),
                }
            )
    return rows
