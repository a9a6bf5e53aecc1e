"""
Reminders to trekkers whose update is due soon or overdue: a job (manage.py herinneringen_versturen), not an act of
a user, so it checks no acting user; each reminder goes out once per due date.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from actielijnen.constants import HerinneringSoort
from actielijnen.models import Herinnering

# Reminders go out this many days before the due date, and again this many days after it.
HERINNERING_DAGEN_VOORAF = 3
HERINNERING_DAGEN_ACHTERAF = 3


def herinnering_soort(*, vervaldatum: date, vandaag: date) -> str | None:
    """Which reminder is due today for an update expected on `vervaldatum`, if any."""
    if vervaldatum - timedelta(days=HERINNERING_DAGEN_VOORAF) <= vandaag < vervaldatum:
        return HerinneringSoort.BINNENKORT
    if vandaag >= vervaldatum + timedelta(days=HERINNERING_DAGEN_ACHTERAF):
        return HerinneringSoort.VERLOPEN
    return None


def herinneringen_versturen(*, vandaag: date | None = None) -> list[Herinnering]:
    """E-mail each trekker whose update is due soon or overdue; each reminder goes out once per due date."""
    from actielijnen.selectors import update_verwachtingen

    vandaag = vandaag or timezone.localdate()
    verstuurd = []
    for verwachting in update_verwachtingen(vandaag=vandaag):
        activiteit = verwachting.activiteit
        soort = herinnering_soort(vervaldatum=verwachting.vervaldatum, vandaag=vandaag)
        if soort is None or activiteit.trekker is None or not activiteit.trekker.email:
            continue
        sleutel = {
            "activiteit": activiteit,
            "ontvanger": activiteit.trekker,
            "soort": soort,
            "vervaldatum": verwachting.vervaldatum,
        }
        with transaction.atomic():
            if Herinnering.objects.select_for_update().filter(**sleutel).exists():
                continue
            herinnering = Herinnering.objects.create(**sleutel)
            context = {
                "activiteit": activiteit,
                "verwachting": verwachting,
                "soort": soort,
                "site_url": settings.SITE_URL.rstrip("/"),
            }
            onderwerp = (
                f"Update binnenkort verwacht: {activiteit}"
                if soort == HerinneringSoort.BINNENKORT
                else f"Update te laat: {activiteit}"
            )
            # Sent inside the transaction: a failing mail server rolls the record back, so the next run retries.
            send_mail(
                subject=onderwerp,
                message=render_to_string("actielijnen/herinnering_email.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[activiteit.trekker.email],
            )
        verstuurd.append(herinnering)
    return verstuurd
