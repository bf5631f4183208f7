"""When the spec changes: the normal form two specs are compared in (normal_form.py), our operations in a full
upstream spec (upstream.py), the classified change report (api_diff.py, rules.py), writing upstream's facts
into ours (apply.py), the changelog and version (changelog.py), and the jobs end to end (workflows.py).

May import: generator.spec, generator.lint, generator.config, generator.errors.
"""
