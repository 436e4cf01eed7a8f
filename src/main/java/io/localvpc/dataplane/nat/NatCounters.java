package io.localvpc.dataplane.nat;

/**
 * A snapshot of one NAT gateway's counters, named after the CloudWatch metrics they feed.
 *
 * @param activeConnections sessions currently translating (ActiveConnectionCount)
 * @param sessionsOpened sessions ever created (ConnectionEstablishedCount)
 * @param sessionsClosed sessions ended by TCP FIN/RST or an explicit close
 * @param portAllocationErrors new sessions refused because every address was at the per-destination limit (ErrorPortAllocation)
 * @param unsolicitedInboundDrops inbound packets with no live translation, dropped (part of PacketsDropCount)
 * @param idleTimeouts sessions that went idle for the timeout without a close (IdleTimeoutCount)
 * @param expiredTcpResets TCP packets from an instance on an idled-out translation, answered with a RST
 */
public record NatCounters(
        long activeConnections,
        long sessionsOpened,
        long sessionsClosed,
        long portAllocationErrors,
        long unsolicitedInboundDrops,
        long idleTimeouts,
        long expiredTcpResets) {}
