from .._enums import OpenStrEnum


class StreamsDataProcessRegionCloudProvider(OpenStrEnum):
    AWS = "AWS"
    AZURE = "AZURE"
    GCP = "GCP"
    SERVERLESS = "SERVERLESS"
    TENANT = "TENANT"

    def __str__(self) -> str:
        return str(self.value)
