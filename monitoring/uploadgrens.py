"""
The maximum size of an uploaded file (settings.IMPORT_MAX_BESTANDSGROOTTE), for the import page and the admin import.

Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count files, so a 200.000-row spreadsheet used to reach the import
and run into the server's timeout. Two parts: `BegrensdeUploadHandler` (first in settings.FILE_UPLOAD_HANDLERS)
stops storing a file once it passes the maximum, so an oversized body costs no disk or memory, and hands the forms
an empty file that still knows its real size; `controleer_grootte` gives the forms the Dutch refusal.
"""

import io
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler

from kern.notatie import format_getal

MB = 1024 * 1024  # what a file manager calls a megabyte


def maximum() -> int:
    """The maximum size of one uploaded file, in bytes."""
    return settings.IMPORT_MAX_BESTANDSGROOTTE


def grootte_tekst(grootte: int) -> str:
    """A file size in Dutch notation: 6,8 MB, 5 MB, 950 kB."""
    if grootte >= MB:
        mb = (Decimal(grootte) / MB).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return f"{format_getal(mb)} MB"
    return f"{format_getal(-(-grootte // 1024))} kB"


def te_groot_melding(grootte: int) -> str | None:
    """The Dutch refusal for a file of this size, or None when it fits."""
    grens = maximum()
    if grootte <= grens:
        return None
    bestand, maximaal = grootte_tekst(grootte), grootte_tekst(grens)
    if bestand == maximaal:  # just over the limit: rounded they look alike, so give the exact bytes
        bestand, maximaal = f"{format_getal(grootte)} bytes", f"{format_getal(grens)} bytes"
    return f"Het bestand is {bestand}; het maximum is {maximaal}."


def controleer_grootte(bestand) -> None:
    """Raise a Dutch ValidationError when an uploaded file is larger than the maximum."""
    melding = te_groot_melding(bestand.size)
    if melding:
        raise ValidationError(melding, code="te_groot")


class BegrensdeUploadHandler(FileUploadHandler):
    """First upload handler: passes chunks on to Django's own handlers until the file passes the maximum, then
    swallows the rest and completes the file as an empty one with its real size (the forms refuse it)."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.te_groot = False

    def receive_data_chunk(self, raw_data, start):
        if self.te_groot or start + len(raw_data) > maximum():
            self.te_groot = True
            return None  # the later handlers receive nothing more: nothing of it is kept
        return raw_data

    def file_complete(self, file_size):
        if not self.te_groot:
            return None  # the next handler completes the file as usual
        return InMemoryUploadedFile(
            io.BytesIO(),
            self.field_name,
            self.file_name,
            self.content_type,
            file_size,
            self.charset,
            self.content_type_extra,
        )
