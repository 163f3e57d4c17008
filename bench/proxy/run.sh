#!/usr/bin/env bash
# Proxy overhead benchmark, one run, same load for every path:
#   direct  : wrk -> stub upstream
#   nginx   : wrk -> nginx (plain reverse proxy, the practical limit) -> stub upstream
#   bare    : wrk -> bare JVM forwarder (benchmark baseline, src/test/java/dev/agentrouter/bench/BareForwarder.java:
#             the same Vert.x/Netty/epoll jars as the router, one keep-alive pool per event loop, no routing, no
#             JSON, no metrics) -> stub upstream: the ceiling for any router built on this HTTP stack
#   router  : wrk -> agent-router (routes "auto", rewrites, relays) -> stub upstream
#   uncached: the same, with the decision cache off (router.routing.decision-cache-size=0): every request is scored
# for a non-streaming and a streaming (SSE) chat completion. The stub upstream is nginx returning a fixed answer, so
# what is measured is the proxies. Prints p50/p99 latency, requests/s and, for the JVMs, CPU time per request (user +
# system, from /proc), and the router's added latency.
# A/B: ROUTER_B=<other build's quarkus-app directory> adds a path "router_b" (same settings, plus the Java options in
# ROUTER_B_OPTS if set: ROUTER_B=target/quarkus-app ROUTER_B_OPTS=-Dquarkus.log.level=INFO measures the decision log
# line); ROUNDS=n repeats the
# measurements n times in turn (direct, nginx, bare, router, router_b, direct, ...), so both builds see the same load;
# PATHS="router router_b" measures (and warms up) only those.
# The routers run the packaged defaults (semantic routing with the in-process model included) with logging at WARN.
# Each waits until the catalog is embedded (router_semantic_ready 1) before its warm-up. The prompt is the same on
# every request, as in the follow-up requests of a tool-calling loop (same user turns): "router" decides it once and
# answers the rest from its decision cache; "uncached" scores every request against the catalog with the prompt's
# vector from the prompt-vector cache (the counts are printed at the end). Neither measures embedding inference.
# BODY=agent sends a request shaped like a coding agent's (a system message, 20 tools with JSON schemas, a tool call
# and its result before the same prompt; 20,665 bytes) instead of the one user turn (147 bytes). BODY=agent-varied
# sends the same with a number in the first tool's description that differs on every request (512 variants per wrk
# thread, cycled): tools the router has not seen, as from many different clients.
# Usage: bench/proxy/run.sh [connections=32] [seconds=15] [warmup-seconds=20]   (needs ./mvnw package first, which
# also compiles the test classes the bare forwarder is in)
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-32}
seconds=${2:-15}
warmup=${3:-20}
rounds=${ROUNDS:-1}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] && [ -f target/test-classes/dev/agentrouter/bench/BareForwarder.class ] || {
  echo "run ./mvnw -B package -DskipTests first" >&2; exit 1; }
jar_b=""
if [ -n "${ROUTER_B:-}" ]; then
  jar_b="$ROUTER_B/quarkus-run.jar"
  [ -f "$jar_b" ] || { echo "ROUTER_B=$ROUTER_B has no quarkus-run.jar" >&2; exit 1; }
fi

need=()
command -v nginx >/dev/null || need+=(nginx)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -gt 0 ]; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
stub_json=$(free_port); stub_sse=$(free_port); proxy_json=$(free_port); proxy_sse=$(free_port)

answer='{"id":"chatcmpl-stub","object":"chat.completion","created":1,"model":"stub","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Use an index on orders(customer_id) and check the plan with EXPLAIN ANALYZE."}}],"usage":{"prompt_tokens":42,"completion_tokens":17,"total_tokens":59}}'
chunk() { printf 'data: {"id":"chatcmpl-stub","object":"chat.completion.chunk","model":"stub","choices":[{"index":0,"delta":{"content":"%s"}}]}\\n\\n' "$1"; }
sse="$(for w in Use an index on orders and check the plan with EXPLAIN ANALYZE; do chunk "$w "; done)data: [DONE]\n\n"

cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_buffer_size 1m; # request bodies stay in memory (the workers may not write to $work)
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  upstream stub_json { server 127.0.0.1:$stub_json; keepalive 64; }
  upstream stub_sse { server 127.0.0.1:$stub_sse; keepalive 64; }
  server { listen 127.0.0.1:$stub_json; location / { default_type application/json; return 200 '$answer'; } }
  server { listen 127.0.0.1:$stub_sse; location / { default_type text/event-stream; return 200 '$sse'; } }
  server { listen 127.0.0.1:$proxy_json; location / { proxy_pass http://stub_json; proxy_http_version 1.1;
           proxy_set_header Connection ""; } }
  server { listen 127.0.0.1:$proxy_sse; location / { proxy_pass http://stub_sse; proxy_http_version 1.1;
           proxy_set_header Connection ""; proxy_buffering off; } }
}
CONF
nginx -c "$work/nginx.conf" -e "$work/nginx-error.log"

start_router() { # $1 port, $2 upstream port, $3 jar, $4... more Java options (these win over the ones below)
  local port=$1 upstream=$2 jar_path=$3; shift 3
  java -Xmx512m -Dquarkus.http.port="$port" -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
    -Drouter.upstream.base-url="http://127.0.0.1:$upstream/v1" -Drouter.proxy.default-model=stub \
    -Drouter.proxy.models.sonnet=stub "$@" -jar "$jar_path" >"$work/router-$port.log" 2>&1 &
  pids+=($!); pid_of[$port]=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { echo "router did not start" >&2;
    cat "$work/router-$port.log" >&2; exit 1; }
}
semantic_ready() { # $1 port: waits until the catalog's vectors are in use
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$1/q/metrics" | grep -q '^router_semantic_ready 1' && return; sleep 0.5
  done
  echo "router on port $1: semantic routing not ready after 120 s" >&2; cat "$work/router-$1.log" >&2; exit 1
}
declare -A pid_of
start_bare() { # $1 port, $2 upstream port: the same jars as the router (lib/main), the forwarder from test-classes
  java -Xmx512m -cp "target/test-classes:target/quarkus-app/lib/main/*" dev.agentrouter.bench.BareForwarder "$1" "$2" \
    >"$work/bare-$1.log" 2>&1 &
  pids+=($!); pid_of[$1]=$!
  for _ in $(seq 1 60); do grep -q '^bare forwarder on' "$work/bare-$1.log" && return; sleep 0.5; done
  echo "bare forwarder did not start" >&2; cat "$work/bare-$1.log" >&2; exit 1
}
bare_json=$(free_port); bare_sse=$(free_port)
start_bare "$bare_json" "$stub_json"
start_bare "$bare_sse" "$stub_sse"
router_json=$(free_port); router_sse=$(free_port)
start_router "$router_json" "$stub_json" "$jar"
start_router "$router_sse" "$stub_sse" "$jar"
uncached_json=$(free_port); uncached_sse=$(free_port)
start_router "$uncached_json" "$stub_json" "$jar" -Drouter.routing.decision-cache-size=0
start_router "$uncached_sse" "$stub_sse" "$jar" -Drouter.routing.decision-cache-size=0
routers=("$router_json" "$router_sse" "$uncached_json" "$uncached_sse")
paths=(direct nginx bare router uncached)
if [ -n "$jar_b" ]; then
  router_b_json=$(free_port); router_b_sse=$(free_port)
  read -r -a opts_b <<<"${ROUTER_B_OPTS:-}"
  start_router "$router_b_json" "$stub_json" "$jar_b" "${opts_b[@]}"
  start_router "$router_b_sse" "$stub_sse" "$jar_b" "${opts_b[@]}"
  routers+=("$router_b_json" "$router_b_sse")
  paths+=(router_b)
fi
[ -n "${PATHS:-}" ] && read -r -a paths <<<"$PATHS"
for p in "${routers[@]}"; do semantic_ready "$p"; done

