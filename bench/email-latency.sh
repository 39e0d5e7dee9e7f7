#!/usr/bin/env bash
# Email-to-ticket latency of a running embedded Tempodesk (./tempodesk run): sends N simulated
# customer emails to the demo mailbox, one at a time, and times each until its ticket is listed by
# the API. Prints p50 / p95 / max in milliseconds.
#   bench/email-latency.sh [N]                  # with webhook pokes (the default)
#   TEMPODESK_DEMO_WEBHOOKS=off ./tempodesk run # then the same script measures polling alone
set -euo pipefail
count="${1:-100}"
base="${BASE:-http://localhost:8080}"
run="lat$(date +%s)"
samples=()
for i in $(seq 1 "$count"); do
  token="${run}x${i}"
  start=$(date +%s%N)
  curl -sf -o /dev/null -X POST "$base/api/dev/inbound-email" -H 'content-type: application/json' \
    -d "{\"fromName\":\"Latency Probe\",\"fromEmail\":\"probe${i}@latency.example\",\"subject\":\"$token\",\"body\":\"probe\"}"
  until curl -sf "$base/api/tickets?text=$token" | grep -q "\"$token\""; do
    sleep 0.01
  done
  samples+=($(( ($(date +%s%N) - start) / 1000000 )))
done
printf '%s\n' "${samples[@]}" | sort -n | awk -v n="$count" '
  { v[NR] = $1 }
  END {
    p50 = v[int((NR + 1) * 0.50)]; p95 = v[int(NR * 0.95 + 0.999)]
    printf "email-to-ticket over %d emails: p50 %d ms, p95 %d ms, max %d ms\n", n, p50, p95, v[NR]
  }'
