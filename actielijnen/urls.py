from django.urls import path

from actielijnen.views import activiteiten as views
from actielijnen.views import overzicht, risicos

app_name = "actielijnen"
urlpatterns = [
    path("", views.uitvoering, name="uitvoering"),
    path("management/", overzicht.management, name="management"),
    path("besluiten/", overzicht.besluiten, name="besluiten"),
    path("besluiten/update/<int:pk>/", overzicht.besluit_nemen, name="besluit_nemen"),
    path(
        "planningswijziging/<int:pk>/akkoord/",
        views.planningswijziging_akkoord,
        name="planningswijziging_akkoord",
    ),
    # The risk register: before "<slug:sleutel>/", which would otherwise take "risicos" for an activity.
    path("risicos/", risicos.risicoregister_view, name="risicoregister"),
    path("risicos/<int:pk>/", risicos.risico_detail, name="risico_detail"),
    path("risicos/<int:pk>/beoordelen/", risicos.risico_beoordelen, name="risico_beoordelen"),
    path("<slug:sleutel>/", views.activiteit_detail, name="activiteit_detail"),
    path("<slug:sleutel>/geschiedenis/", views.activiteit_geschiedenis, name="activiteit_geschiedenis"),
    path("<slug:sleutel>/voortgang/", views.voortgang_create, name="voortgang_create"),
    path("<slug:sleutel>/mijlpalen/nieuw/", views.mijlpaal_form, name="mijlpaal_create"),
    path("<slug:sleutel>/mijlpalen/<int:pk>/", views.mijlpaal_form, name="mijlpaal_update"),
    path("<slug:sleutel>/risicos/nieuw/", views.risico_create, name="risico_create"),
    path("<slug:sleutel>/risicos/<int:pk>/", views.risico_update, name="risico_update"),
    path("<slug:sleutel>/planning/", views.planningswijziging_create, name="planningswijziging_create"),
    path("<slug:sleutel>/planning/vastleggen/", views.planning_vastleggen, name="planning_vastleggen"),
    path(
        "<slug:sleutel>/opdrachtbeschrijving/",
        views.opdrachtbeschrijving_update,
        name="opdrachtbeschrijving_update",
    ),
    path(
        "<slug:sleutel>/opdrachtbeschrijving/vaststellen/",
        views.opdrachtbeschrijving_vaststellen,
        name="opdrachtbeschrijving_vaststellen",
    ),
    path("<slug:sleutel>/jaarsamenvatting/", views.jaarsamenvatting_form, name="jaarsamenvatting"),
]
