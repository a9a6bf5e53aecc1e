"""How a posted form runs its service: all or nothing, errors beside the field they name.

Every app's views use this (the floors above actielijnen too), so the form → service → message pattern is
written once.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction

from kern.gelijktijdigheid import GelijktijdigeWijziging, conflict_tonen


def fouten_naar_formulier(form, fout: ValidationError) -> None:
    """Show a service's ValidationError next to the field it names, else above the form.

    Someone else's save in the meantime (GelijktijdigeWijziging) goes above the form with what they changed;
    the user's input stays and the form gets a fresh token, so saving again overwrites knowingly.
    """
    if isinstance(fout, GelijktijdigeWijziging):
        conflict_tonen(form, fout)
    if hasattr(fout, "error_dict"):
        for veld, fouten in fout.error_dict.items():
            form.add_error(veld if veld in form.fields else None, fouten)
    else:
        form.add_error(None, fout)


def formulier_verwerken(request, form, *, actie, melding) -> bool:
    """Validate a posted form and carry it out through a service, all or nothing.

    `actie(cleaned_data)` calls the service(s) inside one transaction; a ValidationError they raise is shown next
    to the field it names and nothing is saved. `melding` is the success message, or a function of the result.
    Returns True when the action was carried out (the view then redirects).
    """
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        with transaction.atomic():
            resultaat = actie(form.cleaned_data)
    except ValidationError as fout:
        fouten_naar_formulier(form, fout)
        return False
    messages.success(request, melding(resultaat) if callable(melding) else melding)
    return True
