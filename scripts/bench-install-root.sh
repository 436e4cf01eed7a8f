#!/usr/bin/env bash
# Builds the root's shaded jar and installs it into the local Maven repository as
# io.localvpc:localvpc-shaded:0.1.0-SNAPSHOT, which the JMH module bench/ depends on. Works offline.
# install-file (pinned plugin version) rather than `mvn install`, because the shaded jar already holds
# every dependency: depending on it alone keeps the benchmark's classpath free of duplicates.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -o package -DskipTests
mvn -B -q -o org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
    -Dfile=target/localvpc.jar -DgroupId=io.localvpc -DartifactId=localvpc-shaded \
    -Dversion=0.1.0-SNAPSHOT -Dpackaging=jar
