"""The labelled example data of participatie for the demo (`load_programma --demo`), one module per part; wired
into rapportage/voorbeeldgeschiedenis.py, which labels the history rows."""

VOORBEELD = "Voorbeeld (demo):"
