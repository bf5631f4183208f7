from .._enums import OpenStrEnum


class StreamsSchemaRegistryConnectionProvider(OpenStrEnum):
    CONFLUENT = "CONFLUENT"

    def __str__(self) -> str:
        return str(self.value)
