"""`atlas-streams`: the Atlas Streams operations from a shell, one command per operation.

Credentials come from the environment, as for `Client.from_env()`. The response JSON goes to
stdout; errors go to stderr, with an exit status per class of failure (see EXIT_STATUSES). Whatever
a server sends reaches the terminal with its control characters escaped.
"""

import argparse
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn

import httpx

from ._text import printable
from .api.streams import (
    create_stream_workspace,
    delete_stream_workspace,
    get_stream_workspace,
    list_stream_workspaces,
    update_stream_workspace,
    with_stream_sample_connections,
)
from .client import ENV_BASE_URL, Client, auth_from_env, base_url_from_env
from .errors import (
    AtlasApiError,
    AtlasConnectionError,
    AuthenticationError,
    BadRequestError,
    ForbiddenError,
    InvalidParameterError,
    MissingCredentialsError,
    NotFoundError,
    RateLimitedError,
    RequestValidationError,
    ResponseParseError,
    ResponseTooLargeError,
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
    (ResponseTooLargeError, EXIT_SERVER),
)
# Headers whose values are secrets: --verbose shows their scheme only.
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})


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
    base_url = _base_url(parser, args.base_url)
    arguments = {p.argument: getattr(args, p.dest) for p in command.parameters if getattr(args, p.dest) is not None}
    if command.has_body:
        arguments["body"] = _body(parser, args, command)
    blame = _Blame(command, args)
    try:
        if args.dry_run:
            return _print(_dry_run_text(_dry_run(command, base_url, arguments)), EXIT_OK)
        try:
            client = Client.from_env(base_url=base_url, httpx_args=_verbose_hooks() if args.verbose else None)
        except MissingCredentialsError:  # no credentials: problems of the options themselves are reported first
            _dry_run(command, base_url, arguments)
            raise
        with client:
            response = command.operation.sync_detailed(client=client, **arguments)
    except InvalidParameterError as error:
        return _fail(
            EXIT_VALIDATION, f"{_option_for_parameter(command, error.problem.location)}: {error.problem.message}"
        )
    except RequestValidationError as error:
        return _fail(EXIT_VALIDATION, *(f"{blame.option_for(p.location)}: {p.message}" for p in error.problems))
    except MissingCredentialsError as error:
        return _fail(EXIT_AUTH, str(error))
    except AtlasConnectionError as error:
        return _fail(EXIT_NETWORK, f"network error: {error}")
    except AtlasApiError as error:  # the token endpoint's answer: refused credentials, rate limited, failing
        return _fail(_exit_for(error), str(error))
    if response.error is not None:
        return _fail(_exit_for(response.error), f"Atlas error {response.error}", *_field_problems(response.error))
    indent = 2 if sys.stdout.isatty() else None
    return _print(
        json.dumps(response.parsed.to_dict() if response.parsed is not None else None, indent=indent), EXIT_OK
    )


def _print(text: str, code: int) -> int:
    """`text` on stdout, then `code`. A reader that stops early (`| head -c 150`) is no failure of the command:
    it keeps its exit status, rather than a traceback and 1, which means "Atlas refused"."""
    try:
        print(text, flush=True)
    except BrokenPipeError:
        # The interpreter flushes stdout once more at exit: let that go to devnull, not the closed pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return code


def _base_url(parser: argparse.ArgumentParser, given: str | None) -> str:
    """The base URL the command talks to, and shows with --dry-run: --base-url, else the environment's."""
    base_url = given or base_url_from_env(os.environ)
    where = "--base-url" if given else (ENV_BASE_URL if os.environ.get(ENV_BASE_URL) else "the default base URL")
    try:
        url = httpx.URL(base_url)
    except (httpx.InvalidURL, ValueError, TypeError) as error:
        _usage_error(parser, f"{where} {base_url!r}: {error}")
    if url.scheme not in ("http", "https") or not url.host:
        _usage_error(parser, f"{where} {base_url!r}: not an http:// or https:// URL with a host")
    return base_url


def _usage_error(parser: argparse.ArgumentParser, message: str) -> NoReturn:
    parser.error(printable(message).replace("%", "%%"))


