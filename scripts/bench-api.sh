#!/usr/bin/env bash
# End-to-end API benchmark: starts target/localvpc.jar as its own process (in-memory state), then
# a concurrent AWS SDK v2 client measures DescribeVpcs, DescribeInstances (1,000 instances) and
# CreateTags; also measures start-up to the first answered request and resident memory at idle.
# Usage: scripts/bench-api.sh [threads] [seconds-per-round] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
THREADS=${1:-16} SECONDS_PER_ROUND=${2:-5} ROUNDS=${3:-5}

mvn -B -q -o package -DskipTests
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
ENDPOINT="http://127.0.0.1:$PORT"

# Start-up: from launching the JVM to the first answered request, median of 5 starts.
startups=()
for _ in 1 2 3 4 5; do
  t0=$(date +%s%N)
  java -jar target/localvpc.jar --ephemeral --port "$PORT" 2>/dev/null &
  pid=$!
  until curl -sf "$ENDPOINT/_localvpc/health" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "LocalVPC did not start" >&2; exit 1; }
    sleep 0.01
  done
  t1=$(date +%s%N)
  startups+=($(( (t1 - t0) / 1000000 )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
echo "start-up to first answered request (ms): ${startups[*]}  median $(printf '%s\n' "${startups[@]}" | sort -n | sed -n 3p)"

java -jar target/localvpc.jar --ephemeral --port "$PORT" --quota instances=1000 2>/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "$ENDPOINT/_localvpc/health" >/dev/null; do sleep 0.05; done
AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test curl -sf -o /dev/null "$ENDPOINT/_localvpc/health"
sleep 2
echo "resident memory at idle after start-up: $(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$SERVER/status)"

java -cp "target/test-classes:$(cat target/bench.classpath)" io.localvpc.bench.ApiThroughputBenchmark \
  "$ENDPOINT" "$THREADS" "$SECONDS_PER_ROUND" "$ROUNDS"
sleep 5
echo "resident memory at idle after the benchmark: $(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$SERVER/status)"
