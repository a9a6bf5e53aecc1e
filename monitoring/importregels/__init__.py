"""
The one rule set for importing metingen, used by the data-team page (monitoring.services) and by the admin's
django-import-export resource (monitoring.resources). One module per topic; import them from here.

Two layouts, recognised by their headers (case and spacing ignored):
- lang: indicator, periode, wijk (optional), soort, waarde, bron (optional), status (optional);
- breed: indicator, soort, wijk/bron/status (optional), then one column per period (2021, 2022, …).

`analyseer(rijen)` turns rows into proposed metingen, each marked nieuw / gewijzigd / ongewijzigd against the
database, and a list of errors with row, column, value and a Dutch reason. It writes nothing.

- `cellen`: headers and single cells: the layouts (`herken_indeling`, `OngeldigeIndeling`), a period or figure
  read from a cell (`periode_uit_cel`, `lees_getal`), control characters made visible (`zichtbaar`).
- `voorstellen`: what an analysis reports: `Fout`, `Voorstel`, `Analyse` and the outcomes `NIEUW`, `GEWIJZIGD`,
  `ONGEWIJZIGD`.
- `regels`: the rules per cell and per row (`Importregels`), with lookups loaded once.
- `vergelijken`: a chunk compared with the database, and the plausibility warning (`Buren`).
- `analyseren`: the analysis of a whole file, chunk by chunk (`analyseer`, `compacte_sleutel`). Its chunk size
  `BLOK` is read there: patch `monitoring.importregels.analyseren.BLOK`, not a name in this package.
"""

from monitoring.importregels.analyseren import SOORT_NUMMERS, analyseer, compacte_sleutel
from monitoring.importregels.cellen import (
    BREED_VERPLICHT,
    KOPPEN_ALIASSEN,
    LANG_VERPLICHT,
    OPTIONEEL,
    STUURTEKEN_REDEN,
    STUURTEKENS,
    VIER_DECIMALEN,
    OngeldigeIndeling,
    herken_indeling,
    lees_getal,
    periode_uit_cel,
    zichtbaar,
)
from monitoring.importregels.regels import MAX_DECIMALEN, SOORTEN, STATUSSEN, Importregels
from monitoring.importregels.vergelijken import (
    BESTAAND_VELDEN,
    FACTOR_ONWAARSCHIJNLIJK,
    PER_QUERY,
    REEKS_VELDEN,
    VENSTER,
    Buren,
)
from monitoring.importregels.voorstellen import (
    GEWIJZIGD,
    MAX_FOUTEN,
    MAX_VOORBEELDEN,
    NIEUW,
    ONGEWIJZIGD,
    Analyse,
    Fout,
    Voorstel,
)

__all__ = [
    "BESTAAND_VELDEN",
    "BREED_VERPLICHT",
    "FACTOR_ONWAARSCHIJNLIJK",
    "GEWIJZIGD",
    "KOPPEN_ALIASSEN",
    "LANG_VERPLICHT",
    "MAX_DECIMALEN",
    "MAX_FOUTEN",
    "MAX_VOORBEELDEN",
    "NIEUW",
    "ONGEWIJZIGD",
    "OPTIONEEL",
    "PER_QUERY",
    "REEKS_VELDEN",
    "SOORTEN",
    "SOORT_NUMMERS",
    "STATUSSEN",
    "STUURTEKENS",
    "STUURTEKEN_REDEN",
    "VENSTER",
    "VIER_DECIMALEN",
    "Analyse",
    "Buren",
    "Fout",
    "Importregels",
    "OngeldigeIndeling",
    "Voorstel",
    "analyseer",
    "compacte_sleutel",
    "herken_indeling",
    "lees_getal",
    "periode_uit_cel",
    "zichtbaar",
]
