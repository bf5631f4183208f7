from enum import StrEnum


class StreamsConnectionBaseType(StrEnum):
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
