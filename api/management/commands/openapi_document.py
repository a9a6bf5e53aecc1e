"""manage.py openapi_document --uit PAD: the OpenAPI document exactly as /api/v1/openapi.json serves it.

`make lint` lints this file with Spectral (api/spectral.yaml). It is fetched through the application itself (a test
client on the first allowed host), so what is linted is what other systems read, servers and contact included.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.urls import reverse


class Command(BaseCommand):
    help = "Schrijft het OpenAPI-document van /api/v1/openapi.json naar een bestand."

    def add_arguments(self, parser):
        parser.add_argument("--uit", required=True, help="pad van het JSON-bestand")

    def handle(self, *args, uit, **opties):
        host = next((h for h in settings.ALLOWED_HOSTS if h and "*" not in h), "127.0.0.1")
        antwoord = Client(HTTP_HOST=host).get(reverse("api:openapi"), secure=True)
        if antwoord.status_code != 200:
            raise CommandError(f"/api/v1/openapi.json antwoordde {antwoord.status_code}")
        pad = Path(uit)
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(antwoord.content)
        self.stdout.write(f"OpenAPI-document geschreven naar {pad} ({len(antwoord.content)} bytes)")
