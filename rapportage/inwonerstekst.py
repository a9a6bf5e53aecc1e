"""
The texts of the public page in plain Dutch (taalniveau B1), for inwoners who read with difficulty.

Kept as data, apart from the template, so they can be read, checked and rewritten in one place:
tests/rapportage/test_inwoners_b1.py measures every section of the rendered page with the Flesch-Douma reading
ease and the average sentence length. Each text is a rewrite of a part of the Uitvoeringsplan 2023 (source 000)
and says which part in `bron`; the rewrite keeps the meaning and adds no promises the plan does not make. The
figures themselves are never here: they come from the latest published edition.
"""

import re

# What the gemeente wants to achieve: Uitvoeringsplan 2023, chapter 1 and §2, and the model of §6.1.
DOEL = {
    "bron": "Uitvoeringsplan 2023, hoofdstuk 1, hoofdstuk 2 en §6.1, in eenvoudige taal herschreven",
    "alineas": [
        "De gemeente Hengelo wil dat iedereen mee kan doen. Ook als het even niet goed gaat.",
        "Daarom verandert de gemeente de hulp aan inwoners. Het gaat om hulp bij zorg, werk, geld en "
        "opgroeien. Samen heet dat het sociaal domein.",
        "De hulp moet dicht bij huis zijn, in uw eigen wijk. Zo licht als het kan. En zo zwaar als het moet.",
        "Zo willen we problemen op tijd zien. Dan is er minder vaak zware hulp nodig. Dat kost ook minder geld.",
        "Wat we gaan doen, staat in een plan uit december 2022. Op deze pagina leest u wat er in dat plan staat. "
        "En hoe ver we zijn.",
    ],
}

# Per actielijn (by its number): a plain title and what it does for inwoners. Uitvoeringsplan 2023, §2.1.
ACTIELIJNEN = {
    1: {
        "titel": "Meer te doen in uw buurt",
        "bron": "Uitvoeringsplan 2023, §2.1, actielijn 1, in eenvoudige taal herschreven",
        "alineas": [
            "In elke wijk moet genoeg te doen zijn. Denk aan school, werk, sport en hulp van buren.",
            "De gemeente zorgt dat dit dicht bij u is. U kunt er zo naartoe. Ook inwoners en clubs kunnen zelf "
            "iets beginnen.",
            "Zo voorkomen we problemen. Dan is er minder zware hulp nodig.",
        ],
    },
    2: {
        "titel": "Hulp in de wijk als u die nodig hebt",
        "bron": "Uitvoeringsplan 2023, §2.1, actielijn 2, in eenvoudige taal herschreven",
        "alineas": [
            "Soms is hulp uit de buurt niet genoeg. Dan is er hulp in de wijk. Het wijkteam doet daarbij veel.",
            "U meldt zich op één plek in uw wijk. Uw vraag kan over opvoeden gaan. Of over schulden, eenzaamheid "
            "of verslaving. Het wijkteam kijkt wat u nodig hebt.",
            "Er zijn ook activiteiten in een groep, met een begeleider. Kunt u het betalen? Dan vraagt de "
            "gemeente een eigen bijdrage.",
        ],
    },
    3: {
        "titel": "Minder vaak zware hulp nodig",
        "bron": "Uitvoeringsplan 2023, §2.1, actielijn 3, in eenvoudige taal herschreven",
        "alineas": [
            "Soms is meer hulp nodig. Bijvoorbeeld hulp in het huishouden. Of hulp voor het hele gezin. Die hulp "
            "blijft er.",
            "Met goede hulp in de buurt en in de wijk is zware hulp minder vaak nodig. Dat is het doel.",
        ],
    },
    4: {
        "titel": "De gemeente werkt in uw wijk",
        "bron": "Uitvoeringsplan 2023, §2.1, actielijn 4, in eenvoudige taal herschreven",
        "alineas": [
            "De gemeente gaat veel meer in de wijken werken. Een deel van de mensen van de gemeente werkt dan "
            "in de wijk. Daar waar u woont.",
            "Mensen die helpen bij jeugd, zorg en werk gaan beter samenwerken. Daar maken we ook afspraken over "
            "met andere organisaties.",
        ],
    },
}

# How an inwoner can react or ask for help: Uitvoeringsplan 2023, §2.1 (one place in the wijk) and §4.2
# (a digital newsletter anyone can subscribe to, at least four times a year).
REAGEREN = {
    "bron": "Uitvoeringsplan 2023, §2.1 en §4.2, in eenvoudige taal herschreven",
    "punten": [
        "Hebt u hulp nodig, voor uzelf of voor een ander? Ga dan naar het wijkteam in uw wijk.",
        "Wilt u weten hoe het gaat? De gemeente maakt een nieuwsbrief op internet. Iedereen kan zich daarvoor "
        "opgeven. De nieuwsbrief komt minstens vier keer per jaar.",
        # Derived, not a claim of the sources: this page shows the edition the raad received, nothing else.
        "Wilt u iets zeggen over de plannen? Dat kan bij de gemeenteraad. De cijfers op deze pagina komen uit "
        "het verslag dat de raad kreeg.",
    ],
}

