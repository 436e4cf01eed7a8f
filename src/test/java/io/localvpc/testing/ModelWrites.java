package io.localvpc.testing;

import io.localvpc.model.Ipv4;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NatGateway;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.service.Ids;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes model records straight into an account's region, for tests of one service that need
 * resources another service makes (a NAT gateway, an instance and its interface) before that
 * service exists or without going through its whole lifecycle.
 */
public final class ModelWrites {
    private static final java.util.concurrent.atomic.AtomicLong NEXT_HOST = new java.util.concurrent.atomic.AtomicLong();

    private ModelWrites() {}

    public static <R> R write(LocalVpcServer server, String accountId, Function<Tx, R> work) {
        Instant now = server.clock().now();
        return server.localVpc().cloud().region(accountId, LocalVpcServer.REGION.id(), now).write(now, work);
    }

    public static void change(LocalVpcServer server, String accountId, Consumer<Tx> work) {
        write(server, accountId, tx -> {
            work.accept(tx);
            return null;
        });
    }

    /** A public NAT gateway in {@code subnet}, in the given state, with its interface. */
    public static NatGateway natGateway(LocalVpcServer server, String accountId, Subnet subnet, String state) {
        return write(server, accountId, tx -> {
            NetworkInterface eni = networkInterface(subnet, "nat_gateway", null);
            tx.put(eni);
            NatGateway nat = new NatGateway(Ids.ec2("nat"), subnet.id(), subnet.vpcId(), accountId, "public", state,
                    null, null,
                    List.of(new NatGateway.NatAddress(Ids.ec2("eipalloc"), Ids.ec2("eipassoc"), eni.id(),
                            eni.privateIp(), Ipv4.parse("203.0.113.10"), true, "succeeded")),
                    tx.now(), null, null, null);
            tx.put(nat);
            return nat;
        });
    }

    /** A running instance in {@code subnet} with its primary interface. */
    public static Instance instance(LocalVpcServer server, String accountId, Subnet subnet) {
        return write(server, accountId, tx -> {
            String instanceId = Ids.ec2("i");
            NetworkInterface eni = networkInterface(subnet, "interface",
                    new NetworkInterface.Attachment(Ids.ec2("eni-attach"), instanceId, accountId, 0, "attached",
                            tx.now(), true));
            tx.put(eni);
            Instance instance = new Instance(instanceId, Ids.ec2("r"), accountId, 0, "ami-0123456789abcdef0", "t3.nano",
                    "running", null, subnet.id(), subnet.vpcId(), subnet.availabilityZone(), eni.id(), eni.privateIp(),
                    null, null, List.of(), null, tx.now(), tx.now(), null, null);
            tx.put(instance);
            return instance;
        });
    }

    /** A detached interface in {@code subnet}. */
    public static NetworkInterface detachedInterface(LocalVpcServer server, String accountId, Subnet subnet) {
        return write(server, accountId, tx -> {
            NetworkInterface eni = networkInterface(subnet, "interface", null);
            tx.put(eni);
            return eni;
        });
    }

    private static NetworkInterface networkInterface(Subnet subnet, String type, NetworkInterface.Attachment attachment) {
        Ipv4 address = subnet.cidrBlock().base().plus(4 + NEXT_HOST.getAndIncrement() % (subnet.cidrBlock().size() - 5));
        return new NetworkInterface(Ids.ec2("eni"), subnet.id(), subnet.vpcId(), subnet.availabilityZone(),
                subnet.ownerId(), "", type, "nat_gateway".equals(type), null, address, List.of(), List.of(), true,
                Ids.mac(), attachment, null);
    }

    /** The model record of a subnet the API created. */
    public static Subnet subnet(LocalVpcServer server, String accountId, String subnetId) {
        return write(server, accountId, tx -> tx.find(Subnet.class, subnetId).orElseThrow());
    }
}
