#!/usr/bin/env bash
# NAT table benchmarks (JMH 1.37, module bench/): packets on established sessions and session
# creation on one thread, then the heap taken by 1,000,000 active sessions in a JVM of its own.
# Usage: scripts/bench-nat.sh [extra JMH options, e.g. -p sessions=10000]
# Offline once JMH and the Maven plugins are in the local repository.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bench-install-root.sh
mvn -B -q -o -f bench/pom.xml package
JAR=bench/target/benchmarks.jar

java -jar "$JAR" 'io.localvpc.bench.nat.Nat(Translate|Create)Benchmark' -f 1 -wi 3 -i 5 -w 2s -r 2s "$@"

# Heap footprint: used heap after full GCs, before and after filling the table.
java -Xmx1g -XX:+UseG1GC -cp "$JAR" io.localvpc.bench.nat.NatHeapFootprint
java -Xmx1g -XX:+UseParallelGC -cp "$JAR" io.localvpc.bench.nat.NatHeapFootprint
