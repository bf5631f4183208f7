from .._enums import OpenStrEnum


class StreamsProcessorStatusStatus(OpenStrEnum):
    FAILED_OVER = "FAILED_OVER"
    STARTED = "STARTED"
    STOPPED = "STOPPED"

    def __str__(self) -> str:
        return str(self.value)
