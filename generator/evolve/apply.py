"""Writing upstream's facts into our spec (`upstream-diff --apply`) while keeping everything that is ours.

The upstream cut (upstream.py) is first put into our layout (cycle_split.redo_split), then
merged into the round-trip tree of spec/streams.yaml node by node:
- a fact that differs takes upstream's value; a fact upstream no longer has is removed;
- ours stays: descriptions, examples, comments, `info`, the `x-codegen-*` markers and the split, and our
  corrections of upstream facts (`x-codegen-upstream`) while upstream still has the value we corrected;
- a node new from upstream brings upstream's facts and example values (facts too, see README) but none
  of its prose: every description upstream has there, and the text of every changelog entry new from
  upstream, becomes DESCRIPTION_PLACEHOLDER, and its location is reported so that a person writes it;
- a new key goes after its predecessor in upstream's order (and past our own keys that sort before
  it); everything else keeps its place, so an unchanged spec is written back byte for byte.
Sequence items are matched by `$ref`, else `in`+`name`, else `name`, else value (scalars) or position.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import CommentToken

from generator.errors import CodegenError
from generator.evolve.api_diff import diff_specs
from generator.evolve.normal_form import (
    is_changelog,
    is_documentation,
    is_example,
    is_ours,
    is_prose,
    normal_form,
)
from generator.spec.cycle_split import PADDING_MEMBER, bases_to_apply, redo_split
from generator.spec.examples import body_media, synthesize, synthesized_media
from generator.spec.loading import Spec, dump_spec
from generator.spec.pointers import Pointer, node_at, walk
from generator.spec.schema_facts import body_schema, listed_item_schema, property_schema, read_back_problems
from generator.spec.vocabulary import (
    CLI,
    DESCRIPTION_PLACEHOLDER,
    HTTP_METHODS,
    READ_BACK,
    SPLIT_FROM,
    UPSTREAM_VALUES,
    OperationKey,
    cli_settings,
    operations,
    schema_name,
)

_UPSTREAM_REVISION = "x-xgen-sha"


@dataclass
class Applied:
    text: str  # the new spec/streams.yaml
    placeholders: list[Pointer] = field(default_factory=list)  # each DESCRIPTION_PLACEHOLDER written
    # x-codegen-cli options whose field is gone, x-codegen-read-backs whose GET or matched fields are gone
    dropped_options: list[str] = field(default_factory=list)


def apply_upstream(
    spec: Spec, fragment: dict[str, Any], pairs: dict[OperationKey, OperationKey] | None = None
) -> Applied:
    """Our spec with upstream's facts from `fragment` (a cut made by upstream.py); the round-trip tree
    `spec.tree` is changed in place. `pairs` maps each of our operations to upstream's: one that moved is moved
    in our tree first, so that it keeps what is ours (prose, examples, x-codegen-*, comments). Call it only when
    the facts differ: it also records upstream's revision."""
    for ours, theirs_key in (pairs or {}).items():
        if ours != theirs_key:
            _move_operation(spec.tree, ours, theirs_key)
    theirs = redo_split({k: v for k, v in fragment.items() if k != "info"}, bases_to_apply(spec.data, fragment))
    merge = _Merge(spec.tree)
    schemas_before = set(spec.tree.get("components", {}).get("schemas", {}))
    merge.mapping(spec.tree, theirs, in_properties=False, location=(), top_level=True)
    merge.placeholders += _annotate_new_split(spec.tree, schemas_before)
    rewrite_examples(spec.tree)
    dropped = drop_dangling_cli_options(spec.tree) + drop_dangling_read_backs(spec.tree)
    _record_upstream_revision(spec.tree, fragment)
    _check_facts_match(spec, fragment)
    return Applied(dump_spec(spec.tree), merge.placeholders, dropped)


# Our notes on the split that breaks allOf cycles (generator/spec/cycle_split.py), as spec/streams.yaml words
# them; a split that --apply makes anew gets them too.
_NOTE_ON_BASE = (
    "curated: new schema holding the fields of {parent}, so that its\n"
    "variants can extend it without pointing back at the oneOf union (allOf cycle)."
)
_NOTE_ON_PARENT = (
    "curated: properties and required moved to {base},\n"
    "which the variants extend instead of this union (breaks the allOf cycle)."
)
_NOTE_ON_SUBTYPE = "curated: base split out to break the allOf cycle, see {base}"
_NOTE_ON_PADDING = (
    "curated: empty member added so the generator keeps a class of its own;\n"
    "an allOf with a single $ref would be collapsed into the referenced class."
)


