"""The expected outcome of every URL pattern for every role, GET and POST: the authorization matrix.

Read by tests/test_autorisatiematrix.py. Outcomes: "ok" (2xx, or a redirect that is not to a login page),
"login" (to the login page, or the admin's), "403" (the Dutch 403), "404", "405" (method not allowed).
A new URL pattern needs a row here; give it the outcome least privilege asks for, and check the app gives it.

Least privilege in short (README, "Rollen en toegang"): uitvoering for trekkers, opdrachtgevers,
opgavecoördinator, manager and beheerder; a trekker writes only their own activities ("trekker2" is the trekker
of other activities, asking for one of "trekker"'s); live data never for raad and griffie (the editiegrens);
concepts only for manager, beheerder and college (404 for the rest, so they do not leak); moties registered by
the griffie; imports by the beheerder; the admin only for the beheerder, who is staff but no superuser.
"""

ROLLEN = (
    "anoniem",
    "trekker",
    "trekker2",
    "opdrachtgever",
    "opgavecoordinator",
    "manager",
    "college",
    "raad",
    "griffie",
    "beheerder",
)

# fmt: off
# The application's own URLs (and the admin's login and logout, open to all). Columns in the order of ROLLEN:
#                      anoniem trekker trekker2 opdrachtgever opgavecoordinator manager college raad griffie beheerder
#                     anon   trek   trek2  opdrg  opgc   mngr   coll   raad   grif   beh
APP = {
    "admin:login": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    "admin:logout": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     405",
        "POST": "ok     ok     ok     ok     ok     ok     ok     ok     ok     login",
    },
    "login": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    "logout": {
        "GET":  "405    405    405    405    405    405    405    405    405    405",
        "POST": "login  login  login  login  login  login  login  login  login  login",
    },
    "password_change": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    "password_change_done": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "login  405    405    405    405    405    405    405    405    405",
    },
    "favicon": {  # a permanent redirect to the static icon, for everyone (issue 15)
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    "gezond": {  # the benchmark's one-query floor page: live, so the editiegrens closes it like any live page
        "GET":  "login  ok     ok     ok     ok     ok     ok     403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "start": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    "actielijnen:uitvoering": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  ok     ok     ok     ok     ok     403    403    403    ok",
    },
    "actielijnen:management": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    # The decision inbox: everyone at the uitvoering level (their own decisions; manager and beheerder all, read only).
    "actielijnen:besluiten": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    # Only the activity's own opdrachtgever decides on an update that asks for a decision; the manager reads it.
    "actielijnen:besluit_nemen": {
        "GET":  "login  403    403    ok     403    403    403    403    403    403",
        "POST": "login  403    403    ok     403    403    403    403    403    403",
    },
    # Only who holds a §2.2 role on the activity decides (opdrachtgever, opgavecoördinator; opdrachtnemer).
    "actielijnen:planningswijziging_akkoord": {
        "GET":  "login  403    403    ok     ok     403    403    403    403    403",
        "POST": "login  403    403    ok     ok     403    403    403    403    403",
    },
    "actielijnen:activiteit_detail": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  ok     ok     ok     ok     ok     403    403    403    ok",
    },
    "actielijnen:activiteit_geschiedenis": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  ok     ok     ok     ok     ok     403    403    403    ok",
    },
    # A trekker writes only their own activity (trekker2: 403); the datakernteam (change_activiteit) writes all.
    "actielijnen:voortgang_create": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    "actielijnen:mijlpaal_create": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    "actielijnen:mijlpaal_update": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    "actielijnen:risico_create": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    "actielijnen:risico_update": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    # The risk register and a risk's page: the programme organisation (view_risico); college and raad see
    # outcomes only. Scoring a programme risk: the manager (and the datakernteam), never a trekker.
    "actielijnen:risicoregister": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  ok     ok     ok     ok     ok     403    403    403    ok",
    },
    "actielijnen:risico_detail": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  ok     ok     ok     ok     ok     403    403    403    ok",
    },
    "actielijnen:risico_beoordelen": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    "actielijnen:planningswijziging_create": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    # The first planning: the activity's own opdrachtgever decides (§2.2); the datakernteam may record it.
    "actielijnen:planning_vastleggen": {
        "GET":  "login  403    403    ok     403    403    403    403    403    ok",
        "POST": "login  403    403    ok     403    403    403    403    403    ok",
    },
    "actielijnen:opdrachtbeschrijving_update": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    # Only the activity's own opdrachtgever decides (§3); GET is refused before the access check.
    "actielijnen:opdrachtbeschrijving_vaststellen": {
        "GET":  "login  405    405    405    405    405    405    403    403    405",
        "POST": "login  403    403    ok     403    403    403    403    403    403",
    },
    "actielijnen:jaarsamenvatting": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    "monitoring:indicator_list": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     403    403    ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     403    403    ok",
    },
    "monitoring:indicator_detail": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     403    403    ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     403    403    ok",
    },
    "monitoring:indicator_geschiedenis": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     403    403    ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     403    403    ok",
    },
    # Which activities should move an indicator: the manager and the datakernteam (monitoring/rollen.py).
    "monitoring:indicator_koppelingen": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    # Fit-gap (§5.1): the datakernteam; an indicator's own fitgap_eigenaar too (the matrix indicator has none).
    "monitoring:fitgap_bewerken": {
        "GET":  "login  403    403    403    403    403    403    403    403    ok",
        "POST": "login  403    403    403    403    403    403    403    403    ok",
    },
    "monitoring:datagaten": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    "monitoring:fitgap": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    "monitoring:transformatiepiramide": {
        "GET":  "login  403    403    403    403    ok     ok     403    403    ok",
        "POST": "login  403    403    403    403    ok     ok     403    403    ok",
    },
    "monitoring:financien": {
        "GET":  "login  403    403    403    403    ok     ok     403    403    ok",
        "POST": "login  403    403    403    403    ok     ok     403    403    ok",
    },
    "monitoring:import": {
        "GET":  "login  403    403    403    403    403    403    403    403    ok",
        "POST": "login  403    403    403    403    403    403    403    403    ok",
    },
    # The import history and the undo confirmation (GET) are the data team's, like the import itself.
    "monitoring:import_historie": {
        "GET":  "login  403    403    403    403    403    403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "monitoring:import_ongedaan_maken": {
        "GET":  "login  403    403    403    403    403    403    403    403    ok",
        "POST": "login  403    403    403    403    403    403    403    403    ok",
    },
    "monitoring:export": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    # A background job of the beheerder (waiting): only who started it and the beheerder see it; for anyone else
    # it does not exist (404); its file only for who started it, once it is made.
    "kern:taak": {
        "GET":  "login  404    404    404    404    404    404    403    403    ok",
        "POST": "login  404    404    404    404    404    404    403    403    ok",
    },
    "kern:taak_stand": {
        "GET":  "login  404    404    404    404    404    404    403    403    ok",
        "POST": "login  404    404    404    404    404    404    403    403    ok",
    },
    "kern:taak_bestand": {
        "GET":  "login  404    404    404    404    404    404    403    403    404",
        "POST": "login  404    404    404    404    404    404    403    403    404",
    },
    "rapportage:college": {
        "GET":  "login  403    403    403    403    ok     ok     403    403    ok",
        "POST": "login  403    403    403    403    ok     ok     403    403    ok",
    },
    "rapportage:raad": {
        "GET":  "login  403    403    403    403    ok     ok     ok     ok     ok",
        "POST": "login  403    403    403    403    ok     ok     ok     ok     ok",
    },
    "rapportage:inwoners": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    # Source text for anyone (issue 24): the Scenario document's glossary and the plan's §5.3 table; read-only.
    "bronnen:begrippen": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "monitoring:informatiepiramide": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    # The source documents as stored, with their data-quality notes (issue 24); read-only.
    "bronnen:bronnen": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    # Open data (issue 15): published editions only, for anyone; read-only, so POST is not allowed.
    "rapportage:open_data": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "rapportage:open_data_reeks": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    # The read-only public API (issue 27): published editions only, for anyone; GET only, other methods 405.
    "api:start": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:edities": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:editie": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:sectie": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:reeksen": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:reeks": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:actielijnen": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:activiteiten": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:activiteit": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:moties": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    # The matrix's published edition holds no motie (the matrix motie came later): the frozen register says 404.
    "api:motie": {
        "GET":  "404    404    404    404    404    404    404    404    404    404",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:catalogus": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:openapi": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    "api:wijzigingen": {
        "GET":  "ok     ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "405    405    405    405    405    405    405    405    405    405",
    },
    # Every other address under /api/: a 404 as problem+json for every method, never the login page.
    "api:niet_gevonden": {
        "GET":  "404    404    404    404    404    404    404    404    404    404",
        "POST": "404    404    404    404    404    404    404    404    404    404",
    },
    "api:niet_gevonden_wortel": {  # /api itself: a problem+json 404 too, not the site's HTML page
        "GET":  "404    404    404    404    404    404    404    404    404    404",
        "POST": "404    404    404    404    404    404    404    404    404    404",
    },
    # An anonymous visitor goes to the login page here too (hengelo_sd.foutpaginas.geen_toegang; the downloads
    # are login_required), as the README promises; who is signed in and may not read editions keeps the 403/404.
    "rapportage:editie_lijst": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    "rapportage:editie_nieuw": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    "rapportage:vergelijken": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    "rapportage:editie[gepubliceerd]": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    # A concept does not exist for who may not see it: 404, so it does not leak.
    "rapportage:editie[concept]": {
        "GET":  "login  404    404    404    404    ok     ok     404    404    ok",
        "POST": "login  404    404    404    404    ok     ok     404    404    ok",
    },
    "rapportage:editie_bewerken[gepubliceerd]": {
        "GET":  "login  403    403    403    403    403    403    403    403    403",
        "POST": "login  403    403    403    403    403    403    403    403    403",
    },
    "rapportage:editie_bewerken[concept]": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    "rapportage:editie_download[gepubliceerd/pdf]": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    "rapportage:editie_download[gepubliceerd/xlsx]": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    "rapportage:editie_download[concept/pdf]": {
        "GET":  "login  404    404    404    404    ok     ok     404    404    ok",
        "POST": "login  404    404    404    404    ok     ok     404    404    ok",
    },
    "rapportage:editie_csv[gepubliceerd]": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     ok     ok     ok",
    },
    "rapportage:editie_csv[concept]": {
        "GET":  "login  404    404    404    404    ok     ok     404    404    ok",
        "POST": "login  404    404    404    404    ok     ok     404    404    ok",
    },
    # Setting and publishing: the college alone; correcting and deleting a concept: manager and beheerder.
    "rapportage:editie_actie[concept/vaststellen]": {
        "GET":  "login  405    405    405    405    405    405    403    403    405",
        "POST": "login  403    403    403    403    403    ok     403    403    403",
    },
    "rapportage:editie_actie[vastgesteld/publiceren]": {
        "GET":  "login  405    405    405    405    405    405    403    403    405",
        "POST": "login  403    403    403    403    403    ok     403    403    403",
    },
    "rapportage:editie_actie[vastgesteld/terug-naar-concept]": {
        "GET":  "login  405    405    405    405    405    405    403    403    405",
        "POST": "login  403    403    403    403    403    ok     403    403    403",
    },
    "rapportage:editie_actie[gepubliceerd/corrigeren]": {
        "GET":  "login  405    405    405    405    405    405    403    403    405",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    "rapportage:editie_actie[concept/verwijderen]": {
        "GET":  "login  405    405    405    405    405    405    403    403    405",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    "rapportage:motie_lijst": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     403    ok     ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     403    ok     ok",
    },
    "rapportage:motie_nieuw": {
        "GET":  "login  403    403    403    403    403    403    403    ok     403",
        "POST": "login  403    403    403    403    403    403    403    ok     403",
    },
    "rapportage:motie": {
        "GET":  "login  403    403    403    403    403    403    403    ok     403",
        "POST": "login  403    403    403    403    403    403    403    ok     403",
    },
    "rapportage:motie_geschiedenis": {
        "GET":  "login  ok     ok     ok     ok     ok     ok     403    ok     ok",
        "POST": "login  ok     ok     ok     ok     ok     ok     403    ok     ok",
    },
    # Participation steps I, II and IV (§4.1, issue 16): the programme organisation reads; the activity's trekker
    # (the matrix's activity is "trekker"'s) and the datakernteam submit; only its own opdrachtgever decides (the
    # matrix's advice and plan are open); opgavecoördinator, manager and datakernteam evaluate the whole. An empty
    # POST to a form is an invalid form (200), nothing saved.
    "participatie:overzicht": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:activiteit": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:advies_indienen": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    "participatie:advies_besluiten": {
        "GET":  "login  403    403    ok     403    403    403    403    403    403",
        "POST": "login  403    403    ok     403    403    403    403    403    403",
    },
    "participatie:plan_indienen": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    "participatie:plan_besluiten": {
        "GET":  "login  403    403    ok     403    403    403    403    403    403",
        "POST": "login  403    403    ok     403    403    403    403    403    403",
    },
    "participatie:evaluatie_toevoegen": {
        "GET":  "login  ok     403    403    403    403    403    403    403    ok",
        "POST": "login  ok     403    403    403    403    403    403    403    ok",
    },
    "participatie:evaluaties": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:evaluatie_geheel_toevoegen": {
        "GET":  "login  403    403    403    ok     ok     403    403    403    ok",
        "POST": "login  403    403    403    ok     ok     403    403    403    ok",
    },
    # Wat is er met de inbreng gedaan (issue 16): internal (persons' names), the organisation reads; the
    # trajectory's writers add and process: its activity's trekker (not trekker2), opgavecoördinator,
    # manager and datakernteam.
    "participatie:inbreng_overzicht": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:inbreng_toevoegen": {
        "GET":  "login  ok     403    403    ok     ok     403    403    403    ok",
        "POST": "login  ok     403    403    ok     ok     403    403    403    ok",
    },
    "participatie:inbreng_verwerken": {
        "GET":  "login  ok     403    403    ok     ok     403    403    403    ok",
        "POST": "login  ok     403    403    ok     ok     403    403    403    ok",
    },
    # Communicatie (§4.2, issue 16): the programme organisation reads; an activity's action is written by its
    # trekker (the matrix's action is "trekker"'s), manager and datakernteam; opdrachtgever and opgavecoördinator
    # read only. An empty POST to a form is an invalid form (200), nothing saved.
    "participatie:communicatie": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    403    403    403    405",
    },
    "participatie:communicatieactie_toevoegen": {
        "GET":  "login  ok     ok     403    403    ok     403    403    403    ok",
        "POST": "login  ok     ok     403    403    ok     403    403    403    ok",
    },
    "participatie:communicatieactie_bewerken": {
        "GET":  "login  ok     403    403    403    ok     403    403    403    ok",
        "POST": "login  ok     403    403    403    ok     403    403    403    ok",
    },
    # Inkoop (§2.3.1, issue 16): the programme organisation reads the tracks; manager and datakernteam keep a track
    # and its steps up to date (a track's eigenaar its steps; the matrix's track has none); only the datakernteam
    # adds a track. An empty POST to a form is an invalid form (200), nothing saved.
    "participatie:inkoop": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:inkooptraject": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:inkooptraject_toevoegen": {
        "GET":  "login  403    403    403    403    403    403    403    403    ok",
        "POST": "login  403    403    403    403    403    403    403    403    ok",
    },
    "participatie:inkooptraject_bewerken": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    "participatie:inkoopstap_toevoegen": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    "participatie:inkoopstap_bewerken": {
        "GET":  "login  403    403    403    403    ok     403    403    403    ok",
        "POST": "login  403    403    403    403    ok     403    403    403    ok",
    },
    # Step III (§4.1) and wijkgericht werken (§2.3.2, issue 16): the programme organisation reads the register,
    # trajectories and the programme per wijk; whoever holds add_/change_stakeholder keeps the register (not the
    # opdrachtgever); a trajectory of an activity (the matrix's is "trekker"'s) and its meetings are written by
    # its trekker (not trekker2), the opgavecoördinator, manager and datakernteam; adding one is open to every
    # trekker (for their own activities); only the manager sets the overvraging threshold; an activity's wijken
    # are chosen by its trekker, the manager and the datakernteam. An empty POST to a form is an invalid form
    # (200), nothing saved; an empty list of wijken is valid (the rolled-back request clears them).
    "participatie:stakeholders": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:stakeholder": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:stakeholder_toevoegen": {
        "GET":  "login  ok     ok     403    ok     ok     403    403    403    ok",
        "POST": "login  ok     ok     403    ok     ok     403    403    403    ok",
    },
    "participatie:stakeholder_bewerken": {
        "GET":  "login  ok     ok     403    ok     ok     403    403    403    ok",
        "POST": "login  ok     ok     403    ok     ok     403    403    403    ok",
    },
    "participatie:drempel": {
        "GET":  "login  403    403    403    403    ok     403    403    403    403",
        "POST": "login  403    403    403    403    ok     403    403    403    403",
    },
    "participatie:trajecten": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:traject": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:traject_toevoegen": {
        "GET":  "login  ok     ok     403    ok     ok     403    403    403    ok",
        "POST": "login  ok     ok     403    ok     ok     403    403    403    ok",
    },
    "participatie:traject_bewerken": {
        "GET":  "login  ok     403    403    ok     ok     403    403    403    ok",
        "POST": "login  ok     403    403    ok     ok     403    403    403    ok",
    },
    "participatie:bijeenkomst_toevoegen": {
        "GET":  "login  ok     403    403    ok     ok     403    403    403    ok",
        "POST": "login  ok     403    403    ok     ok     403    403    403    ok",
    },
    "participatie:wijken": {
        "GET":  "login  ok     ok     ok     ok     ok     403    403    403    ok",
        "POST": "login  405    405    405    405    405    405    403    403    405",
    },
    "participatie:wijken_koppelen": {
        "GET":  "login  ok     403    403    403    ok     403    403    403    ok",
        "POST": "login  ok     403    403    403    ok     403    403    403    ok",
    },
}