# "U zei, wij deden": what inwoners and organisations brought in and what was done with it. Uitvoeringsplan 2023,
# §4.1 (participatie: "wat is er met de inbreng gedaan"). The contributions themselves come from the edition.
INBRENG = {
    "bron": "Uitvoeringsplan 2023, §4.1, in eenvoudige taal herschreven",
    "titel": "U zei, wij deden",
    "alineas": [
        "De gemeente vraagt inwoners en clubs wat zij van de plannen vinden.",
        "Hier leest u wat zij zeiden. En wat wij daarmee deden.",
    ],
    "u_zei": "U zei:",
    "wij_deden": "Wij deden:",
    "over": "Dit ging over:",
    "leeg": "In het laatste verslag staat hier nog niets over.",
    "geen_verslag": "Er is nog geen verslag aan de gemeenteraad. Is dat er wel? Dan leest u hier wat wij met uw "
    "ideeën deden.",
    # The verwerking as a word (participatie.models.Verwerking), said to the reader.
    "verwerking": {
        "overgenomen": "Dat doen we.",
        "deels": "Dat doen we voor een deel.",
        "niet": "Dat doen we niet.",
    },
}
# At most this many contributions on the page, newest first.
INBRENG_AANTAL = 10

# The groups of figures on the page, by the code of the goal (§6.2) they belong to; first match wins.
GROEPEN = (
    ("6.2.6", "Wat vinden inwoners van de hulp?", "Mensen die hulp kregen, vertellen wat zij ervan vinden."),
    ("6.1", "Meedoen in Hengelo", "Doen inwoners mee? En voelen zij zich niet te vaak alleen?"),
    ("6.2", "Geld, werk en hulp", "Redden inwoners het zelf? En vinden zij de hulp als dat nodig is?"),
)

# Each indicator of §6.2 in plain words: what the figure counts. Written from the indicator's name in §6.2.
CIJFERS = {
    "6.1.1.1": "Volwassenen die zorgen voor een zieke of oudere naaste (mantelzorg)",
    "6.1.1.2": "Volwassenen die vrijwilligerswerk doen",
    "6.1.2.1": "Volwassenen tot 65 jaar die zich vaak eenzaam voelen",
    "6.1.2.2": "Ouderen van 65 jaar en ouder die zich vaak eenzaam voelen",
    "6.2.1.1": "Mensen met schulden die Budget Alert doorstuurt naar de Stadsbank, in één jaar",
    "6.2.1.2": "Deel van de vragen over schulden dat naar de Stadsbank gaat",
    "6.2.2.1": "Huishoudens met weinig geld om van te leven",
    "6.2.2.2": "Kinderen in een gezin met weinig geld",
    "6.2.2.3": "Huishoudens met weinig geld die hulp van de gemeente bij geldzaken krijgen",
    "6.2.3.1": "Mensen in de bijstand die in één jaar betaald werk vinden",
    "6.2.3.2": "Mensen die met hulp van de gemeente een betaalde baan vinden",
    "6.2.3.3": "Mensen met betaald werk waarvoor de gemeente een deel van het loon betaalt",
    "6.2.4.1": "Inwoners die meedoen aan activiteiten van clubs en wijkcentra",
    "6.2.5.1": "Kinderen en jongeren die jeugdhulp krijgen",
    "6.2.5.2": "Inwoners van 18 tot 65 jaar die hulp krijgen via de Wmo",
    "6.2.5.3": "Inwoners van 65 jaar en ouder die hulp krijgen via de Wmo",
    "6.2.6.1": "Mensen die tevreden zijn over hun traject naar werk",
    # The plan's own figures on the same subject are report marks (§6.2.6), a series of their own.
    "6.2.6.1-cijfer": "Het rapportcijfer dat mensen geven voor hun traject naar werk",
    "6.2.6.2": "Mensen die merken dat hun hulp via de Wmo helpt",
    "6.2.6.3": "Kinderen en ouders die merken dat jeugdhulp helpt",
}
# Said once, where the word first appears: the Wmo is a law, not a plain word.
WMO_UITLEG = "De Wmo is de wet voor hulp en zorg thuis en in de buurt."

# The technical unit suffixes of the indicator names in §6.2: "(%)", "(aantal)", "(%)."
_EENHEID_ACHTERVOEGSEL = re.compile(r"\s*\((?:%|aantal)\)\.?\s*$", re.IGNORECASE)


def zonder_eenheid(naam: str) -> str:
    """An indicator's name without the unit suffix the source tables carry: '… te verlenen (%)' → '… te verlenen'."""
    return _EENHEID_ACHTERVOEGSEL.sub("", naam)


def cijfer_omschrijving(code: str, naam: str) -> str:
    """What a figure counts, in plain words; the source name without its suffix when there is no rewrite yet."""
    return CIJFERS.get(code) or zonder_eenheid(naam)


def groep_van(doel_code: str) -> int:
    """The index in GROEPEN of the group a goal's figures are shown in."""
    for index, (prefix, _kop, _uitleg) in enumerate(GROEPEN):
        if doel_code == prefix or doel_code.startswith(prefix + "."):
            return index
    return len(GROEPEN) - 1
