"""Broken variants of spec/streams.yaml and exactly what lint says about each (a helper module, not a test file).

Each variant replaces the first occurrence of `old` (one line or several) with `new`. In `expected`, `{line}` is the
number of the (first) changed line, `{next}` and `{next2}` the ones after it, and `{name}` the line that the anchor
`name` finds in the changed file: the first line containing its first text, then the first line from there
on containing the next text, and so on. Anchors keep the expectations true when the spec grows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from support import SPEC_PATH
from support.spec_edit import Edit, delete, edited

SPEC = SPEC_PATH
WHERE = "spec/streams.yaml"
OPERATION = "POST /api/atlas/v2/groups/{{groupId}}/streams"  # braces doubled: expectations go through format()


@dataclass(frozen=True)
class BrokenSpec:
    id: str
    old: str
    new: str
    expected: tuple[str, ...]  # lint's lines, in order, without the leading "spec/streams.yaml:"
    anchors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unreadable: bool = False  # YAML itself fails: exit 2 instead of findings
    edits: tuple[Edit, ...] = ()  # changes by structure, made before `old` is replaced

    def write(self, path: Path) -> list[str]:
        """Write the variant to `path`; returns the lines lint must print for it."""
        edited(SPEC, path, *self.edits)
        text = path.read_text(encoding="utf-8")
        changed = text.count("\n", 0, text.index(self.old))
        text = text.replace(self.old, self.new, 1)
        path.write_text(text, encoding="utf-8")
        numbers = {"line": changed + 1, "next": changed + 2, "next2": changed + 3}
        numbers |= {name: _find(text.splitlines(), texts) for name, texts in self.anchors.items()}
        return [f"{WHERE}:{expected.format(**numbers)}" for expected in self.expected]


def _find(lines: list[str], texts: tuple[str, ...]) -> int:
    number = 0
    for text in texts:
        number = next(index for index in range(number, len(lines)) if text in lines[index])
    return number + 1


def _ref_hint() -> str:
    return "(hint: only local '#/components/...' references to existing entries are allowed)"


BROKEN_SPECS = [
    # --- YAML -------------------------------------------------------------------------------------------------
    BrokenSpec(
        "yaml-syntax-error",
        "summary: Create One Stream Workspace",
        "summary: [unclosed",
        (
            "{next}:11: error: YAML: expected ',' or ']', but got ':' "
            "(hint: close the [ opened on line {line}, or quote the value if it contains ':')",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-unclosed-flow-mapping",
        "summary: Create One Stream Workspace",
        "summary: {text: Create One Stream Workspace",
        (
            "{next}:11: error: YAML: expected ',' or '}}', but got ':' "
            "(hint: close the {{ opened on line {line}, or quote the value if it contains ':')",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-colon-in-plain-value",
        "summary: Create One Stream Workspace",
        "summary: Create: One Stream Workspace",
        (
            "{line}:22: error: YAML: mapping values are not allowed here "
            "(hint: quote the value if it contains ': ', or indent it under its key)",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-reserved-first-character",
        "summary: Create One Stream Workspace",
        "summary: `Create` One Stream Workspace",
        (
            "{line}:16: error: YAML: found character '`' that cannot start any token "
            "(hint: quote the value: a plain YAML value cannot start with this character)",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-undefined-alias",
        "summary: Create One Stream Workspace",
        "summary: *summary",
        (
            "{line}:16: error: YAML: found undefined alias 'summary' "
            "(hint: define the anchor (&name) before the alias (*name), or quote the value if * is text)",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-unclosed-quote",
        "          tokenUrl: https://cloud.mongodb.com/api/oauth/token\n      type: oauth2\n",
        "          tokenUrl: 'https://cloud.mongodb.com/api/oauth/token\n      type: oauth2\n",
        ("{next2}:1: error: YAML: found unexpected end of stream (hint: close the quote opened on line {line})",),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-unknown-escape",
        "summary: Create One Stream Workspace",
        'summary: "Create One Stream Workspace \\q"',
        (
            "{line}:46: error: YAML: found unknown escape character 'q' "
            "(hint: in double quotes write a backslash as \\\\, or use single quotes)",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-bad-indentation",
        "      summary: Create One Stream Workspace",
        "     summary: Create One Stream Workspace",
        (
            "{line}:6: error: YAML: expected <block end>, but found '<block mapping start>' "
            "(hint: indent this line like the other entries of its mapping or list, or under its key)",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-key-without-colon",
        "summary: Create One Stream Workspace",
        "summary Create One Stream Workspace",
        (
            "{next}:7: error: YAML: could not find expected ':' "
            "(hint: write ': ' after the key on line {line}, or quote its value)",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-duplicate-key",
        "      summary: Create One Stream Workspace",
        "      summary: A\n      summary: B",
        (
            '{next}:7: error: YAML: found duplicate key "summary" with value "B" (original value: "A") '
            "(hint: a key may appear only once in a mapping: merge the two entries)",
        ),
        unreadable=True,
    ),
    BrokenSpec(
        "yaml-tab-indentation",
        "      summary: Create One Stream Workspace",
        "\tsummary: Create One Stream Workspace",
        (
            "{line}:1: error: YAML: found character '\\t' that cannot start any token "
            "(hint: indent with spaces: YAML does not allow tabs there)",
        ),
        unreadable=True,
    ),
    # --- OpenAPI 3.0 structure ------------------------------------------------------------------------------
    BrokenSpec(
        "unknown-parameter-location",
        "      in: query",
        "      in: body",
        (
            "{line}:7: error: invalid OpenAPI 3.0 at $.components.parameters.envelope.in: "
            "'body' is not one of ['path', 'query', 'header', 'cookie']",
        ),
    ),
    BrokenSpec(
        "unknown-security-scheme-type",
        "      type: http",
        "      type: htp",
        (
            "{line}:7: error: invalid OpenAPI 3.0 at $.components.securitySchemes.DigestAuth.type: "
            "'htp' is not one of ['apiKey', 'http', 'oauth2', 'openIdConnect']",
        ),
    ),
    BrokenSpec(
        "http-security-scheme-without-scheme",
        "      scheme: digest",
        "      x-scheme: digest",
        (
            "{scheme}:5: error: invalid OpenAPI 3.0 at $.components.securitySchemes.DigestAuth: "
            "'scheme' is a required property",
        ),
        anchors={"scheme": ("    DigestAuth:",)},
    ),
    BrokenSpec(
        "oauth2-flow-without-token-url",
        "          tokenUrl: https://cloud.mongodb.com/api/oauth/token",
        "          x-tokenUrl: https://cloud.mongodb.com/api/oauth/token",
        (
            "{flow}:9: error: invalid OpenAPI 3.0 at $.components.securitySchemes.ServiceAccounts.flows."
            "clientCredentials: 'tokenUrl' is a required property",
        ),
        anchors={"flow": ("clientCredentials:",)},
    ),
    BrokenSpec(
        "unknown-schema-type",
        "        type: boolean",
        "        type: bool",
        (
            "{line}:9: error: invalid OpenAPI 3.0 at $.components.parameters.envelope.schema.type: "
            "'bool' is not one of ['array', 'boolean', 'integer', 'number', 'object', 'string']",
        ),
    ),
    BrokenSpec(
        "misspelt-operation-key",
        "      summary: Create One Stream Workspace",
        "      sumary: Create One Stream Workspace",
        (
            "{line}:7: error: invalid OpenAPI 3.0 at $.paths['/api/atlas/v2/groups/{{groupId}}/streams'].post.sumary: "
            "unknown key 'sumary' (hint: known keys here: callbacks, deprecated, description, externalDocs, "
            "operationId, parameters, requestBody, responses, security, servers, summary, tags, and x- extensions)",
        ),
    ),
    BrokenSpec(
        "invalid-pattern-regex",
        "        pattern: ^([a-f0-9]{24})$",
        "        pattern: ^([a-f0-9]{24}$",
        (
            "{line}:9: error: invalid OpenAPI 3.0 at $.components.parameters.groupId.schema.pattern: "
            "'^([a-f0-9]{{24}}$' is not a 'regex'",
        ),
    ),
    BrokenSpec(
        "max-items-not-an-integer",
        "          maxItems: 2",
        "          maxItems: two",
        (
            "{line}:11: error: invalid OpenAPI 3.0 at $.components.schemas.StreamsTenant.properties.failoverRegions."
            "maxItems: 'two' is not of type 'integer'",
        ),
    ),
    # --- references -----------------------------------------------------------------------------------------
    BrokenSpec(
        "unresolved-ref",
        "$ref: '#/components/schemas/StreamConfig'",
        "$ref: '#/components/schemas/Nope'",
        ("{line}:11: error: unresolved $ref '#/components/schemas/Nope' " + _ref_hint(),),
    ),
    BrokenSpec(
        "external-ref",
        "$ref: '#/components/schemas/StreamConfig'",
        "$ref: 'other.yaml#/components/schemas/StreamConfig'",
        (
            "{line}:11: error: malformed reference 'other.yaml#/components/schemas/StreamConfig' "
            "(hint: write a local reference such as '#/components/schemas/Name')",
        ),
    ),
    BrokenSpec(
        "unresolved-discriminator-mapping",
        "          S3: '#/components/schemas/StreamsS3Connection'",
        "          S3: '#/components/schemas/StreamsS4Connection'",
        (
            "{line}:11: error: unresolved discriminator mapping '#/components/schemas/StreamsS4Connection' "
            + _ref_hint(),
        ),
    ),
    BrokenSpec(
        "allof-cycle",
        "      x-codegen-split-from: StreamsConnection",
        "      x-codegen-split-from: StreamsConnection\n"
        "      allOf:\n"
        "      - $ref: '#/components/schemas/StreamsConnection'",
        (
            "{closing_ref}:9: error: schema cycle StreamsConnectionBase -> StreamsConnection -> "
            "StreamsSampleConnection -> StreamsConnectionBase: "
            "each contains the next through allOf/oneOf/anyOf/not/items "
            "(hint: move the shared properties into a base schema marked x-codegen-split-from (see README))",
        ),
        anchors={"closing_ref": ("    StreamsSampleConnection:", "$ref")},
    ),
    # --- meaning --------------------------------------------------------------------------------------------
    BrokenSpec(
        "undeclared-path-parameter",
        "  /api/atlas/v2/groups/{groupId}/streams:",
        "  /api/atlas/v2/groups/{projectId}/streams:",
        (
            "{next}:5: error: POST /api/atlas/v2/groups/{{projectId}}/streams: path parameter {{projectId}} is not "
            "declared (hint: add a parameter with in: path and name: projectId)",
            "{parameter}:9: error: POST /api/atlas/v2/groups/{{projectId}}/streams: path parameter 'groupId' does "
            "not appear in the path (hint: use {{groupId}} in the path or remove the parameter)",
        ),
        anchors={"parameter": ("- $ref: '#/components/parameters/groupId'",)},
    ),
    BrokenSpec(
        "duplicate-operation-id",
        "      x-xgen-operation-id-override: createStreamWorkspace",
        "      x-xgen-operation-id-override: createStreamWorkspace\n"
        "  /api/atlas/v2/groups/{groupId}/streams/copy:\n"
        "    post:\n"
        "      operationId: createGroupStreamWorkspace\n"
        "      x-xgen-operation-id-override: copyStreamWorkspace\n"
        "      x-codegen-empty-success: true\n"
        "      parameters:\n"
        "      - $ref: '#/components/parameters/groupId'\n"
        "      responses:\n"
        "        '204':\n"
        "          description: Copied.",
        (
            "{second}:7: error: duplicate operationId 'createGroupStreamWorkspace' (first at line {first}) "
            "(hint: each operation needs its own operationId)",
        ),
        anchors={"first": ("operationId:",), "second": ("/streams/copy:", "operationId:")},
    ),
    BrokenSpec(
        "operation-without-a-function-name",
        "",
        "",
        (
            f"{{operation}}:5: error: {OPERATION} has no x-xgen-operation-id-override and no "
            "x-codegen-operation-name (hint: copy upstream's x-xgen-operation-id-override, or name the generated "
            "function with x-codegen-operation-name)",
        ),
        anchors={"operation": ("    post:",)},
        edits=(
            delete(("paths", "/api/atlas/v2/groups/{groupId}/streams", "post", "x-xgen-operation-id-override")),
            delete(("paths", "/api/atlas/v2/groups/{groupId}/streams", "post", "x-codegen-operation-name")),
        ),
    ),
    BrokenSpec(
        "unversioned-request-media-type",
        "          application/vnd.atlas.2023-02-01+json:",
        "          application/json:",
        (
            f"{{line}}:11: error: {OPERATION} request body: media type 'application/json' is not a versioned Atlas "
            "media type (hint: use application/vnd.atlas.YYYY-MM-DD+json with the API version's date)",
        ),
    ),
    BrokenSpec(
        "unversioned-success-media-type",
        "            application/vnd.atlas.2023-02-01+json:",
        "            application/json:",
        (
            f"{{line}}:13: error: {OPERATION} response 200: media type 'application/json' is not a versioned Atlas "
            "media type (hint: use application/vnd.atlas.YYYY-MM-DD+json with the API version's date)",
        ),
    ),
    BrokenSpec(
        "response-without-example",
        "    unauthorized:\n      content:\n        application/json:\n          example:",
        "    unauthorized:\n      content:\n        application/json:\n          x-example:",
        (
            f"{{next2}}:9: error: {OPERATION} response 401 (application/json) has no example "
            "(hint: add the documented example)",
        ),
    ),
    BrokenSpec(
        "discriminator-mapping-misses-a-member",
        "          USER_INFO: '#/components/schemas/ConfluentUserInfoAuthentication'",
        "          USER_INFO: '#/components/schemas/ConfluentSaslInheritAuthentication'",
        (
            "{member}:9: error: oneOf member '#/components/schemas/ConfluentUserInfoAuthentication' of "
            "SchemaRegistryAuthentication is missing from its discriminator mapping "
            "(hint: add `<type value>: '#/components/schemas/ConfluentUserInfoAuthentication'` "
            "to discriminator.mapping)",
        ),
        anchors={"member": ("    SchemaRegistryAuthentication:", "oneOf:", "ConfluentUserInfoAuthentication")},
    ),
    BrokenSpec(
        "unused-component",
        "    Link:",
        "    Nobody:\n      type: string\n    Link:",
        (
            "{line}:5: error: unused component components.schemas.Nobody (hint: nothing in paths or security reaches "
            "it, yet it would be generated: delete it, or reference it)",
        ),
    ),
    # --- example and default values -------------------------------------------------------------------------
    BrokenSpec(
        "request-example-enum",
        "                tier: SP30",
        "                tier: SP99",
        (
            "{line}:17: error: request example $.streamConfig.tier: 'SP99' is not one of "
            "['SP50', 'SP30', 'SP10', 'SP5', 'SP2']",
        ),
    ),
    BrokenSpec(
        "request-example-region-of-no-provider",
        "                region: SYDNEY_AUS",
        "                region: MARS",
        (
            "{line}:17: error: request example $.dataProcessRegion.region: 'MARS' is not one of ['SYDNEY_AUS', "
            "'MUMBAI_IND', 'FRANKFURT_DEU', 'DUBLIN_IRL', 'LONDON_GBR', 'VIRGINIA_USA', 'OHIO_USA', 'OREGON_USA', "
            "'SAOPAULO_BRA', 'MONTREAL_CAN', 'TOKYO_JPN', 'SINGAPORE_SGP', 'PARIS_FRA', 'SEOUL_KOR', 'eastus', "
            "'westus', 'eastus2', 'westeurope', 'brazilsouth', 'australiaeast', 'US_CENTRAL1', 'EUROPE_WEST1', "
            "'US_EAST4']",
        ),
    ),
    BrokenSpec(
        "request-example-with-read-only-field",
        "              name: string",
        "              name: string\n              groupId: 32b6e34b3d91647abb20e7b8",
        (
            "{next}:15: error: request example $.groupId: readOnly property: a request must not carry it "
            "(hint: remove it from the request example)",
        ),
    ),
    BrokenSpec(
        "response-example-with-write-only-field",
        "                  type: Sample",
        "                  type: Kafka\n                  authentication:\n                    password: secret",
        (
            "{next2}:21: error: response example $.connections[0].authentication.password: writeOnly property: "
            "a response must not carry it (hint: remove it from the response example)",
        ),
    ),
    BrokenSpec(
        "response-example-pattern",
        "                _id: 32b6e34b3d91647abb20e7b8",
        "                _id: not-hex",
        ("{line}:17: error: response example $._id: 'not-hex' does not match '^([a-f0-9]{{24}})$'",),
    ),
    BrokenSpec(
        "request-example-missing-required-field",
        "                cloudProvider: AWS",
        "                cloud: AWS",
        (
            "{region}:15: error: request example $.dataProcessRegion: 'cloudProvider' is a required property",
            "{cloud}:17: warning: request example $.dataProcessRegion.cloud: the schema defines no property 'cloud' "
            "(hint: remove it, or rewrite the example from the schema (upstream-diff --apply does))",
        ),
        anchors={"region": ("requestBody:", "dataProcessRegion:"), "cloud": ("requestBody:", "cloud: AWS")},
    ),
    BrokenSpec(
        "request-example-wrong-type",
        "                solar: false",
        "                solar: 'no'",
        ("{line}:17: error: request example $.sampleConnections.solar: 'no' is not of type 'boolean'",),
    ),
    BrokenSpec(
        "request-example-too-many-items",
        "              failoverRegions:\n              - cloudProvider: AWS\n                region: SYDNEY_AUS\n",
        "              failoverRegions: [{cloudProvider: AWS, region: SYDNEY_AUS}, "
        "{cloudProvider: AWS, region: OHIO_USA}, {cloudProvider: GCP, region: US_EAST4}]\n",
        ("{line}:15: error: request example $.failoverRegions: 3 items, at most 2",),
    ),
    BrokenSpec(
        "error-example-wrong-type",
        "            error: 400",
        "            error: '400'",
        ("{line}:13: error: response example $.error: '400' is not of type 'integer'",),
    ),
    BrokenSpec(
        "schema-example-pattern",
        "          example: 32b6e34b3d91647abb20e7b8",
        "          example: 32B6",
        ("{line}:11: error: example $: '32B6' does not match '^([a-f0-9]{{24}})$'",),
    ),
    BrokenSpec(
        "parameter-examples-value-pattern",
        "      in: path",
        "      in: path\n      examples:\n        short:\n          value: abc",
        ("{value}:11: error: example 'short' $: 'abc' does not match '^([a-f0-9]{{24}})$'",),
        anchors={"value": ("value: abc",)},
    ),
    BrokenSpec(
        "default-of-wrong-type",
        "          default: false",
        "          default: 'false'",
        ("{line}:11: error: default $: 'false' is not of type 'boolean'",),
    ),
]