# Every role but the beheerder is not staff: the admin sends them to its login page, except raad and griffie, whom
# the editiegrens stops first with the Dutch 403 (rapportage/editiegrens.py). The admin's login and logout are
# in APP above, being open to everyone.
NIET_STAF = {rol: ("403" if rol in ("raad", "griffie") else "login") for rol in ROLLEN if rol != "beheerder"}

# The admin's own pages, for the beheerder.
ADMIN_ALGEMEEN = {
    "admin:index":                  {"GET": "ok",  "POST": "ok"},
    "admin:password_change":        {"GET": "ok",  "POST": "ok"},   # the beheerder's own password
    "admin:password_change_done":   {"GET": "ok",  "POST": "405"},
    "admin:autocomplete":           {"GET": "403", "POST": "405"},  # without a model and field to ask about
    "admin:jsi18n":                 {"GET": "ok",  "POST": "405"},
    "admin:view_on_site":           {"GET": "ok",  "POST": "ok"},   # redirect to the activity's page
    "admin:app_list":               {"GET": "ok",  "POST": "ok"},
    "admin/(?P<url>.*)$":           {"GET": "404", "POST": "404"},  # an unknown admin address
}

# The beheerder's rights per model in the admin. Nothing is deleted in the admin (ProgrammaAdmin), except the
# failed-login records of django-axes: deleting one unlocks an account.
#   lezen:        view only (logs, decisions, the plan's fixed texts, editions, imports)
#   wijzigen:     view and change (reference data the datakernteam corrects but does not add to)
#   toevoegen:    view, add and change (data the datakernteam maintains)
#   ontgrendelen: view and delete (axes: unlock)
#   geen:         nothing
ADMIN_BEHEERDER = {
    "auth.group":                       "lezen",  # roles are made in code (accounts/services.py); read to assign them
    "accounts.user":                    "toevoegen",  # accounts and their roles are daily beheer; no superuser, no delete
    "accounts.roltoekenning":           "lezen",  # the log of role changes; approving is an action (a second beheerder)
    "axes.accessattempt":               "ontgrendelen",
    "bronnen.begrip":                   "lezen",  # the glossary as printed; the loader writes it
    "bronnen.brondocument":             "wijzigen",
    "bronnen.datakwaliteitsnotitie":    "toevoegen",
    "actielijnen.actielijn":            "wijzigen",
    "actielijnen.activiteit":           "toevoegen",
    "actielijnen.thema":                "toevoegen",
    "actielijnen.opdrachtbeschrijving": "wijzigen",
    "actielijnen.risico":               "toevoegen",
    "actielijnen.voortgangsrapportage": "lezen",
    "actielijnen.mijlpaal":             "toevoegen",
    "actielijnen.planningswijziging":   "lezen",
    "actielijnen.risicowijziging":      "lezen",
    "actielijnen.modellaag":            "wijzigen",
    "actielijnen.kenmerk":              "wijzigen",
    "actielijnen.jaarsamenvatting":     "wijzigen",
    "actielijnen.herinnering":          "lezen",
    "monitoring.doel":                  "toevoegen",
    "monitoring.indicator":             "toevoegen",
    "monitoring.meting":                "toevoegen",
    "monitoring.wijk":                  "toevoegen",
    "monitoring.informatieniveau":      "lezen",
    "monitoring.vergelijkingsgebied":   "toevoegen",
    "monitoring.import":                "lezen",
    "monitoring.scenario":              "lezen",
    "monitoring.scenariototaal":        "lezen",
    "monitoring.anderebronwaarde":      "toevoegen",
    "monitoring.databedrevenheidspijler": "lezen",
    "monitoring.bedrag":                "toevoegen",
    "monitoring.piramidestand":         "toevoegen",
    "monitoring.kerncijfer":            "toevoegen",
    "participatie.inkoopfase":          "wijzigen",
    "participatie.contractdatum":       "toevoegen",
    "participatie.participatiestap":    "lezen",
    "participatie.communicatielijn":    "lezen",
    "participatie.communicatiebudget":  "lezen",
    "participatie.communicatienorm":    "lezen",
    "rapportage.rapportage":            "lezen",
    "rapportage.motie":                 "lezen",
}

