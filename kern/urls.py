from django.urls import path

from kern import views

app_name = "kern"
urlpatterns = [
    path("<int:pk>/", views.taak, name="taak"),
    path("<int:pk>/stand/", views.taak_stand_json, name="taak_stand"),
    path("<int:pk>/bestand/", views.taak_bestand, name="taak_bestand"),
]
