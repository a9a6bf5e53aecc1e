"""Fixed values of participatie that its forms, views, selectors and services share (the choices themselves are
TextChoices in participatie/models)."""

# Pages list 25 rows at a time.
PER_PAGINA = 25

# --- Communicatie (§4.2) ---------------------------------------------------------------------------------------

# The newsletter is counted from the plan's first year: §4.2 starts it "na het vaststellen van het
# uitvoeringsplan" (december 2022), so 2023-Q1 is the first quarter that must have one.
NIEUWSBRIEF_VANAF = "2023-Q1"
NIEUWSBRIEF_NORM = "nieuwsbrief-transformatie"
# The filter value (and `?activiteit=`) for the communication of no activity: the programme's own.
OVERKOEPELEND = "overkoepelend"
# The fields of a communication action the form edits and the services write.
COMMUNICATIEACTIEVELDEN = (
    "naam",
    "middel",
    "communicatielijn",
    "activiteit",
    "eigenaar",
    "gepland_op",
    "uitgevoerd_op",
    "budget",
    "kosten",
    "toelichting",
)

# --- Inkoop (§2.3.1) -------------------------------------------------------------------------------------------

# Step fields a user keeps up to date (the form's fields, the service's arguments).
INKOOPSTAPVELDEN = (
    "naam",
    "duur_dagen",
    "marge_dagen",
    "gepland_start",
    "gepland_einde",
    "werkelijk_start",
    "werkelijk_einde",
)

# --- Stap III: stakeholders, trajecten, overvraging ------------------------------------------------------------

# The fields of the overvraging threshold (one row, pk 1) its form carries in its token.
DREMPELVELDEN = ("max_trajecten", "max_bijeenkomsten")
# The kinds of trajectory the trajectory list filters on.
SOORT_BINNEN = "binnen"
SOORT_BUITEN = "buiten"

# --- Wat is er met de inbreng gedaan ---------------------------------------------------------------------------

NAAM_IN_TEKST = "Noem geen namen van personen in de tekst: die wordt openbaar."
REACTIE_VERPLICHT = "Schrijf wat er met de inbreng is gedaan en waarom."
# Without an organisation or group, the contribution came from residents themselves.
INWONERS = "Inwoners"
