from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiError")


@_attrs_define
class ApiError:
    """
    Attributes:
        error (int): HTTP status code of the failed response.
        error_code (str): Machine-readable Atlas code that names the kind of failure.
        bad_request_detail (BadRequestDetail | None | Unset): Extra information that can accompany a 400 response.
        detail (None | str | Unset): Human-readable explanation of what went wrong in this particular case.
        parameters (list[ApiErrorParametersItem] | Unset): Values that give further context about the failure.
        reason (None | str | Unset): Short reason phrase that goes with the HTTP status code.
    """

    error: int
    error_code: str
    bad_request_detail: BadRequestDetail | None | Unset = UNSET
    detail: None | str | Unset = UNSET
    parameters: list[ApiErrorParametersItem] | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "error": "error",
        "error_code": "errorCode",
        "bad_request_detail": "badRequestDetail",
        "detail": "detail",
        "parameters": "parameters",
        "reason": "reason",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "badRequestDetail",
            "error",
            "errorCode",
            "parameters",
            "reason",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        error_code = self.error_code

        bad_request_detail: dict[str, Any] | None | Unset
        if isinstance(self.bad_request_detail, Unset):
            bad_request_detail = UNSET
        elif isinstance(self.bad_request_detail, BadRequestDetail):
            bad_request_detail = self.bad_request_detail.to_dict()
        else:
            bad_request_detail = self.bad_request_detail

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        parameters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = []
            for parameters_item_data in self.parameters:
                parameters_item = parameters_item_data.to_dict()
                parameters.append(parameters_item)

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "errorCode": error_code,
            }
        )
        if bad_request_detail is not UNSET:
            field_dict["badRequestDetail"] = bad_request_detail
        if detail is not UNSET:
            field_dict["detail"] = detail
        if parameters is not UNSET:
            field_dict["parameters"] = parameters
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = d.pop("error")

        error_code = d.pop("errorCode")

        def _parse_bad_request_detail(data: object) -> BadRequestDetail | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_bad_request_detail_type_0 = BadRequestDetail.from_dict(data)

                return componentsschemas_bad_request_detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BadRequestDetail | None | Unset, data)

        bad_request_detail = _parse_bad_request_detail(d.pop("badRequestDetail", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        _parameters = d.pop("parameters", UNSET)
        parameters: list[ApiErrorParametersItem] | Unset = UNSET
        if _parameters is not UNSET:
            parameters = []
            for parameters_item_data in _parameters:
                parameters_item = ApiErrorParametersItem.from_dict(parameters_item_data)

                parameters.append(parameters_item)

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        api_error = cls(
            error=error,
            error_code=error_code,
            bad_request_detail=bad_request_detail,
            detail=detail,
            parameters=parameters,
            reason=reason,
        )

        api_error.additional_properties = d
        return api_error

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
from ..models.api_error_parameters_item import ApiErrorParametersItem
from ..models.bad_request_detail import BadRequestDetail
