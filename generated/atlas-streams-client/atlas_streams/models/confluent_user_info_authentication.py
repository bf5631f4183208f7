from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schema_registry_authentication_base_type import SchemaRegistryAuthenticationBaseType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConfluentUserInfoAuthentication")


@_attrs_define
class ConfluentUserInfoAuthentication:
    """Schema Registry authentication of type `USER_INFO`, which signs in to Confluent Schema Registry with a user name and
    password.

        Attributes:
            type_ (SchemaRegistryAuthenticationBaseType): Discriminator that picks the authentication mechanism for
                Confluent Schema Registry.
            username (str): User name, API key or public key used to sign in.
            password (str | Unset): Password, API secret or private key used to sign in. Write-only.
    """

    type_: SchemaRegistryAuthenticationBaseType
    username: str
    password: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "type_": "type",
        "username": "username",
        "password": "password",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset({})

    def to_dict(self) -> dict[str, Any]:
        type_ = (
            self.type_.value
            if isinstance(self.type_, SchemaRegistryAuthenticationBaseType) and self.type_.is_known()
            else self.type_
        )

        username = self.username

        password = self.password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "username": username,
            }
        )
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = SchemaRegistryAuthenticationBaseType(d.pop("type"))

        username = d.pop("username")

        password = d.pop("password", UNSET)

        confluent_user_info_authentication = cls(
            type_=type_,
            username=username,
            password=password,
        )

        confluent_user_info_authentication.additional_properties = d
        return confluent_user_info_authentication

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
