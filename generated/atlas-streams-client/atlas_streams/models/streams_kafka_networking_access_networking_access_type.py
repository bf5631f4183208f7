from .._enums import OpenStrEnum


class StreamsKafkaNetworkingAccessNetworkingAccessType(OpenStrEnum):
    PRIVATE_LINK = "PRIVATE_LINK"
    PUBLIC = "PUBLIC"
    TRANSIT_GATEWAY = "TRANSIT_GATEWAY"
    VPC = "VPC"

    def __str__(self) -> str:
        return str(self.value)
