from accounts.selectors import hoofdmenu, niveaus_voor


def informatiepiramide(request):
    """The pyramid levels (every level, the user's own highlighted, the openable ones linked) and the main menu
    (only what the user may open, the current page marked)."""
    user = getattr(request, "user", None)
    return {"piramide_niveaus": niveaus_voor(user), "hoofdmenu": hoofdmenu(user, request.path)}
