from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schema_registry_authentication_base_type import SchemaRegistryAuthenticationBaseType

T = TypeVar("T", bound="ConfluentUserInfoAuthentication")


@_attrs_define
class ConfluentUserInfoAuthentication:
    """Schema Registry authentication of type `USER_INFO`, which signs in to Confluent Schema Registry with a user name and
    password.

        Attributes:
            type_ (SchemaRegistryAuthenticationBaseType): Discriminator that picks the authentication mechanism for
                Confluent Schema Registry.
            password (str): Password, API secret or private key used to sign in. Write-only.
            username (str): User name, API key or public key used to sign in.
    """

    type_: SchemaRegistryAuthenticationBaseType
    password: str
    username: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "type_": "type",
        "password": "password",
        "username": "username",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset({})

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        password = self.password

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "password": password,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = SchemaRegistryAuthenticationBaseType(d.pop("type"))

        password = d.pop("password")

        username = d.pop("username")

        confluent_user_info_authentication = cls(
            type_=type_,
            password=password,
            username=username,
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
