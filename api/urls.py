"""The API's addresses: lower case, hyphenated, no trailing slash, nouns in Dutch plural (NL API Design Rules).

The last pattern takes every other address under /api/ (a trailing slash included), so an unknown address is a
404 as problem+json and APPEND_SLASH never redirects here.
"""

from django.urls import path

from api import views

app_name = "api"
urlpatterns = [
    path("api/v1", views.start, name="start"),
    path("api/v1/edities", views.edities, name="edities"),
    path("api/v1/edities/<int:id>", views.editie, name="editie"),
    path("api/v1/edities/<int:id>/secties/<slug:sectie>", views.sectie, name="sectie"),
    path("api/v1/reeksen", views.reeksen, name="reeksen"),
    path("api/v1/reeksen/<str:code>", views.reeks, name="reeks"),
    path("api/v1/actielijnen", views.actielijnen, name="actielijnen"),
    path("api/v1/activiteiten", views.activiteiten, name="activiteiten"),
    path("api/v1/activiteiten/<slug:sleutel>", views.activiteit, name="activiteit"),
    path("api/v1/moties", views.moties, name="moties"),
    # <path:>: the griffie numbers moties as it likes ("2024/03"); the key is data, not a path segment of ours.
    path("api/v1/moties/<path:sleutel>", views.motie, name="motie"),
    path("api/v1/catalogus", views.catalogus_view, name="catalogus"),
    path("api/v1/openapi.json", views.openapi, name="openapi"),
    path("api/v1/wijzigingen", views.wijzigingen, name="wijzigingen"),
    path("api", views.niet_gevonden, {"rest": ""}, name="niet_gevonden_wortel"),
    path("api/<path:rest>", views.niet_gevonden, name="niet_gevonden"),
]
