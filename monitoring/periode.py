"""Periods of a measurement live on the bottom floor (bronnen.periode), so actielijnen can validate them too."""

from bronnen.periode import OngeldigePeriode, Periode, periode_tekst

__all__ = ["OngeldigePeriode", "Periode", "periode_tekst"]
