package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.ProviderException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NetworkAcl;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

/**
 * The provider's finders: one describe by id, exactly one result with that id (none, or the
 * resource's {@code *.NotFound} code, is "not found"; more is an error), as {@code find.go} does.
 */
final class Ec2Find {
    private Ec2Find() {}

    static Optional<Vpc> vpc(AwsContext aws, String id) {
        return one("EC2 VPC", id, Set.of("InvalidVpcID.NotFound"),
                () -> aws.ec2().describeVpcs(r -> r.vpcIds(id)).vpcs(), Vpc::vpcId);
    }

    static Optional<Subnet> subnet(AwsContext aws, String id) {
        return one("EC2 Subnet", id, Set.of("InvalidSubnetID.NotFound"),
                () -> aws.ec2().describeSubnets(r -> r.subnetIds(id)).subnets(), Subnet::subnetId);
    }

    static Optional<RouteTable> routeTable(AwsContext aws, String id) {
        return one("Route Table", id, Set.of("InvalidRouteTableID.NotFound"),
                () -> aws.ec2().describeRouteTables(r -> r.routeTableIds(id)).routeTables(), RouteTable::routeTableId);
    }

    /** The route table holding association {@code associationId}, found with the association filter the provider uses. */
    static Optional<RouteTable> routeTableByAssociation(AwsContext aws, String associationId) {
        List<RouteTable> tables = Errors.find("reading Route Table Association (" + associationId + ")",
                Set.of("InvalidRouteTableID.NotFound"),
                () -> aws.ec2().describeRouteTables(r -> r.filters(filter("association.route-table-association-id", associationId)))
                        .routeTables()).orElse(List.of());
        return exactlyOne("Route Table Association", tables);
    }

    /** The association {@code id} in {@code table}, unless it is disassociated. */
    static Optional<RouteTableAssociation> association(RouteTable table, String id) {
        return table.associations().stream()
                .filter(a -> id.equals(a.routeTableAssociationId()))
                .filter(a -> a.associationState() == null || !"disassociated".equals(a.associationState().stateAsString()))
                .findFirst();
    }

    /** The VPC's main route table, through the {@code association.main=true} filter. */
    static Optional<RouteTable> mainRouteTable(AwsContext aws, String vpcId) {
        List<RouteTable> tables = Errors.find("reading main Route Table of EC2 VPC (" + vpcId + ")", Set.of(),
                () -> aws.ec2().describeRouteTables(r -> r.filters(filter("association.main", "true"), filter("vpc-id", vpcId)))
                        .routeTables()).orElse(List.of());
        return exactlyOne("Route Table", tables);
    }

    static Optional<InternetGateway> internetGateway(AwsContext aws, String id) {
        return one("Internet Gateway", id, Set.of("InvalidInternetGatewayID.NotFound"),
                () -> aws.ec2().describeInternetGateways(r -> r.internetGatewayIds(id)).internetGateways(),
                InternetGateway::internetGatewayId);
    }

    static Optional<Address> address(AwsContext aws, String allocationId) {
        return one("EC2 EIP", allocationId, Set.of("InvalidAddress.NotFound", "InvalidAllocationID.NotFound"),
                () -> aws.ec2().describeAddresses(r -> r.allocationIds(allocationId)).addresses(), Address::allocationId);
    }

    static Optional<Address> addressByAssociation(AwsContext aws, String associationId) {
        List<Address> addresses = Errors.find("reading EC2 EIP Association (" + associationId + ")",
                Set.of("InvalidAssociationID.NotFound"),
                () -> aws.ec2().describeAddresses(r -> r.filters(filter("association-id", associationId))).addresses())
                .orElse(List.of());
        return exactlyOne("EC2 EIP", addresses).filter(a -> associationId.equals(a.associationId()));
    }

    /** A NAT gateway; one in state {@code deleted} counts as not found. */
    static Optional<NatGateway> natGateway(AwsContext aws, String id) {
        return one("EC2 NAT Gateway", id, Set.of("NatGatewayNotFound"),
                () -> aws.ec2().describeNatGateways(r -> r.natGatewayIds(id)).natGateways(), NatGateway::natGatewayId)
                .filter(n -> !"deleted".equals(n.stateAsString()));
    }

    static Optional<NetworkAcl> networkAcl(AwsContext aws, String id) {
        return one("EC2 Network ACL", id, Set.of("InvalidNetworkAclID.NotFound"),
                () -> aws.ec2().describeNetworkAcls(r -> r.networkAclIds(id)).networkAcls(), NetworkAcl::networkAclId);
    }

    /** The VPC's default network ACL. */
    static Optional<NetworkAcl> defaultNetworkAcl(AwsContext aws, String vpcId) {
        List<NetworkAcl> acls = Errors.find("reading default Network ACL of EC2 VPC (" + vpcId + ")", Set.of(),
                () -> aws.ec2().describeNetworkAcls(r -> r.filters(filter("default", "true"), filter("vpc-id", vpcId)))
                        .networkAcls()).orElse(List.of());
        return exactlyOne("EC2 Network ACL", acls);
    }

    /** The network ACL a subnet is associated with. */
    static Optional<NetworkAcl> networkAclOfSubnet(AwsContext aws, String subnetId) {
        List<NetworkAcl> acls = Errors.find("reading Network ACL of EC2 Subnet (" + subnetId + ")", Set.of(),
                () -> aws.ec2().describeNetworkAcls(r -> r.filters(filter("association.subnet-id", subnetId)))
                        .networkAcls()).orElse(List.of());
        return exactlyOne("EC2 Network ACL", acls);
    }

    static Optional<NetworkInterface> networkInterface(AwsContext aws, String id) {
        return one("EC2 Network Interface", id, Set.of("InvalidNetworkInterfaceID.NotFound"),
                () -> aws.ec2().describeNetworkInterfaces(r -> r.networkInterfaceIds(id)).networkInterfaces(),
                NetworkInterface::networkInterfaceId);
    }

    static Optional<SecurityGroup> securityGroup(AwsContext aws, String id) {
        return one("Security Group", id, Set.of("InvalidGroup.NotFound", "InvalidSecurityGroupID.NotFound"),
                () -> aws.ec2().describeSecurityGroups(r -> r.groupIds(id)).securityGroups(), SecurityGroup::groupId);
    }

    /** A VPC endpoint; one in state {@code deleted} counts as not found. */
    static Optional<VpcEndpoint> vpcEndpoint(AwsContext aws, String id) {
        return one("VPC Endpoint", id, Set.of("InvalidVpcEndpointId.NotFound"),
                () -> aws.ec2().describeVpcEndpoints(r -> r.vpcEndpointIds(id)).vpcEndpoints(), VpcEndpoint::vpcEndpointId)
                .filter(e -> !"deleted".equalsIgnoreCase(e.stateAsString()));
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static <T> Optional<T> one(String label, String id, Set<String> notFound, Supplier<List<T>> describe,
            Function<T, String> idOf) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        List<T> found = Errors.find("reading " + label + " (" + id + ")", notFound, describe).orElse(List.of());
        // The provider's eventual-consistency check: an answer for another id is no answer.
        return exactlyOne(label, found.stream().filter(t -> id.equals(idOf.apply(t))).toList());
    }

    private static <T> Optional<T> exactlyOne(String label, List<T> found) {
        if (found.size() > 1) {
            throw new ProviderException("reading " + label + ": too many results: wanted 1, got " + found.size());
        }
        return found.stream().findFirst();
    }
}
