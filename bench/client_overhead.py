"""5. Client overhead: one `create_stream_workspace.sync` call against a loopback server, against the
same request made with raw `httpx.Client.post` and JSON parsing."""

from __future__ import annotations

import json
from collections.abc import Callable

import httpx
from atlas_streams import Client
from support.atlas_fakes import GROUP_ID, STREAMS_PATH
from support.generated_client import body_model, operation
from support.loopback import CannedResponse, LoopbackServer
from support.spec_examples import request_example, request_media_type, response_example

from bench.measure import interleaved, per_call
from bench.profiling import cumulative, profile_calls, top_functions, total
from bench.report import Section, duration, ratio_at_most, table

METHOD = (
    "Both sides talk to the same HTTP/1.1 keep-alive server on 127.0.0.1 (`tests/support/loopback.py`), which answers "
    "every request with the documented 200 response. Each side uses one client for all its calls, so the "
    "connection persists. Ours: the default `atlas_streams.Client(base_url=...)`, what users get (default "
    "timeouts and retry policy, which a 200 never triggers), and `create_stream_workspace.sync` with a "
    "`StreamsTenant` built once from the documented request example; it validates the group id and the body, "
    "serializes the body, sends it and parses the answer into a `StreamsTenant`. Raw: `httpx.Client.post` of the "
    "same example as a dict with the same Accept and Content-Type headers, `raise_for_status()` and "
    "`response.json()`. One sample is a batch of calls divided by its size: the time per call."
)
FINDINGS = (
    "**Findings.** The difference is the generated layer's own work per call: checking the group id against its "
    "pattern and the body against the schema (enums, patterns, required properties, maxItems), dropping read-only "
    "fields from the body (`_get_kwargs` above), checking the answer's JSON types and parsing it into models "
    "(`build_response`), and the call's settings, deadline and retry bookkeeping. httpx's own part is the same for "
    "both up to noise. A loopback round trip takes well under a millisecond, so this fixed cost weighs far more "
    "here than against Atlas across a network (tens of milliseconds per call). Removed since the first run "
    "(1.29×): an import statement per model in every `to_dict` / `from_dict` call, an empty `params` that made "
    "httpx parse the URL again, generator-based validation, the class lookups of read-only stripping for every "
    "string and enum value; then (1.23× to about 1.1×) the checks compiled to source with scalar checks inline "
    "instead of nested closures, the operation's URL merged onto the base URL once per path instead of parsed "
    "twice per request by httpx, the envelope check's parse of an absent query, and a header object per call. "
    "What is left is spread thinly: about 12 µs to parse the answer into models, 8 µs to serialize the body, "
    "6 µs for both checks, and a few µs each for the call's settings, the headers' merge, and the reading of the "
    "body under the size cap."
)
DEFAULT_REPEAT = 30
DEFAULT_BATCH = 100
TARGET_RATIO = 1.1
OURS = "create_stream_workspace.sync"
RAW = "httpx.Client.post + json"


def run(repeat: int = DEFAULT_REPEAT, warmup: int = 1, batch: int = DEFAULT_BATCH, profile: bool = True) -> Section:
    media_type = request_media_type()
    answer = CannedResponse(200, {"Content-Type": media_type}, json.dumps(response_example(200)).encode())
    body = request_example()
    model = body_model().from_dict(body)
    sync = operation.sync  # looked up once: through the lazy module, each call would pay an import lookup
    headers = {"Accept": media_type, "Content-Type": media_type}
    with LoopbackServer() as server, Client(base_url=server.url) as ours, httpx.Client(base_url=server.url) as raw:
        server.route(STREAMS_PATH, lambda request: answer)

        def ours_call() -> object:
            return sync(GROUP_ID, client=ours, body=model)

        def raw_call() -> object:
            response = raw.post(STREAMS_PATH, json=body, headers=headers)
            response.raise_for_status()
            return response.json()

        series = interleaved({OURS: per_call(ours_call, batch), RAW: per_call(raw_call, batch)}, repeat, warmup)
        breakdown = _profile(ours_call, raw_call, batch) if profile else None
    section = Section(
        title="Client overhead",
        method=METHOD + f" {batch} calls per batch.",
        series=list(series.values()),
        ours=OURS,
        baseline=RAW,
    )
    section.targets.append(ratio_at_most(section, TARGET_RATIO, "raw httpx per call"))
    if breakdown:
        section.details.append(breakdown)
    return section


def _profile(ours_call: Callable[[], object], raw_call: Callable[[], object], calls: int) -> str:
    ours = profile_calls(ours_call, calls)
    raw = profile_calls(raw_call, calls)
    # Both send through httpx.Client.send (raw httpx's request() calls it); ours reads the body itself, after it.
    in_httpx = [("httpx/_client.py", "send")]
    ours_total, raw_total = total(ours) / calls, total(raw) / calls
    ours_httpx, raw_httpx = cumulative(ours, in_httpx) / calls, cumulative(raw, in_httpx) / calls
    rows = [
        ["whole call (profiled)", duration(ours_total), duration(raw_total)],
        [
            "in `httpx.Client.send` (sending, receiving; raw: reading the body too)",
            duration(ours_httpx),
            duration(raw_httpx),
        ],
        [
            "outside it (ours: the generated layer; raw: `raise_for_status`, `json`)",
            duration(ours_total - ours_httpx),
            duration(raw_total - raw_httpx),
        ],
    ]
    generated = [[f"`{name}`", duration(seconds / calls)] for name, seconds in top_functions(ours, "atlas_streams", 8)]
    return "\n\n".join(
        [
            "### Where the time goes",
            f"{calls} calls of each under cProfile, in the benchmark's process (the loopback server's thread is "
            "not profiled), per call. cProfile slows Python code down, so compare rows and columns, not wall times.",
            table(["", OURS, RAW], rows),
            "The generated package's functions taking most time per call (cumulative, so they nest):",
            table(["function", "per call"], generated),
            FINDINGS,
        ]
    )
