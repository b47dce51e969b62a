#!/bin/bash
# EMR bootstrap action: installs mongo-latest on this node from S3.
#   install-mongo-latest.sh s3://.../mongo-latest.jar s3://.../product/     (a product folder)
#   install-mongo-latest.sh s3://.../mongo-latest.jar s3://.../product.zip  (or a zipped one)
# The EMR steps run /opt/mongo-latest/mongo-latest.jar with --product /opt/mongo-latest/product.
set -euo pipefail

if [ "$#" -ne 2 ]; then
  echo "usage: $0 JAR_S3_LOCATION PRODUCT_S3_LOCATION" >&2
  exit 2
fi
jar="$1"
product="$2"
home=/opt/mongo-latest

# Bootstrap actions run as the hadoop user; the steps run as hadoop too.
sudo mkdir -p "$home"
sudo chown "$(id -u):$(id -g)" "$home"

aws s3 cp --only-show-errors "$jar" "$home/mongo-latest.jar"

rm -rf "$home/product" "$home/product.zip"
case "$product" in
  */)
    aws s3 cp --only-show-errors --recursive "$product" "$home/product"
    ;;
  *.zip)
    aws s3 cp --only-show-errors "$product" "$home/product.zip"
    unzip -q "$home/product.zip" -d "$home/product"
    rm -f "$home/product.zip"
    ;;
  *)
    echo "the product package must be a folder (ending in /) or a .zip: $product" >&2
    exit 2
    ;;
esac

if [ ! -f "$home/product/pipeline.yaml" ]; then
  echo "no pipeline.yaml at the top of $product" >&2
  exit 2
fi
echo "mongo-latest installed in $home"
