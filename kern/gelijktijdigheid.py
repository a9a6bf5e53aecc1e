"""No lost updates: a stale form is refused, with what the other person changed.

Every edit form carries a hidden field with the values of the object's editable fields as the form was loaded,
signed (django.core.signing) so they cannot be forged. The service that saves locks the row
(`select_for_update()`) and compares those values with what is stored now; if anything differs it raises
`GelijktijdigeWijziging`: field label, the value the user saw, the value stored now, and from the object's
history who changed it and when. Nothing is saved; the form comes back with the user's own input and a fresh
token, so saving again is a conscious overwrite. No migration and no version column: it works for every model,
the admin included (`GelijktijdigAdminMixin`).

The bottom floor: every app may use this.
"""

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.text import Truncator, capfirst

VELDNAAM = "origineel"
ZOUT = "kern.gelijktijdigheid"
# Values never put into a page, not even signed (signed is readable): only a digest travels.
GEHEIME_VELDEN = frozenset({"password"})

MELDING_ONGELDIG = (
    "De controlegegevens van dit formulier zijn ongeldig of beschadigd. Er is niets opgeslagen. "
    "Open het formulier opnieuw en voer uw wijziging nog eens in."
)
MELDING_ONTBREEKT = (
    "De controlegegevens van dit formulier ontbreken. Er is niets opgeslagen. Open het formulier opnieuw."
)
LEEG = "(leeg)"


# --- The signed token ----------------------------------------------------------------------------------------


def doel_van(obj) -> str:
    """What a token is for: one object. A token made for another object does not verify (it is the salt)."""
    return f"{obj._meta.label_lower}:{obj.pk}"


def ondertekenen(waarden: dict, *, doel: str) -> str:
    """Sign `waarden` (JSON) for `doel`.

    Without a timestamp: the same values give the same token, so a page that did not change stays byte for byte
    the same (the raad boundary test crawls the griffie's motie form before and after live changes).
    """
    return signing.Signer(salt=f"{ZOUT}:{doel}").sign_object(waarden, compress=True)


def ontcijferen(token: str, *, doel: str) -> dict:
    """The values a token carries; a forged, damaged or misplaced token gives a Dutch ValidationError.

    No max_age: a form may be open for hours, and a stale form is exactly what the comparison handles.
    """
    try:
        waarden = signing.Signer(salt=f"{ZOUT}:{doel}").unsign_object(token)
    except (signing.BadSignature, ValueError, UnicodeError) as exc:
        raise ValidationError(MELDING_ONGELDIG, code="gelijktijdig_ongeldig") from exc
    if not isinstance(waarden, dict):
        raise ValidationError(MELDING_ONGELDIG, code="gelijktijdig_ongeldig")
    return waarden


def _json(waarde):
    """The value as it comes back out of a token, so stored and seen values compare like with like."""
    return json.loads(json.dumps(waarde, cls=DjangoJSONEncoder))


def _ruwe_waarde(obj, naam: str):
    if "." in naam:  # a key of a JSON field, e.g. "toelichtingen.risicobeheersing"
        veld, sleutel = naam.split(".", 1)
        return (getattr(obj, veld) or {}).get(sleutel, "")
    veld = obj._meta.get_field(naam)
    if veld.many_to_many:
        return sorted(o.pk for o in veld.value_from_object(obj)) if obj.pk else []
    waarde = veld.value_from_object(obj)
    if naam in GEHEIME_VELDEN:
        return hashlib.sha256(str(waarde).encode()).hexdigest()
    return waarde


def waarden_van(obj, velden) -> dict:
    """The JSON values of `velden` of `obj` (model fields, or "jsonveld.sleutel")."""
    return {naam: _json(_ruwe_waarde(obj, naam)) for naam in velden}


def token_voor(obj, velden) -> str:
    """The hidden token for a form that edits `velden` of `obj`."""
    return ondertekenen(waarden_van(obj, velden), doel=doel_van(obj))


# --- Showing a value -----------------------------------------------------------------------------------------


def _datum_tijd(moment: datetime) -> str:
    with translation.override("nl"):
        lokaal = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        return f"{date_format(lokaal, 'j F Y')} om {date_format(lokaal, 'H:i')}"


