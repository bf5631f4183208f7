from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AzureConnection")


@_attrs_define
class AzureConnection:
    """Azure settings that a connection uses to reach a storage account.

    Attributes:
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        region (str | Unset): Azure region of the storage account. Deprecated.
        service_principal_id (str | Unset): ID of the Azure service principal that is allowed to access the storage
            account.
        storage_account_name (str | Unset): Name of the Azure storage account the connection targets.
    """

    links: list[Link] | Unset = UNSET
    region: str | Unset = UNSET
    service_principal_id: str | Unset = UNSET
    storage_account_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "links": "links",
        "region": "region",
        "service_principal_id": "servicePrincipalId",
        "storage_account_name": "storageAccountName",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "links",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        region = self.region

        service_principal_id = self.service_principal_id

        storage_account_name = self.storage_account_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if links is not UNSET:
            field_dict["links"] = links
        if region is not UNSET:
            field_dict["region"] = region
        if service_principal_id is not UNSET:
            field_dict["servicePrincipalId"] = service_principal_id
        if storage_account_name is not UNSET:
            field_dict["storageAccountName"] = storage_account_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        region = d.pop("region", UNSET)

        service_principal_id = d.pop("servicePrincipalId", UNSET)

        storage_account_name = d.pop("storageAccountName", UNSET)

        azure_connection = cls(
            links=links,
            region=region,
            service_principal_id=service_principal_id,
            storage_account_name=storage_account_name,
        )

        azure_connection.additional_properties = d
        return azure_connection

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
