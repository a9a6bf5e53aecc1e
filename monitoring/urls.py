from django.urls import include, path

from monitoring import views

app_name = "monitoring"
# The pages of the monitoring floor, under /monitoring/ (see urlpatterns below).
_PAGINAS = [
    path("indicatoren/", views.indicator_list, name="indicator_list"),
    path("indicatoren/<str:code>/", views.indicator_detail, name="indicator_detail"),
    path("indicatoren/<str:code>/geschiedenis/", views.indicator_geschiedenis, name="indicator_geschiedenis"),
    path("indicatoren/<str:code>/activiteiten/", views.indicator_koppelingen, name="indicator_koppelingen"),
    path("datagaten/", views.datagaten, name="datagaten"),
    path("fit-gap/", views.fitgap, name="fitgap"),
    path("fit-gap/<str:code>/", views.fitgap_bewerken, name="fitgap_bewerken"),
    path("transformatiepiramide/", views.transformatiepiramide, name="transformatiepiramide"),
    path("financien/", views.financien, name="financien"),
    path("import/", views.import_view, name="import"),
    path("import/historie/", views.import_historie, name="import_historie"),
    path("import/<int:pk>/ongedaan-maken/", views.import_ongedaan_maken_view, name="import_ongedaan_maken"),
    path("export/", views.export, name="export"),
]

urlpatterns = [
    # Public, for every role and for inwoners: the informatiepiramide of §5.3 at the root, like the other public
    # pages (/inwoners/, /begrippen/).
    path("informatiepiramide/", views.informatiepiramide, name="informatiepiramide"),
    path("monitoring/", include(_PAGINAS)),
]
