#!/usr/bin/env bash
# How long `localvpc apply examples/nat-gateway -auto-approve` takes, from starting the command
# (JVM start included) to its last line (the outputs), against a running
# `java -jar target/localvpc.jar --ephemeral` server started fresh for every run (so every run
# creates the whole hands-on from nothing). Prints each run and the median.
# Usage: scripts/bench-apply.sh [runs]      (CDS=1 uses the class-data archive bin/localvpc uses)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}

[ -n "${SKIP_BUILD:-}" ] || mvn -B -q -o package -DskipTests
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
export AWS_ENDPOINT_URL="http://127.0.0.1:$PORT"
WORK=$(mktemp -d)
SERVER=
cleanup() { [ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

JAVA_OPTS=()
if [ -n "${CDS:-}" ]; then
  # A dynamic AppCDS archive of the classes a plan/apply loads, made once by a training run.
  ARCHIVE=target/localvpc-cli.jsa
  JAVA_OPTS=(-XX:SharedArchiveFile="$ARCHIVE" -Xshare:auto)
fi

times=()
for run in $(seq 1 "$RUNS"); do
  java -jar target/localvpc.jar --ephemeral --port "$PORT" 2>/dev/null &
  SERVER=$!
  until curl -sf "$AWS_ENDPOINT_URL/_localvpc/health" >/dev/null; do sleep 0.05; done
  rm -rf "$WORK/nat-gateway"; cp -r examples/nat-gateway "$WORK/"
  if [ -n "${CDS:-}" ] && [ ! -f "$ARCHIVE" ]; then
    java -XX:ArchiveClassesAtExit="$ARCHIVE" -jar target/localvpc.jar apply "$WORK/nat-gateway" -auto-approve >/dev/null 2>&1
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
    java -jar target/localvpc.jar --ephemeral --port "$PORT" 2>/dev/null &
    SERVER=$!
    until curl -sf "$AWS_ENDPOINT_URL/_localvpc/health" >/dev/null; do sleep 0.05; done
    rm -rf "$WORK/nat-gateway"; cp -r examples/nat-gateway "$WORK/"
  fi
  t0=$(date +%s%N)
  java "${JAVA_OPTS[@]}" -jar target/localvpc.jar apply "$WORK/nat-gateway" -auto-approve > "$WORK/apply.log" 2>&1 \
    || { cat "$WORK/apply.log" >&2; exit 1; }
  t1=$(date +%s%N)
  grep -q '^ec2_instance_id = "i-' "$WORK/apply.log" || { cat "$WORK/apply.log" >&2; exit 1; }
  ms=$(( (t1 - t0) / 1000000 ))
  times+=("$ms")
  echo "run $run: ${ms} ms"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  SERVER=
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
echo "localvpc apply examples/nat-gateway -auto-approve (ms): ${times[*]}  median $median"
