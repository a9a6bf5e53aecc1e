"""The backward planning (participatie/terugrekenen.py), worked out by hand in the comments."""

from dataclasses import replace
from datetime import date

from participatie.terugrekenen import (
    KRAP,
    NIET_HAALBAAR,
    ONVOLLEDIG,
    OP_SCHEMA,
    Stap,
    terugrekenen,
)

D = date(2025, 1, 1)


def _drie_stappen(**tweede) -> list[Stap]:
    return [
        Stap("Voorbereiden", duur_dagen=90, marge_dagen=10, gepland_start=date(2024, 1, 1)),
        replace(Stap("Dialoog", duur_dagen=120, marge_dagen=20), **tweede),
        Stap("Contracteren", duur_dagen=60, marge_dagen=30),
    ]


def test_drie_stappen_op_schema():
    # Backward from D = 1-1-2025:
    #   Contracteren: uiterste einde = D − 30 = 2-12-2024; uiterste start = 2-12 − 60 = 3-10-2024
    #   Dialoog:      uiterste einde = 3-10 − 20 = 13-9-2024; uiterste start = 13-9 − 120 = 16-5-2024
    #   Voorbereiden: uiterste einde = 16-5 − 10 = 6-5-2024;  uiterste start = 6-5 − 90 = 6-2-2024 (30 + 31 + 29 days back)
    # Forward on vandaag = 1-1-2024, nothing started:
    #   Voorbereiden 1-1-2024 + 90 = 31-3-2024 (2024 is a leap year: 31 + 29 + 30 = 90)
    #   Dialoog      31-3 + 120 = 29-7-2024;  Contracteren 29-7 + 60 = 27-9-2024
    # Speling: 6-5 − 31-3 = 36; 13-9 − 29-7 = 46; 2-12 − 27-9 = 66 days: all above their margins.
    uitkomst = terugrekenen(D, _drie_stappen(), vandaag=date(2024, 1, 1))
    voor, dialoog, contract = uitkomst.stappen
    assert (contract.uiterste_start, contract.uiterste_einde) == (date(2024, 10, 3), date(2024, 12, 2))
    assert (dialoog.uiterste_start, dialoog.uiterste_einde) == (date(2024, 5, 16), date(2024, 9, 13))
    assert (voor.uiterste_start, voor.uiterste_einde) == (date(2024, 2, 6), date(2024, 5, 6))
    assert [s.verwacht_einde for s in uitkomst.stappen] == [
        date(2024, 3, 31),
        date(2024, 7, 29),
        date(2024, 9, 27),
    ]
    assert [s.speling_dagen for s in uitkomst.stappen] == [36, 46, 66]
    assert not any(s.te_laat or s.kritiek for s in uitkomst.stappen)
    assert uitkomst.status == OP_SCHEMA
    assert uitkomst.verwacht_gereed == date(2024, 9, 27)


def test_te_late_stap_die_alleen_marge_opeet_is_krap():
    # Dialoog started 1-3-2024 and is running with duur 200 (instead of 120): it ends 1-3 + 200 = 17-9-2024,
    # 4 days after its uiterste einde 13-9 (speling −4): te laat. Contracteren then runs 17-9 + 60 = 16-11-2024,
    # still 16 days before its uiterste einde 2-12 (speling 16 < marge 30: kritiek, not late) and before D.
    # The longer Dialoog also moves the path back: its uiterste start is 13-9 − 200 = 26-2-2024, so Voorbereiden
    # had to end by 26-2 − 10 = 16-2-2024; it ended 1-3-2024: 14 days late, margin used up but D still reachable.
    stappen = _drie_stappen(duur_dagen=200, werkelijk_start=date(2024, 3, 1))
    stappen[0] = replace(stappen[0], werkelijk_start=date(2024, 1, 1), werkelijk_einde=date(2024, 3, 1))
    uitkomst = terugrekenen(D, stappen, vandaag=date(2024, 4, 1))
    voor, dialoog, contract = uitkomst.stappen
    assert dialoog.verwacht_einde == date(2024, 9, 17)
    assert dialoog.speling_dagen == -4
    assert dialoog.te_laat and dialoog.kritiek
    assert contract.verwacht_einde == date(2024, 11, 16)
    assert contract.speling_dagen == 16
    assert contract.kritiek and not contract.te_laat
    assert uitkomst.status == KRAP
    assert voor.speling_dagen == -14
    assert uitkomst.te_late_stappen == [voor, dialoog]


def test_te_late_stap_maakt_ingangsdatum_onhaalbaar():
    # Dialoog started 1-3-2024 with duur 300: ends 1-3 + 300 = 26-12-2024. Contracteren 26-12 + 60 = 24-2-2025,
    # after D = 1-1-2025 (54 days): niet haalbaar. Speling Contracteren: 2-12-2024 − 24-2-2025 = −84.
    stappen = _drie_stappen(duur_dagen=300, werkelijk_start=date(2024, 3, 1))
    stappen[0] = replace(stappen[0], werkelijk_start=date(2024, 1, 1), werkelijk_einde=date(2024, 3, 1))
    uitkomst = terugrekenen(D, stappen, vandaag=date(2024, 4, 1))
    assert uitkomst.stappen[1].verwacht_einde == date(2024, 12, 26)
    assert uitkomst.verwacht_gereed == date(2025, 2, 24)
    assert uitkomst.stappen[2].speling_dagen == -84
    assert uitkomst.status == NIET_HAALBAAR


