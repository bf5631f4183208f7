from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.streams_connection_base_state import StreamsConnectionBaseState
from ..models.streams_connection_base_type import StreamsConnectionBaseType
from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsClusterConnection")


@_attrs_define
class StreamsClusterConnection:
    """
    Attributes:
        id (str | Unset): Identifier that Atlas assigns to the connection.
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        name (str | Unset): Name of the connection inside the workspace. For a `Sample` connection it is the name of the
            sample data source.
        region (str | Unset): Region the connection belongs to.
        state (StreamsConnectionBaseState | Unset): Current lifecycle state of the connection.
        type_ (StreamsConnectionBaseType | Unset): Kind of connection. It selects the connection subtype.
        cluster_group_id (None | str | Unset): 24-hexadecimal-character ID of the project that holds the cluster. Needed
            only when the cluster lives in a different project from the workspace, which requires the matching organization
            setting to be turned on first.
        cluster_name (str | Unset): Name of the Atlas cluster this connection targets.
        db_role_to_execute (DBRoleToExecute | None | Unset): Database role, built-in or custom, that Atlas assumes when
            it connects to an Atlas cluster.
    """

    id: str | Unset = UNSET
    links: list[Link] | Unset = UNSET
    name: str | Unset = UNSET
    region: str | Unset = UNSET
    state: StreamsConnectionBaseState | Unset = UNSET
    type_: StreamsConnectionBaseType | Unset = UNSET
    cluster_group_id: None | str | Unset = UNSET
    cluster_name: str | Unset = UNSET
    db_role_to_execute: DBRoleToExecute | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "id": "id",
        "links": "links",
        "name": "name",
        "region": "region",
        "state": "state",
        "type_": "type",
        "cluster_group_id": "clusterGroupId",
        "cluster_name": "clusterName",
        "db_role_to_execute": "dbRoleToExecute",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "links",
            "state",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        name = self.name

        region = self.region

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = (
                self.state.value
                if isinstance(self.state, StreamsConnectionBaseState) and self.state.is_known()
                else self.state
            )

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = (
                self.type_.value
                if isinstance(self.type_, StreamsConnectionBaseType) and self.type_.is_known()
                else self.type_
            )

        cluster_group_id: None | str | Unset
        if isinstance(self.cluster_group_id, Unset):
            cluster_group_id = UNSET
        else:
            cluster_group_id = self.cluster_group_id

        cluster_name = self.cluster_name

        db_role_to_execute: dict[str, Any] | None | Unset
        if isinstance(self.db_role_to_execute, Unset):
            db_role_to_execute = UNSET
        elif isinstance(self.db_role_to_execute, DBRoleToExecute):
            db_role_to_execute = self.db_role_to_execute.to_dict()
        else:
            db_role_to_execute = self.db_role_to_execute

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if links is not UNSET:
            field_dict["links"] = links
        if name is not UNSET:
            field_dict["name"] = name
        if region is not UNSET:
            field_dict["region"] = region
        if state is not UNSET:
            field_dict["state"] = state
        if type_ is not UNSET:
            field_dict["type"] = type_
        if cluster_group_id is not UNSET:
            field_dict["clusterGroupId"] = cluster_group_id
        if cluster_name is not UNSET:
            field_dict["clusterName"] = cluster_name
        if db_role_to_execute is not UNSET:
            field_dict["dbRoleToExecute"] = db_role_to_execute

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        name = d.pop("name", UNSET)

        region = d.pop("region", UNSET)

        _state = d.pop("state", UNSET)
        state: StreamsConnectionBaseState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = StreamsConnectionBaseState(_state)

        _type_ = d.pop("type", UNSET)
        type_: StreamsConnectionBaseType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = StreamsConnectionBaseType(_type_)

        def _parse_cluster_group_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cluster_group_id = _parse_cluster_group_id(d.pop("clusterGroupId", UNSET))

        cluster_name = d.pop("clusterName", UNSET)

        def _parse_db_role_to_execute(data: object) -> DBRoleToExecute | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_db_role_to_execute_type_0 = DBRoleToExecute.from_dict(data)

                return componentsschemas_db_role_to_execute_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DBRoleToExecute | None | Unset, data)

        db_role_to_execute = _parse_db_role_to_execute(d.pop("dbRoleToExecute", UNSET))

        streams_cluster_connection = cls(
            id=id,
            links=links,
            name=name,
            region=region,
            state=state,
            type_=type_,
            cluster_group_id=cluster_group_id,
            cluster_name=cluster_name,
            db_role_to_execute=db_role_to_execute,
        )

        streams_cluster_connection.additional_properties = d
        return streams_cluster_connection

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
from ..models.db_role_to_execute import DBRoleToExecute
from ..models.link import Link
