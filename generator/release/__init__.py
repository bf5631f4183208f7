"""Releasing the generated package: `streams-codegen dist` (dist.py) builds its wheel and sdist, byte for byte the
same on any machine, from exactly what `generate` writes, stamped with the date of the changelog's newest entry.

May import: generator.pipeline, generator.evolve, generator.output, generator.config, generator.errors.
"""
