from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._enums import enum_picked_by
from ..models.api_streams_aws_region_view import ApiStreamsAWSRegionView
from ..models.api_streams_azure_region_view import ApiStreamsAzureRegionView
from ..models.api_streams_gcp_region_view import ApiStreamsGCPRegionView
from ..models.streams_data_process_region_cloud_provider import StreamsDataProcessRegionCloudProvider
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsDataProcessRegion")


@_attrs_define
class StreamsDataProcessRegion:
    """Cloud provider and region in which Atlas processes the stream.

    Attributes:
        cloud_provider (StreamsDataProcessRegionCloudProvider): Cloud provider that hosts the stream processing.
        region (ApiStreamsAWSRegionView | ApiStreamsAzureRegionView | ApiStreamsGCPRegionView): Cloud provider region in
            which Atlas Stream Processing runs, taken from the region list of the chosen provider.
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
    """

    cloud_provider: StreamsDataProcessRegionCloudProvider
    region: ApiStreamsAWSRegionView | ApiStreamsAzureRegionView | ApiStreamsGCPRegionView | str
    links: list[Link] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "cloud_provider": "cloudProvider",
        "region": "region",
        "links": "links",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "links",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        cloud_provider = (
            self.cloud_provider.value
            if isinstance(self.cloud_provider, StreamsDataProcessRegionCloudProvider) and self.cloud_provider.is_known()
            else self.cloud_provider
        )

        region: str
        if isinstance(self.region, ApiStreamsAWSRegionView):
            region = (
                self.region.value
                if isinstance(self.region, ApiStreamsAWSRegionView) and self.region.is_known()
                else self.region
            )
        elif isinstance(self.region, ApiStreamsAzureRegionView):
            region = (
                self.region.value
                if isinstance(self.region, ApiStreamsAzureRegionView) and self.region.is_known()
                else self.region
            )
        else:
            region = (
                self.region.value
                if isinstance(self.region, ApiStreamsGCPRegionView) and self.region.is_known()
                else self.region
            )

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cloudProvider": cloud_provider,
                "region": region,
            }
        )
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cloud_provider = StreamsDataProcessRegionCloudProvider(d.pop("cloudProvider"))

        region = enum_picked_by(_REGION_ENUMS, d.pop("region"), src_dict.get("cloudProvider"))

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        streams_data_process_region = cls(
            cloud_provider=cloud_provider,
            region=region,
            links=links,
        )

        streams_data_process_region.additional_properties = d
        return streams_data_process_region

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

# The enum of region for each value of cloudProvider that names one; any other value keeps it a plain string.
_REGION_ENUMS: dict[str, type[ApiStreamsAWSRegionView | ApiStreamsAzureRegionView | ApiStreamsGCPRegionView]] = {
    "AWS": ApiStreamsAWSRegionView,
    "AZURE": ApiStreamsAzureRegionView,
    "GCP": ApiStreamsGCPRegionView,
}