# What each right gives per admin action. Columns: geen  lezen  wijzigen  toevoegen  ontgrendelen
_RECHTEN = ("geen", "lezen", "wijzigen", "toevoegen", "ontgrendelen")
_ADMIN_ACTIES = {
    # action          method   geen  lezen  wijzigen  toevoegen  ontgrendelen
    "changelist":     {"GET":  "403  ok     ok        ok         ok",
                       "POST": "403  ok     ok        ok         ok"},   # POST without an action: the list again
    "add":            {"GET":  "403  403    403       ok         403",
                       "POST": "403  403    403       ok         403"},   # an empty form: shown again with errors
    "change":         {"GET":  "403  ok     ok        ok         ok",     # view only: a read-only form
                       "POST": "403  403    ok        ok         403"},
    "delete":         {"GET":  "403  403    403       403        ok",
                       "POST": "403  403    403       403        ok"},
    "history":        {"GET":  "403  ok     ok        ok         ok",
                       "POST": "403  ok     ok        ok         ok"},
    "simple_history": {"GET":  "403  ok     ok        ok         ok",     # an old version, to read
                       "POST": "403  403    403       403        403"},   # revert: refused (ProgrammaAdmin)
    "oud_adres":      {"GET":  "ok   ok     ok        ok         ok",     # /admin/app/model/<pk>/ → …/change/
                       "POST": "ok   ok     ok        ok         ok"},
    # django-import-export on metingen: import only with monitoring.import_metingen (the beheerder)
    "import":         {"GET":  "403  403    403       ok         403",
                       "POST": "403  403    403       ok         403"},
    "process_import": {"GET":  "405  405    405       405        405",
                       "POST": "403  403    403       ok         403"},
    "export":         {"GET":  "403  ok     ok        ok         ok",
                       "POST": "403  ok     ok        ok         ok"},
    # setting another user's password: with change_user
    "password":       {"GET":  "403  403    403       ok         403",
                       "POST": "403  403    403       ok         403"},
}
# fmt: on

# action → right → {method: outcome}
ADMIN_UITKOMST = {
    actie: {recht: {methode: rij[methode].split()[i] for methode in rij} for i, recht in enumerate(_RECHTEN)}
    for actie, rij in _ADMIN_ACTIES.items()
}
