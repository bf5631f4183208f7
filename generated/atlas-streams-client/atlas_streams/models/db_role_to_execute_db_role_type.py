from .._enums import OpenStrEnum


class DBRoleToExecuteDBRoleType(OpenStrEnum):
    BUILT_IN = "BUILT_IN"
    CUSTOM = "CUSTOM"

    def __str__(self) -> str:
        return str(self.value)
