from .._enums import OpenStrEnum


class ApiStreamsAzureRegionView(OpenStrEnum):
    AUSTRALIAEAST = "australiaeast"
    BRAZILSOUTH = "brazilsouth"
    EASTUS = "eastus"
    EASTUS2 = "eastus2"
    WESTEUROPE = "westeurope"
    WESTUS = "westus"

    def __str__(self) -> str:
        return str(self.value)
