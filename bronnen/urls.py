from django.urls import path

from bronnen import views

app_name = "bronnen"
urlpatterns = [
    path("<int:pk>/", views.taak, name="taak"),
    path("<int:pk>/stand/", views.taak_stand_json, name="taak_stand"),
    path("<int:pk>/bestand/", views.taak_bestand, name="taak_bestand"),
]