make_body() { # $1: the stream flag; BODY=agent: shaped like a coding agent's request
  python3 - "$1" "${BODY:-small}" <<'PY'
import json, sys
stream, shape = sys.argv[1] == "true", sys.argv[2]
prompt = "My PostgreSQL queries are slow and I need to optimize the database indexes"
request = {"model": "auto", "stream": stream, "messages": [{"role": "user", "content": prompt}]}
if shape in ("agent", "agent-varied"):  # a system message, 20 tools with JSON schemas, a tool call and its result,
    # then the prompt; agent-varied marks the first tool's description for post-*.lua to number each request's
    request["tools"] = [{"type": "function", "function": {
        "name": f"tool_{i}", "description": ("variant-000000. " if i == 0 and shape == "agent-varied" else "")
        + f"Does task {i} on the repository's files and reports what it found. " * 4,
        "parameters": {"type": "object", "required": ["path"], "properties": {
            f"arg{j}": {"type": "string", "description": f"Argument {j} of the tool: a path, glob or pattern"}
            for j in range(6)}}}} for i in range(20)]
    request["messages"] = [
        {"role": "system", "content": "You are a coding assistant working in the user's repository."},
        {"role": "user", "content": "Look at the schema of the orders service."},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "call_1", "type": "function",
            "function": {"name": "tool_3", "arguments": json.dumps({"arg0": "db/schema.sql"})}}]},
        {"role": "tool", "tool_call_id": "call_1", "content": "CREATE TABLE orders (id bigint primary key, "
            "customer_id bigint not null, created_at timestamptz not null, total numeric(12,2));\n" * 12},
        {"role": "user", "content": prompt}]
    request["temperature"] = 0.2
print(json.dumps(request, separators=(",", ":")), end="")
PY
}
for s in false true; do
  make_body "$s" >"$work/body-$s.json"
  cat >"$work/post-$s.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/body-$s.json", "rb")
wrk.body = f:read("*a")
f:close()
LUA
  [ "${BODY:-small}" = agent-varied ] && cat >>"$work/post-$s.lua" <<'LUA'
-- Every request differs in its tools: 512 numbered variants per wrk thread, made before the run, sent in turn.
local threads = 0
function setup(thread)
  thread:set("first", threads * 1000)
  threads = threads + 1
end
local requests, next_request = {}, 1
function init(args)
  for i = 1, 512 do
    local body = wrk.body:gsub("variant%-000000", string.format("variant-%06d", first + i), 1)
    requests[i] = wrk.format(nil, nil, nil, body)
  end
end
function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end
LUA
done
echo "request body: ${BODY:-small}, $(wc -c <"$work/body-false.json") bytes"

cpu_ticks() { # $1 pid: user + system clock ticks of the process so far
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}
# Prints "p50_ms p99_ms requests_per_s non2xx cpu_us_per_request" for one wrk run ($3: pid of the proxy, or empty).
measure() { # $1 url, $2 lua, $3 pid
  local before=0 after=0
  [ -n "$3" ] && before=$(cpu_ticks "$3")
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$2" "$1" >"$work/wrk.txt" 2>&1
  [ -n "$3" ] && after=$(cpu_ticks "$3")
  python3 - "$work/wrk.txt" "$((after - before))" "$(getconf CLK_TCK)" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
ticks, hz = int(sys.argv[2]), int(sys.argv[3])
def ms(label):
    m = re.search(r"^\s*" + label + r"%\s+([\d.]+)(us|ms|s)\s*$", t, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
done = int(re.search(r"(\d+) requests in", t).group(1))
cpu = f"{ticks / hz * 1e6 / done:.1f}" if ticks else "-"
print(f"{ms('50'):.3f} {ms('99'):.3f} {rps:.0f} {errors.group(1) if errors else 0} {cpu}")
PY
}

port_of() { # $1 mode, $2 path
  local m=$1
  case $2 in
    direct) [ "$m" = json ] && echo "$stub_json" || echo "$stub_sse" ;;
    nginx) [ "$m" = json ] && echo "$proxy_json" || echo "$proxy_sse" ;;
    bare) [ "$m" = json ] && echo "$bare_json" || echo "$bare_sse" ;;
    router) [ "$m" = json ] && echo "$router_json" || echo "$router_sse" ;;
    uncached) [ "$m" = json ] && echo "$uncached_json" || echo "$uncached_sse" ;;
    router_b) [ "$m" = json ] && echo "$router_b_json" || echo "$router_b_sse" ;;
  esac
}

