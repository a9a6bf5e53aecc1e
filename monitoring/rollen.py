"""Which role holds which permission on monitoring's models (merged by accounts.services.rol_permissies).

Pages ask `user.has_perm` (see monitoring/permissions.py):
- indicators: `view_indicator` — every role of the programme and the college;
- finances and transformatiepiramide (outcome pages): `view_bedrag`, `view_piramidestand` — manager, college,
  beheerder (raad and griffie see them in published editions only);
- fit-gap: `view_fitgap`; counts below KLEINE_AANTALLEN_DREMPEL: `view_kleine_aantallen`; export:
  `export_metingen` — manager and beheerder;
- import and undo: `import_metingen` — only the beheerder (datakernteam);
- fit-gap status and owner of every indicator: `wijzig_fitgap` — the datakernteam, which carries out the fit-gap
  analysis (§5.1); an indicator's own fitgap_eigenaar changes its status and toelichting too (object rule in
  monitoring/permissions.py, no permission needed);
- which activities should move an indicator: `koppel_activiteiten` — the manager and the datakernteam. The link
  goal → activity → effect is programme steering: the manager (accounthouder, §5.1) decides what each activity is
  meant to achieve and prioritises the data work; the datakernteam maintains the indicator set. Trekkers propose it
  in their opdrachtbeschrijving ("hoe gaan we het monitoren"), they do not set it for the programme.
"""

from accounts.constants import Rol

_LEZEN = ["monitoring.view_indicator", "monitoring.view_meting", "monitoring.view_doel"]
_UITKOMSTEN = [
    *_LEZEN,
    "monitoring.view_bedrag",
    "monitoring.view_scenario",
    "monitoring.view_piramidestand",
    "monitoring.view_kerncijfer",
]
_ALLES_LEZEN = [
    *_UITKOMSTEN,
    "monitoring.view_fitgap",
    "monitoring.view_kleine_aantallen",
    "monitoring.export_metingen",
    "monitoring.view_wijk",
    "monitoring.view_vergelijkingsgebied",
]

ROL_PERMISSIES = {
    Rol.TREKKER: _LEZEN,
    Rol.OPDRACHTGEVER: _LEZEN,
    Rol.OPGAVECOORDINATOR: _LEZEN,
    Rol.COLLEGE: _UITKOMSTEN,
    # Raad and griffie hold none of monitoring's permissions: they read indicators, finances and the
    # transformatiepiramide in published editions only (rapportage app), never the live pages.
    Rol.MANAGER: [*_ALLES_LEZEN, "monitoring.koppel_activiteiten"],
    # The beheerder is no superuser: this is the whole of its access to monitoring. It reads every model in the
    # admin; it maintains goals, indicators, figures and their comparison data. The plan's fixed texts
    # (informatiepiramide, scenarios as printed, pillars) and the import records are read only.
    Rol.BEHEERDER: [
        *_ALLES_LEZEN,
        "monitoring.view_informatieniveau",
        "monitoring.view_scenariototaal",
        "monitoring.view_anderebronwaarde",
        "monitoring.view_databedrevenheidspijler",
        "monitoring.view_pijlerelement",
        "monitoring.add_doel",
        "monitoring.change_doel",
        "monitoring.add_indicator",
        "monitoring.add_anderebronwaarde",
        "monitoring.change_anderebronwaarde",
        "monitoring.add_kerncijfer",
        "monitoring.add_meting",
        "monitoring.change_meting",
        "monitoring.change_indicator",
        "monitoring.import_metingen",
        "monitoring.view_import",
        "monitoring.add_wijk",
        "monitoring.change_wijk",
        "monitoring.add_vergelijkingsgebied",
        "monitoring.change_vergelijkingsgebied",
        "monitoring.add_bedrag",
        "monitoring.change_bedrag",
        "monitoring.add_piramidestand",
        "monitoring.change_piramidestand",
        "monitoring.change_kerncijfer",
        "monitoring.wijzig_fitgap",
        "monitoring.koppel_activiteiten",
    ],
}
