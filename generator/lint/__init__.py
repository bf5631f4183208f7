"""`streams-codegen lint`: the checks of the spec in stages (stages.py), example and default values against
their schemas (example_values.py), and jsonschema's errors turned into a place and a fix (schema_errors.py).

May import: generator.spec, generator.errors.
"""
