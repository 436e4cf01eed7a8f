package io.localvpc.dataplane.engine;

import io.localvpc.model.Ipv4;
import io.localvpc.model.RegionState;
import io.localvpc.model.ec2.Address;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.InternetGateway;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.NetworkAcl;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.RouteTable;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.service.ec2.routing.NetworkAclService;
import io.localvpc.service.ec2.routing.RouteTableService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network of one committed {@link RegionState}, indexed once so that a packet walk is a few
 * map lookups: interfaces by private IP per VPC, each subnet's effective route table and ACL, the
 * private IPs of each security group's members, public IPs (auto-assigned and Elastic) to the
 * interface address they stand for and back, each VPC's internet gateway, and NAT gateways by
 * their interface, and VPC endpoints by their interface. Obtain it with {@link #of(RegionState)}; it is cached with the state.
 */
public final class Topology {
    private static final Object KEY = new Object();

    /** A private address of an interface that a public address stands for at the internet gateway. */
    public record PublicMapping(Ipv4 publicIp, NetworkInterface eni, Ipv4 privateIp) {}

    private final RegionState state;
    private final Map<String, Map<Ipv4, NetworkInterface>> eniByPrivateIp = new HashMap<>();
    private final Map<String, RouteTable> routeTableBySubnet = new HashMap<>();
    private final Map<String, NetworkAcl> aclBySubnet = new HashMap<>();
    private final Map<String, Set<Ipv4>> groupMemberIps = new HashMap<>();
    private final Map<Ipv4, PublicMapping> byPublicIp = new HashMap<>();
    private final Map<String, Map<Ipv4, Ipv4>> publicIpByPrivate = new HashMap<>();
    private final Map<String, InternetGateway> igwByVpc = new HashMap<>();
    private final Map<String, NatGateway> natByEni = new HashMap<>();
    private final Map<String, VpcEndpoint> endpointByEni = new HashMap<>();

    private Topology(RegionState state) {
        this.state = state;
        for (NetworkInterface eni : state.all(NetworkInterface.class)) {
            Map<Ipv4, NetworkInterface> inVpc = eniByPrivateIp.computeIfAbsent(eni.vpcId(), v -> new HashMap<>());
            for (Ipv4 ip : eni.privateIps()) {
                inVpc.put(ip, eni);
            }
            for (String group : eni.groupIds()) {
                groupMemberIps.computeIfAbsent(group, g -> new HashSet<>()).addAll(eni.privateIps());
            }
            if (eni.publicIp() != null) {
                addPublic(eni.publicIp(), eni, eni.privateIp());
            }
        }
        for (Address eip : state.all(Address.class)) {
            if (eip.isAssociated() && eip.networkInterfaceId() != null) {
                state.find(NetworkInterface.class, eip.networkInterfaceId())
                        .ifPresent(eni -> addPublic(eip.publicIp(), eni, eip.privateIp() != null ? eip.privateIp() : eni.privateIp()));
            }
        }
        for (NatGateway nat : state.all(NatGateway.class)) {
            for (NatGateway.NatAddress address : nat.addresses()) {
                if (address.networkInterfaceId() == null) {
                    continue;
                }
                natByEni.put(address.networkInterfaceId(), nat);
                if (address.publicIp() != null && address.privateIp() != null && !byPublicIp.containsKey(address.publicIp())
                        && "succeeded".equals(address.status())) {
                    state.find(NetworkInterface.class, address.networkInterfaceId())
                            .ifPresent(eni -> addPublic(address.publicIp(), eni, address.privateIp()));
                }
            }
        }
        for (Subnet subnet : state.all(Subnet.class)) {
            routeTableBySubnet.put(subnet.id(), RouteTableService.effectiveTableOf(state, subnet));
            NetworkAclService.aclOf(state, subnet.id()).ifPresent(acl -> aclBySubnet.put(subnet.id(), acl));
        }
        for (VpcEndpoint endpoint : state.all(VpcEndpoint.class)) {
            endpoint.networkInterfaceIds().forEach(eniId -> endpointByEni.put(eniId, endpoint));
        }
        for (InternetGateway igw : state.all(InternetGateway.class)) {
            if (igw.attachedVpcId() != null) {
                igwByVpc.put(igw.attachedVpcId(), igw);
            }
        }
    }

    private void addPublic(Ipv4 publicIp, NetworkInterface eni, Ipv4 privateIp) {
        byPublicIp.put(publicIp, new PublicMapping(publicIp, eni, privateIp));
        publicIpByPrivate.computeIfAbsent(eni.vpcId(), v -> new HashMap<>()).put(privateIp, publicIp);
    }

    public static Topology of(RegionState state) {
        return state.derived(KEY, Topology::new);
    }

    public RegionState state() {
        return state;
    }

    public Optional<NetworkInterface> interfaceAt(String vpcId, Ipv4 privateIp) {
        return Optional.ofNullable(eniByPrivateIp.getOrDefault(vpcId, Map.of()).get(privateIp));
    }

    public Optional<NetworkInterface> interfaceById(String eniId) {
        return state.find(NetworkInterface.class, eniId);
    }

    public Optional<Vpc> vpc(String vpcId) {
        return state.find(Vpc.class, vpcId);
    }

    public Optional<Subnet> subnet(String subnetId) {
        return state.find(Subnet.class, subnetId);
    }

    public Optional<Instance> instance(String instanceId) {
        return state.find(Instance.class, instanceId);
    }

    public RouteTable routeTableOf(Subnet subnet) {
        return routeTableBySubnet.get(subnet.id());
    }

    public Optional<NetworkAcl> aclOf(Subnet subnet) {
        return Optional.ofNullable(aclBySubnet.get(subnet.id()));
    }

    public Optional<SecurityGroup> group(String groupId) {
        return state.find(SecurityGroup.class, groupId);
    }

    /** Whether {@code address} is a private IP of an interface in {@code groupId} (how SG references match). */
    public boolean isMemberAddress(String groupId, Ipv4 address) {
        return groupMemberIps.getOrDefault(groupId, Set.of()).contains(address);
    }

    public Optional<PublicMapping> byPublicIp(Ipv4 publicIp) {
        return Optional.ofNullable(byPublicIp.get(publicIp));
    }

    public Optional<Ipv4> publicIpOf(String vpcId, Ipv4 privateIp) {
        return Optional.ofNullable(publicIpByPrivate.getOrDefault(vpcId, Map.of()).get(privateIp));
    }

    public Optional<InternetGateway> internetGatewayOf(String vpcId) {
        return Optional.ofNullable(igwByVpc.get(vpcId));
    }

    public Optional<NatGateway> natGatewayOf(NetworkInterface eni) {
        return Optional.ofNullable(natByEni.get(eni.id()));
    }

    public Optional<NatGateway> natGateway(String natId) {
        return state.find(NatGateway.class, natId);
    }

    /** The interface endpoint that owns {@code eni}, if it is an endpoint's interface. */
    public Optional<VpcEndpoint> endpointOf(NetworkInterface eni) {
        return Optional.ofNullable(endpointByEni.get(eni.id()));
    }

    public Optional<VpcEndpoint> endpoint(String endpointId) {
        return state.find(VpcEndpoint.class, endpointId);
    }

    /** The interface (anywhere in the region) holding {@code privateIp} in any VPC: for trace endpoints given as an IP. */
    public Optional<NetworkInterface> anyInterfaceAt(Ipv4 privateIp) {
        for (Map<Ipv4, NetworkInterface> inVpc : eniByPrivateIp.values()) {
            NetworkInterface eni = inVpc.get(privateIp);
            if (eni != null) {
                return Optional.of(eni);
            }
        }
        return Optional.empty();
    }
}
