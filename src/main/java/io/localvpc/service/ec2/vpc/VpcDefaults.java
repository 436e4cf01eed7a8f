package io.localvpc.service.ec2.vpc;

import io.localvpc.model.Cidr;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.InternetGateway;
import io.localvpc.model.ec2.NetworkAcl;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.AvailabilityZones;
import java.util.ArrayList;
import java.util.List;

/**
 * What AWS creates with every VPC (a main route table with the local route, a default network ACL
 * allowing everything, a security group named {@code default}) and the default VPC every new
 * account finds in each region.
 */
public final class VpcDefaults {
    public static final Cidr DEFAULT_VPC_CIDR = Cidr.parse("172.31.0.0/16");

    private VpcDefaults() {}

    /** Adds the main route table, default ACL and default security group of a new VPC. */
    public static void createFor(Tx tx, Vpc vpc) {
        tx.put(new RouteTable(
                Ids.ec2("rtb"),
                vpc.id(),
                vpc.ownerId(),
                List.of(new RouteTable.Route(vpc.cidrBlock(), RouteTable.TargetKind.LOCAL, "local", "CreateRouteTable")),
                List.of(new RouteTable.Association(Ids.ec2("rtbassoc"), null, null, true))));
        tx.put(new NetworkAcl(
                Ids.ec2("acl"),
                vpc.id(),
                vpc.ownerId(),
                true,
                List.of(
                        new NetworkAcl.Entry(100, false, "-1", true, Cidr.ANY, null, null, null, null),
                        new NetworkAcl.Entry(100, true, "-1", true, Cidr.ANY, null, null, null, null)),
                List.of()));
        String groupId = Ids.ec2("sg");
        tx.put(new SecurityGroup(
                groupId,
                "default",
                "default VPC security group",
                vpc.id(),
                vpc.ownerId(),
                List.of(
                        new SecurityGroup.Rule(Ids.ec2("sgr"), false, "-1", null, null, null, null, groupId, null, null),
                        new SecurityGroup.Rule(Ids.ec2("sgr"), true, "-1", null, null, "0.0.0.0/0", null, null, null, null))));
    }

    /**
     * The default VPC of a new account's region: 172.31.0.0/16, a /20 default subnet per zone that
     * maps public IPs, an attached internet gateway and {@code 0.0.0.0/0} to it in the main table.
     */
    public static void seedDefaultVpc(Tx tx, String accountId, String region) {
        Vpc vpc = new Vpc(Ids.ec2("vpc"), accountId, DEFAULT_VPC_CIDR, Ids.ec2("vpc-cidr-assoc"), true, "default",
                Ids.ec2("dopt"), true, true, false, tx.now());
        tx.put(vpc);
        createFor(tx, vpc);
        InternetGateway igw = new InternetGateway(Ids.ec2("igw"), accountId, vpc.id());
        tx.put(igw);
        RouteTable main = mainRouteTable(tx, vpc.id());
        List<RouteTable.Route> routes = new ArrayList<>(main.routes());
        routes.add(new RouteTable.Route(Cidr.ANY, RouteTable.TargetKind.GATEWAY, igw.id(), "CreateRoute"));
        tx.put(main.withRoutes(routes));
        NetworkAcl acl = defaultAcl(tx, vpc.id());
        List<NetworkAcl.Association> aclAssociations = new ArrayList<>();
        int index = 0;
        for (AvailabilityZones.Zone zone : AvailabilityZones.of(region)) {
            Cidr cidr = new Cidr(DEFAULT_VPC_CIDR.base().plus(16L * 256 * index++), 20);
            Subnet subnet = new Subnet(Ids.ec2("subnet"), vpc.id(), accountId, cidr, zone.name(), zone.zoneId(), true, true);
            tx.put(subnet);
            aclAssociations.add(new NetworkAcl.Association(Ids.ec2("aclassoc"), subnet.id()));
        }
        tx.put(acl.withAssociations(aclAssociations));
    }

    public static RouteTable mainRouteTable(io.localvpc.model.StateView state, String vpcId) {
        return state.all(RouteTable.class).stream()
                .filter(rt -> rt.vpcId().equals(vpcId) && rt.isMain())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("VPC " + vpcId + " has no main route table"));
    }

    public static NetworkAcl defaultAcl(io.localvpc.model.StateView state, String vpcId) {
        return state.all(NetworkAcl.class).stream()
                .filter(acl -> acl.vpcId().equals(vpcId) && acl.isDefault())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("VPC " + vpcId + " has no default network ACL"));
    }
}