def _weergave_veld(veld, waarde) -> str:
    """A stored value as a person reads it: labels of choices, names of linked objects, Dutch dates."""
    if veld.name in GEHEIME_VELDEN:
        return "(verborgen)"
    if veld.many_to_many:
        if not waarde:
            return "(geen)"
        objecten = veld.related_model._base_manager.filter(pk__in=waarde)
        return ", ".join(sorted(str(o) for o in objecten))
    if waarde is None or waarde == "":
        return LEEG
    if veld.choices:
        return str(dict(veld.flatchoices).get(waarde, waarde))
    if veld.is_relation:
        gekoppeld = veld.related_model._base_manager.filter(pk=waarde).first()
        return str(gekoppeld) if gekoppeld is not None else str(waarde)
    with translation.override("nl"):
        if isinstance(veld, models.DateTimeField):
            return _datum_tijd(datetime.fromisoformat(waarde))
        if isinstance(veld, models.DateField):
            return date_format(date.fromisoformat(waarde), "j F Y")
        if isinstance(veld, models.BooleanField):
            return "ja" if waarde else "nee"
        if isinstance(veld, models.DecimalField | models.FloatField):
            return number_format(waarde, use_l10n=True, force_grouping=True)
    if isinstance(waarde, dict | list):
        return Truncator(json.dumps(waarde, ensure_ascii=False)).chars(300)
    return Truncator(str(waarde)).chars(300)


def _weergave_tekst(waarde) -> str:
    if waarde is None or waarde == "":
        return LEEG
    return Truncator(str(waarde)).chars(300)


def _label(obj, naam: str, labels: dict) -> str:
    if naam in labels:
        return labels[naam]
    veld = obj._meta.get_field(naam.split(".", 1)[0])
    label = capfirst(str(veld.verbose_name))
    return f"{label} ({naam.split('.', 1)[1]})" if "." in naam else label


# --- The conflict --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Wijziging:
    """One field the other person changed: what this user saw and what is stored now, both readable."""

    label: str
    gezien: str
    nu: str


def laatste_wijziging(obj) -> tuple[str, datetime | None]:
    """Who made the latest change to `obj` and when, from django-simple-history (if the model keeps it)."""
    historie = getattr(obj, "history", None)
    if historie is None or obj.pk is None:
        return "", None
    record = historie.select_related("history_user").order_by("-history_date", "-history_id").first()
    if record is None:
        return "", None
    persoon = record.history_user
    if persoon is None:
        return "", record.history_date
    naam = persoon.weergavenaam() if hasattr(persoon, "weergavenaam") else str(persoon)
    return naam, record.history_date


class GelijktijdigeWijziging(ValidationError):
    """Someone else saved this object after the form was opened; nothing was saved.

    Carries the changes (`wijzigingen`), who (`door`) and when (`op`), and `nieuw_token`: the token of what is
    stored now, so the form can be shown again with the user's own input and saving again overwrites knowingly.
    """

    def __init__(
        self,
        message,
        code="gelijktijdige_wijziging",
        params=None,
        *,
        wijzigingen=(),
        door="",
        op=None,
        nieuw_token="",
    ):
        super().__init__(message, code, params)
        self.wijzigingen = list(wijzigingen)
        self.door, self.op, self.nieuw_token = door, op, nieuw_token

    @property
    def melding(self) -> str:
        return self.message

    @property
    def wie_wanneer(self) -> str:
        """'Mira Manager wijzigde dit op 23 november 2026 om 14:02, nadat u het formulier opende.'"""
        wie = self.door or "Iemand anders"
        wanneer = f" op {_datum_tijd(self.op)}" if self.op else ""
        return f"{wie} wijzigde dit{wanneer}, nadat u het formulier opende."

    @classmethod
    def maken(
        cls, *, wijzigingen, historie_van, nieuw_token: str, door: str = "", op: datetime | None = None
    ) -> "GelijktijdigeWijziging":
        """The refusal for `wijzigingen`; who and when from `historie_van`'s history, or as given (`door`, `op`)
        for a token that covers several rows (e.g. the wijken of an activity)."""
        if historie_van is not None:
            door, op = laatste_wijziging(historie_van)
        fout = cls("", wijzigingen=wijzigingen, door=door, op=op, nieuw_token=nieuw_token)
        verschillen = "; ".join(f"{w.label}: {w.gezien} → {w.nu}" for w in fout.wijzigingen)
        fout.message = (
            f"{fout.wie_wanneer} {verschillen}. Uw wijziging is niet opgeslagen; uw invoer staat nog in het "
            "formulier. Sla opnieuw op als u de opgeslagen waarden wilt vervangen door de uwe."
        )
        fout.args = (fout.message, fout.code, fout.params)
        return fout


