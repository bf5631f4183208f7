"""Code generation: everything that touches openapi-python-client, the only package that imports it. The
rendered project (project.py), the escaping guard (guard.py), what templates ask of the spec
(template_globals.py), the Python names the generated code uses (python_names.py), the template layers and
their upgrade check (templates.py), and formatting with the pinned ruff (formatting.py).

May import: generator.spec, generator.config, generator.errors, generator.names, generator.jinja_cache,
generator.markdown.
"""
