package io.localvpc.dataplane.engine;

/** One account's region as the engine walks it: where it is, and its topology at this moment. */
public record Site(String accountId, String region, Topology topology) {}
