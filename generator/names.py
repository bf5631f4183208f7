"""What the generated code calls the spec's things, as plain strings: the contract between code generation
(generator/codegen/, which alone knows the library's class, attribute and type names) and the docs
(generator/docs/, which show them and must not load the library)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class OperationNames:
    module: str  # dotted path of the operation's module, e.g. atlas_streams.api.streams.create_stream_workspace
    arguments: dict[str, tuple[str, str]]  # parameter name in the spec -> (Python argument, type string)
    command: str  # its command of the generated console script, e.g. "create-workspace"
    options: dict[str, str]  # parameter name in the spec -> its option of that command, e.g. "--group-id"


@dataclass(frozen=True)
class PythonNames:
    operations: dict[tuple[str, str], OperationNames]  # (spec path, HTTP method) ->
    schemas: dict[str, str]  # component schema name -> its Python class, or its type when it is a union
    fields: dict[str, dict[str, tuple[str, str]]]  # class name -> JSON property name -> (attribute, type string)
    # response header, lower-cased -> its attribute of the generated Response (rate_limit_remaining)
    response_headers: dict[str, str] = field(default_factory=dict)
