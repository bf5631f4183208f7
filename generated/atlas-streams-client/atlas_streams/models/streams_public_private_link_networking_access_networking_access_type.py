from .._enums import OpenStrEnum


class StreamsPublicPrivateLinkNetworkingAccessNetworkingAccessType(OpenStrEnum):
    PRIVATE_LINK = "PRIVATE_LINK"
    PUBLIC = "PUBLIC"

    def __str__(self) -> str:
        return str(self.value)
