package io.localvpc.dataplane.engine;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.Cloud;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Quotas;
import io.localvpc.service.Timings;
import io.localvpc.service.ec2.Ec2Api;
import io.localvpc.store.MemoryStore;
import io.localvpc.time.SimClock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

/**
 * The hands-on topology of {@code HandsOnDataPlaneTest} (a public subnet with a NAT gateway and an
 * internet gateway route, a private subnet routed to the NAT gateway, an instance in each), built
 * by calling the EC2 handlers in process: no HTTP, no SDK client, one frozen clock. The packet-walk
 * benchmark in {@code bench/} compiles this same file, so tests and benchmark walk one topology.
 */
public final class InProcessHandsOn {
    public static final String ACCOUNT = "111122223333";
    public static final String REGION = "ap-northeast-1";

    public final SimClock clock = SimClock.frozenAt(Instant.parse("2026-11-29T00:00:00Z"));
    public final Cloud cloud = new Cloud(new MemoryStore());
    public final ServiceRoutes ec2 = Ec2Api.create(new CloudAccess(cloud, Timings.DEFAULT, Quotas.DEFAULT)).routes();
    public final PacketEngine engine = new PacketEngine(cloud, clock);
    public final String privateTable;
    public final String nat;
    public final String eip;
    public final String group;
    public final String privateInstance;

    public InProcessHandsOn() {
        String vpc = this.<CreateVpcResponse>call(CreateVpcRequest.builder().cidrBlock("10.0.0.0/16").build()).vpc().vpcId();
        String publicSubnet = subnet(vpc, "10.0.10.0/24", "ap-northeast-1a");
        String privateSubnet = subnet(vpc, "10.0.20.0/24", "ap-northeast-1c");
        String igw = this.<CreateInternetGatewayResponse>call(CreateInternetGatewayRequest.builder().build())
                .internetGateway().internetGatewayId();
        call(AttachInternetGatewayRequest.builder().internetGatewayId(igw).vpcId(vpc).build());
        String publicTable = table(vpc, publicSubnet);
        call(CreateRouteRequest.builder().routeTableId(publicTable).destinationCidrBlock("0.0.0.0/0").gatewayId(igw).build());
        AllocateAddressResponse address = call(AllocateAddressRequest.builder().domain("vpc").build());
        eip = address.publicIp();
        nat = this.<CreateNatGatewayResponse>call(CreateNatGatewayRequest.builder().subnetId(publicSubnet)
                .allocationId(address.allocationId()).build()).natGateway().natGatewayId();
        privateTable = table(vpc, privateSubnet);
        call(CreateRouteRequest.builder().routeTableId(privateTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat)
                .build());
        group = this.<CreateSecurityGroupResponse>call(CreateSecurityGroupRequest.builder().vpcId(vpc)
                .groupName("egress-only").description("egress only").build()).groupId();
        String image = this.<DescribeImagesResponse>call(DescribeImagesRequest.builder().owners("amazon")
                .filters(Filter.builder().name("name").values("amzn2-ami-hvm-2.0.*.0-x86_64-gp2").build()).build())
                .images().get(0).imageId();
        privateInstance = this.<RunInstancesResponse>call(RunInstancesRequest.builder().imageId(image)
                .instanceType(InstanceType.T3_NANO).minCount(1).maxCount(1).subnetId(privateSubnet)
                .securityGroupIds(group).build()).instances().get(0).instanceId();
        clock.advance(Duration.ofSeconds(5));
    }

    /** Runs one EC2 operation now, as the account, in the region. */
    @SuppressWarnings("unchecked")
    <R> R call(Object request) {
        String action = request.getClass().getSimpleName().replace("Request", "");
        ServiceRoutes.Route route = ec2.find(action).orElseThrow(() -> new IllegalArgumentException("no " + action));
        return (R) route.handler().handle(new RequestContext(ACCOUNT, REGION, "in-process", clock.now()), request);
    }

    private String subnet(String vpc, String cidr, String zone) {
        return this.<CreateSubnetResponse>call(CreateSubnetRequest.builder().vpcId(vpc).cidrBlock(cidr)
                .availabilityZone(zone).build()).subnet().subnetId();
    }

    private String table(String vpc, String subnet) {
        String table = this.<CreateRouteTableResponse>call(CreateRouteTableRequest.builder().vpcId(vpc).build())
                .routeTable().routeTableId();
        call(AssociateRouteTableRequest.builder().routeTableId(table).subnetId(subnet).build());
        return table;
    }
}
