package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.internet.SimulatedInternet;

/** What the stages share beyond the topology: connection tracking, NAT sessions, the internet, and every site's public IPs. */
record Fabric(ConnectionTracker tracker, NatGateways nats, SimulatedInternet internet, Sites sites) {}
