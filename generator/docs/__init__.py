"""The generated package's reference docs: the docs model (model.py) built from the spec (site.py), the
languages (locales.py), and rendering (render.py), with spec text escaped by generator/markdown.py, which
picks Korean particles after placeholders (particles.py) and marks links to pages in another language (prose.py
reads finished pages). Each locale that has a glossary has its pages checked against it (glossary.py), and every
violation reported at the source line that wrote it (provenance.py). Never loads openapi-python-client: the
Python names come as plain strings (generator/names.py).

May import: generator.spec, generator.config, generator.errors, generator.names, generator.jinja_cache,
generator.markdown.
"""
