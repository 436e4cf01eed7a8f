package io.localvpc.model.ec2;

import io.localvpc.model.Timed;
import java.time.Instant;
import java.util.List;

/**
 * A VPC endpoint to an AWS service. An interface endpoint owns one requester-managed network
 * interface per subnet (at most one subnet per availability zone), guarded by its security groups;
 * a gateway endpoint owns a route to the service's prefix list in each of its route tables. Both
 * move pending → available and deleting → deleted on their own; a deleted endpoint stays visible
 * for a while, as on AWS.
 *
 * @param serviceName {@code com.amazonaws.<region>.<service>}
 * @param subnetIds the interface endpoint's subnets, in the order of {@code networkInterfaceIds}
 * @param networkInterfaceIds one interface per subnet, same order as {@code subnetIds}
 * @param dnsLabel the random label AWS puts after the endpoint id in its DNS names
 */
public record VpcEndpoint(
        String id,
        String type,
        String vpcId,
        String serviceName,
        String ownerId,
        String state,
        String policyDocument,
        List<String> routeTableIds,
        List<String> subnetIds,
        List<String> networkInterfaceIds,
        List<String> groupIds,
        boolean privateDnsEnabled,
        String ipAddressType,
        String dnsLabel,
        Instant createdAt,
        Instant dueAt,
        String clientToken)
        implements Timed {

    public static final String INTERFACE = "Interface";
    public static final String GATEWAY = "Gateway";

    public VpcEndpoint {
        routeTableIds = List.copyOf(routeTableIds);
        subnetIds = List.copyOf(subnetIds);
        networkInterfaceIds = List.copyOf(networkInterfaceIds);
        groupIds = List.copyOf(groupIds);
    }

    public boolean isInterface() {
        return INTERFACE.equals(type);
    }

    /** Pending, available or deleting: it still holds its interfaces, routes and a place in the VPC. */
    public boolean isLive() {
        return !"deleted".equals(state);
    }

    /** The service's short name: {@code ssm} for {@code com.amazonaws.ap-northeast-1.ssm}. */
    public String shortServiceName() {
        return serviceName.substring(serviceName.lastIndexOf('.') + 1);
    }

    /** The region part of the service name. */
    public String serviceRegion() {
        String withoutPrefix = serviceName.substring("com.amazonaws.".length());
        return withoutPrefix.substring(0, withoutPrefix.indexOf('.'));
    }

    /** The public name that private DNS makes resolve to the endpoint: {@code ssm.<region>.amazonaws.com}. */
    public String privateDnsName() {
        return shortServiceName() + "." + serviceRegion() + ".amazonaws.com";
    }

    /** The endpoint-specific regional DNS name: {@code vpce-…-label.ssm.<region>.vpce.amazonaws.com}. */
    public String regionalDnsName() {
        return id + "-" + dnsLabel + "." + shortServiceName() + "." + serviceRegion() + ".vpce.amazonaws.com";
    }

    /** The endpoint-specific name of its interface in one zone. */
    public String zonalDnsName(String zone) {
        return id + "-" + dnsLabel + "-" + zone + "." + shortServiceName() + "." + serviceRegion() + ".vpce.amazonaws.com";
    }

    public VpcEndpoint withState(String newState, Instant nextDue) {
        return new VpcEndpoint(id, type, vpcId, serviceName, ownerId, newState, policyDocument, routeTableIds,
                subnetIds, networkInterfaceIds, groupIds, privateDnsEnabled, ipAddressType, dnsLabel, createdAt,
                nextDue, clientToken);
    }

    public VpcEndpoint withPlacement(List<String> newSubnetIds, List<String> newInterfaceIds) {
        return new VpcEndpoint(id, type, vpcId, serviceName, ownerId, state, policyDocument, routeTableIds,
                newSubnetIds, newInterfaceIds, groupIds, privateDnsEnabled, ipAddressType, dnsLabel, createdAt,
                dueAt, clientToken);
    }

    public VpcEndpoint withRouteTables(List<String> newRouteTableIds) {
        return new VpcEndpoint(id, type, vpcId, serviceName, ownerId, state, policyDocument, newRouteTableIds,
                subnetIds, networkInterfaceIds, groupIds, privateDnsEnabled, ipAddressType, dnsLabel, createdAt,
                dueAt, clientToken);
    }

    public VpcEndpoint withGroups(List<String> newGroupIds) {
        return new VpcEndpoint(id, type, vpcId, serviceName, ownerId, state, policyDocument, routeTableIds,
                subnetIds, networkInterfaceIds, newGroupIds, privateDnsEnabled, ipAddressType, dnsLabel, createdAt,
                dueAt, clientToken);
    }

    public VpcEndpoint withPrivateDns(boolean on) {
        return new VpcEndpoint(id, type, vpcId, serviceName, ownerId, state, policyDocument, routeTableIds,
                subnetIds, networkInterfaceIds, groupIds, on, ipAddressType, dnsLabel, createdAt, dueAt, clientToken);
    }

    public VpcEndpoint withPolicy(String newPolicy) {
        return new VpcEndpoint(id, type, vpcId, serviceName, ownerId, state, newPolicy, routeTableIds, subnetIds,
                networkInterfaceIds, groupIds, privateDnsEnabled, ipAddressType, dnsLabel, createdAt, dueAt,
                clientToken);
    }

    public VpcEndpoint withIpAddressType(String newType) {
        return new VpcEndpoint(id, type, vpcId, serviceName, ownerId, state, policyDocument, routeTableIds, subnetIds,
                networkInterfaceIds, groupIds, privateDnsEnabled, newType, dnsLabel, createdAt, dueAt, clientToken);
    }
}
