"""The spec's component schemas, reduced to the keywords that the request checks (_validation.py) read."""

from typing import Any

SCHEMAS: dict[str, Any] = {
    "ApiError": {
        "required": ["error", "errorCode"],
        "type": "object",
        "properties": {
            "badRequestDetail": {"$ref": "#/components/schemas/BadRequestDetail"},
            "detail": {"nullable": True, "type": "string"},
            "error": {"readOnly": True, "type": "integer"},
            "errorCode": {"readOnly": True, "type": "string"},
            "parameters": {"readOnly": True, "type": "array", "items": {"type": "object"}},
            "reason": {"nullable": True, "readOnly": True, "type": "string"},
        },
    },
    "ApiStreamsAWSRegionView": {
        "enum": [
            "SYDNEY_AUS",
            "MUMBAI_IND",
            "FRANKFURT_DEU",
            "DUBLIN_IRL",
            "LONDON_GBR",
            "VIRGINIA_USA",
            "OHIO_USA",
            "OREGON_USA",
            "SAOPAULO_BRA",
            "MONTREAL_CAN",
            "TOKYO_JPN",
            "SINGAPORE_SGP",
            "PARIS_FRA",
            "SEOUL_KOR",
        ],
        "type": "string",
    },
    "ApiStreamsAzureRegionView": {
        "enum": ["eastus", "westus", "eastus2", "westeurope", "brazilsouth", "australiaeast"],
        "type": "string",
    },
    "ApiStreamsGCPRegionView": {"enum": ["US_CENTRAL1", "EUROPE_WEST1", "US_EAST4"], "type": "string"},
    "AzureConnection": {
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "region": {"type": "string"},
            "servicePrincipalId": {"type": "string"},
            "storageAccountName": {"type": "string"},
        },
    },
    "BadRequestDetail": {
        "nullable": True,
        "readOnly": True,
        "type": "object",
        "properties": {"fields": {"type": "array", "items": {"$ref": "#/components/schemas/FieldViolation"}}},
    },
    "BaseStreamsRegion": {
        "oneOf": [
            {"$ref": "#/components/schemas/ApiStreamsAWSRegionView"},
            {"$ref": "#/components/schemas/ApiStreamsAzureRegionView"},
            {"$ref": "#/components/schemas/ApiStreamsGCPRegionView"},
        ]
    },
    "ConfluentSaslInheritAuthentication": {
        "required": ["type"],
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/SchemaRegistryAuthenticationBase"},
            {"type": "object", "properties": {}},
        ],
    },
    "ConfluentUserInfoAuthentication": {
        "required": ["type", "username"],
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/SchemaRegistryAuthenticationBase"},
            {"type": "object", "properties": {"password": {"type": "string"}, "username": {"type": "string"}}},
        ],
    },
    "DBRoleToExecute": {
        "nullable": True,
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "role": {"type": "string"},
            "type": {"enum": ["BUILT_IN", "CUSTOM"], "type": "string"},
        },
    },
    "FieldViolation": {
        "required": ["description", "field"],
        "type": "object",
        "properties": {"description": {"type": "string"}, "field": {"type": "string"}},
    },
    "Link": {"type": "object", "properties": {"href": {"type": "string"}, "rel": {"type": "string"}}},
    "PaginatedApiStreamsTenantView": {
        "required": ["results"],
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "results": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/StreamsTenant"}},
            "totalCount": {"readOnly": True, "type": "integer"},
        },
    },
    "SchemaRegistryAuthentication": {
        "type": "object",
        "oneOf": [
            {"$ref": "#/components/schemas/ConfluentUserInfoAuthentication"},
            {"$ref": "#/components/schemas/ConfluentSaslInheritAuthentication"},
            {"$ref": "#/components/schemas/SchemaRegistryAuthenticationBase"},
        ],
    },
    "SchemaRegistryAuthenticationBase": {
        "required": ["type"],
        "type": "object",
        "properties": {"type": {"enum": ["USER_INFO", "SASL_INHERIT"], "type": "string"}},
    },
    "StreamConfig": {
        "nullable": True,
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "maxTierSize": {"enum": ["SP50", "SP30", "SP10", "SP5", "SP2"], "type": "string"},
            "tier": {"enum": ["SP50", "SP30", "SP10", "SP5", "SP2"], "type": "string"},
        },
    },
    "StreamsAWSConnectionConfig": {
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "roleArn": {"type": "string"},
            "testBucket": {"type": "string"},
        },
    },
    "StreamsAWSKinesisDataStreamsConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "aws": {"$ref": "#/components/schemas/StreamsAWSConnectionConfig"},
                    "networking": {"$ref": "#/components/schemas/StreamsKafkaNetworking"},
                },
            },
        ],
    },
    "StreamsAWSLambdaConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "aws": {"$ref": "#/components/schemas/StreamsAWSConnectionConfig"},
                    "publicPrivateNetworking": {"$ref": "#/components/schemas/StreamsPublicPrivateLinkNetworking"},
                },
            },
        ],
    },
    "StreamsAzureBlobStorageConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "azure": {"$ref": "#/components/schemas/AzureConnection"},
                    "publicPrivateNetworking": {"$ref": "#/components/schemas/StreamsPublicPrivateLinkNetworking"},
                },
            },
        ],
    },
    "StreamsClusterConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "clusterGroupId": {"nullable": True, "type": "string"},
                    "clusterName": {"type": "string"},
                    "dbRoleToExecute": {"$ref": "#/components/schemas/DBRoleToExecute"},
                },
            },
        ],
    },
    "StreamsConnection": {
        "readOnly": True,
        "type": "object",
        "oneOf": [
            {"$ref": "#/components/schemas/StreamsSampleConnection"},
            {"$ref": "#/components/schemas/StreamsClusterConnection"},
            {"$ref": "#/components/schemas/StreamsKafkaConnection"},
            {"$ref": "#/components/schemas/StreamsHttpsConnection"},
            {"$ref": "#/components/schemas/StreamsAWSLambdaConnection"},
            {"$ref": "#/components/schemas/StreamsS3Connection"},
            {"$ref": "#/components/schemas/StreamsAWSKinesisDataStreamsConnection"},
            {"$ref": "#/components/schemas/StreamsSchemaRegistryConnection"},
            {"$ref": "#/components/schemas/StreamsAzureBlobStorageConnection"},
            {"$ref": "#/components/schemas/StreamsGCPPubSubConnection"},
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
        ],
    },
    "StreamsConnectionBase": {
        "type": "object",
        "properties": {
            "id": {"readOnly": True, "type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "name": {"type": "string"},
            "region": {"type": "string"},
            "state": {"enum": ["PENDING", "READY", "DELETING", "FAILED"], "readOnly": True, "type": "string"},
            "type": {
                "enum": [
                    "Kafka",
                    "Cluster",
                    "Sample",
                    "Https",
                    "AzureBlobStorage",
                    "AWSLambda",
                    "AWSKinesisDataStreams",
                    "SchemaRegistry",
                    "GCPPubSub",
                    "S3",
                ],
                "type": "string",
            },
        },
    },
    "StreamsDataProcessRegion": {
        "required": ["cloudProvider", "region"],
        "type": "object",
        "properties": {
            "cloudProvider": {"enum": ["AWS", "GCP", "AZURE", "TENANT", "SERVERLESS"], "type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "region": {"$ref": "#/components/schemas/BaseStreamsRegion"},
        },
    },
    "StreamsGCPConnectionConfig": {
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "serviceAccountId": {"type": "string"},
        },
    },
    "StreamsGCPPubSubConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "gcp": {"$ref": "#/components/schemas/StreamsGCPConnectionConfig"},
                    "publicPrivateNetworking": {"$ref": "#/components/schemas/StreamsPublicPrivateLinkNetworking"},
                },
            },
        ],
    },
    "StreamsHttpsConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "headers": {"type": "object", "additionalProperties": {"type": "string"}},
                    "url": {"type": "string"},
                },
            },
        ],
    },
    "StreamsKafkaAuthentication": {
        "type": "object",
        "properties": {
            "aws": {"$ref": "#/components/schemas/StreamsAWSConnectionConfig"},
            "clientId": {"type": "string"},
            "clientSecret": {"type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "mechanism": {"type": "string"},
            "method": {"type": "string"},
            "password": {"type": "string"},
            "saslOauthbearerExtensions": {"type": "string"},
            "scope": {"type": "string"},
            "sslCertificate": {"type": "string"},
            "sslKey": {"type": "string"},
            "sslKeyPassword": {"type": "string"},
            "tokenEndpointUrl": {"type": "string"},
            "username": {"type": "string"},
        },
    },
    "StreamsKafkaConnection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "authentication": {"$ref": "#/components/schemas/StreamsKafkaAuthentication"},
                    "bootstrapServers": {"type": "string"},
                    "config": {"type": "object", "additionalProperties": {"type": "string"}},
                    "networking": {"$ref": "#/components/schemas/StreamsKafkaNetworking"},
                    "security": {"$ref": "#/components/schemas/StreamsKafkaSecurity"},
                },
            },
        ],
    },
    "StreamsKafkaNetworking": {
        "type": "object",
        "properties": {
            "access": {"$ref": "#/components/schemas/StreamsKafkaNetworkingAccess"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
        },
    },
    "StreamsKafkaNetworkingAccess": {
        "type": "object",
        "properties": {
            "connectionId": {"pattern": "^([a-f0-9]{24})$", "type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "name": {"type": "string"},
            "tgwRouteId": {"pattern": "^([a-f0-9]{24})$", "type": "string"},
            "type": {"enum": ["PUBLIC", "VPC", "PRIVATE_LINK", "TRANSIT_GATEWAY"], "type": "string"},
        },
    },
    "StreamsKafkaSecurity": {
        "type": "object",
        "properties": {
            "brokerPublicCertificate": {"type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "protocol": {"type": "string"},
        },
    },
    "StreamsProcessorStatus": {
        "required": ["status"],
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "mode": {"enum": ["GRACEFUL", "FORCED"], "nullable": True, "type": "string"},
            "region": {"nullable": True, "type": "string"},
            "status": {"enum": ["STARTED", "STOPPED", "FAILED_OVER"], "type": "string"},
        },
    },
    "StreamsPublicPrivateLinkNetworking": {
        "type": "object",
        "properties": {
            "access": {"$ref": "#/components/schemas/StreamsPublicPrivateLinkNetworkingAccess"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
        },
    },
    "StreamsPublicPrivateLinkNetworkingAccess": {
        "type": "object",
        "properties": {
            "connectionId": {"pattern": "^([a-f0-9]{24})$", "type": "string"},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "type": {"enum": ["PUBLIC", "PRIVATE_LINK"], "type": "string"},
        },
    },
    "StreamsS3Connection": {
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "aws": {"$ref": "#/components/schemas/StreamsAWSConnectionConfig"},
                    "networking": {"$ref": "#/components/schemas/StreamsKafkaNetworking"},
                },
            },
        ],
    },
    "StreamsSampleConnection": {
        "type": "object",
        "allOf": [{"$ref": "#/components/schemas/StreamsConnectionBase"}, {"type": "object", "properties": {}}],
    },
    "StreamsSampleConnections": {
        "type": "object",
        "properties": {
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "solar": {"type": "boolean"},
        },
    },
    "StreamsSchemaRegistryConnection": {
        "required": ["provider", "schemaRegistryAuthentication", "schemaRegistryUrls"],
        "type": "object",
        "allOf": [
            {"$ref": "#/components/schemas/StreamsConnectionBase"},
            {
                "type": "object",
                "properties": {
                    "provider": {"enum": ["CONFLUENT"], "type": "string"},
                    "schemaRegistryAuthentication": {"$ref": "#/components/schemas/SchemaRegistryAuthentication"},
                    "schemaRegistryUrls": {
                        "maxItems": 10,
                        "type": "array",
                        "uniqueItems": True,
                        "items": {"type": "string"},
                    },
                },
            },
        ],
    },
    "StreamsTenant": {
        "type": "object",
        "properties": {
            "_id": {"pattern": "^([a-f0-9]{24})$", "readOnly": True, "type": "string"},
            "connections": {
                "readOnly": True,
                "type": "array",
                "items": {"$ref": "#/components/schemas/StreamsConnection"},
            },
            "dataProcessRegion": {"$ref": "#/components/schemas/StreamsDataProcessRegion"},
            "failoverRegions": {
                "maxItems": 2,
                "type": "array",
                "items": {"$ref": "#/components/schemas/StreamsDataProcessRegion"},
            },
            "groupId": {"pattern": "^([a-f0-9]{24})$", "readOnly": True, "type": "string"},
            "hostnames": {"readOnly": True, "type": "array", "items": {"readOnly": True, "type": "string"}},
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "name": {"type": "string"},
            "sampleConnections": {"$ref": "#/components/schemas/StreamsSampleConnections"},
            "streamConfig": {"$ref": "#/components/schemas/StreamConfig"},
        },
    },
    "StreamsTenantUpdateRequest": {
        "type": "object",
        "properties": {
            "cloudProvider": {"enum": ["AWS", "GCP", "AZURE", "TENANT", "SERVERLESS"], "type": "string"},
            "failoverRegions": {
                "maxItems": 2,
                "type": "array",
                "items": {"$ref": "#/components/schemas/StreamsDataProcessRegion"},
            },
            "links": {"readOnly": True, "type": "array", "items": {"$ref": "#/components/schemas/Link"}},
            "processorStatus": {"$ref": "#/components/schemas/StreamsProcessorStatus"},
            "region": {"$ref": "#/components/schemas/BaseStreamsRegion"},
            "streamConfig": {"$ref": "#/components/schemas/StreamConfig"},
        },
    },
    "TenantWithSampleConnections": {"type": "object"},
}