# Warm up the JVMs (C2 needs tens of seconds on 2 cores) so the run measures steady state.
for path in "${paths[@]}"; do
  case $path in direct|nginx) continue ;; esac
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/post-false.lua" \
    "http://127.0.0.1:$(port_of json "$path")/v1/chat/completions" >/dev/null
  wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/post-true.lua" \
    "http://127.0.0.1:$(port_of sse "$path")/v1/chat/completions" >/dev/null
done

echo "load average before measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-5s %-5s %-9s %9s %9s %10s %7s %12s\n' round mode path p50_ms p99_ms req_per_s non2xx cpu_us_per_req
for round in $(seq 1 "$rounds"); do
  for mode in json sse; do
    lua="$work/post-false.lua"; [ "$mode" = sse ] && lua="$work/post-true.lua"
    for path in "${paths[@]}"; do
      port=$(port_of "$mode" "$path")
      read -r p50 p99 rps non2xx cpu < <(measure "http://127.0.0.1:$port/v1/chat/completions" "$lua" \
        "${pid_of[$port]:-}")
      printf '%-5s %-5s %-9s %9s %9s %10s %7s %12s\n' "$round" "$mode" "$path" "$p50" "$p99" "$rps" "$non2xx" "$cpu"
      echo "$mode $path $p50 $p99 $rps $cpu" >>"$work/results"
    done
  done
done
echo "load average after measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/results" <<'PY'
import statistics, sys
r = {}
for line in open(sys.argv[1]):
    mode, path, p50, p99, rps, cpu = line.split()
    r.setdefault((mode, path), []).append((float(p50), float(p99), float(rps), float("nan" if cpu == "-" else cpu)))
med = {k: tuple(statistics.median(x[i] for x in v) for i in range(4)) for k, v in r.items()}
for mode in ("json", "sse"):
    if (mode, "direct") not in med or (mode, "nginx") not in med:
        for path in sorted(p for m, p in med if m == mode):
            m = med[(mode, path)]
            print(f"{mode} {path}: median p50 {m[0]:.3f} ms, {m[2]:.0f} requests/s, {m[3]:.1f} us CPU per request")
        continue
    d, n = med[(mode, "direct")], med[(mode, "nginx")]
    print(f"{mode}: nginx adds p50 {n[0]-d[0]:.3f} ms over direct" + (" (medians of the rounds)" if len(r[(mode, "direct")]) > 1 else ""))
    for path in ("bare", "router", "uncached", "router_b"):
        if (mode, path) in med:
            a = med[(mode, path)]
            print(f"  {path}: adds p50 {a[0]-d[0]:.3f} ms, p99 {a[1]-d[1]:.3f} ms over direct; "
                  f"throughput {a[2]/n[2]:.2f}x nginx's; {a[3]:.1f} us CPU per request")
PY
for p in "${routers[@]}"; do # inference runs only on a cache miss: a handful, against ~10^6 hits
  curl -fs "http://127.0.0.1:$p/q/metrics" | awk -v p="$p" '
    /^router_embedding_cache_requests_total/ { split($1, a, "\""); c[a[2]] = $2 }
    /^router_decision_cache_requests_total/ { split($1, a, "\""); d[a[2]] = $2 }
    /^router_embedding_duration_seconds_count\{kind="prompt"\}/ { n = $2 }
    END { printf "router %s: decision cache hits %d, misses %d; prompt-vector cache hits %d, misses %d;" \
      " prompt embeddings %d\n", p, d["hit"], d["miss"], c["hit"], c["miss"], n }'
done