def _annotate_new_split(tree: CommentedMap, schemas_before: set[str]) -> list[Pointer]:
    """Give the schemas this merge created as part of the cycle split what the curated ones have: a base gets a
    description to write and our note, its parent and each new subtype our notes. Returns where a description
    is to be written."""
    schemas = tree.get("components", {}).get("schemas", CommentedMap())
    placeholders: list[Pointer] = []
    for name, base in [(name, schemas[name]) for name in schemas if name not in schemas_before]:
        if SPLIT_FROM not in base:
            continue
        parent_name = base[SPLIT_FROM]
        if "description" not in base:
            base.insert(0, "description", DESCRIPTION_PLACEHOLDER)
            placeholders.append(("components", "schemas", name, "description"))
        schemas.yaml_set_comment_before_after_key(name, before=_NOTE_ON_BASE.format(parent=parent_name), indent=4)
        parent = schemas.get(parent_name)
        if parent is not None and "type" in parent:
            parent.yaml_set_comment_before_after_key("type", before=_NOTE_ON_PARENT.format(base=name), indent=6)
    bases = {name for name, schema in schemas.items() if SPLIT_FROM in schema}
    for name in [name for name in schemas if name not in schemas_before]:
        members = schemas[name].get("allOf")
        for index, member in enumerate(members or []):
            base = schema_name(member) if isinstance(member, dict) else None
            if base in bases:
                members.yaml_set_comment_before_after_key(index, before=_NOTE_ON_SUBTYPE.format(base=base), indent=6)
            elif _plain(member) == PADDING_MEMBER:
                members.yaml_set_comment_before_after_key(index, before=_NOTE_ON_PADDING, indent=6)
    return placeholders


def rewrite_examples(tree: CommentedMap) -> None:
    """Set every request and success example to what the facts give (generator/spec/examples.py), so that an
    example never carries a field the schema lost, and remove that of a body the facts no longer have (a
    schema gone from a 202). Error examples are Atlas's own and stay."""
    data = json.loads(json.dumps(tree, default=str))
    for pointer, _ in body_media(data):
        media = node_at(tree, pointer)
        if "schema" not in media and "example" in media:
            del media["example"]
    for pointer, direction in synthesized_media(data):
        media = node_at(tree, pointer)
        example = synthesize(data, node_at(data, pointer)["schema"], direction)
        if "example" not in media or json.loads(json.dumps(media["example"], default=str)) != example:
            if "example" in media:
                media["example"] = _copy(example)
            else:
                media.insert(list(media).index("schema"), "example", _copy(example))


def drop_dangling_cli_options(tree: CommentedMap) -> list[str]:
    """Remove every x-codegen-cli body option whose field the request body no longer has, and every table column
    whose field the listed items no longer have (the command line could not be generated with them); returns one
    line for each, naming the operation, option or column, and field."""
    data = json.loads(json.dumps(tree, default=str))
    dropped = []
    for key, operation in operations(data).items():
        cli = cli_settings(operation)
        items = listed_item_schema(data, operation, key.method)
        gone = [
            ("options", name, path, f"option --{name}", "the request body has")
            for name, path in cli.get("options", {}).items()
            if not _has_field(data, body_schema(data, operation), path)
        ]
        gone += [
            ("table", name, path, f"table column {name}", "the listed items have")
            for name, path in cli.get("table", {}).items()
            if items is not None and not _has_field(data, items, path)
        ]
        for section, name, path, what, holder in gone:
            del node_at(tree, (*key.pointer, CLI, section))[name]
            dropped.append(f"{key}: {CLI} {what} removed: {holder} no {path} any more")
    return dropped


def _has_field(data: dict[str, Any], schema: dict[str, Any], path: Any) -> bool:
    try:
        property_schema(data, schema, str(path).split("."))
    except KeyError:
        return False
    return True


