"""The generated package's reference docs: the docs model (model.py) built from the spec (site.py), the
languages (locales.py), and rendering (render.py), with spec text escaped by generator/markdown.py. Never loads
openapi-python-client: the Python names come as plain strings (generator/names.py).

May import: generator.spec, generator.config, generator.errors, generator.names, generator.jinja_cache,
generator.markdown.
"""
