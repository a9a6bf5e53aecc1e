"""The statistics the benchmark and the soak test report, defined once."""

import math


def percentiel(waarden: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of a non-empty list: a value that was measured, never interpolated."""
    geordend = sorted(waarden)
    return geordend[max(0, min(len(geordend) - 1, math.ceil(p / 100 * len(geordend)) - 1))]
