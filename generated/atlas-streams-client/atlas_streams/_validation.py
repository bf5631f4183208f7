"""Checks of parameters and request bodies against the spec, before any network I/O, and the
readOnly stripping of bodies given as plain JSON."""

import functools
import re
from typing import Any

from .errors import InvalidParameterError, Problem, RequestValidationError

# The spec's component schemas, reduced to the keywords checked here.
SCHEMAS: dict[str, Any] = {
    "ApiError": {
        "required": ["error", "errorCode"],
        "type": "object",
        "properties": {
            "badRequestDetail": {"$ref": "#/components/schemas/BadRequestDetail"},
            "detail": {"nullable": True, "type": "string"},
            "error": {"readOnly": True, "type": "integer"},
            "errorCode": {"readOnly": True, "type": "string"},
            "parameters": {"readOnly": True, "type": "array", "items": {"type": "object"}},
            "reason": {"nullable": True, "readOnly": True, "type": "string"},
        },
    },
    "ApiStreamsAWSRegionView": {
        "enum": [
            "SYDNEY_AUS",
            "MUMBAI_IND",
            "FRANKFURT_DEU",
            "DUBLIN_IRL",
            "LONDON_GBR",
            "VIRGINIA_USA",
            "OHIO_USA",
            "OREGON_USA",
            "SAOPAULO_BRA",
            "MONTREAL_CAN",
            "TOKYO_JPN",
            "SINGAPORE_SGP",
            "PARIS_FRA",
            "SEOUL_KOR",
        ],
        "type": "string",
    },
    "ApiStreamsAzureRegionView": {
        "enum": ["eastus", "westus", "eastus2", "westeurope", "brazilsouth", "australiaeast"],
        "type": "string",
    },
    "ApiStreamsGCPRegionView": {"enum": ["US_CENTRAL1", "EUROPE_WEST1", "US_EAST4"], "type": "string"},
    "AzureConnection": {
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "region": {"type": "string"},
            "servicePrincipalId": {"type": "string"},
            "storageAccountName": {"type": "string"},
        },
    },
    "BadRequestDetail": {
        "nullable": True,
        "readOnly": True,
        "type": "object",
        "properties": {"fields": {"type": "array", "items": {"$ref": "#/components/schemas/FieldViolation"}}},
    },
    "BaseStreamsRegion": {
        "oneOf": [
            {"$ref": "#/components/schemas/ApiStreamsAWSRegionView"},
            {"$ref": "#/components/schemas/ApiStreamsAzureRegionView"},
            {"$ref": "#/components/schemas/ApiStreamsGCPRegionView"},
        ]
    },
    "ConfluentSaslInheritAuthentication": {
        "required": ["type"],
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/SchemaRegistryAuthenticationBase"},
            {"type": "object", "properties": {}},
        ],
    },
    "ConfluentUserInfoAuthentication": {
        "required": ["type", "username"],
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/SchemaRegistryAuthenticationBase"},
            {"type": "object", "properties": {"password": {"type": "string"}, "username": {"type": "string"}}},
        ],
    },
    "DBRoleToExecute": {
        "nullable": True,
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "role": {"type": "string"},
            "type": {"enum": ["BUILT_IN", "CUSTOM"], "type": "string"},
        },
    },
    "FieldViolation": {
        "required": ["description", "field"],
        "type": "object",
        "properties": {"description": {"type": "string"}, "field": {"type": "string"}},
    },
    "Link": {"type": "object", "properties": {"href": {"type": "string"}, "rel": {"type": "string"}}},
    "SchemaRegistryAuthentication": {
        "type": "object",
        "oneOf": [
            {"$ref": "#/components/schemas/ConfluentUserInfoAuthentication"},
            {"$ref": "#/components/schemas/ConfluentSaslInheritAuthentication"},
            {"$ref": "#/components/schemas/SchemaRegistryAuthenticationBase"},
        ],
    },
    "SchemaRegistryAuthenticationBase": {
        "required": ["type"],
        "type": "object",
        "properties": {"type": {"enum": ["USER_INFO", "SASL_INHERIT"], "type": "string"}},
    },
    "StreamConfig": {
        "nullable": True,
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "maxTierSize": {"enum": ["SP50", "SP30", "SP10", "SP5", "SP2"], "type": "string"},
            "tier": {"enum": ["SP50", "SP30", "SP10", "SP5", "SP2"], "type": "string"},
        },
    },
    "StreamsAWSConnectionConfig": {
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "roleArn": {"type": "string"},
            "testBucket": {"type": "string"},
        },
    },
    "StreamsAWSKinesisDataStreamsConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "aws": {"$ref": "#/components/schemas/StreamsAWSConnectionConfig"},
                    "networking": {"$ref": "#/components/schemas/StreamsKafkaNetworking"},
                },
            },
        ],
    },
    "StreamsAWSLambdaConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "aws": {"$ref": "#/components/schemas/StreamsAWSConnectionConfig"},
                    "publicPrivateNetworking": {"$ref": "#/components/schemas/StreamsPublicPrivateLinkNetworking"},
                },
            },
        ],
    },
    "StreamsAzureBlobStorageConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "azure": {"$ref": "#/components/schemas/AzureConnection"},
                    "publicPrivateNetworking": {"$ref": "#/components/schemas/StreamsPublicPrivateLinkNetworking"},
                },
            },
        ],
    },
    "StreamsClusterConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "clusterGroupId": {"nullable": True, "type": "string"},
                    "clusterName": {"type": "string"},
                    "dbRoleToExecute": {"$ref": "#/components/schemas/DBRoleToExecute"},
                },
            },
        ],
    },
    "StreamsConnection": {
        "readOnly": True,
        "type": "object",
        "oneOf": [
            {"$ref": "#/components/schemas/StreamsSampleConnection"},
            {"$ref": "#/components/schemas/StreamsClusterConnection"},
            {"$ref": "#/components/schemas/StreamsKafkaConnection"},
            {"$ref": "#/components/schemas/StreamsHttpsConnection"},
            {"$ref": "#/components/schemas/StreamsAWSLambdaConnection"},
            {"$ref": "#/components/schemas/StreamsS3Connection"},
            {"$ref": "#/components/schemas/StreamsAWSKinesisDataStreamsConnection"},
            {"$ref": "#/components/schemas/StreamsSchemaRegistryConnection"},
            {"$ref": "#/components/schemas/StreamsAzureBlobStorageConnection"},
            {"$ref": "#/components/schemas/StreamsGCPPubSubConnection"},
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
        ],
    },
    "StreamsConnectionBase": {
        "type": "object",
        "properties": {
            "id": {"readOnly": True, "type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "name": {"type": "string"},
            "region": {"type": "string"},
            "state": {"enum": ["PENDING", "READY", "DELETING", "FAILED"], "readOnly": True, "type": "string"},
            "type": {
                "enum": [
                    "Kafka",
                    "Cluster",
                    "Sample",
                    "Https",
                    "AzureBlobStorage",
                    "AWSLambda",
                    "AWSKinesisDataStreams",
                    "SchemaRegistry",
                    "GCPPubSub",
                ],
                "type": "string",
            },
        },
    },
    "StreamsDataProcessRegion": {
        "required": ["cloudProvider", "region"],
        "type": "object",
        "properties": {
            "cloudProvider": {"enum": ["AWS", "GCP", "AZURE", "TENANT", "SERVERLESS"], "type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "region": {"$ref": "#/components/schemas/BaseStreamsRegion"},
        },
    },
    "StreamsGCPConnectionConfig": {
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "serviceAccountId": {"type": "string"},
        },
    },
    "StreamsGCPPubSubConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "gcp": {"$ref": "#/components/schemas/StreamsGCPConnectionConfig"},
                    "publicPrivateNetworking": {"$ref": "#/components/schemas/StreamsPublicPrivateLinkNetworking"},
                },
            },
        ],
    },
    "StreamsHttpsConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "headers": {"type": "object", "additionalProperties": {"type": "string"}},
                    "url": {"type": "string"},
                },
            },
        ],
    },
    "StreamsKafkaAuthentication": {
        "type": "object",
        "properties": {
            "aws": {"$ref": "#/components/schemas/StreamsAWSConnectionConfig"},
            "clientId": {"type": "string"},
            "clientSecret": {"type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "mechanism": {"type": "string"},
            "method": {"type": "string"},
            "password": {"type": "string"},
            "saslOauthbearerExtensions": {"type": "string"},
            "scope": {"type": "string"},
            "sslCertificate": {"type": "string"},
            "sslKey": {"type": "string"},
            "sslKeyPassword": {"type": "string"},
            "tokenEndpointUrl": {"type": "string"},
            "username": {"type": "string"},
        },
    },
    "StreamsKafkaConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "authentication": {"$ref": "#/components/schemas/StreamsKafkaAuthentication"},
                    "bootstrapServers": {"type": "string"},
                    "config": {"type": "object", "additionalProperties": {"type": "string"}},
                    "networking": {"$ref": "#/components/schemas/StreamsKafkaNetworking"},
                    "security": {"$ref": "#/components/schemas/StreamsKafkaSecurity"},
                },
            },
        ],
    },
    "StreamsKafkaNetworking": {
        "type": "object",
        "properties": {
            "access": {"$ref": "#/components/schemas/StreamsKafkaNetworkingAccess"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
        },
    },
    "StreamsKafkaNetworkingAccess": {
        "type": "object",
        "properties": {
            "connectionId": {"pattern": "^([a-f0-9]{24})$", "type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "name": {"type": "string"},
            "tgwRouteId": {"pattern": "^([a-f0-9]{24})$", "type": "string"},
            "type": {"enum": ["PUBLIC", "VPC", "PRIVATE_LINK", "TRANSIT_GATEWAY"], "type": "string"},
        },
    },
    "StreamsKafkaSecurity": {
        "type": "object",
        "properties": {
            "brokerPublicCertificate": {"type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "protocol": {"type": "string"},
        },
    },
    "StreamsPublicPrivateLinkNetworking": {
        "type": "object",
        "properties": {
            "access": {"$ref": "#/components/schemas/StreamsPublicPrivateLinkNetworkingAccess"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
        },
    },
    "StreamsPublicPrivateLinkNetworkingAccess": {
        "type": "object",
        "properties": {
            "connectionId": {"pattern": "^([a-f0-9]{24})$", "type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "type": {"enum": ["PUBLIC", "PRIVATE_LINK"], "type": "string"},
        },
    },
    "StreamsS3Connection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "aws": {"$ref": "#/components/schemas/StreamsAWSConnectionConfig"},
                    "networking": {"$ref": "#/components/schemas/StreamsKafkaNetworking"},
                },
            },
        ],
    },
    "StreamsSampleConnection": {
        "type": "object",
        "allOf": [{"$ref": "#/components/schemas/StreamsConnectionBase"}, {"type": "object", "properties": {}}],
    },
    "StreamsSampleConnections": {
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "solar": {"type": "boolean"},
        },
    },
    "StreamsSchemaRegistryConnection": {
        "required": ["provider", "schemaRegistryAuthentication", "schemaRegistryUrls"],
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "provider": {"enum": ["CONFLUENT"], "type": "string"},
                    "schemaRegistryAuthentication": {"$ref": "#/components/schemas/SchemaRegistryAuthentication"},
                    "schemaRegistryUrls": {
                        "maxItems": 10,
                        "type": "array",
                        "uniqueItems": True,
                        "items": {"type": "string"},
                    },
                },
            },
        ],
    },
    "StreamsTenant": {
        "type": "object",
        "properties": {
            "_id": {"pattern": "^([a-f0-9]{24})$", "readOnly": True, "type": "string"},
            "connections": {
                "readOnly": True,
                "type": "array",
                "items": {"$ref": "#/components/schemas/StreamsConnection"},
            },
            "dataProcessRegion": {"$ref": "#/components/schemas/StreamsDataProcessRegion"},
            "failoverRegions": {
                "maxItems": 2,
                "type": "array",
                "items": {"$ref": "#/components/schemas/StreamsDataProcessRegion"},
            },
            "groupId": {"pattern": "^([a-f0-9]{24})$", "readOnly": True, "type": "string"},
            "hostnames": {"readOnly": True, "type": "array", "items": {"readOnly": True, "type": "string"}},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "name": {"type": "string"},
            "sampleConnections": {"$ref": "#/components/schemas/StreamsSampleConnections"},
            "streamConfig": {"$ref": "#/components/schemas/StreamConfig"},
        },
    },
}

