"""The demo's mark in templates: `{% load herkomst %}` … `{% voorbeeld activiteit %}`, `{% voorbeeld rij stand %}`.

Renders "Voorbeeld (demo)" beside a value when any of the given records, frozen rows or flags is a voorbeeld
(kern/herkomst.py), and nothing otherwise, so a real figure on the same page stays unmarked. Visible text, not a
colour or a tooltip: a screen reader reads it and a printout keeps it.
"""

from django import template
from django.utils.html import format_html

from kern.herkomst import LABEL, een_voorbeeld

register = template.Library()


@register.simple_tag
def voorbeeld(*bronnen):
    """The mark, when any of `bronnen` holds demo content."""
    if not een_voorbeeld(bronnen):
        return ""
    return format_html('<span class="app-voorbeeld">{}</span>', LABEL)
