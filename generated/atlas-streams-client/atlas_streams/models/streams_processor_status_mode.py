from .._enums import OpenStrEnum


class StreamsProcessorStatusMode(OpenStrEnum):
    FORCED = "FORCED"
    GRACEFUL = "GRACEFUL"

    def __str__(self) -> str:
        return str(self.value)
