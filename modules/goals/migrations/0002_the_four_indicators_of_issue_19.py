"""The four indicators of issue 19 with their first written definition (version 1).

The texts are what the Rekenkamer reads (docs/goals.md says the same); the parameters are
what :mod:`modules.goals.indicators` reads. A later change is a new version, added by a new
migration or :func:`modules.goals.services.definition_add_version`, never an edit of these.
"""

from datetime import date

from django.db import migrations

VALID_FROM = date(2024, 1, 1)

EXCLUSIONS = (
    "Niet meegeteld: wie uit dienst is op of voor de laatste dag van de maand (een einddatum "
    "op of voor die dag, of een uitgezet account zonder einddatum); raadsleden; wie geen "
    "afdeling heeft; wie op die dag nog niet in dienst was (startdatum na die dag; zonder "
    "startdatum: account gemaakt na die dag). Groepen van minder dan 5 mensen: geen cijfer."
)
STANDARD = {
    "exclude_leavers": True,
    "exclude_council_members": True,
    "exclude_without_department": True,
}

INDICATORS = [
    {
        "key": "onboarding_binnen_30_dagen",
        "name": "Onboarding binnen 30 dagen afgerond",
        "numerator": (
            "Nieuwe medewerkers (de noemer) die elke onboardingmodule die voor hen geldt "
            "hebben afgerond binnen 30 dagen na hun startdatum (afgerond op of voor startdatum "
            "+ 30 dagen; een eindtoets hoort bij afronden)."
        ),
        "denominator": (
            "Medewerkers bij wie de 30 dagen na hun startdatum zijn afgelopen in de periode, "
            "en voor wie een onboardingmodule geldt: een module met een actieve toewijzing "
            "'alleen voor wie begon op of na' een datum, en hun startdatum ligt op of na die "
            "datum."
        ),
        "period": (
            "De 12 kalendermaanden tot en met de gemeten maand: startdatum + 30 dagen valt "
            "tussen de eerste dag van de eerste maand en de laatste dag van de gemeten maand."
        ),
        "parameters": {**STANDARD, "window_days": 30, "months": 12},
    },
    {
        "key": "bewustwordingssessie_12_maanden",
        "name": "Bewustwordingssessie bijgewoond in de laatste 12 maanden",
        "numerator": (
            "Medewerkers (de noemer) die aanwezig waren bij een bewustwordingssessie in de "
            "periode. Aanwezig: afgevinkt door het kernteam of ingecheckt met de code. Een "
            "sessie die later uit Weerbaar is verwijderd telt mee (zoals bij de jaarlijkse "
            "verplichting; de soort sessie is dan niet meer bekend)."
        ),
        "denominator": "Alle medewerkers op de laatste dag van de gemeten maand.",
        "period": "De 12 kalendermaanden tot en met de gemeten maand.",
        "parameters": {
            **STANDARD,
            "months": 12,
            "session_kinds": ["bewustwording"],
            "count_deleted_sessions": True,
        },
    },
    {
        "key": "kennis_per_thema",
        "name": "Gemiddelde kennis per thema",
        "numerator": (
            "Per thema: de punten die medewerkers haalden op de vragen over dat thema in "
            "ingeleverde toetsen (een vraag goed is 1 punt, gedeeltelijk goed een deel)."
        ),
        "denominator": (
            "Per thema: het aantal beantwoorde vragen over dat thema in die toetsen. Het "
            "cijfer is het gemiddelde percentage. De afdeling is die op het moment van de "
            "toets, zoals op het kennisdashboard. Vragen die later zijn verwijderd tellen "
            "niet mee."
        ),
        "period": (
            "Toetsen ingeleverd in de 12 kalendermaanden tot en met de gemeten maand."
        ),
        "parameters": {**STANDARD, "months": 12},
    },
    {
        "key": "kent_meldroute",
        "name": "Kent de interne meldroute",
        "numerator": (
            "Medewerkers (de noemer) die in hun laatste toets van de periode met vragen over "
            "melden (thema 'Melden') minstens 80% van de punten op die vragen haalden."
        ),
        "denominator": (
            "Alle medewerkers op de laatste dag van de gemeten maand, ook wie in de periode "
            "geen vraag over melden beantwoordde (van hen weten we niet dat ze de route kennen)."
        ),
        "period": "Toetsen ingeleverd in de 12 kalendermaanden tot en met de gemeten maand.",
        "parameters": {**STANDARD, "months": 12, "theme": "melden", "pass_share": 0.8},
    },
]


def create_indicators(apps, schema_editor):
    Indicator = apps.get_model("goals", "Indicator")
    IndicatorDefinition = apps.get_model("goals", "IndicatorDefinition")
    for order, spec in enumerate(INDICATORS, start=1):
        indicator, _created = Indicator.objects.get_or_create(
            key=spec["key"], defaults={"name": spec["name"], "sort_order": order}
        )
        IndicatorDefinition.objects.get_or_create(
            indicator=indicator,
            version=1,
            defaults={
                "numerator": spec["numerator"],
                "denominator": spec["denominator"],
                "period": spec["period"],
                "exclusions": EXCLUSIONS,
                "parameters": spec["parameters"],
                "valid_from": VALID_FROM,
            },
        )


def remove_indicators(apps, schema_editor):
    Indicator = apps.get_model("goals", "Indicator")
    IndicatorDefinition = apps.get_model("goals", "IndicatorDefinition")
    keys = [spec["key"] for spec in INDICATORS]
    IndicatorDefinition.objects.filter(indicator__key__in=keys, version=1).delete()
    Indicator.objects.filter(key__in=keys, definitions__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("goals", "0001_indicators_definitions_targets_and_snapshots")]

    operations = [migrations.RunPython(create_indicators, remove_indicators)]
