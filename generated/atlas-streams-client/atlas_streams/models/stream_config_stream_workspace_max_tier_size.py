from .._enums import OpenStrEnum


class StreamConfigStreamWorkspaceMaxTierSize(OpenStrEnum):
    SP10 = "SP10"
    SP2 = "SP2"
    SP30 = "SP30"
    SP5 = "SP5"
    SP50 = "SP50"

    def __str__(self) -> str:
        return str(self.value)
