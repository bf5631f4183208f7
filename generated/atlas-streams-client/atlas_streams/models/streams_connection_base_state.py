from enum import StrEnum


class StreamsConnectionBaseState(StrEnum):
    DELETING = "DELETING"
    FAILED = "FAILED"
    PENDING = "PENDING"
    READY = "READY"

    def __str__(self) -> str:
        return str(self.value)
