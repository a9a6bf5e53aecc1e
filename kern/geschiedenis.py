"""
The history of objects as a person reads it: who changed what, when, from which value to which.

Every app records its changes with django-simple-history; this module turns one or more of those history
querysets (an activity's own history plus those of its milestones, risks, …) into one paginated list of entries
with readable values: choices as their label, related objects by name, Dutch dates, ja/nee, "—" for empty.

It is the bottom floor: it knows nothing of the apps above. Who may see which field, and how a figure is shown
(small counts of people), the caller decides and passes in.

Bounded by design: a page costs the same number of queries whether an object has ten history rows or ten
thousand. The page's keys come from one UNION query over all sources (plus one COUNT); then per source one query
fetches the page's rows with the id of each row's predecessor (a subquery), one fetches those predecessors, one
per many-to-many field fetches their related rows, and one per related model resolves the names of what the
foreign keys point at.
"""

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import IntegerField, OuterRef, Subquery, Value
from django.utils import timezone
from django.utils.formats import date_format

from kern.herkomst import WIJZIGINGSREDEN
from kern.notatie import format_getal

LEEG = "—"
PER_PAGINA = 25
SOORTEN = {"+": "aangemaakt", "~": "gewijzigd", "-": "verwijderd"}

# (model, field name) → function(raw value, historical record) → text. For values the bottom floor cannot know
# how to show, such as a count of people that must read "< 10" to some users.
Opmaak = Mapping[tuple[type[models.Model], str], Callable[[object, object], str]]


@dataclass(frozen=True)
class Veldwijziging:
    """One field of one entry: its Dutch label and the old and new value as text."""

    veld: str
    oud: str
    nieuw: str


@dataclass
class Geschiedenisregel:
    """One change of one object: when, by whom, which object, what kind of change, which fields."""

    wanneer: datetime
    wie: str
    object_soort: str
    object_naam: str
    soort: str
    bron: str = ""
    wijzigingen: list[Veldwijziging] = field(default_factory=list)

    @property
    def voorbeeld(self) -> bool:
        """A change the demo made (its change reason says so, kern/herkomst.py)."""
        return self.bron == WIJZIGINGSREDEN

    @property
    def wanneer_tekst(self) -> str:
        return datum_tijd_tekst(self.wanneer)


def datum_tijd_tekst(moment: datetime) -> str:
    """'1 januari 2025, 14:05' in the local time zone."""
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date_format(moment, "j F Y, H:i")


def bron_tekst(reden: str | None) -> str:
    """Where a change came from, from its change reason: an import, the undoing of one, or the reason itself."""
    if not reden:
        return ""
    soort, _, nummer = reden.partition(":")
    if soort == "import" and nummer:
        return f"import (nr. {nummer})"
    if soort == "ongedaan" and nummer:
        return f"import nr. {nummer} ongedaan gemaakt"
    return reden


def _wie(record) -> str:
    gebruiker = record.history_user
    if gebruiker is not None:
        return _naam(gebruiker)
    if (record.history_change_reason or "").startswith(("import:", "ongedaan:")):
        return "systeem (import)"
    return "onbekend"


def _naam(obj) -> str:
    weergavenaam = getattr(obj, "weergavenaam", None)
    return weergavenaam() if callable(weergavenaam) else str(obj)


def _tekst(veld: models.Field, waarde, objecten: Mapping) -> str:
    """A stored value as a person reads it."""
    if waarde is None or waarde == "" or waarde == []:
        return LEEG
    if veld.is_relation:
        obj = objecten.get((veld.related_model, waarde))
        return (
            _naam(obj)
            if obj is not None
            else f"{veld.related_model._meta.verbose_name} {waarde} (verwijderd)"
        )
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, datetime):
        return datum_tijd_tekst(waarde)
    if isinstance(waarde, date):
        return date_format(waarde, "j F Y")
    if isinstance(waarde, Decimal):
        return format_getal(waarde)
    if isinstance(waarde, list | tuple):
        return ", ".join(str(w) for w in waarde) or LEEG
    return str(waarde)