_REF_PREFIX = "#/components/schemas/"
_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "array": (list,),
    "object": (dict,),
}


def check_parameter(name: str, value: Any, schema: dict[str, Any]) -> None:
    """InvalidParameterError (a ValueError) naming the parameter, the value and the broken rule."""
    problems = _problems(value, schema, name)
    if problems:
        raise InvalidParameterError(problems[0])


def check_request_body(data: Any, schema: dict[str, Any]) -> None:
    """RequestValidationError listing every problem by JSON path ($.a.b[0])."""
    problems = _problems(data, schema, "$")
    if problems:
        raise RequestValidationError(problems)


def without_read_only(value: Any, schema: dict[str, Any]) -> Any:
    """A copy of plain JSON `value` without the properties `schema` marks readOnly, at every depth."""
    schema = _resolve(schema)
    if isinstance(value, list):
        return [without_read_only(item, schema.get("items", {})) for item in value]
    if not isinstance(value, dict):
        return value
    properties = dict(schema.get("properties", {}))
    for member in schema.get("allOf", []):
        properties.update(_resolve(member).get("properties", {}))
    kept = {}
    for name, item in value.items():
        item_schema = _resolve(properties.get(name, {}))
        if not (item_schema.get("readOnly", False) or properties.get(name, {}).get("readOnly", False)):
            kept[name] = without_read_only(item, item_schema)
    return kept


def _problems(value: Any, schema: dict[str, Any], path: str) -> list[Problem]:
    problems: list[Problem] = []
    _check(value, schema, path, problems)
    return problems


# The checks append to one list rather than yield: every request runs them, and a walk of nested
# generators costs several times as much.
def _check(value: Any, schema: dict[str, Any], path: str, problems: list[Problem]) -> None:
    schema = _resolve(schema)
    if value is None:
        if not schema.get("nullable", False):
            problems.append(Problem(path, "null is not allowed"))
        return
    for member in schema.get("allOf", ()):
        _check(value, member, path, problems)
    if "oneOf" in schema:
        # Upstream declares some oneOf-of-enums schemas as `type: object`; the members decide.
        _check_one_of(value, schema["oneOf"], path, problems)
        return
    expected = schema.get("type")
    if expected in _JSON_TYPES and not _is_json_type(value, expected):
        problems.append(Problem(path, f"expected {expected}, got {type(value).__name__} {value!r}"))
        return
    if "enum" in schema and value not in schema["enum"]:
        problems.append(Problem(path, f"{value!r} is not one of {', '.join(map(str, schema['enum']))}"))
    if "pattern" in schema and isinstance(value, str) and _regex(schema["pattern"]).search(value) is None:
        problems.append(Problem(path, f"{value!r} does not match the pattern {schema['pattern']}"))
    if isinstance(value, list):
        _check_array(value, schema, path, problems)
    elif isinstance(value, dict):
        _check_object(value, schema, path, problems)


