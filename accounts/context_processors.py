from django.utils.functional import SimpleLazyObject

from accounts.informatiepiramide import niveaus_voor


def informatiepiramide(request):
    """The pyramid levels for the navigation (every level, the user's own highlighted, the openable ones
    linked) and how fresh the figures are, for the footer of every page (queried only when shown)."""
    from actielijnen.selectors import versheid

    return {
        "piramide_niveaus": niveaus_voor(getattr(request, "user", None)),
        "versheid": SimpleLazyObject(versheid),
    }
