"""Which role holds which permission on editions and moties (merged by accounts.services.rol_permissies).

- `view_actueel`: live (unpublished) data — every role of uitvoering, management and college. Raad and griffie
  do not have it: they read published editions only.
- `view_rapportage`: open editions (published ones; concepts only with change/vaststellen as well). Every role
  has it: what the raad and the public read, the people who do the work may read too.
- `add/change/delete_rapportage`: the manager writes concepts; `vaststellen_rapportage`: the college sets and
  publishes.
- `view/add/change_motie`: the griffie registers moties; trekkers, managers and college read them.
"""

from accounts.constants import Rol

_ACTUEEL = ["rapportage.view_actueel", "rapportage.view_motie"]
_LEZEN = ["rapportage.view_rapportage"]
_CONCEPTEN = [
    *_ACTUEEL,
    *_LEZEN,
    "rapportage.add_rapportage",
    "rapportage.change_rapportage",
    "rapportage.delete_rapportage",
]

ROL_PERMISSIES = {
    Rol.TREKKER: [*_ACTUEEL, *_LEZEN],
    Rol.OPDRACHTGEVER: [*_ACTUEEL, *_LEZEN],
    Rol.OPGAVECOORDINATOR: [*_ACTUEEL, *_LEZEN],
    Rol.MANAGER: _CONCEPTEN,
    # Concepts like the manager; in the admin it reads an edition's status history and files. Setting and
    # publishing stay with the college, registering moties with the griffie (the beheerder is no superuser).
    Rol.BEHEERDER: [*_CONCEPTEN, "rapportage.view_statusovergang", "rapportage.view_exportbestand"],
    Rol.COLLEGE: [*_ACTUEEL, *_LEZEN, "rapportage.vaststellen_rapportage"],
    Rol.RAAD: _LEZEN,
    Rol.GRIFFIE: [*_LEZEN, "rapportage.view_motie", "rapportage.add_motie", "rapportage.change_motie"],
}
