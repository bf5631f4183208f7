"""5. Client overhead: one `create_stream_workspace.sync` call against a loopback server, against the
same request made with raw `httpx.Client.post` and JSON parsing."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator

import httpx
from atlas_streams import Client
from support.atlas_fakes import GROUP_ID, STREAMS_PATH
from support.generated_client import body_model, operation
from support.loopback import CannedResponse, LoopbackServer
from support.spec_examples import request_example, request_media_type, response_example

from bench import ROOT
from bench.measure import interleaved, per_call
from bench.profiling import cumulative, profile_calls, top_functions, total
from bench.report import Section, Target, duration, ratio_at_most, table, times

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
    "twice per request by httpx, the envelope check's parse of an absent query, and the headers merged once per "
    "set rather than twice per call. What is left is spread thinly: about 12 µs to parse the answer into models, "
    "8 µs to serialize the body, 6 µs for both checks, and a few µs each for the call's settings, its deadline, "
    "and the reading of the body under the size cap."
)
DEFAULT_REPEAT = 30
DEFAULT_BATCH = 100
TARGET_RATIO = 1.1
COUNTED_CALLS = 200
OURS = "create_stream_workspace.sync"
RAW = "httpx.Client.post + json"


@contextlib.contextmanager
def contenders() -> Iterator[dict[str, Callable[[], object]]]:
    """One call of each side, against one loopback server, each with its own client kept open."""
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

        yield {OURS: ours_call, RAW: raw_call}


def run(
    repeat: int = DEFAULT_REPEAT,
    warmup: int = 1,
    batch: int = DEFAULT_BATCH,
    profile: bool = True,
    counted_calls: int = COUNTED_CALLS,
) -> Section:
    with contenders() as calls:
        series = interleaved({label: per_call(call, batch) for label, call in calls.items()}, repeat, warmup)
        breakdown = _profile(calls[OURS], calls[RAW], batch) if profile else None
    section = Section(
        title="Client overhead",
        method=METHOD + f" {batch} calls per batch.",
        series=list(series.values()),
        ours=OURS,
        baseline=RAW,
    )
    section.targets.append(ratio_at_most(section, TARGET_RATIO, "raw httpx per call"))
    counts = instructions_per_call(counted_calls) if counted_calls else None  # 0: not counted (the smoke test)
    by_count = counts[OURS] / counts[RAW] if counts else None
    section.targets.append(
        Target(
            f"ours ≤ {TARGET_RATIO}× raw httpx per call, by instructions (callgrind)",
            times(by_count) if by_count is not None else "— (valgrind is not installed)",
            by_count <= TARGET_RATIO if by_count is not None else None,
        )
    )
    if counts:
        section.details.append(_counts_table(counts, counted_calls))
    if breakdown:
        section.details.append(breakdown)
    return section


def instructions_per_call(calls: int) -> dict[str, float] | None:
    """Instructions per call of each side, counted by valgrind's callgrind (None without valgrind): a process that
    makes `calls` calls and one that makes three times as many; the difference, divided, leaves out start-up."""
    if shutil.which("valgrind") is None:
        return None
    counts = {}
    for label in (OURS, RAW):
        fewer, more = (_instructions(label, n) for n in (calls, 3 * calls))
        counts[label] = (more - fewer) / (2 * calls)
    return counts


def _instructions(label: str, calls: int) -> int:
    command = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable]
    command += ["-m", "bench.client_overhead", label, str(calls)]
    # One hash seed for every child: string hashes decide the work of dicts and sets, and would vary the count.
    paths = os.pathsep.join([str(ROOT / "tests"), str(ROOT)])
    environment = {**os.environ, "PYTHONPATH": paths, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, cwd=ROOT, env=environment, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind reported no instruction count: {done.stderr[-500:]}")
    return int(found.group(1))


def _counts_table(counts: dict[str, float], calls: int) -> str:
    rows = [[label, f"{count:,.0f}"] for label, count in counts.items()]
    return "\n\n".join(
        [
            "### Instructions per call",
            "Counted by valgrind's callgrind, which this machine offers where hardware counters are not: the "
            f"instructions of a process making {calls} calls taken from one making {3 * calls}, divided by "
            f"{2 * calls}, so that start-up and imports cancel out, with one hash seed for all. The loopback server's "
            "thread runs in the same process, so its instructions count on both sides alike. Unlike wall time, the "
            "count does not move with the load of the machine; it still moves by about 2% from run to run (raw "
            "httpx's more than ours), as the two threads interleave differently.",
            table(["", "instructions per call"], [*rows, ["ratio", times(counts[OURS] / counts[RAW])]]),
        ]
    )


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


if __name__ == "__main__":  # a child of instructions_per_call: `python -m bench.client_overhead LABEL CALLS`
    with contenders() as sides:
        call = sides[sys.argv[1]]
        call()  # the connection opened and the caches filled, as in the timed runs' warm-up
        for _ in range(int(sys.argv[2])):
            call()
