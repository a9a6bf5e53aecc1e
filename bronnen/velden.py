"""The `bron` citation every record loaded from the source documents carries, declared once.

A reader knows a source by name and place ("Uitvoeringsplan 2023, §6.2, tabel 6.2.3"); the loaders write it and
`tests/test_brongetrouwheid.py` checks that every stored citation names a `Brondocument`.
"""

from django.db import models


class BronVeld(models.CharField):
    """Where in the source documents a record (or its figure) comes from; at most 200 characters.

    It deconstructs as the plain CharField it is stored as, so declaring it here changed no table and no
    migration: the 31 fields that used to spell it out are the same columns.
    """

    def __init__(self, verbose_name="bron", *args, max_length=200, **kwargs):
        super().__init__(verbose_name, *args, max_length=max_length, **kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs
