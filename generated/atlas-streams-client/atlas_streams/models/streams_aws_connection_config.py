from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsAWSConnectionConfig")


@_attrs_define
class StreamsAWSConnectionConfig:
    """AWS settings of connection types that run against AWS services.

    Attributes:
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        role_arn (str | Unset): ARN of the AWS IAM role that Atlas assumes to reach resources in your AWS account.
        test_bucket (str | Unset): S3 bucket that Atlas uses to verify that the given IAM role ARN is authorized.
    """

    links: list[Link] | Unset = UNSET
    role_arn: str | Unset = UNSET
    test_bucket: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "links": "links",
        "role_arn": "roleArn",
        "test_bucket": "testBucket",
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

        role_arn = self.role_arn

        test_bucket = self.test_bucket

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if links is not UNSET:
            field_dict["links"] = links
        if role_arn is not UNSET:
            field_dict["roleArn"] = role_arn
        if test_bucket is not UNSET:
            field_dict["testBucket"] = test_bucket

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

        role_arn = d.pop("roleArn", UNSET)

        test_bucket = d.pop("testBucket", UNSET)

        streams_aws_connection_config = cls(
            links=links,
            role_arn=role_arn,
            test_bucket=test_bucket,
        )

        streams_aws_connection_config.additional_properties = d
        return streams_aws_connection_config

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
