"""`atlas-streams`: the Atlas Streams operations from a shell, one command per operation.

Credentials come from the environment, as for `Client.from_env()`. The response JSON goes to
stdout; errors go to stderr, with an exit status per class of failure (see EXIT_STATUSES).
"""

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx

from .api.streams import (
    create_stream_workspace,
    delete_stream_workspace,
    get_stream_workspace,
    list_stream_workspaces,
    update_stream_workspace,
    with_stream_sample_connections,
)
from .client import DEFAULT_BASE_URL, Client, auth_from_env
from .errors import (
    AtlasApiError,
    AuthenticationError,
    BadRequestError,
    ForbiddenError,
    InvalidParameterError,
    NotFoundError,
    RateLimitedError,
    RequestValidationError,
    ResponseParseError,
    ServerError,
    UnauthorizedError,
)
from .types import Unset

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_VALIDATION = 3
EXIT_AUTH = 4
EXIT_NOT_FOUND = 5
EXIT_RATE_LIMITED = 6
EXIT_SERVER = 7
EXIT_NETWORK = 8

EXIT_STATUSES = {
    EXIT_OK: "success",
    EXIT_API_ERROR: "Atlas refused the request for another reason (such as 409 Conflict)",
    EXIT_USAGE: "wrong command line, or an unreadable --file",
    EXIT_VALIDATION: "invalid input, found before sending or by Atlas (400)",
    EXIT_AUTH: "no usable credentials, or Atlas refused them (401, 403)",
    EXIT_NOT_FOUND: "the project or another resource does not exist (404)",
    EXIT_RATE_LIMITED: "too many requests, still after the retries (429)",
    EXIT_SERVER: "Atlas failed (5xx), or its answer was unreadable (a success status with a body that does not parse)",
    EXIT_NETWORK: "no connection to Atlas, or a timeout",
}

_EXIT_FOR_ERROR: tuple[tuple[type[AtlasApiError], int], ...] = (
    (AuthenticationError, EXIT_AUTH),
    (BadRequestError, EXIT_VALIDATION),
    (UnauthorizedError, EXIT_AUTH),
    (ForbiddenError, EXIT_AUTH),
    (NotFoundError, EXIT_NOT_FOUND),
    (RateLimitedError, EXIT_RATE_LIMITED),
    (ServerError, EXIT_SERVER),
    (ResponseParseError, EXIT_SERVER),
)


@dataclass(frozen=True)
class Parameter:
    """A path or query parameter of an operation, as a command-line option."""

    option: str
    argument: str  # keyword of the operation function
    name: str  # name in the spec
    required: bool
    flag: bool  # a boolean query parameter: present means true
    help: str  # the first sentence of its description in the spec, and its pattern

    @property
    def dest(self) -> str:
        return "parameter " + self.argument  # a name no other option can take (`--dry-run` is dry_run)


@dataclass(frozen=True)
class BodyOption:
    """An option that sets one field of the request body, at `path` (JSON names)."""

    option: str
    path: tuple[str, ...]
    type: str
    choices: tuple[str, ...]

    @property
    def json_path(self) -> str:
        return "$." + ".".join(self.path)


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    operation: ModuleType
    parameters: tuple[Parameter, ...]
    body_options: tuple[BodyOption, ...]
    has_body: bool