def drop_dangling_read_backs(tree: CommentedMap) -> list[str]:
    """Remove every x-codegen-read-back that upstream's facts no longer support (its GET, a parameter or a
    matched field is gone: schema_facts.read_back_problems); returns one line for each, saying why. The create
    then fails ambiguously as any POST does, until a maintainer writes a read-back that fits."""
    data = json.loads(json.dumps(tree, default=str))
    dropped = []
    for key, operation in operations(data).items():
        problems = list(read_back_problems(data, key, operation)) if READ_BACK in operation else []
        if problems:
            del node_at(tree, key.pointer)[READ_BACK]
            dropped.append(f"{key}: {READ_BACK} removed: {problems[0][1]}")
    return dropped


def _record_upstream_revision(tree: CommentedMap, fragment: dict[str, Any]) -> None:
    # info is ours, except for the upstream revision its facts now follow.
    revision = fragment.get("info", {}).get(_UPSTREAM_REVISION)
    info = tree.get("info")
    if isinstance(revision, str) and isinstance(info, CommentedMap) and _UPSTREAM_REVISION in info:
        info[_UPSTREAM_REVISION] = revision


def _move_operation(tree: CommentedMap, source: OperationKey, target: OperationKey) -> None:
    """Move an operation node to upstream's path and method, the path item taking the place of the old one."""
    paths = tree["paths"]
    operation = paths[source.path].pop(source.method)
    if target.path not in paths:
        paths.insert(list(paths).index(source.path), target.path, CommentedMap())
    paths[target.path][target.method] = operation
    if not any(key in HTTP_METHODS for key in paths[source.path]):
        del paths[source.path]


def _check_facts_match(spec: Spec, fragment: dict[str, Any]) -> None:
    ours = normal_form(json.loads(json.dumps(spec.tree, default=str)), spec.path)
    left = diff_specs(ours, normal_form(fragment))
    if left:
        first = left[0]
        raise CodegenError(
            f"--apply could not carry over {first.subject}: {first.detail} ({len(left)} difference(s) left)",
            spec.path,
            hint="edit spec/streams.yaml by hand for this change",
        )


def _kept_although_upstream_lacks_it(
    key: Any, value: Any, in_properties: bool, location: Pointer, top_level: bool
) -> bool:
    if is_example(key, in_properties) and not _is_media_type(location):
        return False  # an example of a schema, parameter or header is upstream's fact
    return is_ours(key, value, in_properties) or (top_level and key == "info")


def _is_media_type(location: Pointer) -> bool:
    """Whether `location` is a media type object, whose examples are ours: the request and success ones are
    synthesized from the facts, the error ones are Atlas's documented answers."""
    return len(location) >= 2 and location[-2] == "content"


