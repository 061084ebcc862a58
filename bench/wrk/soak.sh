#!/usr/bin/env bash
# A long order-only run of `computecap serve` under wrk: MINUTES one-minute rounds, printing after
# each the journal's length, the server's resident memory and its live heap after a full GC
# (jcmd), so a plateau (or a leak) shows. Build first: ./mvnw -q -DskipTests package
# Usage: bench/wrk/soak.sh [MINUTES=40] [CONNECTIONS=64]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$here/../.."
minutes="${1:-40}"
connections="${2:-64}"
source "$here/setup.sh"
echo "minute entries rss_mib heap_live_mib orders_per_s"
for m in $(seq 1 "$minutes"); do
  rate=$(wrk -t2 -c"$connections" -d60s -s "$here/orders.lua" "$base" | awk '/Requests\/sec/ {print $2}')
  seq=$(curl -sf "$base/api/journal/head" | sed 's/.*"seq":\([0-9]*\).*/\1/')
  rss=$(($(ps -o rss= -p "$server") / 1024))
  jcmd "$server" GC.run >/dev/null 2>&1 || true
  after=$(jcmd "$server" GC.heap_info 2>/dev/null | awk '/used/ {print; exit}' | sed 's/.*used \([0-9]*\)K.*/\1/')
  echo "$m $seq $rss $((after / 1024)) $rate"
done
du -sh "$data/data"/* 
