from enum import StrEnum


class DBRoleToExecuteDBRoleType(StrEnum):
    BUILT_IN = "BUILT_IN"
    CUSTOM = "CUSTOM"

    def __str__(self) -> str:
        return str(self.value)
