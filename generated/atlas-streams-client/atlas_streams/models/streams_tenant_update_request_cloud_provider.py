from .._enums import OpenStrEnum


class StreamsTenantUpdateRequestCloudProvider(OpenStrEnum):
    AWS = "AWS"
    AZURE = "AZURE"
    GCP = "GCP"
    SERVERLESS = "SERVERLESS"
    TENANT = "TENANT"

    def __str__(self) -> str:
        return str(self.value)
