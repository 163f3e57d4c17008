#!/usr/bin/env bash
# Proxy overhead benchmark, one run, same load for every path:
#   direct  : wrk -> stub upstream
#   nginx   : wrk -> nginx (plain reverse proxy, the practical limit) -> stub upstream
#   router  : wrk -> agent-router (routes "auto", rewrites, relays) -> stub upstream
# for a non-streaming and a streaming (SSE) chat completion. The stub upstream is nginx returning a fixed answer, so
# what is measured is the proxies. Prints p50/p99 latency and requests/s per path, and the router's added latency.
# The routers run the packaged defaults (semantic routing with the in-process model included) with logging at WARN.
# Each waits until the catalog is embedded (router_semantic_ready 1) before its warm-up; the prompt is the same on
# every request, so it is embedded once and then comes from the prompt-vector cache (the counts are printed at the
# end): the run measures routing with semantic evidence, not embedding inference.
# Usage: bench/proxy/run.sh [connections=32] [seconds=15] [warmup-seconds=20]   (needs ./mvnw package first)
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-32}
seconds=${2:-15}
warmup=${3:-20}
jar=target/quarkus-app/quarkus-run.jar
[ -f "$jar" ] || { echo "run ./mvnw -B package -DskipTests first" >&2; exit 1; }

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

start_router() { # $1 port, $2 upstream port
  java -Xmx512m -Dquarkus.http.port="$1" -Dquarkus.http.host=127.0.0.1 -Dquarkus.log.level=WARN \
    -Drouter.upstream.base-url="http://127.0.0.1:$2/v1" -Drouter.proxy.default-model=stub \
    -Drouter.proxy.models.sonnet=stub -jar "$jar" >"$work/router-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$1/q/health/ready" >/dev/null && break; sleep 0.5; done
  curl -fs "http://127.0.0.1:$1/q/health/ready" >/dev/null || { echo "router did not start" >&2;
    cat "$work/router-$1.log" >&2; exit 1; }
}
semantic_ready() { # $1 port: waits until the catalog's vectors are in use
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$1/q/metrics" | grep -q '^router_semantic_ready 1' && return; sleep 0.5
  done
  echo "router on port $1: semantic routing not ready after 120 s" >&2; cat "$work/router-$1.log" >&2; exit 1
}
router_json=$(free_port); router_sse=$(free_port)
start_router "$router_json" "$stub_json"
start_router "$router_sse" "$stub_sse"
semantic_ready "$router_json"
semantic_ready "$router_sse"

body='{"model":"auto","stream":STREAM,"messages":[{"role":"user","content":"My PostgreSQL queries are slow and I need to optimize the database indexes"}]}'
for s in false true; do
  cat >"$work/post-$s.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '${body/STREAM/$s}'
LUA
done

# Prints "p50_ms p99_ms requests_per_s" for one wrk run.
measure() { # $1 url, $2 lua
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$2" "$1" >"$work/wrk.txt" 2>&1
  python3 - "$work/wrk.txt" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*" + label + r"%\s+([\d.]+)(us|ms|s)\s*$", t, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print(f"{ms('50'):.3f} {ms('99'):.3f} {rps:.0f} {errors.group(1) if errors else 0}")
PY
}

# Warm up the JVMs (C2 needs tens of seconds on 2 cores) so the run measures steady state.
wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/post-false.lua" "http://127.0.0.1:$router_json/v1/chat/completions" >/dev/null
wrk -t2 -c"$connections" -d"${warmup}s" -s "$work/post-true.lua" "http://127.0.0.1:$router_sse/v1/chat/completions" >/dev/null

printf '%-10s %-7s %10s %10s %10s %8s\n' mode path p50_ms p99_ms req_per_s non2xx
for mode in json sse; do
  lua="$work/post-false.lua"; [ "$mode" = sse ] && lua="$work/post-true.lua"
  stub=$stub_json; proxy=$proxy_json; router=$router_json
  [ "$mode" = sse ] && { stub=$stub_sse; proxy=$proxy_sse; router=$router_sse; }
  for path in direct nginx router; do
    case $path in
      direct) port=$stub ;; nginx) port=$proxy ;; router) port=$router ;;
    esac
    read -r p50 p99 rps non2xx < <(measure "http://127.0.0.1:$port/v1/chat/completions" "$lua")
    printf '%-10s %-7s %10s %10s %10s %8s\n' "$mode" "$path" "$p50" "$p99" "$rps" "$non2xx"
    echo "$mode $path $p50 $p99 $rps" >>"$work/results"
  done
done
python3 - "$work/results" <<'PY'
import sys
r = {}
for line in open(sys.argv[1]):
    mode, path, p50, p99, rps = line.split()
    r[(mode, path)] = (float(p50), float(p99), float(rps))
for mode in ("json", "sse"):
    d, n, a = r[(mode, "direct")], r[(mode, "nginx")], r[(mode, "router")]
    print(f"{mode}: router adds p50 {a[0]-d[0]:.3f} ms, p99 {a[1]-d[1]:.3f} ms over direct "
          f"(nginx adds p50 {n[0]-d[0]:.3f} ms); router throughput = {a[2]/n[2]:.2f}x nginx's")
PY
for p in "$router_json" "$router_sse"; do # inference runs only on a cache miss: a handful, against ~10^6 hits
  curl -fs "http://127.0.0.1:$p/q/metrics" | awk -v p="$p" '/^router_embedding_cache_requests_total/ {
    split($1, a, "\""); c[a[2]] = $2 } /^router_embedding_duration_seconds_count\{kind="prompt"\}/ { n = $2 }
    END { printf "router %s: prompt-vector cache hits %d, misses %d, prompt embeddings %d\n", p, c["hit"], c["miss"], n }'
done
