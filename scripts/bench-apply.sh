#!/usr/bin/env bash
# How long `localvpc apply examples/nat-gateway -auto-approve` takes, from starting the command
# (JVM start included) to its last line (the outputs), against a running
# `java -jar target/localvpc.jar --ephemeral` server started fresh for every run (so every run
# creates the whole hands-on from nothing). Prints each run and the median.
# The command is bin/localvpc, as users run it (class-data sharing archive, C1 only; the archive is
# made by an untimed training run first). PLAIN=1 measures `java -jar target/localvpc.jar` instead.
# Usage: scripts/bench-apply.sh [runs]
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

if [ -n "${PLAIN:-}" ]; then
  LOCALVPC=(java -jar target/localvpc.jar)
else
  LOCALVPC=(bin/localvpc)
  rm -f target/localvpc.jar.jsa
fi

times=()
for run in $(seq 1 "$RUNS"); do
  java -jar target/localvpc.jar --ephemeral --port "$PORT" 2>/dev/null &
  SERVER=$!
  until curl -sf "$AWS_ENDPOINT_URL/_localvpc/health" >/dev/null; do sleep 0.05; done
  rm -rf "$WORK/nat-gateway"; cp -r examples/nat-gateway "$WORK/"
  if [ -z "${PLAIN:-}" ] && [ ! -f target/localvpc.jar.jsa ]; then
    # Training run: bin/localvpc writes the class-data archive at its exit.
    bin/localvpc apply "$WORK/nat-gateway" -auto-approve >/dev/null 2>&1
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
    java -jar target/localvpc.jar --ephemeral --port "$PORT" 2>/dev/null &
    SERVER=$!
    until curl -sf "$AWS_ENDPOINT_URL/_localvpc/health" >/dev/null; do sleep 0.05; done
    rm -rf "$WORK/nat-gateway"; cp -r examples/nat-gateway "$WORK/"
  fi
  t0=$(date +%s%N)
  "${LOCALVPC[@]}" apply "$WORK/nat-gateway" -auto-approve > "$WORK/apply.log" 2>&1 \
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
echo "${LOCALVPC[*]} apply examples/nat-gateway -auto-approve (ms): ${times[*]}  median $median"
