from django.urls import path

from participatie.views import communicatie, inbreng, inkoop, stakeholders, stappen

app_name = "participatie"
urlpatterns = [
    # Participation per activity, steps I, II and IV (§4.1)
    path("", stappen.overzicht, name="overzicht"),
    path("activiteiten/<slug:sleutel>/", stappen.activiteit, name="activiteit"),
    path("activiteiten/<slug:sleutel>/advies/", stappen.advies_indienen, name="advies_indienen"),
    path("adviezen/<int:pk>/besluit/", stappen.advies_besluiten, name="advies_besluiten"),
    path("activiteiten/<slug:sleutel>/plan/", stappen.plan_indienen, name="plan_indienen"),
    path("plannen/<int:pk>/besluit/", stappen.plan_besluiten, name="plan_besluiten"),
    path("activiteiten/<slug:sleutel>/evaluatie/", stappen.evaluatie_toevoegen, name="evaluatie_toevoegen"),
    path("evaluaties/", stappen.evaluaties, name="evaluaties"),
    path("evaluaties/nieuw/", stappen.evaluatie_geheel_toevoegen, name="evaluatie_geheel_toevoegen"),
    # Step III: stakeholders, trajectories, meetings, overvraging; wijkgericht werken (§2.3.2)
    path("stakeholders/", stakeholders.stakeholders, name="stakeholders"),
    path("stakeholders/nieuw/", stakeholders.stakeholder_toevoegen, name="stakeholder_toevoegen"),
    path("stakeholders/drempel/", stakeholders.drempel, name="drempel"),
    path("stakeholders/<int:pk>/", stakeholders.stakeholder, name="stakeholder"),
    path("stakeholders/<int:pk>/bewerken/", stakeholders.stakeholder_bewerken, name="stakeholder_bewerken"),
    path("trajecten/", stakeholders.trajecten, name="trajecten"),
    path("trajecten/nieuw/", stakeholders.traject_toevoegen, name="traject_toevoegen"),
    path("trajecten/<int:pk>/", stakeholders.traject, name="traject"),
    path("trajecten/<int:pk>/bewerken/", stakeholders.traject_bewerken, name="traject_bewerken"),
    path(
        "trajecten/<int:pk>/bijeenkomsten/nieuw/",
        stakeholders.bijeenkomst_toevoegen,
        name="bijeenkomst_toevoegen",
    ),
    path("wijken/", stakeholders.wijken, name="wijken"),
    path("activiteiten/<slug:sleutel>/wijken/", stakeholders.wijken_koppelen, name="wijken_koppelen"),
    # Wat is er met de inbreng gedaan ("u zei, wij deden")
    path("inbreng/", inbreng.overzicht, name="inbreng_overzicht"),
    path("trajecten/<int:pk>/inbreng/nieuw/", inbreng.toevoegen, name="inbreng_toevoegen"),
    path("inbreng/<int:pk>/verwerken/", inbreng.verwerken, name="inbreng_verwerken"),
    # Zakelijk partnerschap: procurement tracks and their backward planning (§2.3.1)
    path("inkoop/", inkoop.inkoop, name="inkoop"),
    path("inkoop/nieuw/", inkoop.traject_toevoegen, name="inkooptraject_toevoegen"),
    path("inkoop/<slug:sleutel>/", inkoop.traject, name="inkooptraject"),
    path("inkoop/<slug:sleutel>/bewerken/", inkoop.traject_bewerken, name="inkooptraject_bewerken"),
    path("inkoop/<slug:sleutel>/stappen/nieuw/", inkoop.stap_toevoegen, name="inkoopstap_toevoegen"),
    path("inkoop/<slug:sleutel>/stappen/<int:pk>/", inkoop.stap_bewerken, name="inkoopstap_bewerken"),
    # Communicatie (§4.2)
    path("communicatie/", communicatie.communicatie, name="communicatie"),
    path("communicatie/nieuw/", communicatie.actie_toevoegen, name="communicatieactie_toevoegen"),
    path("communicatie/<int:pk>/", communicatie.actie_bewerken, name="communicatieactie_bewerken"),
]
