from .._enums import OpenStrEnum


class SchemaRegistryAuthenticationBaseType(OpenStrEnum):
    SASL_INHERIT = "SASL_INHERIT"
    USER_INFO = "USER_INFO"

    def __str__(self) -> str:
        return str(self.value)
