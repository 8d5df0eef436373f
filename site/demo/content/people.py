"""Demo content for the people: the departments, the seven demo accounts one can log in with,
and the names the password-less colleagues, employees and council members are drawn from.

``demo.loader`` creates them through ``accounts.services``; a ``DemoAccount``'s
``started_days_ago`` is relative to the day the demo is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass

from accounts.roles import Role

DEPARTMENTS: list[tuple[str, str]] = [
    ("Publiekszaken", "PZ"),
    ("Vergunningen, Toezicht en Handhaving", "VTH"),
    ("Veiligheid", "VEI"),
    ("Wijkmanagement", "WIJK"),
    ("Sociaal Domein", "SD"),
    ("Inkoop en Aanbesteden", "INK"),
    ("Vastgoed en Grondzaken", "VGZ"),
    ("Economie en Ondernemen", "ECO"),
    ("Financiën", "FIN"),
    ("Informatievoorziening", "IV"),
    ("HR", "HR"),
    ("Griffie", "GRIF"),
]
# The ~200 employees work everywhere except at the griffie.
STAFF_DEPARTMENTS: list[str] = [name for name, _code in DEPARTMENTS if name != "Griffie"]
# The demo leidinggevende manages these two.
MANAGED_BY_THE_DEMO_MANAGER: list[str] = ["Publiekszaken", "Vergunningen, Toezicht en Handhaving"]


@dataclass(frozen=True)
class DemoAccount:
    local_part: str
    first_name: str
    last_name: str
    roles: tuple[Role, ...]
    department: str | None
    started_days_ago: int | None
    totp: bool = False


DEMO_ACCOUNTS: list[DemoAccount] = [
    DemoAccount("nieuw", "Noor", "Bakker", (Role.MEDEWERKER,), "Publiekszaken", 10),
    DemoAccount(
        "medewerker",
        "Mehmet",
        "Yilmaz",
        (Role.MEDEWERKER,),
        "Vergunningen, Toezicht en Handhaving",
        3 * 365,
    ),
    DemoAccount("raadslid", "Ria", "de Graaf", (Role.RAADSLID,), None, None),
    DemoAccount(
        "kernteam", "Karin", "Visser", (Role.MEDEWERKER, Role.KERNTEAM), "Veiligheid", 6 * 365, True
    ),
    DemoAccount(
        "leidinggevende",
        "Lars",
        "Jansen",
        (Role.MEDEWERKER, Role.LEIDINGGEVENDE),
        "Publiekszaken",
        8 * 365,
        True,
    ),
    DemoAccount("beheer", "Bram", "Smit", (Role.MEDEWERKER, Role.BEHEER), "HR", 5 * 365, True),
    DemoAccount("griffie", "Gert", "Hoekstra", (Role.GRIFFIE,), "Griffie", 4 * 365, True),
]

# Audiences (``accounts.services.audience_create`` fields); demo.loader adds roles and departments.
AUDIENCE_ALL_STAFF: dict = {
    "name": "Alle medewerkers",
    "description": "Iedereen die bij de gemeente werkt.",
}
AUDIENCE_COUNCIL: dict = {"name": "Raadsleden", "description": "De leden van de gemeenteraad."}
AUDIENCE_FRONT_OFFICE: dict = {
    "name": "Frontoffice en vergunningen",
    "description": "Collega's die aanvragen en vergunningen behandelen.",
}
# The theme module is mandatory for VTH.
VTH_DEPARTMENT = "Vergunningen, Toezicht en Handhaving"
AUDIENCE_VTH: dict = {"name": VTH_DEPARTMENT, "description": "Iedereen van VTH."}

COLLEAGUE_FIRST_NAMES: list[str] = [
    "Anouk", "Bilal", "Chantal", "Daan", "Esra", "Finn", "Gerda", "Hamza", "Ilse", "Jeroen",
    "Kim", "Luuk", "Mila", "Nadia", "Olaf", "Priya", "Quinten", "Roos", "Sem", "Tamara",
]  # fmt: skip
COLLEAGUE_LAST_NAMES: list[str] = [
    "de Vries", "van Dijk", "Bos", "Mulder", "El Amrani", "Hendriks", "Kok", "Peters",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Öztürk", "Vos", "Meijer", "Koster",
]  # fmt: skip
