from accounts.informatiepiramide import niveaus_voor


def informatiepiramide(request):
    """The pyramid levels for the navigation: every level, the user's own highlighted, the openable ones linked."""
    return {"piramide_niveaus": niveaus_voor(getattr(request, "user", None))}