def test_afgeronde_stap_telt_met_werkelijke_data_en_lopende_niet_voor_vandaag():
    # Voorbereiden finished 1-1 → 15-4-2024 (its duur 90 no longer counts): speling 6-5 − 15-4 = 21.
    # Dialoog started 15-4 with duur 120 would end 13-8-2024, but on vandaag 1-9-2024 it is still running, so it
    # ends no earlier than today: 1-9-2024; speling 13-9 − 1-9 = 12 < marge 20: kritiek.
    stappen = _drie_stappen(werkelijk_start=date(2024, 4, 15))
    stappen[0] = replace(stappen[0], werkelijk_start=date(2024, 1, 1), werkelijk_einde=date(2024, 4, 15))
    uitkomst = terugrekenen(D, stappen, vandaag=date(2024, 9, 1))
    voor, dialoog, contract = uitkomst.stappen
    assert (voor.verwacht_start, voor.verwacht_einde) == (date(2024, 1, 1), date(2024, 4, 15))
    assert voor.speling_dagen == 21 and not voor.kritiek
    assert dialoog.verwacht_einde == date(2024, 9, 1)
    assert dialoog.speling_dagen == 12 and dialoog.kritiek and not dialoog.te_laat
    # Contracteren: 1-9 + 60 = 31-10-2024; speling 2-12 − 31-10 = 32 ≥ 30.
    assert contract.verwacht_einde == date(2024, 10, 31) and not contract.kritiek
    assert uitkomst.status == OP_SCHEMA


def test_ontbrekende_duur_of_datum_is_onvolledig_zonder_gokken():
    stappen = _drie_stappen(duur_dagen=None)
    uitkomst = terugrekenen(D, stappen, vandaag=date(2024, 1, 1))
    assert uitkomst.status == ONVOLLEDIG
    assert uitkomst.ontbreekt == ["de duur van stap “Dialoog”"]
    voor, dialoog, contract = uitkomst.stappen
    # Backward stops at the unknown step: its uiterste einde is known (13-9-2024), its start and all before not.
    assert contract.uiterste_einde == date(2024, 12, 2)
    assert (dialoog.uiterste_start, dialoog.uiterste_einde) == (None, date(2024, 9, 13))
    assert voor.uiterste_einde is None and voor.speling_dagen is None
    # Forward stops there too: Contracteren cannot be expected anywhere.
    assert dialoog.verwacht_einde is None and contract.verwacht_einde is None

    zonder_datum = terugrekenen(None, _drie_stappen(), vandaag=date(2024, 1, 1))
    assert zonder_datum.status == ONVOLLEDIG
    assert zonder_datum.ontbreekt == ["de ingangsdatum van de nieuwe overeenkomsten"]
    assert terugrekenen(D, [], vandaag=date(2024, 1, 1)).status == ONVOLLEDIG


def test_afgeronde_stap_zonder_duur_telt_met_werkelijke_duur():
    # Voorbereiden has no duur but finished 1-1 → 1-3-2024 (60 days): backward it counts 60 days.
    stappen = _drie_stappen()
    stappen[0] = replace(
        stappen[0], duur_dagen=None, werkelijk_start=date(2024, 1, 1), werkelijk_einde=date(2024, 3, 1)
    )
    uitkomst = terugrekenen(D, stappen, vandaag=date(2024, 3, 1))
    assert uitkomst.status == OP_SCHEMA
    assert uitkomst.stappen[0].uiterste_start == date(2024, 3, 7)  # 6-5-2024 − 60 days


def test_duur_of_werkelijke_datum_wijzigen_rekent_opnieuw():
    basis = terugrekenen(D, _drie_stappen(), vandaag=date(2024, 1, 1))
    langer = terugrekenen(D, _drie_stappen(duur_dagen=400), vandaag=date(2024, 1, 1))
    # Dialoog 31-3-2024 + 400 = 5-5-2025, Contracteren + 60 = 4-7-2025: after D.
    assert basis.status == OP_SCHEMA and langer.status == NIET_HAALBAAR
    assert langer.verwacht_gereed == date(2025, 7, 4)
    gestart = terugrekenen(D, _drie_stappen(werkelijk_start=date(2024, 6, 1)), vandaag=date(2024, 6, 1))
    # Dialoog now 1-6 + 120 = 29-9-2024: past 13-9 (speling −16); Contracteren 28-11 still before D.
    assert gestart.stappen[1].speling_dagen == -16
    assert gestart.status == KRAP


def test_geplande_einde_na_uiterste_einde_past_niet():
    stappen = _drie_stappen(gepland_start=date(2024, 4, 1), gepland_einde=date(2024, 9, 30))
    uitkomst = terugrekenen(D, stappen, vandaag=date(2024, 1, 1))
    # Uiterste einde Dialoog 13-9-2024 < gepland einde 30-9-2024.
    assert uitkomst.stappen[1].planning_past_niet
    assert not uitkomst.stappen[0].planning_past_niet