COMMANDS: tuple[Command, ...] = (
    Command(
        name="workspaces-list",
        help="Return All Stream Workspaces in One Project",
        operation=list_stream_workspaces,
        parameters=(
            Parameter(
                option="--group-id",
                argument="group_id",
                name="groupId",
                required=True,
                flag=False,
                help="24-character hexadecimal ID of the project that holds the stream workspaces. Pattern: ^([a-f0-9]{24})$",
            ),
            Parameter(
                option="--envelope",
                argument="envelope",
                name="envelope",
                required=False,
                flag=True,
                help="Set to true to have Atlas wrap the response in an `envelope` JSON object that also reports the HTTP status, which helps clients that cannot read status codes or response headers.",
            ),
            Parameter(
                option="--items-per-page",
                argument="items_per_page",
                name="itemsPerPage",
                required=False,
                flag=False,
                help="How many items one page of results holds at most.",
            ),
            Parameter(
                option="--page-num",
                argument="page_num",
                name="pageNum",
                required=False,
                flag=False,
                help="Which page of results to return, counting from 1.",
            ),
            Parameter(
                option="--pretty",
                argument="pretty",
                name="pretty",
                required=False,
                flag=True,
                help="Set to true to receive an indented, human-readable (pretty-printed) response body.",
            ),
        ),
        body_options=(),
        has_body=False,
    ),
    Command(
        name="workspaces-create",
        help="Create One Stream Workspace",
        operation=create_stream_workspace,
        parameters=(
            Parameter(
                option="--group-id",
                argument="group_id",
                name="groupId",
                required=True,
                flag=False,
                help="24-character hexadecimal ID of the project that holds the stream workspaces. Pattern: ^([a-f0-9]{24})$",
            ),
            Parameter(
                option="--envelope",
                argument="envelope",
                name="envelope",
                required=False,
                flag=True,
                help="Set to true to have Atlas wrap the response in an `envelope` JSON object that also reports the HTTP status, which helps clients that cannot read status codes or response headers.",
            ),
            Parameter(
                option="--pretty",
                argument="pretty",
                name="pretty",
                required=False,
                flag=True,
                help="Set to true to receive an indented, human-readable (pretty-printed) response body.",
            ),
        ),
        body_options=(
            BodyOption(
                option="--name",
                path=("name",),
                type="string",
                choices=(),
            ),
            BodyOption(
                option="--cloud-provider",
                path=("dataProcessRegion", "cloudProvider"),
                type="string",
                choices=("AWS", "GCP", "AZURE", "TENANT", "SERVERLESS"),
            ),
            BodyOption(
                option="--region",
                path=("dataProcessRegion", "region"),
                type="string",
                choices=(
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
                    "eastus",
                    "westus",
                    "eastus2",
                    "westeurope",
                    "brazilsouth",
                    "australiaeast",
                    "US_CENTRAL1",
                    "EUROPE_WEST1",
                    "US_EAST4",
                ),
            ),
            BodyOption(
                option="--tier",
                path=("streamConfig", "tier"),
                type="string",
                choices=("SP50", "SP30", "SP10", "SP5", "SP2"),
            ),
            BodyOption(
                option="--max-tier-size",
                path=("streamConfig", "maxTierSize"),
                type="string",
                choices=("SP50", "SP30", "SP10", "SP5", "SP2"),
            ),
            BodyOption(
                option="--sample-solar",
                path=("sampleConnections", "solar"),
                type="boolean",
                choices=(),
            ),
        ),
        has_body=True,
    ),
    Command(
        name="workspaces-get",
        help="Return One Stream Workspace",
        operation=get_stream_workspace,
        parameters=(
            Parameter(
                option="--group-id",
                argument="group_id",
                name="groupId",
                required=True,
                flag=False,
                help="24-character hexadecimal ID of the project that holds the stream workspaces. Pattern: ^([a-f0-9]{24})$",
            ),
            Parameter(
                option="--tenant-name",
                argument="tenant_name",
                name="tenantName",
                required=True,
                flag=False,
                help="Name of the stream workspace to look up.",
            ),
            Parameter(
                option="--envelope",
                argument="envelope",
                name="envelope",
                required=False,
                flag=True,
                help="Set to true to have Atlas wrap the response in an `envelope` JSON object that also reports the HTTP status, which helps clients that cannot read status codes or response headers.",
            ),
            Parameter(
                option="--include-connections",
                argument="include_connections",
                name="includeConnections",
                required=False,
                flag=True,
                help="Set to true to have the response list the workspace's connections too.",
            ),
        ),
        body_options=(),
        has_body=False,
    ),
    Command(
        name="workspaces-delete",
        help="Delete One Stream Workspace",
        operation=delete_stream_workspace,
        parameters=(
            Parameter(
                option="--group-id",
                argument="group_id",
                name="groupId",
                required=True,
                flag=False,
                help="24-character hexadecimal ID of the project that holds the stream workspaces. Pattern: ^([a-f0-9]{24})$",
            ),
            Parameter(
                option="--tenant-name",
                argument="tenant_name",
                name="tenantName",
                required=True,
                flag=False,
                help="Name of the stream workspace to delete.",
            ),
            Parameter(
                option="--envelope",
                argument="envelope",
                name="envelope",
                required=False,
                flag=True,
                help="Set to true to have Atlas wrap the response in an `envelope` JSON object that also reports the HTTP status, which helps clients that cannot read status codes or response headers.",
            ),
            Parameter(
                option="--pretty",
                argument="pretty",
                name="pretty",
                required=False,
                flag=True,
                help="Set to true to receive an indented, human-readable (pretty-printed) response body.",
            ),
        ),
        body_options=(),
        has_body=False,
    ),
    Command(
        name="workspaces-update",
        help="Update One Stream Workspace",
        operation=update_stream_workspace,
        parameters=(
            Parameter(
                option="--group-id",
                argument="group_id",
                name="groupId",
                required=True,
                flag=False,
                help="24-character hexadecimal ID of the project that holds the stream workspaces. Pattern: ^([a-f0-9]{24})$",
            ),
            Parameter(
                option="--tenant-name",
                argument="tenant_name",
                name="tenantName",
                required=True,
                flag=False,
                help="Name of the stream workspace to change.",
            ),
            Parameter(
                option="--envelope",
                argument="envelope",
                name="envelope",
                required=False,
                flag=True,
                help="Set to true to have Atlas wrap the response in an `envelope` JSON object that also reports the HTTP status, which helps clients that cannot read status codes or response headers.",
            ),
            Parameter(
                option="--pretty",
                argument="pretty",
                name="pretty",
                required=False,
                flag=True,
                help="Set to true to receive an indented, human-readable (pretty-printed) response body.",
            ),
        ),
        body_options=(
            BodyOption(
                option="--cloud-provider",
                path=("cloudProvider",),
                type="string",
                choices=("AWS", "GCP", "AZURE", "TENANT", "SERVERLESS"),
            ),
            BodyOption(
                option="--region",
                path=("region",),
                type="string",
                choices=(
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
                    "eastus",
                    "westus",
                    "eastus2",
                    "westeurope",
                    "brazilsouth",
                    "australiaeast",
                    "US_CENTRAL1",
                    "EUROPE_WEST1",
                    "US_EAST4",
                ),
            ),
            BodyOption(
                option="--tier",
                path=("streamConfig", "tier"),
                type="string",
                choices=("SP50", "SP30", "SP10", "SP5", "SP2"),
            ),
            BodyOption(
                option="--max-tier-size",
                path=("streamConfig", "maxTierSize"),
                type="string",
                choices=("SP50", "SP30", "SP10", "SP5", "SP2"),
            ),
            BodyOption(
                option="--processor-status",
                path=("processorStatus", "status"),
                type="string",
                choices=("STARTED", "STOPPED", "FAILED_OVER"),
            ),
            BodyOption(
                option="--processor-mode",
                path=("processorStatus", "mode"),
                type="string",
                choices=("GRACEFUL", "FORCED"),
            ),
            BodyOption(
                option="--processor-region",
                path=("processorStatus", "region"),
                type="string",
                choices=(),
            ),
        ),
        has_body=True,
    ),
    Command(
        name="workspaces-create-with-sample-connections",
        help="Create One Stream Workspace with Sample Connections",
        operation=with_stream_sample_connections,
        parameters=(
            Parameter(
                option="--group-id",
                argument="group_id",
                name="groupId",
                required=True,
                flag=False,
                help="24-character hexadecimal ID of the project that holds the stream workspaces. Pattern: ^([a-f0-9]{24})$",
            ),
            Parameter(
                option="--envelope",
                argument="envelope",
                name="envelope",
                required=False,
                flag=True,
                help="Set to true to have Atlas wrap the response in an `envelope` JSON object that also reports the HTTP status, which helps clients that cannot read status codes or response headers.",
            ),
            Parameter(
                option="--pretty",
                argument="pretty",
                name="pretty",
                required=False,
                flag=True,
                help="Set to true to receive an indented, human-readable (pretty-printed) response body.",
            ),
        ),
        body_options=(),
        has_body=True,
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    command: Command = args.command
    arguments = {p.argument: getattr(args, p.dest) for p in command.parameters if getattr(args, p.dest) is not None}
    if command.has_body:
        arguments["body"] = _body(parser, args, command)
    try:
        if args.dry_run:
            _print_dry_run(_dry_run(command, args.base_url, arguments))
            return EXIT_OK
        try:
            client = Client.from_env(base_url=args.base_url)
        except ValueError:  # no credentials: problems of the options themselves are reported first
            _dry_run(command, args.base_url, arguments)
            raise
        with client:
            response = command.operation.sync_detailed(client=client, **arguments)
    except InvalidParameterError as error:
        return _fail(
            EXIT_VALIDATION, f"{_option_for_parameter(command, error.problem.location)}: {error.problem.message}"
        )
    except RequestValidationError as error:
        return _fail(
            EXIT_VALIDATION, *(f"{_option_for_path(command, p.location)}: {p.message}" for p in error.problems)
        )
    except AuthenticationError as error:
        return _fail(EXIT_AUTH, str(error))
    except ValueError as error:  # credentials missing from the environment
        return _fail(EXIT_AUTH, str(error))
    except httpx.TransportError as error:
        return _fail(EXIT_NETWORK, f"network error: {type(error).__name__}: {error}")
    if response.error is not None:
        return _fail(_exit_for(response.error), f"Atlas error {response.error}", *_field_problems(response.error))
    indent = 2 if sys.stdout.isatty() else None
    print(json.dumps(response.parsed.to_dict() if response.parsed is not None else None, indent=indent))
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    exit_lines = "\n".join(f"  {code}  {meaning}" for code, meaning in EXIT_STATUSES.items())
    parser = argparse.ArgumentParser(
        prog="atlas-streams",
        description="Atlas Streams operations. Credentials come from MONGODB_ATLAS_CLIENT_ID and "
        "MONGODB_ATLAS_CLIENT_SECRET (service account) or MONGODB_ATLAS_PUBLIC_API_KEY and "
        "MONGODB_ATLAS_PRIVATE_API_KEY (API key).",
        epilog=f"exit statuses:\n{exit_lines}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for command in COMMANDS:
        sub = commands.add_parser(
            command.name,
            help=command.help.replace("%", "%%"),
            description=command.help,
            epilog=f"exit statuses:\n{exit_lines}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(command=command)
        sub.add_argument("--base-url", default=None, help=f"Atlas base URL (default: {DEFAULT_BASE_URL})")
        sub.add_argument("--dry-run", action="store_true", help="print the HTTP request and send nothing")
        for parameter in command.parameters:
            help_text = parameter.help.replace("%", "%%")  # argparse %-formats help; a pattern may hold %2F
            if parameter.flag:
                sub.add_argument(
                    parameter.option,
                    dest=parameter.dest,
                    action="store_const",
                    const=True,
                    default=None,
                    help=help_text,
                )
            else:
                sub.add_argument(
                    parameter.option, dest=parameter.dest, required=parameter.required, metavar="VALUE", help=help_text
                )
        if command.has_body:
            sub.add_argument(
                "--file",
                type=str,
                help="JSON file with the request body ('-' reads stdin); options below override its fields",
            )
            for option in command.body_options:
                _add_body_option(sub, option)
    return parser


def _add_body_option(parser: argparse.ArgumentParser, option: BodyOption) -> None:
    dest = "body " + option.json_path  # a name no other option can take
    help_text = f"sets {option.json_path}"
    if option.choices:
        help_text += f"; one of: {', '.join(option.choices)}"
    help_text = help_text.replace("%", "%%")  # argparse %-formats help; spec text may hold a %
    if option.type == "boolean":
        parser.add_argument(
            option.option, dest=dest, action=argparse.BooleanOptionalAction, default=None, help=help_text
        )
    else:
        parser.add_argument(
            option.option,
            dest=dest,
            type=int if option.type == "integer" else str,
            default=None,
            metavar="VALUE",
            help=help_text,
        )


def _body(parser: argparse.ArgumentParser, args: argparse.Namespace, command: Command) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if args.file is not None:
        try:
            text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
            loaded = json.loads(text)
        except (OSError, ValueError) as error:
            parser.error(f"--file {args.file}: {error}")
        if not isinstance(loaded, dict):
            parser.error(f"--file {args.file}: the body must be a JSON object")
        body = loaded
    for option in command.body_options:
        value = getattr(args, "body " + option.json_path)
        if value is not None:
            _set(body, option.path, value)
    return body


def _set(body: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for name in path[:-1]:
        body = body.setdefault(name, {})
    body[path[-1]] = value


def _option_for_parameter(command: Command, name: str) -> str:
    return next((p.option for p in command.parameters if p.name == name), name)


def _option_for_path(command: Command, json_path: str) -> str:
    return next((o.option for o in command.body_options if o.json_path == json_path), json_path)


def _field_problems(error: AtlasApiError) -> list[str]:
    """Atlas's account of each offending field of a 400, one line each."""
    detail = error.bad_request_detail
    if detail is None or isinstance(detail.fields, Unset):
        return []
    return [f"{violation.field}: {violation.description}" for violation in detail.fields]


def _exit_for(error: AtlasApiError) -> int:
    return next((code for kind, code in _EXIT_FOR_ERROR if isinstance(error, kind)), EXIT_API_ERROR)


def _fail(code: int, *lines: str) -> int:
    for line in lines:
        print(f"atlas-streams: {line}", file=sys.stderr)
    return code


def _dry_run(command: Command, base_url: str | None, arguments: Mapping[str, Any]) -> httpx.Request:
    """The operation's request, its parameters and body checked, not sent."""
    with Client(base_url or DEFAULT_BASE_URL) as client:
        request: httpx.Request = command.operation.dry_run(client=client, **arguments)
    return request


def _print_dry_run(request: httpx.Request) -> None:
    """The request exactly as it would leave, with the credential shown only by its public part."""
    print(f"{request.method} {request.url}")
    for name, value in request.headers.items():
        print(f"{name}: {value}")
    print(f"authorization: {_masked_credentials()}")
    print()
    print(request.content.decode("utf-8"))  # the bytes sent, so they agree with content-length


def _masked_credentials() -> str:
    try:
        auth = auth_from_env(os.environ)
    except ValueError as error:
        return f"(none: {error})"
    return f"added when sent, by {auth!r} (secrets not shown)"
