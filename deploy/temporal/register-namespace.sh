#!/bin/sh
# One-shot (temporalio/admin-tools) run once the Temporal server is up: creates Tempodesk's
# namespace and the search attributes ops filter tickets by in the Temporal UI (DESIGN.md section 8).
# Everything is checked first, so it is safe to run on every `docker compose up`.
set -eu

ns="${TEMPORAL_NAMESPACE:-tempodesk}"
address="${TEMPORAL_ADDRESS:-temporal:7233}"

tries=0
until temporal operator cluster health --address "$address" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 30 ]; then
    echo "Temporal at $address is not healthy after $tries tries" >&2
    exit 1
  fi
  sleep 2
done

if ! temporal operator namespace describe --namespace "$ns" --address "$address" >/dev/null 2>&1; then
  temporal operator namespace create --namespace "$ns" --retention "${TEMPORAL_RETENTION:-30d}" \
    --address "$address"
  echo "Created namespace $ns"
fi

existing="$(temporal operator search-attribute list --namespace "$ns" --address "$address")"
for attribute in TicketStatus:Keyword TicketPriority:Keyword TicketAssignee:Keyword \
  CustomerEmail:Keyword SlaBreached:Bool; do
  name="${attribute%%:*}"
  type="${attribute#*:}"
  if printf '%s\n' "$existing" | grep -qw "$name"; then
    echo "Search attribute $name exists"
  else
    temporal operator search-attribute create --namespace "$ns" --address "$address" \
      --name "$name" --type "$type"
    echo "Created search attribute $name ($type)"
  fi
done
