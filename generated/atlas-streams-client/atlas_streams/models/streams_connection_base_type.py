from .._enums import OpenStrEnum


class StreamsConnectionBaseType(OpenStrEnum):
    AWSKINESISDATASTREAMS = "AWSKinesisDataStreams"
    AWSLAMBDA = "AWSLambda"
    AZUREBLOBSTORAGE = "AzureBlobStorage"
    CLUSTER = "Cluster"
    GCPPUBSUB = "GCPPubSub"
    HTTPS = "Https"
    KAFKA = "Kafka"
    S3 = "S3"
    SAMPLE = "Sample"
    SCHEMAREGISTRY = "SchemaRegistry"

    def __str__(self) -> str:
        return str(self.value)
