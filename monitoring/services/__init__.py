"""
Writes that are domain acts in monitoring, one module per topic; import them from here.

- `importeren`: importing metingen from a spreadsheet (`metingen_importeren`: file in, result out, streamed,
  with history, all or nothing).
- `importstroom`: the import as the page and the admin run it, the one path into the data: offer a file
  (`import_aanbieden`), commit a checked one (`import_doorvoeren_starten`), commit the admin's confirmed import
  (`import_direct_doorvoeren`), undo one (`import_ongedaan_maken_starten`). Each checks the acting user `door`.
- `ongedaan`: undoing an import (`import_ongedaan_maken`) and the one rule for it (`waarom_niet_ongedaan`).
- `indicatoren`: an indicator's fit-gap and the activities that should move it (one transaction, one history row).
"""

from monitoring.services.importeren import (
    ImportGeweigerd,
    Importresultaat,
    Voortgang,
    bestand_sha256,
    metingen_importeren,
)
from monitoring.services.importstroom import (
    import_aanbieden,
    import_direct_doorvoeren,
    import_doorvoeren_starten,
    import_ongedaan_maken_starten,
)
from monitoring.services.indicatoren import activiteiten_koppelen, fitgap_bijwerken
from monitoring.services.ongedaan import import_ongedaan_maken, laatste_van_kracht, waarom_niet_ongedaan

__all__ = [
    "ImportGeweigerd",
    "Importresultaat",
    "Voortgang",
    "activiteiten_koppelen",
    "bestand_sha256",
    "fitgap_bijwerken",
    "import_aanbieden",
    "import_direct_doorvoeren",
    "import_doorvoeren_starten",
    "import_ongedaan_maken",
    "import_ongedaan_maken_starten",
    "laatste_van_kracht",
    "metingen_importeren",
    "waarom_niet_ongedaan",
]
