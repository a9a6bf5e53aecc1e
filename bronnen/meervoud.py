"""A count with its noun, singular or plural: "1 rij", "0 rijen", "1.605 rijen" — never "1 rijen" or "rij(en)"."""

from bronnen.notatie import format_getal


def aantal_met(aantal: int, enkelvoud: str, meervoud: str) -> str:
    """`aantal` in Dutch notation followed by the singular for exactly one, else the plural (Dutch: 0 is plural)."""
    return f"{format_getal(aantal or 0)} {enkelvoud if aantal == 1 else meervoud}"
