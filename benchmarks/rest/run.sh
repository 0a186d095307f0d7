#!/usr/bin/env bash
# Benchmark of POST /v1/recommendations with wrk on loopback (Debian package `wrk`).
#   benchmarks/rest/run.sh [DURATION] [CONNECTIONS] [THREADS]     defaults: 20s 4 2
#   TANDEM_JAVA_OPTS  JVM options of the service (default: -Xms256m -Xmx512m -XX:+UseParallelGC,
#                     which halves the p99 against G1 on 2 cores: short-lived response objects)
# Starts the service embedded (`tandem serve --simulate` at --speed 1, so the simulator is idle
# most of the time), warms the JVM for 10 s, runs wrk for DURATION and prints requests/s and the
# latency percentiles (p50, p75, p90, p99). Build the cli jar first (./tandem --version does it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-20s}"
connections="${2:-4}"
threads="${3:-2}"
port="${TANDEM_BENCH_PORT:-18090}"
jar="$root/cli/target/tandem-cli.jar"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$jar" ] || { echo "build first: ./tandem --version" >&2; exit 2; }

log="$(mktemp)"
java ${TANDEM_JAVA_OPTS:--Xms256m -Xmx512m -XX:+UseParallelGC} -jar "$jar" serve --simulate --speed 1 --port "$port" \
  --set logging.level.root=WARN >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null \
  || { echo "the service did not become ready:" >&2; cat "$log" >&2; exit 1; }

url="http://127.0.0.1:$port/v1/recommendations"
echo "warm-up (10 s) ..." >&2
wrk -t"$threads" -c"$connections" -d10s -s "$root/benchmarks/rest/recommend.lua" "$url" >/dev/null
echo "measuring: wrk -t$threads -c$connections -d$duration --latency" >&2
wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$root/benchmarks/rest/recommend.lua" "$url"