class _Merge:
    def __init__(self, tree: CommentedMap) -> None:
        self.placeholders: list[Pointer] = []
        # key order of each example of our spec, by the schema it documents: a new example takes the order of
        # an existing one of the same schema (Atlas's error examples list error, detail, reason, errorCode)
        self.example_orders: dict[str, list[str]] = {}
        for _, node in walk(_plain(tree)):
            if isinstance(node, dict) and isinstance(node.get("example"), dict) and "$ref" in node.get("schema", {}):
                self.example_orders.setdefault(str(node["schema"]["$ref"]), list(node["example"]))

    def example(self, value: Any, media: dict[str, Any]) -> Any:
        """A copy of upstream's example `value` (in the node `media`), its keys in the order our spec uses
        for the same schema."""
        order = self.example_orders.get(str(media.get("schema", {}).get("$ref", "")), [])
        if isinstance(value, dict) and order:
            value = {key: value[key] for key in [*order, *value] if key in value}
        return _copy(value)

    def mapping(
        self, ours: CommentedMap, theirs: dict[str, Any], in_properties: bool, location: Pointer, top_level: bool
    ) -> None:
        for key in [
            k
            for k in ours
            if k not in theirs and not _kept_although_upstream_lacks_it(k, ours[k], in_properties, location, top_level)
        ]:
            del ours[key]
        corrections = ours.get(UPSTREAM_VALUES, {}) if not in_properties else {}
        for key, value in theirs.items():
            child_in_properties = key == "properties" and not in_properties
            if key in corrections and key not in ours:
                if corrections[key] == value:
                    continue  # upstream still has the value we corrected: keep our correction
                del corrections[key]  # upstream changed it: its new value replaces our correction
                if not corrections:
                    del ours[UPSTREAM_VALUES]
            if key in ours and is_example(key, in_properties) and not _is_media_type(location):
                if _plain(ours[key]) != value:
                    ours[key] = _copy(value)
                continue
            if key in ours and is_documentation(key, value, in_properties):
                continue  # our own wording and examples
            if is_changelog(key, in_properties) and isinstance(value, dict):
                if key not in ours:
                    _insert(ours, key, CommentedMap(), theirs)
                self.changelog(ours[key], value, (*location, key))
            elif is_prose(key, value, in_properties):
                self.placeholders.append((*location, key))
                _insert(ours, key, DESCRIPTION_PLACEHOLDER, theirs)
            elif is_example(key, in_properties):
                _insert(ours, key, self.example(value, theirs), theirs)
            elif is_documentation(key, value, in_properties):
                continue  # upstream's code samples and locale overlays are not ours to carry
            elif key not in ours:
                order = _OUR_COMPONENT_ORDER if location == ("components",) else None
                _insert(ours, key, self.new_node(value, child_in_properties, (*location, key)), theirs, order)
            else:
                ours[key] = self.value(ours[key], value, child_in_properties, (*location, key))

    def changelog(self, ours: CommentedMap, theirs: dict[str, Any], location: Pointer) -> None:
        """Upstream's dates, with our texts for those we have and a placeholder for each new one."""
        for date in [date for date in ours if date not in theirs]:
            del ours[date]
        for date in theirs:
            if date not in ours:
                self.placeholders.append((*location, date))
                _insert(ours, date, DESCRIPTION_PLACEHOLDER, theirs)

    def value(self, ours: Any, theirs: Any, in_properties: bool, location: Pointer) -> Any:
        if isinstance(ours, CommentedMap) and isinstance(theirs, dict):
            self.mapping(ours, theirs, in_properties, location, top_level=False)
            return ours
        if isinstance(ours, CommentedSeq) and isinstance(theirs, list):
            self.sequence(ours, theirs, location)
            return ours
        if _same_scalar(ours, theirs):
            return ours  # the node itself, with its comments and quoting
        return self.new_node(theirs, in_properties, location)

    def sequence(self, ours: CommentedSeq, theirs: list[Any], location: Pointer) -> None:
        wanted = _item_keys(theirs)
        have = _item_keys(list(ours))
        for index in reversed(range(len(ours))):
            if have[index] not in wanted:
                _delete_item(ours, index)
                del have[index]
        for index, (key, item) in enumerate(zip(wanted, theirs, strict=True)):
            if key in have:
                current = have.index(key)
                if current != index:  # moved: take it out and put it back where upstream has it
                    moved = ours[current]
                    del ours[current]
                    ours.insert(index, moved)
                    have.insert(index, have.pop(current))
                ours[index] = self.value(ours[index], item, False, (*location, index))
            elif index == len(ours):
                _append_item(ours, self.new_node(item, False, (*location, index)))
                have.append(key)
            else:
                ours.insert(index, self.new_node(item, False, (*location, index)))
                have.insert(index, key)

    def new_node(self, theirs: Any, in_properties: bool, location: Pointer) -> Any:
        """Upstream's facts and examples for a node we do not have; placeholders for its prose."""
        if isinstance(theirs, dict):
            node = CommentedMap()
            for key, value in theirs.items():
                if is_prose(key, value, in_properties):
                    self.placeholders.append((*location, key))
                    node[key] = DESCRIPTION_PLACEHOLDER
                elif is_changelog(key, in_properties) and isinstance(value, dict):
                    node[key] = CommentedMap()
                    self.changelog(node[key], value, (*location, key))
                elif is_example(key, in_properties):
                    node[key] = self.example(value, theirs)
                elif not is_documentation(key, value, in_properties):
                    child_in_properties = key == "properties" and not in_properties
                    node[key] = self.new_node(value, child_in_properties, (*location, key))
            return node
        if isinstance(theirs, list):
            return CommentedSeq(self.new_node(item, False, (*location, i)) for i, item in enumerate(theirs))
        return theirs


# The order in which our spec lists its component sections, which upstream's full spec does not follow.
_OUR_COMPONENT_ORDER = ("headers", "parameters", "requestBodies", "responses", "schemas", "securitySchemes")


