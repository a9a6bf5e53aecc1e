"""Signing in and out in the real browser, as a demo user (password from fixtures/demo/gebruikers.yaml)."""

from django.urls import reverse

WACHTWOORD = "Hengelo-demo-2025"


def inloggen(page, gebruikersnaam: str) -> None:
    page.goto(reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()


def uitloggen(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
