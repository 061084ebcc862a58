#!/usr/bin/env bash
# Loopback load test of `computecap serve` with wrk (Debian package `wrk`): order-only throughput,
# then an 80% read / 20% order mix, each for DURATION seconds, on a fresh data directory; prints
# wrk's summaries and the server's resident memory after each. Build first:
#   ./mvnw -q -DskipTests package
# Usage: bench/wrk/run.sh [DURATION=30] [CONNECTIONS=64]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
duration="${1:-30}"
connections="${2:-64}"
source "$here/setup.sh"
rss() { echo "server RSS: $(($(ps -o rss= -p "$server") / 1024)) MiB"; }
echo "== orders only: $connections connections, ${duration}s"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$here/orders.lua" "$base"
rss
echo "== 80% reads / 20% orders: $connections connections, ${duration}s"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s "$here/mixed.lua" "$base"
rss
curl -sf "$base/api/journal/head"; echo
