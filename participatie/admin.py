from django.contrib import admin

from simple_history.admin import SimpleHistoryAdmin

from bronnen.admin import DatakwaliteitInline
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
class InkoopfaseAdmin(SimpleHistoryAdmin):
    list_display = ("nummer", "naam", "start_kwartaal", "eind_kwartaal")
    # The source's spelling ("Dialoofase") is kept in a data-quality note; searching finds the phase by it.
    search_fields = ("naam", "datakwaliteit__citaat")
    inlines = [InkoopstapInline, KernelementInline, DatakwaliteitInline]


@admin.register(Contractdatum)
class ContractdatumAdmin(SimpleHistoryAdmin):
    list_display = ("onderwerp", "datum", "is_doeldatum", "bron")


@admin.register(Participatiestap)
class ParticipatiestapAdmin(SimpleHistoryAdmin):
    list_display = ("nummer", "naam")


@admin.register(Communicatielijn)
class CommunicatielijnAdmin(SimpleHistoryAdmin):
    list_display = ("volgorde", "naam")
    inlines = [DatakwaliteitInline]


@admin.register(Communicatiebudget)
class CommunicatiebudgetAdmin(SimpleHistoryAdmin):
    list_display = ("omschrijving", "bedrag_van", "bedrag_tot", "bron")
    filter_horizontal = ("communicatielijnen",)
    inlines = [DatakwaliteitInline]


@admin.register(Communicatienorm)
class CommunicatienormAdmin(SimpleHistoryAdmin):
    list_display = ("middel", "communicatielijn", "minimaal_aantal", "per", "bron")
