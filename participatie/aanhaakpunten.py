"""Registers participatie's warnings, decisions and links on actielijnen's pages (see actielijnen/signalen.py);
called once from ParticipatieConfig.ready(). Every registered function is a selector."""

from actielijnen import signalen


def registreren() -> None:
    from participatie.selectors import communicatie, inkoop, overvraging, stappen

    signalen.signaalbron_registreren(inkoop.signalen)
    signalen.signaalbron_registreren(overvraging.signalen)
    signalen.signaalbron_registreren(communicatie.signalen)
    signalen.besluitbron_registreren(stappen.besluitpunten, stappen.open_besluiten_per_activiteit)
    signalen.koppelingbron_registreren(stappen.koppelingen)
