"""
The shared machinery of the loaders that fill the database from `fixtures/` (each app's loader:
actielijnen/programma_laden.py, monitoring/laden.py, participatie/laden.py; composed by
rapportage/programma_laden.py): reading a fixture file, an idempotent upsert, the load report, and data-quality
notes.

Idempotent: every record is found by its natural key and saved only when a field the sources own differs, so a
second run changes nothing and writes no history.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType

import yaml

from bronnen.models import Datakwaliteitsnotitie

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


@dataclass
class Verslag:
    """What a load did, per model: created and updated records."""

    aangemaakt: dict[str, int] = field(default_factory=dict)
    bijgewerkt: dict[str, int] = field(default_factory=dict)

    def tel(self, model, soort: str) -> None:
        teller = self.aangemaakt if soort == "aangemaakt" else self.bijgewerkt
        naam = str(model._meta.verbose_name_plural)
        teller[naam] = teller.get(naam, 0) + 1

    @property
    def ongewijzigd(self) -> bool:
        return not self.aangemaakt and not self.bijgewerkt


def lees_fixture(pad: str) -> dict:
    """One YAML file under fixtures/, e.g. 'programma/actielijnen.yaml'."""
    with open(FIXTURES / pad, encoding="utf-8") as bestand:
        return yaml.safe_load(bestand)


def upsert(verslag: Verslag, model, sleutel: dict, waarden: dict, bij_aanmaken: dict | None = None):
    """Create or update one record by natural key; save only when a source-owned field differs.

    `bij_aanmaken` holds fields users own afterwards (status, people): set on creation, never overwritten.
    """
    obj = model.objects.filter(**sleutel).first()
    if obj is None:
        obj = model.objects.create(**sleutel, **waarden, **(bij_aanmaken or {}))
        verslag.tel(model, "aangemaakt")
        return obj
    gewijzigd = [naam for naam, waarde in waarden.items() if getattr(obj, naam) != waarde]
    if gewijzigd:
        for naam in gewijzigd:
            setattr(obj, naam, waarden[naam])
        obj.save()
        verslag.tel(model, "bijgewerkt")
    return obj


def datakwaliteit_laden(verslag: Verslag, notities: list[dict], opzoeken: dict[str, Callable]) -> None:
    """Load data-quality notes; `opzoeken` maps an `onderwerp` kind ('indicator', …) to a lookup by its key."""
    for notitie in notities:
        ((soort, sleutel),) = notitie["onderwerp"].items()
        onderwerp = opzoeken[soort](sleutel)
        upsert(
            verslag,
            Datakwaliteitsnotitie,
            {"sleutel": notitie["sleutel"]},
            {
                "content_type": ContentType.objects.get_for_model(onderwerp),
                "object_id": onderwerp.pk,
                "betreft": notitie["betreft"],
                "citaat": " ".join(notitie["citaat"].split()),
                "bron": notitie["bron"],
                "toelichting": " ".join(notitie["toelichting"].split()),
                "ernst": notitie["ernst"],
            },
        )
