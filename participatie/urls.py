from django.urls import path

from participatie import (
    communicatieviews,
    inbrengviews,
    inkoopviews,
    stakeholderviews,
    stappenviews,
)

app_name = "participatie"
urlpatterns = [
    # Participation per activity, steps I, II and IV (§4.1)
    path("", stappenviews.overzicht, name="overzicht"),
    path("activiteiten/<slug:sleutel>/", stappenviews.activiteit, name="activiteit"),
    path("activiteiten/<slug:sleutel>/advies/", stappenviews.advies_indienen, name="advies_indienen"),
    path("adviezen/<int:pk>/besluit/", stappenviews.advies_besluiten, name="advies_besluiten"),
    path("activiteiten/<slug:sleutel>/plan/", stappenviews.plan_indienen, name="plan_indienen"),
    path("plannen/<int:pk>/besluit/", stappenviews.plan_besluiten, name="plan_besluiten"),
    path(
        "activiteiten/<slug:sleutel>/evaluatie/", stappenviews.evaluatie_toevoegen, name="evaluatie_toevoegen"
    ),
    path("evaluaties/", stappenviews.evaluaties, name="evaluaties"),
    path("evaluaties/nieuw/", stappenviews.evaluatie_geheel_toevoegen, name="evaluatie_geheel_toevoegen"),
    # Step III: stakeholders, trajectories, meetings, overvraging; wijkgericht werken (§2.3.2)
    path("stakeholders/", stakeholderviews.stakeholders, name="stakeholders"),
    path("stakeholders/nieuw/", stakeholderviews.stakeholder_toevoegen, name="stakeholder_toevoegen"),
    path("stakeholders/drempel/", stakeholderviews.drempel, name="drempel"),
    path("stakeholders/<int:pk>/", stakeholderviews.stakeholder, name="stakeholder"),
    path(
        "stakeholders/<int:pk>/bewerken/", stakeholderviews.stakeholder_bewerken, name="stakeholder_bewerken"
    ),
    path("trajecten/", stakeholderviews.trajecten, name="trajecten"),
    path("trajecten/nieuw/", stakeholderviews.traject_toevoegen, name="traject_toevoegen"),
    path("trajecten/<int:pk>/", stakeholderviews.traject, name="traject"),
    path("trajecten/<int:pk>/bewerken/", stakeholderviews.traject_bewerken, name="traject_bewerken"),
    path(
        "trajecten/<int:pk>/bijeenkomsten/nieuw/",
        stakeholderviews.bijeenkomst_toevoegen,
        name="bijeenkomst_toevoegen",
    ),
    path("wijken/", stakeholderviews.wijken, name="wijken"),
    path("activiteiten/<slug:sleutel>/wijken/", stakeholderviews.wijken_koppelen, name="wijken_koppelen"),
    # Wat is er met de inbreng gedaan ("u zei, wij deden")
    path("inbreng/", inbrengviews.overzicht, name="inbreng_overzicht"),
    path("trajecten/<int:pk>/inbreng/nieuw/", inbrengviews.toevoegen, name="inbreng_toevoegen"),
    path("inbreng/<int:pk>/verwerken/", inbrengviews.verwerken, name="inbreng_verwerken"),
    # Zakelijk partnerschap: procurement tracks and their backward planning (§2.3.1)
    path("inkoop/", inkoopviews.inkoop, name="inkoop"),
    path("inkoop/nieuw/", inkoopviews.traject_toevoegen, name="inkooptraject_toevoegen"),
    path("inkoop/<slug:sleutel>/", inkoopviews.traject, name="inkooptraject"),
    path("inkoop/<slug:sleutel>/bewerken/", inkoopviews.traject_bewerken, name="inkooptraject_bewerken"),
    path("inkoop/<slug:sleutel>/stappen/nieuw/", inkoopviews.stap_toevoegen, name="inkoopstap_toevoegen"),
    path("inkoop/<slug:sleutel>/stappen/<int:pk>/", inkoopviews.stap_bewerken, name="inkoopstap_bewerken"),
    # Communicatie (§4.2)
    path("communicatie/", communicatieviews.communicatie, name="communicatie"),
    path("communicatie/nieuw/", communicatieviews.actie_toevoegen, name="communicatieactie_toevoegen"),
    path("communicatie/<int:pk>/", communicatieviews.actie_bewerken, name="communicatieactie_bewerken"),
]
