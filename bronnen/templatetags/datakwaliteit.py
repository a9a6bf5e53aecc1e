"""The data-quality notes of one row of a list (`{% load datakwaliteit %}`).

`{{ notities|van:risico }}` takes the `bronnen.selectors.Notities` a view passed (one query for the whole page)
and gives the notes of one object: a lookup, no query and no computing in the template.
"""

from django import template

register = template.Library()


@register.filter
def van(notities, onderwerp) -> list:
    """The notes on `onderwerp` from a page's `Notities`; an empty list when there are none."""
    if not notities or onderwerp is None:
        return []
    return notities.get(onderwerp, [])
