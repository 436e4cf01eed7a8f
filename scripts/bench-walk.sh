#!/usr/bin/env bash
# Full packet walk benchmarks (JMH 1.37, module bench/): the hands-on topology's private instance
# sending to 8.8.8.8 through SG egress, NACL, route to the NAT gateway, NAT, route to the internet
# gateway and its Elastic IP translation, on one thread. Packets of established flows take
# PacketEngine.forward's flow cache; a traced round-trip probe is measured alongside for comparison.
# Usage: scripts/bench-walk.sh [extra JMH options, e.g. -p flows=1000]
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bench-install-root.sh
mvn -B -q -o -f bench/pom.xml package

java -jar bench/target/benchmarks.jar 'io.localvpc.bench.walk.PacketWalkBenchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s "$@"
