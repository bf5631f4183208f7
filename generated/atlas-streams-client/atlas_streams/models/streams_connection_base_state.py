from .._enums import OpenStrEnum


class StreamsConnectionBaseState(OpenStrEnum):
    DELETING = "DELETING"
    FAILED = "FAILED"
    PENDING = "PENDING"
    READY = "READY"

    def __str__(self) -> str:
        return str(self.value)
