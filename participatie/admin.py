from django.contrib import admin

from bronnen.admin import DatakwaliteitInline, ProgrammaAdmin
from participatie.models import (
    Communicatiebudget,
    Communicatielijn,
    Communicatienorm,
    Contractdatum,
    Inkoopfase,
    Inkoopstap,
    Kernelement,
    Participatiestap,
)


class InkoopstapInline(admin.TabularInline):
    model = Inkoopstap
    extra = 0


class KernelementInline(admin.TabularInline):
    model = Kernelement
    extra = 0


@admin.register(Inkoopfase)
class InkoopfaseAdmin(ProgrammaAdmin):
    list_display = ("nummer", "naam", "start_kwartaal", "eind_kwartaal")
    # The source's spelling ("Dialoofase") is kept in a data-quality note; searching finds the phase by it.
    search_fields = ("naam", "datakwaliteit__citaat")
    inlines = [InkoopstapInline, KernelementInline, DatakwaliteitInline]


@admin.register(Contractdatum)
class ContractdatumAdmin(ProgrammaAdmin):
    list_display = ("onderwerp", "datum", "is_doeldatum", "bron")


@admin.register(Participatiestap)
class ParticipatiestapAdmin(ProgrammaAdmin):
    list_display = ("nummer", "naam")


@admin.register(Communicatielijn)
class CommunicatielijnAdmin(ProgrammaAdmin):
    list_display = ("volgorde", "naam")
    inlines = [DatakwaliteitInline]


@admin.register(Communicatiebudget)
class CommunicatiebudgetAdmin(ProgrammaAdmin):
    list_display = ("omschrijving", "bedrag_van", "bedrag_tot", "bron")
    filter_horizontal = ("communicatielijnen",)
    inlines = [DatakwaliteitInline]


@admin.register(Communicatienorm)
class CommunicatienormAdmin(ProgrammaAdmin):
    list_display = ("middel", "communicatielijn", "minimaal_aantal", "per", "bron")
