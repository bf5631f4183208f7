from enum import StrEnum


class StreamsDataProcessRegionCloudProvider(StrEnum):
    AWS = "AWS"
    AZURE = "AZURE"
    GCP = "GCP"
    SERVERLESS = "SERVERLESS"
    TENANT = "TENANT"

    def __str__(self) -> str:
        return str(self.value)
