from enum import StrEnum


class SchemaRegistryAuthenticationBaseType(StrEnum):
    SASL_INHERIT = "SASL_INHERIT"
    USER_INFO = "USER_INFO"

    def __str__(self) -> str:
        return str(self.value)
