"""atlas-streams-codegen: curated OpenAPI fragment in, golden-tested Python SDK out."""

__version__ = "0.1.0"