def _insert(
    ours: CommentedMap, key: Any, value: Any, theirs: dict[str, Any], order: tuple[str, ...] | None = None
) -> None:
    """Put `key` after its nearest predecessor in `order` (default: upstream's), past our own keys that sort
    before it."""
    upstream_keys = [k for k in order or () if k in theirs or k == key] or list(theirs)
    if key not in upstream_keys:
        upstream_keys = list(theirs)
    predecessors = set(upstream_keys[: upstream_keys.index(key)])
    keys = list(ours)
    position = max((i + 1 for i, k in enumerate(keys) if k in predecessors), default=0)
    while position < len(keys) and keys[position] not in theirs and str(keys[position]) < str(key):
        position += 1
    ours.insert(position, key, value)


def _delete_item(sequence: CommentedSeq, index: int) -> None:
    """Delete an item, keeping the comment that follows it: in the file it stands before the next item or
    key (a `# curated:` note after a oneOf list), so it goes to the end of the item before, if there is one."""
    comment = _detach_trailing_comment(sequence, index)
    del sequence[index]
    if comment is not None and index > 0:
        _attach_trailing_comment(sequence, index - 1, comment)


def _append_item(sequence: CommentedSeq, item: Any) -> None:
    """Append an item; a comment that followed the old last item goes on following the list."""
    comment = _detach_trailing_comment(sequence, len(sequence) - 1) if sequence else None
    sequence.append(item)
    if comment is not None:
        _attach_trailing_comment(sequence, len(sequence) - 1, comment)


# ruamel.yaml keeps a comment that follows a node with the last key of a mapping (slot 2 of its comment
# entry) or with the last item of a sequence (slot 0), however deep the node ends.
_SLOT = {CommentedMap: 2, CommentedSeq: 0}


def _detach_trailing_comment(parent: CommentedMap | CommentedSeq, key: Any) -> CommentToken | None:
    child = parent[key]
    if isinstance(child, (CommentedMap, CommentedSeq)) and child:
        inner = _detach_trailing_comment(child, _last(child))
        if inner is not None:
            return inner
    entry = parent.ca.items.get(key)
    slot = _SLOT[type(parent)]
    if entry is None or entry[slot] is None:
        return None
    comment: CommentToken = entry[slot]
    entry[slot] = None
    return comment


def _attach_trailing_comment(parent: CommentedMap | CommentedSeq, key: Any, comment: CommentToken) -> None:
    child = parent[key]
    if isinstance(child, (CommentedMap, CommentedSeq)) and child:
        _attach_trailing_comment(child, _last(child), comment)
        return
    slot = _SLOT[type(parent)]
    entry = parent.ca.items.setdefault(key, [None, None, None, None])
    if entry[slot] is None:
        entry[slot] = comment
    else:
        entry[slot].value = entry[slot].value.rstrip("\n") + "\n" + comment.value.lstrip("\n")


def _last(node: CommentedMap | CommentedSeq) -> Any:
    return list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1


def _plain(node: Any) -> Any:
    return json.loads(json.dumps(node, default=str))


def _copy(value: Any) -> Any:
    """Example data as round-trip nodes, verbatim."""
    if isinstance(value, dict):
        return CommentedMap((key, _copy(item)) for key, item in value.items())
    if isinstance(value, list):
        return CommentedSeq(_copy(item) for item in value)
    return value


def _same_scalar(ours: Any, theirs: Any) -> bool:
    # True == 1 in Python, but not in a spec.
    return bool(ours == theirs and isinstance(ours, bool) == isinstance(theirs, bool))


def _item_keys(items: list[Any]) -> list[tuple[Any, ...]]:
    """An identity per sequence item, numbered when repeated so every key is unique."""
    keys: list[tuple[Any, ...]] = []
    for item in items:
        if isinstance(item, dict):
            if isinstance(item.get("$ref"), str):
                base: tuple[Any, ...] = ("$ref", item["$ref"])
            elif "in" in item and "name" in item:
                base = ("parameter", item["in"], item["name"])
            elif "name" in item:
                base = ("name", item["name"])
            else:
                base = ("mapping",)
        else:
            base = ("value", json.dumps(item, default=str), isinstance(item, bool))
        keys.append((*base, sum(1 for k in keys if k[:-1] == base)))
    return keys
