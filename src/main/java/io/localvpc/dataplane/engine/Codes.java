package io.localvpc.dataplane.engine;

import java.util.Set;

/**
 * The explanation codes a walk can stop with. Most are VPC Reachability Analyzer's own; the few in
 * {@link #LOCALVPC_ONLY} are LocalVPC's, for cases Reachability Analyzer has no code for (it
 * analyses configuration and sends no packets).
 */
public final class Codes {
    public static final String NO_ROUTE_TO_DESTINATION = "NO_ROUTE_TO_DESTINATION";
    public static final String BAD_STATE_ROUTE = "BAD_STATE_ROUTE";
    public static final String BAD_STATE = "BAD_STATE";
    public static final String UNSUPPORTED_COMPONENT = "UNSUPPORTED_COMPONENT";
    public static final String SUBNET_ACL_RESTRICTION = "SUBNET_ACL_RESTRICTION";
    public static final String ENI_SOURCE_DEST_CHECK_RESTRICTION = "ENI_SOURCE_DEST_CHECK_RESTRICTION";
    public static final String IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS = "IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS";
    public static final String IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS = "IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS";
    public static final String IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS = "IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS";
    public static final String NGW_REQUIRES_SOURCE_IN_VPC = "NGW_REQUIRES_SOURCE_IN_VPC";

    public static final String TTL_EXCEEDED = "TTL_EXCEEDED";
    public static final String NGW_PORT_ALLOCATION_ERROR = "NGW_PORT_ALLOCATION_ERROR";
    /** A TCP packet on a NAT translation that idled out: the NAT gateway answers with a RST. */
    public static final String NGW_IDLE_TIMEOUT_RESET = "NGW_IDLE_TIMEOUT_RESET";
    public static final String NO_INTERFACE_AT_ADDRESS = "NO_INTERFACE_AT_ADDRESS";
    public static final String APPLIANCE_FORWARDING_NOT_SIMULATED = "APPLIANCE_FORWARDING_NOT_SIMULATED";
    public static final String ROUTING_LOOP = "ROUTING_LOOP";
    public static final String NO_ANSWER = "NO_ANSWER";

    /** Codes of LocalVPC's own, where Reachability Analyzer has none. */
    public static final Set<String> LOCALVPC_ONLY = Set.of(TTL_EXCEEDED, NGW_PORT_ALLOCATION_ERROR, NGW_IDLE_TIMEOUT_RESET,
            NO_INTERFACE_AT_ADDRESS, APPLIANCE_FORWARDING_NOT_SIMULATED, ROUTING_LOOP, NO_ANSWER);

    private Codes() {}
}
