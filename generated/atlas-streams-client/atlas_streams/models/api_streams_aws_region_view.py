from .._enums import OpenStrEnum


class ApiStreamsAWSRegionView(OpenStrEnum):
    DUBLIN_IRL = "DUBLIN_IRL"
    FRANKFURT_DEU = "FRANKFURT_DEU"
    LONDON_GBR = "LONDON_GBR"
    MONTREAL_CAN = "MONTREAL_CAN"
    MUMBAI_IND = "MUMBAI_IND"
    OHIO_USA = "OHIO_USA"
    OREGON_USA = "OREGON_USA"
    PARIS_FRA = "PARIS_FRA"
    SAOPAULO_BRA = "SAOPAULO_BRA"
    SEOUL_KOR = "SEOUL_KOR"
    SINGAPORE_SGP = "SINGAPORE_SGP"
    SYDNEY_AUS = "SYDNEY_AUS"
    TOKYO_JPN = "TOKYO_JPN"
    VIRGINIA_USA = "VIRGINIA_USA"

    def __str__(self) -> str:
        return str(self.value)
