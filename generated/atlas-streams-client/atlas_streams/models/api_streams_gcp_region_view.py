from .._enums import OpenStrEnum


class ApiStreamsGCPRegionView(OpenStrEnum):
    EUROPE_WEST1 = "EUROPE_WEST1"
    US_CENTRAL1 = "US_CENTRAL1"
    US_EAST4 = "US_EAST4"

    def __str__(self) -> str:
        return str(self.value)
