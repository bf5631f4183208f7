"""The spec as data: loading our YAML files (fast plain data, and ruamel.yaml's round-trip tree for positions
and rewrites), JSON pointers, the one vocabulary every layer uses (operations, names, references, our
`x-codegen-*` extensions), the facts the templates need that the library drops (schema_facts), the tested
spec fixes applied before generation, which patterns are safe to run (pattern_safety), and our one structural
change to upstream (cycle_split).

May import: generator.errors. Nothing else of the toolkit.
"""
