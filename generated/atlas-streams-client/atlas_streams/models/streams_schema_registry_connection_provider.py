from enum import StrEnum


class StreamsSchemaRegistryConnectionProvider(StrEnum):
    CONFLUENT = "CONFLUENT"

    def __str__(self) -> str:
        return str(self.value)
