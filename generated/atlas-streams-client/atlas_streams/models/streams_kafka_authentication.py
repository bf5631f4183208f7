from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StreamsKafkaAuthentication")


@_attrs_define
class StreamsKafkaAuthentication:
    """Mechanism and credentials used to authenticate to a Kafka cluster.

    Attributes:
        aws (StreamsAWSConnectionConfig | Unset): AWS settings of connection types that run against AWS services.
        client_id (str | Unset): OIDC client ID used to authenticate to the Kafka cluster.
        client_secret (str | Unset): OIDC client secret used to authenticate to the Kafka cluster. Write-only.
        links (list[Link] | Unset): Hypermedia links (RFC 5988 Web Linking) to sub-resources of this object and to
            related API resources.
        mechanism (str | Unset): Authentication mechanism, one of PLAIN, SCRAM-256, SCRAM-512 or OAUTHBEARER.
        method (str | Unset): Method used with SASL OAUTHBEARER. OIDC is the only one available at present.
        password (str | Unset): Password of the Kafka account. Write-only.
        sasl_oauthbearer_extensions (str | Unset): Extra SASL OAUTHBEARER extension values passed along with the OAuth2
            settings.
        scope (str | Unset): OIDC scope, stating which permissions are requested.
        ssl_certificate (str | Unset): Client certificate presented to Kafka for SSL authentication.
        ssl_key (str | Unset): Private key that belongs to the client SSL certificate. Write-only.
        ssl_key_password (str | Unset): Passphrase protecting the SSL key, if it has one. Write-only.
        token_endpoint_url (str | Unset): URL of the OIDC token endpoint that issues access tokens.
        username (str | Unset): User name of the Kafka account.
    """

    aws: StreamsAWSConnectionConfig | Unset = UNSET
    client_id: str | Unset = UNSET
    client_secret: str | Unset = UNSET
    links: list[Link] | Unset = UNSET
    mechanism: str | Unset = UNSET
    method: str | Unset = UNSET
    password: str | Unset = UNSET
    sasl_oauthbearer_extensions: str | Unset = UNSET
    scope: str | Unset = UNSET
    ssl_certificate: str | Unset = UNSET
    ssl_key: str | Unset = UNSET
    ssl_key_password: str | Unset = UNSET
    token_endpoint_url: str | Unset = UNSET
    username: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    # Read by _serialization.to_request_dict: python attribute -> JSON name, and the readOnly JSON names.
    _JSON_NAMES: ClassVar[dict[str, str]] = {
        "aws": "aws",
        "client_id": "clientId",
        "client_secret": "clientSecret",
        "links": "links",
        "mechanism": "mechanism",
        "method": "method",
        "password": "password",
        "sasl_oauthbearer_extensions": "saslOauthbearerExtensions",
        "scope": "scope",
        "ssl_certificate": "sslCertificate",
        "ssl_key": "sslKey",
        "ssl_key_password": "sslKeyPassword",
        "token_endpoint_url": "tokenEndpointUrl",
        "username": "username",
    }
    _READ_ONLY: ClassVar[frozenset[str]] = frozenset(
        {
            "links",
        }
    )

    def to_dict(self) -> dict[str, Any]:
        aws: dict[str, Any] | Unset = UNSET
        if not isinstance(self.aws, Unset):
            aws = self.aws.to_dict()

        client_id = self.client_id

        client_secret = self.client_secret

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        mechanism = self.mechanism

        method = self.method

        password = self.password

        sasl_oauthbearer_extensions = self.sasl_oauthbearer_extensions

        scope = self.scope

        ssl_certificate = self.ssl_certificate

        ssl_key = self.ssl_key

        ssl_key_password = self.ssl_key_password

        token_endpoint_url = self.token_endpoint_url

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if aws is not UNSET:
            field_dict["aws"] = aws
        if client_id is not UNSET:
            field_dict["clientId"] = client_id
        if client_secret is not UNSET:
            field_dict["clientSecret"] = client_secret
        if links is not UNSET:
            field_dict["links"] = links
        if mechanism is not UNSET:
            field_dict["mechanism"] = mechanism
        if method is not UNSET:
            field_dict["method"] = method
        if password is not UNSET:
            field_dict["password"] = password
        if sasl_oauthbearer_extensions is not UNSET:
            field_dict["saslOauthbearerExtensions"] = sasl_oauthbearer_extensions
        if scope is not UNSET:
            field_dict["scope"] = scope
        if ssl_certificate is not UNSET:
            field_dict["sslCertificate"] = ssl_certificate
        if ssl_key is not UNSET:
            field_dict["sslKey"] = ssl_key
        if ssl_key_password is not UNSET:
            field_dict["sslKeyPassword"] = ssl_key_password
        if token_endpoint_url is not UNSET:
            field_dict["tokenEndpointUrl"] = token_endpoint_url
        if username is not UNSET:
            field_dict["username"] = username

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _aws = d.pop("aws", UNSET)
        aws: StreamsAWSConnectionConfig | Unset
        if isinstance(_aws, Unset):
            aws = UNSET
        else:
            aws = StreamsAWSConnectionConfig.from_dict(_aws)

        client_id = d.pop("clientId", UNSET)

        client_secret = d.pop("clientSecret", UNSET)

        _links = d.pop("links", UNSET)
        links: list[Link] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = Link.from_dict(links_item_data)

                links.append(links_item)

        mechanism = d.pop("mechanism", UNSET)

        method = d.pop("method", UNSET)

        password = d.pop("password", UNSET)

        sasl_oauthbearer_extensions = d.pop("saslOauthbearerExtensions", UNSET)

        scope = d.pop("scope", UNSET)

        ssl_certificate = d.pop("sslCertificate", UNSET)

        ssl_key = d.pop("sslKey", UNSET)

        ssl_key_password = d.pop("sslKeyPassword", UNSET)

        token_endpoint_url = d.pop("tokenEndpointUrl", UNSET)

        username = d.pop("username", UNSET)

        streams_kafka_authentication = cls(
            aws=aws,
            client_id=client_id,
            client_secret=client_secret,
            links=links,
            mechanism=mechanism,
            method=method,
            password=password,
            sasl_oauthbearer_extensions=sasl_oauthbearer_extensions,
            scope=scope,
            ssl_certificate=ssl_certificate,
            ssl_key=ssl_key,
            ssl_key_password=ssl_key_password,
            token_endpoint_url=token_endpoint_url,
            username=username,
        )

        streams_kafka_authentication.additional_properties = d
        return streams_kafka_authentication

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


# The models this one refers to, imported after the class rather than in its methods (the library's way):
# a model that refers back to this one (an allOf or oneOf cycle) finds it defined, and no call of
# to_dict or from_dict pays for import statements.
from ..models.link import Link
from ..models.streams_aws_connection_config import StreamsAWSConnectionConfig
