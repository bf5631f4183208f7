from .._enums import OpenStrEnum


class StreamsConnectionBaseType(OpenStrEnum):
    AWSKINESISDATASTREAMS = "AWSKinesisDataStreams"
    AWSLAMBDA = "AWSLambda"
    AZUREBLOBSTORAGE = "AzureBlobStorage"
    CLUSTER = "Cluster"
    GCPPUBSUB = "GCPPubSub"
    HTTPS = "Https"
    KAFKA = "Kafka"
    SAMPLE = "Sample"
    SCHEMAREGISTRY = "SchemaRegistry"

    def __str__(self) -> str:
        return str(self.value)
