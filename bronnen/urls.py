from django.urls import path

from bronnen import views

app_name = "bronnen"
urlpatterns = [
    # Public: the glossary of the Scenario document (Afkortingen en begrippenlijst), source text only.
    path("begrippen/", views.begrippen, name="begrippen"),
    # Public: the source documents themselves, with their data-quality notes (issue 24).
    path("bronnen/", views.bronnen, name="bronnen"),
]
