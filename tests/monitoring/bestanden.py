"""Build upload files for import tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

import openpyxl


def csv_bestand(regels: list[str], naam: str = "metingen.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, ("\n".join(regels) + "\n").encode("utf-8"), content_type="text/csv")


def xlsx_bestand(rijen: list[list], naam: str = "metingen.xlsx") -> SimpleUploadedFile:
    werkmap = openpyxl.Workbook()
    blad = werkmap.active
    for rij in rijen:
        blad.append(rij)
    uitvoer = io.BytesIO()
    werkmap.save(uitvoer)
    return SimpleUploadedFile(naam, uitvoer.getvalue())


def zipbom(naam: str = "bom.xlsx", megabytes: int = 400) -> SimpleUploadedFile:
    """An .xlsx-named zip whose sheet unpacks to hundreds of megabytes of zeros."""
    uitvoer = io.BytesIO()
    with zipfile.ZipFile(uitvoer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archief:
        with archief.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as blad:
            blok = b"0" * (1024 * 1024)
            for _ in range(megabytes):
                blad.write(blok)
    return SimpleUploadedFile(naam, uitvoer.getvalue())
