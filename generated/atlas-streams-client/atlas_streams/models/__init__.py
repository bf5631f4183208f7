"""Contains all the data models used in inputs/outputs"""

from .api_error import ApiError
from .api_error_parameters_item import ApiErrorParametersItem
from .api_streams_aws_region_view import ApiStreamsAWSRegionView
from .api_streams_azure_region_view import ApiStreamsAzureRegionView
from .api_streams_gcp_region_view import ApiStreamsGCPRegionView
from .azure_connection import AzureConnection
from .bad_request_detail import BadRequestDetail
from .confluent_sasl_inherit_authentication import ConfluentSaslInheritAuthentication
from .confluent_user_info_authentication import ConfluentUserInfoAuthentication
from .db_role_to_execute import DBRoleToExecute
from .db_role_to_execute_db_role_type import DBRoleToExecuteDBRoleType
from .field_violation import FieldViolation
from .link import Link
from .paginated_api_streams_tenant_view import PaginatedApiStreamsTenantView
from .schema_registry_authentication_base import SchemaRegistryAuthenticationBase
from .schema_registry_authentication_base_type import SchemaRegistryAuthenticationBaseType
from .stream_config import StreamConfig
from .stream_config_stream_workspace_max_tier_size import StreamConfigStreamWorkspaceMaxTierSize
from .stream_config_stream_workspace_tier import StreamConfigStreamWorkspaceTier
from .streams_aws_connection_config import StreamsAWSConnectionConfig
from .streams_aws_kinesis_data_streams_connection import StreamsAWSKinesisDataStreamsConnection
from .streams_aws_lambda_connection import StreamsAWSLambdaConnection
from .streams_azure_blob_storage_connection import StreamsAzureBlobStorageConnection
from .streams_cluster_connection import StreamsClusterConnection
from .streams_connection_base import StreamsConnectionBase
from .streams_connection_base_state import StreamsConnectionBaseState
from .streams_connection_base_type import StreamsConnectionBaseType
from .streams_data_process_region import StreamsDataProcessRegion
from .streams_data_process_region_cloud_provider import StreamsDataProcessRegionCloudProvider
from .streams_gcp_connection_config import StreamsGCPConnectionConfig
from .streams_gcp_pub_sub_connection import StreamsGCPPubSubConnection
from .streams_https_connection import StreamsHttpsConnection
from .streams_https_connection_headers import StreamsHttpsConnectionHeaders
from .streams_kafka_authentication import StreamsKafkaAuthentication
from .streams_kafka_connection import StreamsKafkaConnection
from .streams_kafka_connection_config import StreamsKafkaConnectionConfig
from .streams_kafka_networking import StreamsKafkaNetworking
from .streams_kafka_networking_access import StreamsKafkaNetworkingAccess
from .streams_kafka_networking_access_networking_access_type import StreamsKafkaNetworkingAccessNetworkingAccessType
from .streams_kafka_security import StreamsKafkaSecurity
from .streams_processor_status import StreamsProcessorStatus
from .streams_processor_status_mode import StreamsProcessorStatusMode
from .streams_processor_status_status import StreamsProcessorStatusStatus
from .streams_public_private_link_networking import StreamsPublicPrivateLinkNetworking
from .streams_public_private_link_networking_access import StreamsPublicPrivateLinkNetworkingAccess
from .streams_public_private_link_networking_access_networking_access_type import (
    StreamsPublicPrivateLinkNetworkingAccessNetworkingAccessType,
)
from .streams_s3_connection import StreamsS3Connection
from .streams_sample_connection import StreamsSampleConnection
from .streams_sample_connections import StreamsSampleConnections
from .streams_schema_registry_connection import StreamsSchemaRegistryConnection
from .streams_schema_registry_connection_provider import StreamsSchemaRegistryConnectionProvider
from .streams_tenant import StreamsTenant
from .streams_tenant_update_request import StreamsTenantUpdateRequest
from .streams_tenant_update_request_cloud_provider import StreamsTenantUpdateRequestCloudProvider
from .tenant_with_sample_connections import TenantWithSampleConnections

# The spec's BaseStreamsRegion, a oneOf without a class of its own: a type alias (a union of classes).
BaseStreamsRegion = ApiStreamsAWSRegionView | ApiStreamsAzureRegionView | ApiStreamsGCPRegionView

# The spec's SchemaRegistryAuthentication, a oneOf without a class of its own: a type alias (a union of classes).
SchemaRegistryAuthentication = (
    ConfluentSaslInheritAuthentication | ConfluentUserInfoAuthentication | SchemaRegistryAuthenticationBase
)

# The spec's StreamsConnection, a oneOf without a class of its own: a type alias (a union of classes).
StreamsConnection = (
    StreamsAWSKinesisDataStreamsConnection
    | StreamsAWSLambdaConnection
    | StreamsAzureBlobStorageConnection
    | StreamsClusterConnection
    | StreamsConnectionBase
    | StreamsGCPPubSubConnection
    | StreamsHttpsConnection
    | StreamsKafkaConnection
    | StreamsS3Connection
    | StreamsSampleConnection
    | StreamsSchemaRegistryConnection
)

__all__ = (
    "ApiError",
    "ApiErrorParametersItem",
    "ApiStreamsAWSRegionView",
    "ApiStreamsAzureRegionView",
    "ApiStreamsGCPRegionView",
    "AzureConnection",
    "BadRequestDetail",
    "BaseStreamsRegion",
    "ConfluentSaslInheritAuthentication",
    "ConfluentUserInfoAuthentication",
    "DBRoleToExecute",
    "DBRoleToExecuteDBRoleType",
    "FieldViolation",
    "Link",
    "PaginatedApiStreamsTenantView",
    "SchemaRegistryAuthentication",
    "SchemaRegistryAuthenticationBase",
    "SchemaRegistryAuthenticationBaseType",
    "StreamConfig",
    "StreamConfigStreamWorkspaceMaxTierSize",
    "StreamConfigStreamWorkspaceTier",
    "StreamsAWSConnectionConfig",
    "StreamsAWSKinesisDataStreamsConnection",
    "StreamsAWSLambdaConnection",
    "StreamsAzureBlobStorageConnection",
    "StreamsClusterConnection",
    "StreamsConnection",
    "StreamsConnectionBase",
    "StreamsConnectionBaseState",
    "StreamsConnectionBaseType",
    "StreamsDataProcessRegion",
    "StreamsDataProcessRegionCloudProvider",
    "StreamsGCPConnectionConfig",
    "StreamsGCPPubSubConnection",
    "StreamsHttpsConnection",
    "StreamsHttpsConnectionHeaders",
    "StreamsKafkaAuthentication",
    "StreamsKafkaConnection",
    "StreamsKafkaConnectionConfig",
    "StreamsKafkaNetworking",
    "StreamsKafkaNetworkingAccess",
    "StreamsKafkaNetworkingAccessNetworkingAccessType",
    "StreamsKafkaSecurity",
    "StreamsProcessorStatus",
    "StreamsProcessorStatusMode",
    "StreamsProcessorStatusStatus",
    "StreamsPublicPrivateLinkNetworking",
    "StreamsPublicPrivateLinkNetworkingAccess",
    "StreamsPublicPrivateLinkNetworkingAccessNetworkingAccessType",
    "StreamsS3Connection",
    "StreamsSampleConnection",
    "StreamsSampleConnections",
    "StreamsSchemaRegistryConnection",
    "StreamsSchemaRegistryConnectionProvider",
    "StreamsTenant",
    "StreamsTenantUpdateRequest",
    "StreamsTenantUpdateRequestCloudProvider",
    "TenantWithSampleConnections",
)
