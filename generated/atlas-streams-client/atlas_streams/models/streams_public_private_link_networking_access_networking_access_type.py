from enum import StrEnum


class StreamsPublicPrivateLinkNetworkingAccessNetworkingAccessType(StrEnum):
    PRIVATE_LINK = "PRIVATE_LINK"
    PUBLIC = "PUBLIC"

    def __str__(self) -> str:
        return str(self.value)
