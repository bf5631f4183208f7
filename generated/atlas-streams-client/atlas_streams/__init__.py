"""A client library for accessing MongoDB Atlas Streams: Stream Workspaces"""

from ._auth import DigestAuth, ServiceAccountAuth
from ._retry import RetryPolicy
from .client import Client, __version__
from .errors import AtlasApiError
from .types import UNSET, Response, Unset

__all__ = (
    "UNSET",
    "AtlasApiError",
    "Client",
    "DigestAuth",
    "Response",
    "RetryPolicy",
    "ServiceAccountAuth",
    "Unset",
    "__version__",
)
