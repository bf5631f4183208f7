from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.schema_registry_authentication_base_type import SchemaRegistryAuthenticationBaseType

T = TypeVar("T", bound="ConfluentSaslInheritAuthentication")


@_attrs_define
class ConfluentSaslInheritAuthentication:
    """Schema Registry authentication of type `SASL_INHERIT`, which reuses the SASL credentials of the Kafka connection.

    Attributes:
        type_ (SchemaRegistryAuthenticationBaseType): Discriminator that picks the authentication mechanism for
            Confluent Schema Registry.
    """

    type_: SchemaRegistryAuthenticationBaseType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "type_": "type",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset({})

    def to_dict(self) -> dict[str, Any]:
        type_ = (
            self.type_.value
            if isinstance(self.type_, SchemaRegistryAuthenticationBaseType) and self.type_.is_known()
            else self.type_
        )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = SchemaRegistryAuthenticationBaseType(d.pop("type"))

        confluent_sasl_inherit_authentication = cls(
            type_=type_,
        )

        confluent_sasl_inherit_authentication.additional_properties = d
        return confluent_sasl_inherit_authentication

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
