from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.stream_config_stream_workspace_max_tier_size import StreamConfigStreamWorkspaceMaxTierSize
from ..models.stream_config_stream_workspace_tier import StreamConfigStreamWorkspaceTier
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamConfig")


@_attrs_define
class StreamConfig:
    """Sizing options of an Atlas Stream Processing workspace.

    Attributes:
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        max_tier_size (StreamConfigStreamWorkspaceMaxTierSize | Unset): Largest tier the workspace may scale to; it caps
            the memory and vCPU available.
        tier (StreamConfigStreamWorkspaceTier | Unset): Tier the workspace runs on; it sets the memory and vCPU
            available.
    """

    links: list[Link] | Unset = UNSET
    max_tier_size: StreamConfigStreamWorkspaceMaxTierSize | Unset = UNSET
    tier: StreamConfigStreamWorkspaceTier | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "links": "links",
        "max_tier_size": "maxTierSize",
        "tier": "tier",
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

        max_tier_size: str | Unset = UNSET
        if not isinstance(self.max_tier_size, Unset):
            max_tier_size = (
                self.max_tier_size.value
                if isinstance(self.max_tier_size, StreamConfigStreamWorkspaceMaxTierSize)
                and self.max_tier_size.is_known()
                else self.max_tier_size
            )

        tier: str | Unset = UNSET
        if not isinstance(self.tier, Unset):
            tier = (
                self.tier.value
                if isinstance(self.tier, StreamConfigStreamWorkspaceTier) and self.tier.is_known()
                else self.tier
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if links is not UNSET:
            field_dict["links"] = links
        if max_tier_size is not UNSET:
            field_dict["maxTierSize"] = max_tier_size
        if tier is not UNSET:
            field_dict["tier"] = tier

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

        _max_tier_size = d.pop("maxTierSize", UNSET)
        max_tier_size: StreamConfigStreamWorkspaceMaxTierSize | Unset
        if isinstance(_max_tier_size, Unset):
            max_tier_size = UNSET
        else:
            max_tier_size = StreamConfigStreamWorkspaceMaxTierSize(_max_tier_size)

        _tier = d.pop("tier", UNSET)
        tier: StreamConfigStreamWorkspaceTier | Unset
        if isinstance(_tier, Unset):
            tier = UNSET
        else:
            tier = StreamConfigStreamWorkspaceTier(_tier)

        stream_config = cls(
            links=links,
            max_tier_size=max_tier_size,
            tier=tier,
        )

        stream_config.additional_properties = d
        return stream_config

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
