"""
How the API writes its resources: field names in camelCase, links as HAL (`_links` with `href`), dates in ISO 8601.
One module per topic, as api/views/; import the serializers from here.

The serializers only shape what api/selectors.py read (an edition, or dicts from its snapshot) and describe it
for the OpenAPI document (drf-spectacular reads their fields and help texts). A section's content is the snapshot
as stored, its keys in camelCase (`als_camelcase`); figures in it stay decimal text ("47.3000") as the snapshot
keeps them, so nothing is rounded. Where a resource has its own serializer, figures are JSON numbers.

- `basis`: camelCase keys (`camelcase`, `als_camelcase`), links (`absoluut`, `link`, `LinkSerializer`, the links
  of a page), figures as numbers (`GetalField`) and the error (`ProbleemSerializer`); the lowest module.
- `publicaties`: an edition (`EditieSerializer`, `EditieDetailSerializer`) and one section of it
  (`SectieSerializer`, `sectie_gegevens`).
- `indicatorreeksen`: the indicator series (`ReeksSamenvattingSerializer`, `ReeksSerializer` and its parts).
- `voortgang`: actielijnen, activiteiten (with their milestones) and moties.
- `documentatie`: the entry point (`StartSerializer`).
"""

from api.serializers.basis import (
    HERNOEMD,
    GetalField,
    LinkSerializer,
    OngeldigeParameterSerializer,
    PaginaLinksSerializer,
    ProbleemSerializer,
    ZelfLinksSerializer,
    absoluut,
    als_camelcase,
    camelcase,
    link,
)
from api.serializers.documentatie import StartLinksSerializer, StartSerializer
from api.serializers.indicatorreeksen import (
    DoelSerializer,
    EditieKortSerializer,
    IndicatorSerializer,
    NotitieSerializer,
    ReeksLinksSerializer,
    ReeksSamenvattingSerializer,
    ReeksSerializer,
    WaardeSerializer,
)
from api.serializers.publicaties import (
    EditieDetailSerializer,
    EditieLinksSerializer,
    EditieSerializer,
    SectieLinksSerializer,
    SectieSamenvattingSerializer,
    SectieSerializer,
    sectie_gegevens,
)
from api.serializers.voortgang import (
    ActielijnSerializer,
    ActiviteitDetailSerializer,
    ActiviteitSerializer,
    CodeNaamSerializer,
    MijlpaalSerializer,
    MotieSerializer,
)

__all__ = [
    "HERNOEMD",
    "ActielijnSerializer",
    "ActiviteitDetailSerializer",
    "ActiviteitSerializer",
    "CodeNaamSerializer",
    "DoelSerializer",
    "EditieDetailSerializer",
    "EditieKortSerializer",
    "EditieLinksSerializer",
    "EditieSerializer",
    "GetalField",
    "IndicatorSerializer",
    "LinkSerializer",
    "MijlpaalSerializer",
    "MotieSerializer",
    "NotitieSerializer",
    "OngeldigeParameterSerializer",
    "PaginaLinksSerializer",
    "ProbleemSerializer",
    "ReeksLinksSerializer",
    "ReeksSamenvattingSerializer",
    "ReeksSerializer",
    "SectieLinksSerializer",
    "SectieSamenvattingSerializer",
    "SectieSerializer",
    "StartLinksSerializer",
    "StartSerializer",
    "WaardeSerializer",
    "ZelfLinksSerializer",
    "absoluut",
    "als_camelcase",
    "camelcase",
    "link",
    "sectie_gegevens",
]
