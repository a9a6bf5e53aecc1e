from django.urls import path

from rapportage import views

app_name = "rapportage"
urlpatterns = [
    path("college/", views.college, name="college"),
    path("raad/", views.raad, name="raad"),
    # Public: the plan in plain language for inwoners (no login), with the latest published edition.
    path("inwoners/", views.inwoners, name="inwoners"),
    # Public open data: every indicator series of the published editions, as CSV and JSON (issue 15).
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/<str:code>.<str:formaat>", views.open_data_reeks, name="open_data_reeks"),
    path("rapportages/", views.editie_lijst, name="editie_lijst"),
    path("rapportages/nieuw/", views.editie_nieuw, name="editie_nieuw"),
    path("rapportages/vergelijken/", views.vergelijken, name="vergelijken"),
    path("rapportages/<int:pk>/", views.editie, name="editie"),
    path("rapportages/<int:pk>/bewerken/", views.editie_bewerken, name="editie_bewerken"),
    path("rapportages/<int:pk>/download/<str:soort>/", views.editie_download, name="editie_download"),
    path("rapportages/<int:pk>/csv/<slug:tabel>/", views.editie_csv, name="editie_csv"),
    path("rapportages/<int:pk>/<slug:actie>/", views.editie_actie, name="editie_actie"),
    path("moties/", views.motie_lijst, name="motie_lijst"),
    path("moties/nieuw/", views.motie_form, name="motie_nieuw"),
    path("moties/<int:pk>/", views.motie_form, name="motie"),
    path("moties/<int:pk>/geschiedenis/", views.motie_geschiedenis, name="motie_geschiedenis"),
]
