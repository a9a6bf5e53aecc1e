"""What every page's footer shows about the plan it serves: the Uitvoeringsplan as stored (`Brondocument` 000)."""

from django.utils.functional import SimpleLazyObject

from bronnen.models import Brondocument

UITVOERINGSPLAN = "000"


def uitvoeringsplan(request):
    """The Uitvoeringsplan 2023 with its zaaknummer and date, read from the data (queried only when shown)."""
    return {
        "uitvoeringsplan": SimpleLazyObject(lambda: Brondocument.objects.filter(code=UITVOERINGSPLAN).first())
    }
