"""A client library for accessing MongoDB Atlas Streams: Create One Stream Workspace"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
