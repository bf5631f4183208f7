from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.api_streams_aws_region_view import ApiStreamsAWSRegionView
from ..models.api_streams_azure_region_view import ApiStreamsAzureRegionView
from ..models.api_streams_gcp_region_view import ApiStreamsGCPRegionView
from ..models.streams_tenant_update_request_cloud_provider import StreamsTenantUpdateRequestCloudProvider
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsTenantUpdateRequest")


@_attrs_define
class StreamsTenantUpdateRequest:
    """New settings for an existing stream workspace. Besides its region, failover regions and sizing, it can carry
    `processorStatus` to start, stop or fail over all of the workspace's stream processors.

        Attributes:
            cloud_provider (StreamsTenantUpdateRequestCloudProvider | Unset): Cloud provider that hosts the stream
                processing, given together with `region`.
            failover_regions (list[StreamsDataProcessRegion] | Unset): Regions the stream workspace can fail over to, at
                most two.
            links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
                related API resources.
            processor_status (StreamsProcessorStatus | Unset): Asks Atlas to start, stop or fail over every stream processor
                of the workspace in one step.
            region (ApiStreamsAWSRegionView | ApiStreamsAzureRegionView | ApiStreamsGCPRegionView | Unset): Cloud provider
                region in which Atlas Stream Processing runs, taken from the region list of the chosen provider.
            stream_config (None | StreamConfig | Unset): Sizing options of an Atlas Stream Processing workspace.
    """

    cloud_provider: StreamsTenantUpdateRequestCloudProvider | Unset = UNSET
    failover_regions: list[StreamsDataProcessRegion] | Unset = UNSET
    links: list[Link] | Unset = UNSET
    processor_status: StreamsProcessorStatus | Unset = UNSET
    region: ApiStreamsAWSRegionView | ApiStreamsAzureRegionView | ApiStreamsGCPRegionView | Unset = UNSET
    stream_config: None | StreamConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "cloud_provider": "cloudProvider",
        "failover_regions": "failoverRegions",
        "links": "links",
        "processor_status": "processorStatus",
        "region": "region",
        "stream_config": "streamConfig",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "links",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        cloud_provider: str | Unset = UNSET
        if not isinstance(self.cloud_provider, Unset):
            cloud_provider = (
                self.cloud_provider.value
                if isinstance(self.cloud_provider, StreamsTenantUpdateRequestCloudProvider)
                and self.cloud_provider.is_known()
                else self.cloud_provider
            )

        failover_regions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.failover_regions, Unset):
            failover_regions = []
            for failover_regions_item_data in self.failover_regions:
                failover_regions_item = failover_regions_item_data.to_dict()
                failover_regions.append(failover_regions_item)

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        processor_status: dict[str, Any] | Unset = UNSET
        if not isinstance(self.processor_status, Unset):
            processor_status = self.processor_status.to_dict()

        region: str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        elif isinstance(self.region, ApiStreamsAWSRegionView):
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

        stream_config: dict[str, Any] | None | Unset
        if isinstance(self.stream_config, Unset):
            stream_config = UNSET
        elif isinstance(self.stream_config, StreamConfig):
            stream_config = self.stream_config.to_dict()
        else:
            stream_config = self.stream_config

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cloud_provider is not UNSET:
            field_dict["cloudProvider"] = cloud_provider
        if failover_regions is not UNSET:
            field_dict["failoverRegions"] = failover_regions
        if links is not UNSET:
            field_dict["links"] = links
        if processor_status is not UNSET:
            field_dict["processorStatus"] = processor_status
        if region is not UNSET:
            field_dict["region"] = region
        if stream_config is not UNSET:
            field_dict["streamConfig"] = stream_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _cloud_provider = d.pop("cloudProvider", UNSET)
        cloud_provider: StreamsTenantUpdateRequestCloudProvider | Unset
        if isinstance(_cloud_provider, Unset):
            cloud_provider = UNSET
        else:
            cloud_provider = StreamsTenantUpdateRequestCloudProvider(_cloud_provider)

        _failover_regions = d.pop("failoverRegions", UNSET)
        failover_regions: list[StreamsDataProcessRegion] | Unset = UNSET
        if _failover_regions is not UNSET:
            failover_regions = []
            for failover_regions_item_data in _failover_regions:
                failover_regions_item = StreamsDataProcessRegion.from_dict(failover_regions_item_data)

                failover_regions.append(failover_regions_item)

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        _processor_status = d.pop("processorStatus", UNSET)
        processor_status: StreamsProcessorStatus | Unset
        if isinstance(_processor_status, Unset):
            processor_status = UNSET
        else:
            processor_status = StreamsProcessorStatus.from_dict(_processor_status)

        def _parse_region(
            data: object,
        ) -> ApiStreamsAWSRegionView | ApiStreamsAzureRegionView | ApiStreamsGCPRegionView | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, str):
                raise TypeError("expected a string, got " + type(data).__name__)
            if ApiStreamsAWSRegionView.is_known_value(data):
                return ApiStreamsAWSRegionView(data)
            if ApiStreamsAzureRegionView.is_known_value(data):
                return ApiStreamsAzureRegionView(data)
            if ApiStreamsGCPRegionView.is_known_value(data):
                return ApiStreamsGCPRegionView(data)
            # Newer than this client: keep the value as sent; is_known() is False for it.
            return ApiStreamsAWSRegionView(data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_stream_config(data: object) -> None | StreamConfig | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_stream_config_type_0 = StreamConfig.from_dict(data)

                return componentsschemas_stream_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StreamConfig | Unset, data)

        stream_config = _parse_stream_config(d.pop("streamConfig", UNSET))

        streams_tenant_update_request = cls(
            cloud_provider=cloud_provider,
            failover_regions=failover_regions,
            links=links,
            processor_status=processor_status,
            region=region,
            stream_config=stream_config,
        )

        streams_tenant_update_request.additional_properties = d
        return streams_tenant_update_request

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
from ..models.stream_config import StreamConfig
from ..models.streams_data_process_region import StreamsDataProcessRegion
from ..models.streams_processor_status import StreamsProcessorStatus