@dataclass
class _Bron:
    """One history queryset and what is needed to read it."""

    queryset: models.QuerySet
    velden: list[models.Field]
    m2m: list[models.ManyToManyField]
    historie_fks: list[models.Field]

    @property
    def model(self):
        return self.queryset.model.instance_type


def _bron(queryset, verborgen: Collection[str], namen_tonen: bool) -> _Bron:
    historie = queryset.model
    model = historie.instance_type
    gebruiker = get_user_model()
    velden = [
        f
        for f in historie.tracked_fields
        if f.name not in verborgen
        and f.editable
        and not f.primary_key
        and f.name != model._meta.pk.name
        # Who may not see names sees no field that points at a person either (trekker, auteur, …).
        and (namen_tonen or f.related_model is not gebruiker)
    ]
    m2m = [f for f in historie._history_m2m_fields if f.name not in verborgen]
    # A one-to-one field points at one object too (an opdrachtbeschrijving at its activity).
    fks = [f for f in historie.tracked_fields if f.many_to_one or f.one_to_one]
    return _Bron(queryset=queryset, velden=velden, m2m=m2m, historie_fks=fks)


def geschiedenis(
    bronnen: Sequence[models.QuerySet],
    *,
    pagina=1,
    per_pagina: int = PER_PAGINA,
    verborgen_velden: Mapping[type[models.Model], Collection[str]] | None = None,
    opmaak: Opmaak | None = None,
    namen_tonen: bool = True,
) -> Page:
    """One page of the merged history of `bronnen` (simple_history querysets), newest first.

    `pagina` may be anything a user typed: Paginator.get_page turns nonsense into page 1 and too high into the last
    page. The page's `object_list` holds `Geschiedenisregel`s. `verborgen_velden` names, per model, the fields this
    reader may not see (they are left out of every entry); `namen_tonen=False` hides who made each change and
    every field that names a person (the college sees roles, not names); `opmaak` formats single fields the caller knows better.
    """
    verborgen_velden = verborgen_velden or {}
    opmaak = opmaak or {}
    gelezen = [_bron(qs, verborgen_velden.get(qs.model.instance_type, ()), namen_tonen) for qs in bronnen]
    sleutels = [
        b.queryset.order_by()
        .annotate(_bron=Value(i, output_field=IntegerField()))
        .values_list("history_date", "history_id", "_bron")
        for i, b in enumerate(gelezen)
    ]
    samen = sleutels[0].union(*sleutels[1:], all=True) if len(sleutels) > 1 else sleutels[0]
    samen = samen.order_by("-history_date", "-_bron", "-history_id")
    page = Paginator(samen, per_pagina, allow_empty_first_page=True).get_page(pagina)

    per_bron: dict[int, list[int]] = defaultdict(list)
    volgorde = list(page.object_list)
    for _, history_id, index in volgorde:
        per_bron[index].append(history_id)

    records: dict[tuple[int, int], object] = {}
    vorige: dict[tuple[int, int], object] = {}
    m2m_waarden: dict[tuple[int, str, int], tuple] = {}
    te_zoeken: dict[type[models.Model], set] = defaultdict(set)
    for index, ids in per_bron.items():
        bron = gelezen[index]
        historie = bron.queryset.model
        pk = bron.model._meta.pk.attname
        voorganger = (
            historie.objects.filter(**{pk: OuterRef(pk)}, history_id__lt=OuterRef("history_id"))
            .order_by("-history_id")
            .values("history_id")[:1]
        )
        rijen = list(
            historie.objects.filter(history_id__in=ids)
            .select_related("history_user")
            .annotate(_vorige=Subquery(voorganger))
        )
        voorgangers = {
            v.history_id: v
            for v in historie.objects.filter(history_id__in=[r._vorige for r in rijen if r._vorige])
        }
        for rij in rijen:
            records[index, rij.history_id] = rij
            if rij._vorige:
                vorige[index, rij.history_id] = voorgangers[rij._vorige]
        alle = [*rijen, *voorgangers.values()]
        # All foreign keys, also hidden ones: the object's name may mention its parent.
        for veld in bron.historie_fks:
            if veld.is_relation:
                te_zoeken[veld.related_model].update(
                    w for r in alle if (w := getattr(r, veld.attname)) is not None
                )
        for veld in bron.m2m:
            tussen = getattr(historie, veld.name).model
            doel = veld.m2m_reverse_field_name()
            waarden = defaultdict(list)
            for history_id, doel_id in tussen.objects.filter(
                history_id__in=[r.history_id for r in alle]
            ).values_list("history_id", f"{doel}_id"):
                waarden[history_id].append(doel_id)
                te_zoeken[veld.related_model].add(doel_id)
            for r in alle:
                m2m_waarden[index, veld.name, r.history_id] = tuple(sorted(waarden[r.history_id]))

    objecten = _objecten_ophalen(te_zoeken)
    page.object_list = [
        _regel(
            gelezen[index],
            records[index, history_id],
            vorige.get((index, history_id)),
            m2m_waarden,
            index,
            objecten,
            opmaak,
            namen_tonen,
        )
        for _, history_id, index in volgorde
    ]
    return page


