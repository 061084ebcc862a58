# Sourced by run.sh and soak.sh: starts `computecap serve` on a fresh data directory (the JVM
# options in SERVER_JAVA_OPTS, default -Xmx1g), opens and funds accounts 1 and 2, enrols them,
# and exports their tokens as TOKEN_A and TOKEN_B; $server is the server's pid, $base its URL.
jar="$root/cli/target/computecap.jar"
data="$(mktemp -d /tmp/computecap-wrk.XXXXXX)"
port=7171
export COMPUTECAP_REGULATOR_TOKEN="$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
java ${SERVER_JAVA_OPTS:--Xmx1g} -cp "$jar" org.computecap.server.ServerMain \
  --data "$data/data" --port "$port" \
  --program "$root/examples/programs/p2-risk-weighted.yaml" >"$data/server.log" 2>&1 &
server=$!
# KEEP_DATA=1 keeps the data directory (its path is printed) for a restart measurement.
trap 'kill $server 2>/dev/null || true; if [ -n "${KEEP_DATA:-}" ]; then echo "data kept in $data"; else rm -rf "$data"; fi' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -sf "$base/api/journal/head" >/dev/null && break
  sleep 0.2
done
reg=(-H "Authorization: Bearer $COMPUTECAP_REGULATOR_TOKEN" -H "Content-Type: application/json")
token() { # open account $1, enrol it, fund it; print its token
  curl -sf "${reg[@]}" -d "{\"accountId\":$1,\"name\":\"trader$1\",\"role\":\"PARTICIPANT\"}" \
    "$base/api/accounts" >/dev/null
  local code
  code=$(curl -sf "${reg[@]}" -d '{}' "$base/api/accounts/$1/enrolments" | sed 's/.*"code":"\([^"]*\)".*/\1/')
  curl -sf "${reg[@]}" -d '{"amountCents":1000000000000}' "$base/api/accounts/$1/deposits" >/dev/null
  curl -sf "${reg[@]}" -d "{\"accountId\":$1,\"vintage\":1,\"quantity\":50000}" \
    "$base/api/issuances" >/dev/null
  curl -sf -H "Content-Type: application/json" -d "{\"code\":\"$code\"}" "$base/api/enrolments" \
    | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
export TOKEN_A="$(token 1)" TOKEN_B="$(token 2)" WRK_DIR="$here"
