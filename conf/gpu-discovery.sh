#!/usr/bin/env bash
# Spark resource discovery script for NVIDIA GPUs: prints this node's GPU indices in the JSON Spark
# expects ({"name": "gpu", "addresses": ["0", "1"]}). Name it in
#   spark.executor.resource.gpu.discoveryScript (and spark.worker.resource.gpu.discoveryScript on
#   a standalone cluster); conf/cluster.conf shows the settings around it.
# Each task then trains on the address Spark assigned it (TaskContext.resources()).
set -euo pipefail
if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo "gpu-discovery.sh: nvidia-smi is not on PATH; this node has no NVIDIA driver" >&2
  exit 1
fi
addresses=()
while IFS= read -r index; do
  index="${index//[[:space:]]/}"
  [ -n "$index" ] && addresses+=("\"$index\"")
done < <(nvidia-smi --query-gpu=index --format=csv,noheader)
if [ "${#addresses[@]}" -eq 0 ]; then
  echo "gpu-discovery.sh: nvidia-smi lists no GPU" >&2
  exit 1
fi
(IFS=,; echo "{\"name\": \"gpu\", \"addresses\": [${addresses[*]}]}")