def controleren(obj, *, gezien: dict, labels: dict | None = None) -> None:
    """Compare what the user saw with `obj` as stored now; raise GelijktijdigeWijziging if anything differs.

    Call it on the row locked with select_for_update(), inside the transaction that saves, so nobody can save
    between the check and the write. Compares the fields the token names (it is signed, so it names the fields
    the form was made with).
    """
    labels = labels or {}
    huidig = waarden_van(obj, gezien.keys())
    wijzigingen = []
    for naam, nu in huidig.items():
        if gezien[naam] == nu:
            continue
        if "." in naam:
            weergave = _weergave_tekst
        else:
            veld = obj._meta.get_field(naam)
            weergave = lambda w, veld=veld: _weergave_veld(veld, w)  # noqa: E731
        wijzigingen.append(Wijziging(_label(obj, naam, labels), weergave(gezien[naam]), weergave(nu)))
    if wijzigingen:
        raise GelijktijdigeWijziging.maken(
            wijzigingen=wijzigingen, historie_van=obj, nieuw_token=ondertekenen(huidig, doel=doel_van(obj))
        )


def vergrendeld(obj):
    """`obj` read anew and locked for the rest of the transaction (unlocked outside one)."""
    manager = type(obj)._base_manager
    if transaction.get_connection().in_atomic_block:
        manager = manager.select_for_update()
    return manager.get(pk=obj.pk)


# --- Forms ---------------------------------------------------------------------------------------------------


class OrigineelVeld(forms.CharField):
    """The hidden field with the signed values the form was loaded with; cleans to those values (a dict)."""

    widget = forms.HiddenInput

    def __init__(self, *, doel: str, waarden: dict, **kwargs):
        kwargs.setdefault("label", "Controlegegevens")
        kwargs.setdefault("error_messages", {"required": MELDING_ONTBREEKT})
        super().__init__(initial=ondertekenen(waarden, doel=doel), strip=False, **kwargs)
        self.doel = doel

    def clean(self, value):
        return ontcijferen(super().clean(value), doel=self.doel)


def origineel_toevoegen(form, obj, velden, *, doel: str | None = None, waarden: dict | None = None) -> None:
    """Give `form` the hidden token for `obj` (nothing for an object not saved yet).

    `velden` are the fields the form edits; `doel`/`waarden` for a token that is not one object's fields.
    """
    if doel is None and (obj is None or obj.pk is None):
        return
    form.fields[VELDNAAM] = OrigineelVeld(
        doel=doel or doel_van(obj), waarden=waarden if waarden is not None else waarden_van(obj, velden)
    )


def conflict_tonen(form, fout: GelijktijdigeWijziging) -> None:
    """Keep the user's input in the form, remember the conflict for the template, and put in a fresh token."""
    form.gelijktijdige_wijziging = fout
    if form.is_bound and fout.nieuw_token and VELDNAAM in form.fields:
        data = form.data.copy()
        data[form.add_prefix(VELDNAAM)] = fout.nieuw_token
        form.data = data


def modelformvelden(form) -> list[str]:
    """The model fields (and many-to-many fields) a ModelForm saves; disabled ones too (saved from initial)."""
    opties = form._meta.model._meta
    return [
        veld.name
        for veld in [*opties.concrete_fields, *opties.many_to_many]
        if veld.editable and veld.name in form.fields and veld.name != VELDNAAM
    ]


class GelijktijdigModelForm(forms.ModelForm):
    """Mixin for a ModelForm: a stale save of an existing object is refused in clean(), under a row lock.

    For the admin, whose changeform_view runs in one transaction: the lock holds until the save.
    """

    origineel = forms.CharField(required=False, widget=forms.HiddenInput, label="Controlegegevens")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            velden = modelformvelden(self)
            self.fields[VELDNAAM] = OrigineelVeld(
                doel=doel_van(self.instance), waarden=waarden_van(self.instance, velden)
            )

    def clean(self):
        data = super().clean()
        if VELDNAAM in self._errors:
            # A hidden field's error would sit in a hidden row of the admin form: show it above the form.
            self.add_error(None, ValidationError(self._errors.pop(VELDNAAM).as_data()))
        gezien = data.get(VELDNAAM)
        if self.instance.pk is not None and isinstance(gezien, dict):
            try:
                controleren(vergrendeld(self.instance), gezien=gezien)
            except GelijktijdigeWijziging as fout:
                conflict_tonen(self, fout)
                raise
        return data


_GELIJKTIJDIGE_FORMS: dict[type, type] = {}


def gelijktijdig_form(form_class: type) -> type:
    """`form_class` with GelijktijdigModelForm mixed in (one class per form class, made once)."""
    if issubclass(form_class, GelijktijdigModelForm):
        return form_class
    if form_class not in _GELIJKTIJDIGE_FORMS:
        _GELIJKTIJDIGE_FORMS[form_class] = type(form_class.__name__, (GelijktijdigModelForm, form_class), {})
    return _GELIJKTIJDIGE_FORMS[form_class]
