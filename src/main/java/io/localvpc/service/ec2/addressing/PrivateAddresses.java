package io.localvpc.service.ec2.addressing;

import io.localvpc.api.AwsException;
import io.localvpc.model.Ipv4;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.service.ec2.Ec2Errors;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Private IPv4 addresses of a subnet: which are taken (by any network interface, primary or
 * secondary, plus the five AWS reserves) and which to hand out next. Addresses are picked at
 * random among the free ones, as EC2 does.
 */
public final class PrivateAddresses {
    private PrivateAddresses() {}

    public static Set<Ipv4> inUse(StateView state, String subnetId) {
        Set<Ipv4> used = new HashSet<>();
        for (NetworkInterface eni : state.all(NetworkInterface.class)) {
            if (eni.subnetId().equals(subnetId)) {
                used.addAll(eni.privateIps());
            }
        }
        return used;
    }

    /** Usable addresses left: the block minus the five reserved minus those in use. */
    public static long available(StateView state, Subnet subnet) {
        return subnet.cidrBlock().size() - Subnet.RESERVED_ADDRESSES - inUse(state, subnet.id()).size();
    }

    /**
     * A free address: {@code requested} if given and free, otherwise a random free one.
     *
     * @throws AwsException InvalidParameterValue, InvalidIPAddress.InUse or InsufficientFreeAddressesInSubnet
     */
    public static Ipv4 allocate(StateView state, Subnet subnet, String requested) {
        return allocate(state, subnet, requested, Set.of());
    }

    /**
     * As {@link #allocate(StateView, Subnet, String)}, treating {@code reserved} as taken too: the
     * addresses a request names for later in the same call, which a random pick must not take.
     */
    public static Ipv4 allocate(StateView state, Subnet subnet, String requested, Set<Ipv4> reserved) {
        Set<Ipv4> used = inUse(state, subnet.id());
        used.addAll(reserved);
        if (requested != null) {
            Ipv4 address = Ipv4.tryParse(requested).orElseThrow(() -> Ec2Errors.invalidValue(
                    "Value (" + requested + ") for parameter privateIpAddress is invalid. " + requested
                            + " is not a valid IPv4 address."));
            if (!subnet.cidrBlock().contains(address) || subnet.isReserved(address)) {
                throw Ec2Errors.invalidValue("Address " + address + " does not fall within the subnet's address range");
            }
            if (used.contains(address)) {
                throw AwsException.badRequest("InvalidIPAddress.InUse", "Address " + address + " is in use.");
            }
            return address;
        }
        long usable = subnet.cidrBlock().size() - Subnet.RESERVED_ADDRESSES;
        if (used.size() >= usable) {
            throw insufficient(subnet);
        }
        long size = subnet.cidrBlock().size();
        long start = 4 + ThreadLocalRandom.current().nextLong(size - 5);
        for (long i = 0; i < size - 5; i++) {
            Ipv4 candidate = subnet.cidrBlock().base().plus(4 + ((start - 4 + i) % (size - 5)));
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
        throw insufficient(subnet);
    }

    private static AwsException insufficient(Subnet subnet) {
        return AwsException.badRequest("InsufficientFreeAddressesInSubnet",
                "There are not enough free addresses in subnet '" + subnet.id() + "' to satisfy the requested number of instances.");
    }
}
