"""The test run's object storage: OpenStack Swift with its S3 API (scripts/swift-server.sh,
started by scripts/test.sh as TEST_S3_URL). Each test makes buckets of its own."""

import os
import uuid

import boto3
from botocore.config import Config

ACCESS_KEY = "test:tester"
SECRET_KEY = "testing"
REGION = "us-east-1"


def endpoint():
    url = os.environ.get("TEST_S3_URL")
    assert url, "TEST_S3_URL ontbreekt: start de tests met make test (scripts/test.sh)"
    return url


def client():
    return boto3.client(
        "s3",
        endpoint_url=endpoint(),
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name=REGION,
        config=Config(s3={"addressing_style": "path"}),
    )


def new_bucket():
    name = f"media-{uuid.uuid4().hex[:12]}"
    client().create_bucket(Bucket=name)
    return name


def env(bucket):
    """What the site's settings need to keep media in `bucket`."""
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint(),
        "AWS_S3_REGION_NAME": REGION,
        "AWS_S3_ADDRESSING_STYLE": "path",
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
    }


def keys(bucket):
    found = []
    for page in client().get_paginator("list_objects_v2").paginate(Bucket=bucket):
        found.extend(item["Key"] for item in page.get("Contents", []))
    return sorted(found)


def read(bucket, key):
    return client().get_object(Bucket=bucket, Key=key)["Body"].read()
