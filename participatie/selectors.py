"""What pages read from participatie: the communication agreements of the plan (§4.2)."""

from dataclasses import dataclass

from participatie.models import Communicatiebudget, Communicatienorm


@dataclass(frozen=True)
class Communicatieafspraken:
    budgetten: list[Communicatiebudget]
    normen: list[Communicatienorm]

    def __bool__(self) -> bool:
        return bool(self.budgetten or self.normen)


def communicatieafspraken() -> Communicatieafspraken:
    """The communication budget(s) and norms with their lines and notes (4 queries)."""
    return Communicatieafspraken(
        budgetten=list(Communicatiebudget.objects.prefetch_related("communicatielijnen", "datakwaliteit")),
        normen=list(Communicatienorm.objects.select_related("communicatielijn")),
    )