def _check_one_of(value: Any, members: list[dict[str, Any]], path: str, problems: list[Problem]) -> None:
    if any(not _problems(value, member, path) for member in members):
        return
    allowed = [item for member in members for item in _resolve(member).get("enum", [])]
    if allowed:
        problems.append(Problem(path, f"{value!r} is not one of {', '.join(map(str, allowed))}"))
    else:
        problems.append(Problem(path, f"{value!r} matches none of the allowed shapes"))


def _check_array(value: list[Any], schema: dict[str, Any], path: str, problems: list[Problem]) -> None:
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        problems.append(Problem(path, f"{len(value)} items, at most {schema['maxItems']} allowed"))
    if "minItems" in schema and len(value) < schema["minItems"]:
        problems.append(Problem(path, f"{len(value)} items, at least {schema['minItems']} required"))
    if schema.get("uniqueItems") and len({repr(item) for item in value}) < len(value):
        problems.append(Problem(path, "items must be unique"))
    for index, item in enumerate(value):
        _check(item, schema.get("items", {}), f"{path}[{index}]", problems)


def _check_object(value: dict[str, Any], schema: dict[str, Any], path: str, problems: list[Problem]) -> None:
    for name in schema.get("required", ()):
        if name not in value:
            problems.append(Problem(f"{path}.{name}", "required property is missing"))
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties")
    for name, item in value.items():
        if name in properties:
            _check(item, properties[name], f"{path}.{name}", problems)
        elif isinstance(extra, dict):
            _check(item, extra, f"{path}.{name}", problems)


@functools.cache
def _regex(pattern: str) -> re.Pattern[str]:
    r"""A spec pattern compiled to match as JSON Schema says: as an ECMA-262 regular expression.

    Two Python differences matter: `$` also matches before a final newline (so "...\n" would pass
    `^...$`), and `\d`, `\w`, `\b` know every script's digits and letters. Each `$` that is neither
    escaped nor inside a character class becomes `\Z` (the very end), and re.ASCII makes those classes
    ECMA's. (ECMA's `\s` also knows Unicode spaces, which re.ASCII's does not.)
    """
    translated = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = r"\Z"
        translated.append(char)
    return re.compile("".join(translated), re.ASCII)


def _resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].removeprefix(_REF_PREFIX)]
    return schema


def _is_json_type(value: Any, expected: str) -> bool:
    if isinstance(value, bool) and expected in ("integer", "number"):
        return False
    return isinstance(value, _JSON_TYPES[expected])
