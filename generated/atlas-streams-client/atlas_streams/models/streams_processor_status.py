from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.streams_processor_status_mode import StreamsProcessorStatusMode
from ..models.streams_processor_status_status import StreamsProcessorStatusStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsProcessorStatus")


@_attrs_define
class StreamsProcessorStatus:
    """Asks Atlas to start, stop or fail over every stream processor of the workspace in one step.

    Attributes:
        status (StreamsProcessorStatusStatus): Action to take on the workspace's stream processors: `STARTED` starts
            them all, `STOPPED` stops them all, and `FAILED_OVER` fails them all over to the region named in `region`.
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        mode (StreamsProcessorStatusMode | Unset): How a failover treats each processor. `GRACEFUL` stops the processor
            first and restarts it in the new region from its latest checkpoint only if the stop succeeded; otherwise the
            request fails. `FORCED` tries to stop the processor but starts it in the new region either way, with checkpoints
            turned off.
        region (None | str | Unset): Region the status change applies to, by name. It must be set when `status` is
            `FAILED_OVER` and may be omitted for the other statuses.
    """

    status: StreamsProcessorStatusStatus
    links: list[Link] | Unset = UNSET
    mode: StreamsProcessorStatusMode | Unset = UNSET
    region: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "status": "status",
        "links": "links",
        "mode": "mode",
        "region": "region",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "links",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        status = (
            self.status.value
            if isinstance(self.status, StreamsProcessorStatusStatus) and self.status.is_known()
            else self.status
        )

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = (
                self.mode.value
                if isinstance(self.mode, StreamsProcessorStatusMode) and self.mode.is_known()
                else self.mode
            )

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if links is not UNSET:
            field_dict["links"] = links
        if mode is not UNSET:
            field_dict["mode"] = mode
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = StreamsProcessorStatusStatus(d.pop("status"))

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        _mode = d.pop("mode", UNSET)
        mode: StreamsProcessorStatusMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = StreamsProcessorStatusMode(_mode)

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        streams_processor_status = cls(
            status=status,
            links=links,
            mode=mode,
            region=region,
        )

        streams_processor_status.additional_properties = d
        return streams_processor_status

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
