from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsKafkaSecurity")


@_attrs_define
class StreamsKafkaSecurity:
    """Transport security settings of the Kafka connection, such as the certificate to trust for SSL.

    Attributes:
        broker_public_certificate (str | Unset): Public x509 certificate to trust when connecting to Kafka over SSL.
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        protocol (str | Unset): Transport protocol, one of `SASL_PLAINTEXT`, `SASL_SSL` or `SSL`.
    """

    broker_public_certificate: str | Unset = UNSET
    links: list[Link] | Unset = UNSET
    protocol: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "broker_public_certificate": "brokerPublicCertificate",
        "links": "links",
        "protocol": "protocol",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "links",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        broker_public_certificate = self.broker_public_certificate

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        protocol = self.protocol

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if broker_public_certificate is not UNSET:
            field_dict["brokerPublicCertificate"] = broker_public_certificate
        if links is not UNSET:
            field_dict["links"] = links
        if protocol is not UNSET:
            field_dict["protocol"] = protocol

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        broker_public_certificate = d.pop("brokerPublicCertificate", UNSET)

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        protocol = d.pop("protocol", UNSET)

        streams_kafka_security = cls(
            broker_public_certificate=broker_public_certificate,
            links=links,
            protocol=protocol,
        )

        streams_kafka_security.additional_properties = d
        return streams_kafka_security

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


# The models this one refers to, imported after the class rather than in its methods (the library's way):
# a model that refers back to this one (an allOf or oneOf cycle) finds it defined, and no call of
# to_dict or from_dict pays for import statements.
from ..models.link import Link