def _objecten_ophalen(te_zoeken: Mapping[type[models.Model], set]) -> dict:
    """The objects the foreign keys point at, one query per related model.

    `select_related()` follows the non-null foreign keys, so a name that mentions its parent (an opdrachtbeschrijving
    is named after its activity) costs no query per object.
    """
    gebruiker = get_user_model()
    objecten = {}
    for model, pks in te_zoeken.items():
        if not pks:
            continue
        qs = model._base_manager.filter(pk__in=pks)
        if model is not gebruiker:
            qs = qs.select_related()
        for obj in qs:
            objecten[model, obj.pk] = obj
    return objecten


def _regel(
    bron: _Bron, record, vorig, m2m_waarden, index, objecten, opmaak, namen_tonen
) -> Geschiedenisregel:
    model = bron.model
    soort = SOORTEN.get(record.history_type, record.history_type)
    wijzigingen = []
    for veld in bron.velden:
        nieuw = getattr(record, veld.attname)
        oud = getattr(vorig, veld.attname) if vorig is not None else None
        if record.history_type == "-" or (vorig is not None and oud == nieuw):
            continue
        if vorig is None and nieuw in (None, "", []):
            continue
        maak = opmaak.get((model, veld.name))
        oud_tekst = _opgemaakt(veld, oud, vorig, maak, objecten) if vorig is not None else LEEG
        nieuw_tekst = _opgemaakt(veld, nieuw, record, maak, objecten)
        wijzigingen.append(Veldwijziging(str(veld.verbose_name).capitalize(), oud_tekst, nieuw_tekst))
    for veld in bron.m2m:
        if record.history_type == "-":
            continue
        nieuw = m2m_waarden[index, veld.name, record.history_id]
        oud = m2m_waarden[index, veld.name, vorig.history_id] if vorig is not None else ()
        if oud == nieuw:
            continue
        wijzigingen.append(
            Veldwijziging(
                str(veld.verbose_name).capitalize(),
                ", ".join(_tekst(veld, pk, objecten) for pk in oud) or LEEG,
                ", ".join(_tekst(veld, pk, objecten) for pk in nieuw) or LEEG,
            )
        )
    return Geschiedenisregel(
        wanneer=record.history_date,
        wie=_wie(record) if namen_tonen else "naam niet getoond",
        object_soort=str(model._meta.verbose_name).capitalize(),
        object_naam=_objectnaam(bron, record, objecten),
        soort=soort,
        bron=bron_tekst(record.history_change_reason),
        wijzigingen=wijzigingen,
    )


def _opgemaakt(veld, waarde, record, maak, objecten) -> str:
    if maak is None or waarde is None or waarde == "":
        return _tekst(veld, waarde, objecten)
    return maak(waarde, record)


def _objectnaam(bron: _Bron, record, objecten) -> str:
    """str() of the object as it was, with its foreign keys taken from what was already fetched (no queries)."""
    instance = record.instance
    for veld in bron.historie_fks:
        if veld.is_relation:
            obj = objecten.get((veld.related_model, getattr(record, veld.attname)))
            if obj is not None:
                setattr(instance, veld.name, obj)
    try:
        return str(instance)
    except ObjectDoesNotExist:
        return f"{bron.model._meta.verbose_name} {record.pk}"
