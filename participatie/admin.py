from django.contrib import admin

from simple_history.admin import SimpleHistoryAdmin

from participatie.models import (
    Communicatielijn,
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
    inlines = [InkoopstapInline, KernelementInline]


@admin.register(Contractdatum)
class ContractdatumAdmin(SimpleHistoryAdmin):
    list_display = ("onderwerp", "datum", "is_doeldatum", "bron")


@admin.register(Participatiestap)
class ParticipatiestapAdmin(SimpleHistoryAdmin):
    list_display = ("nummer", "naam")


@admin.register(Communicatielijn)
class CommunicatielijnAdmin(SimpleHistoryAdmin):
    list_display = ("volgorde", "naam")