class _Blame:
    """Which option a problem at a JSON path of the body is told against: the option for that field when the
    user gave it, else --file (the value came from the file), else the path itself."""

    def __init__(self, command: Command, args: argparse.Namespace) -> None:
        self._options = {
            option.json_path: option.option
            for option in command.body_options
            if getattr(args, "body " + option.json_path) is not None
        }
        self._file = getattr(args, "file", None)

    def option_for(self, json_path: str) -> str:
        if json_path in self._options:
            return self._options[json_path]
        if self._file is not None:
            return f"--file {self._file}: {json_path}"
        return json_path


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
        sub.add_argument("--base-url", default=None, help=_base_url_help().replace("%", "%%"))
        sub.add_argument("--dry-run", action="store_true", help="print the HTTP request and send nothing")
        sub.add_argument(
            "--verbose", action="store_true", help="show each request and response line on stderr, secrets masked"
        )
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


def _base_url_help() -> str:
    if os.environ.get(ENV_BASE_URL):
        return f"Atlas base URL (default: {base_url_from_env(os.environ)}, from {ENV_BASE_URL})"
    return f"Atlas base URL (default: {base_url_from_env(os.environ)}; {ENV_BASE_URL} sets another)"


def _body(parser: argparse.ArgumentParser, args: argparse.Namespace, command: Command) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if args.file is not None:
        try:
            text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
            loaded = json.loads(text, parse_constant=_no_constant)
            # JSON that Python reads but cannot send: a lone surrogate (\ud800) in a string.
            json.dumps(loaded, ensure_ascii=False).encode("utf-8")
        except (OSError, ValueError) as error:
            _usage_error(parser, f"--file {args.file}: {error}")
        except RecursionError:
            _usage_error(parser, f"--file {args.file}: nested too deep")
        if not isinstance(loaded, dict):
            _usage_error(parser, f"--file {args.file}: the body must be a JSON object")
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


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _field_problems(error: AtlasApiError) -> list[str]:
    """Atlas's account of each offending field of a 400, one line each."""
    detail = error.bad_request_detail
    if detail is None or isinstance(detail.fields, Unset):
        return []
    return [
        f"{printable(str(violation.field))}: {printable(str(violation.description))}" for violation in detail.fields
    ]


def _exit_for(error: AtlasApiError) -> int:
    return next((code for kind, code in _EXIT_FOR_ERROR if isinstance(error, kind)), EXIT_API_ERROR)


def _fail(code: int, *lines: str) -> int:
    for line in lines:
        _stderr(f"atlas-streams: {line}")
    return code


def _stderr(line: str) -> None:
    # Every line may hold server text: printable() keeps it from moving the cursor or forging lines.
    try:
        print(printable(line), file=sys.stderr, flush=True)
    except BrokenPipeError:
        pass


def _dry_run(command: Command, base_url: str, arguments: Mapping[str, Any]) -> httpx.Request:
    """The operation's request, its parameters and body checked, not sent."""
    with Client(base_url) as client:
        request: httpx.Request = command.operation.dry_run(client=client, **arguments)
    return request


def _dry_run_text(request: httpx.Request) -> str:
    """The request exactly as it would leave, with the credential shown only by its public part."""
    lines = [f"{request.method} {request.url}"]
    lines += [f"{name}: {value}" for name, value in request.headers.items()]
    lines += [f"authorization: {_masked_credentials()}", ""]
    lines.append(request.content.decode("utf-8"))  # the bytes sent, so they agree with content-length
    return "\n".join(lines)


def _verbose_hooks() -> dict[str, Any]:
    """httpx event hooks that show each request and response line on stderr (the token request and auth
    challenges included), secrets masked."""

    def request_line(request: httpx.Request) -> None:
        _stderr(f"> {request.method} {request.url}")
        for name, value in request.headers.items():
            _stderr(f"> {name}: {_masked(name, value)}")

    def response_line(response: httpx.Response) -> None:
        _stderr(f"< {response.status_code} {response.reason_phrase}")
        for name, value in response.headers.items():
            _stderr(f"< {name}: {_masked(name, value)}")

    return {"event_hooks": {"request": [request_line], "response": [response_line]}}


def _masked(name: str, value: str) -> str:
    if name.lower() not in _SECRET_HEADERS:
        return value
    scheme = value.split(" ", 1)[0] if name.lower().endswith("authorization") else ""
    return f"{scheme} (secret, not shown)".strip()


def _masked_credentials() -> str:
    try:
        auth = auth_from_env(os.environ)
    except ValueError as error:
        return f"(none: {error})"
    return f"added when sent, by {auth!r} (secrets not shown)"
