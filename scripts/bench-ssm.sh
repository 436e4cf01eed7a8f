#!/usr/bin/env bash
# SSM path benchmark: the hands-on topology in one JVM, then medians of opening a Session Manager
# shell, a keystroke's echo, a command line back to the prompt, DescribeInstanceInformation and
# SendCommand, measured through the real data channel and the AWS SDK.
# Usage: scripts/bench-ssm.sh [repeats]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >/dev/null
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn io.localvpc.bench.SsmBenchmark "${1:-200}"
