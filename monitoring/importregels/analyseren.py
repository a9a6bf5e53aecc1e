"""
The analysis of a whole file (`analyseer`): rows read as they come, checked, compared with the database and handed
on chunk by chunk (`BLOK`), with a duplicate check on a compact key per meting (`compacte_sleutel`).
"""

from collections.abc import Callable, Iterable

from monitoring.constants import MetingSoort
from monitoring.importregels.cellen import OngeldigeIndeling, herken_indeling
from monitoring.importregels.regels import Importregels
from monitoring.importregels.vergelijken import _vergelijk_met_database
from monitoring.importregels.voorstellen import Analyse, Fout, Voorstel

# Rows are validated, compared with the database and (when committing) written in chunks of this many proposals.
BLOK = 5000


SOORT_NUMMERS = {soort: nummer for nummer, soort in enumerate(MetingSoort.values)}


def compacte_sleutel(voorstel: Voorstel) -> int:
    """The proposal's key (indicator, period, place, kind) packed in one integer.

    The duplicate check keeps one entry per meting of the whole file: a million tuples of strings would cost
    hundreds of megabytes, a million integers a fraction of that.
    """
    indicator, periode, wijk, gebied, soort = voorstel.sleutel
    tekst = periode
    # '2023' → 0, '2023-05' → 5, '2023-Q2' → 22: unique per period within its year.
    deel = 0 if len(tekst) == 4 else (20 + int(tekst[-1])) if "Q" in tekst else int(tekst[5:])
    code = int(tekst[:4]) * 100 + deel
    sleutel = indicator
    for getal, bits in ((wijk or 0, 32), (gebied or 0, 32), (code, 24), (SOORT_NUMMERS.get(soort, 7), 3)):
        sleutel = (sleutel << bits) | getal
    return sleutel


def analyseer(
    rijen: Iterable[tuple[int, list]],
    *,
    vergelijken: bool = True,
    na_blok: Callable[[list[Voorstel], list[Fout], int], None] | None = None,
    blok: int | None = None,
) -> Analyse:
    """Validate every row and compare it with the database, chunk by chunk; raises OngeldigeIndeling for
    unknown headers.

    The rows are consumed as they come (a generator reading the file is never held whole). Every `blok`
    proposals the chunk is compared with the database (unless `vergelijken` is False: a validation pass) and
    handed to `na_blok(voorstellen, fouten, rijen_gelezen)`, which may write it before the next chunk is read.
    A key seen twice anywhere in the file is an error on its second row.
    """
    blok = blok or BLOK
    rijen = iter(rijen)
    try:
        _kop_nummer, koppen = next(rijen)
    except StopIteration:
        raise OngeldigeIndeling("Het bestand is leeg.") from None
    indeling, kolommen, perioden = herken_indeling(koppen)
    regels = Importregels()
    analyse = Analyse(indeling=indeling, vergeleken=vergelijken)
    eerder: dict[int, int] = {}  # compact key → the row it first appeared in
    voorstellen: list[Voorstel] = []
    fouten: list[Fout] = []

    gemeld = [-1]  # the rows read when the last chunk was handed on

    def blok_af():
        gemeld[0] = analyse.aantal_rijen
        if vergelijken:
            _vergelijk_met_database(voorstellen)
            analyse.tel_voorstellen(voorstellen)
        if na_blok is not None:
            na_blok(voorstellen, fouten, analyse.aantal_rijen)

    for nummer, cellen in rijen:
        analyse.aantal_rijen += 1
        rij_voorstellen, rij_fouten, leeg = regels.rij(nummer, cellen, kolommen, perioden)
        analyse.lege_waarden += leeg
        for voorstel in rij_voorstellen:
            sleutel = compacte_sleutel(voorstel)
            if sleutel in eerder:
                rij_fouten.append(
                    Fout(
                        nummer,
                        voorstel.kolom,
                        voorstel.celtekst,
                        f"Dubbel: dezelfde indicator, periode ({voorstel.periode}), wijk ({voorstel.plaats}) "
                        f"en soort staan al in rij {eerder[sleutel]}.",
                    )
                )
                continue
            eerder[sleutel] = nummer
            voorstellen.append(voorstel)
        analyse.tel_fouten(rij_fouten)
        fouten.extend(rij_fouten)
        if len(voorstellen) >= blok or len(fouten) >= blok:
            blok_af()
            voorstellen, fouten = [], []
    if voorstellen or fouten or gemeld[0] != analyse.aantal_rijen:
        blok_af()
    return analyse
