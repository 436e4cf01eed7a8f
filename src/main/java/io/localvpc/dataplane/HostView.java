package io.localvpc.dataplane;

import io.localvpc.model.Cidr;
import io.localvpc.model.Ipv4;
import java.util.List;

/**
 * An instance as its own operating system sees it: hostname, interfaces with their private
 * addresses (never the public one: that lives in the internet gateway), the subnet's gateway and
 * the VPC's DNS resolver.
 */
public record HostView(
        String instanceId,
        String hostname,
        String region,
        String availabilityZone,
        List<Interface> interfaces,
        Ipv4 defaultGateway,
        Ipv4 dnsResolver,
        boolean dnsSupport) {

    public HostView {
        interfaces = List.copyOf(interfaces);
    }

    /** One interface as {@code ip addr} shows it. */
    public record Interface(String name, String macAddress, Ipv4 address, Cidr subnet, int mtu) {}
}
