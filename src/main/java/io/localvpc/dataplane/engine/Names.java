package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.internet.SimulatedInternet;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.model.ec2.VpcEndpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Amazon DNS resolver of a VPC answers: private names ({@code ip-10-0-20-5.<region>.compute.internal},
 * {@code ….ec2.internal} in us-east-1) for addresses in the VPC, public EC2 names
 * ({@code ec2-203-0-113-5.<region>.compute.amazonaws.com}) as the private IP inside the VPC when DNS
 * hostnames are on and as the public IP otherwise, the names of interface VPC endpoints (an AWS
 * service's own name, such as {@code ssm.<region>.amazonaws.com}, when the VPC's endpoint for it has
 * private DNS on), and public names from the simulated internet.
 */
final class Names {
    private static final Pattern PRIVATE = Pattern.compile("ip-(\\d+-\\d+-\\d+-\\d+)(\\.(.+))?");
    private static final Pattern PUBLIC = Pattern.compile("ec2-(\\d+-\\d+-\\d+-\\d+)\\.(.+)");

    private Names() {}

    /** The private DNS domain of a region. */
    static String privateDomain(String region) {
        return "us-east-1".equals(region) ? "ec2.internal" : region + ".compute.internal";
    }

    /** {@code zone}: the asking instance's availability zone, whose endpoint interface is answered first. */
    static Optional<Ipv4> resolve(Site site, Vpc vpc, String zone, String name, SimulatedInternet internet, Sites sites) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        Matcher priv = PRIVATE.matcher(n);
        if (priv.matches() && (priv.group(3) == null || priv.group(3).equals(privateDomain(site.region())))) {
            return Ipv4.tryParse(priv.group(1).replace('-', '.')).filter(ip -> vpc.cidrBlock().contains(ip));
        }
        Matcher pub = PUBLIC.matcher(n);
        if (pub.matches() && pub.group(2).endsWith("amazonaws.com")) {
            Optional<Ipv4> ip = Ipv4.tryParse(pub.group(1).replace('-', '.'));
            if (ip.isEmpty()) {
                return Optional.empty();
            }
            Optional<Sites.Located> located = sites.publicIp(ip.get());
            if (located.isEmpty()) {
                return Optional.empty();
            }
            Topology.PublicMapping m = located.get().mapping();
            boolean sameVpc = located.get().site().accountId().equals(site.accountId())
                    && located.get().site().region().equals(site.region()) && m.eni().vpcId().equals(vpc.id());
            return Optional.of(sameVpc && vpc.enableDnsHostnames() ? m.privateIp() : ip.get());
        }
        List<Ipv4> endpoint = endpointAddresses(site.topology(), vpc, zone, n);
        if (!endpoint.isEmpty()) {
            return Optional.of(endpoint.get(0));
        }
        return internet.lookup(n);
    }

    /**
     * The addresses an interface endpoint's name resolves to: its interfaces' private IPs, the one
     * in {@code zone} first (AWS answers all of them; a client in that zone should use its own).
     * The service's public name counts only in the endpoint's VPC, with private DNS on and the
     * VPC's DNS hostnames on; the
     * endpoint's own {@code vpce-….vpce.amazonaws.com} names resolve for anyone. Only an available
     * endpoint answers. Empty when no endpoint has this name.
     */
    static List<Ipv4> endpointAddresses(Topology topology, Vpc vpc, String zone, String name) {
        for (VpcEndpoint endpoint : topology.state().all(VpcEndpoint.class)) {
            if (!endpoint.isInterface() || !"available".equals(endpoint.state())) {
                continue;
            }
            // Private DNS is a private hosted zone: it answers only while the VPC has DNS hostnames on.
            boolean privateName = endpoint.privateDnsEnabled() && endpoint.vpcId().equals(vpc.id())
                    && vpc.enableDnsHostnames() && name.equals(endpoint.privateDnsName());
            if (privateName || name.equals(endpoint.regionalDnsName())) {
                return interfaceAddresses(topology, endpoint, zone);
            }
            for (String eniId : endpoint.networkInterfaceIds()) {
                Optional<NetworkInterface> eni = topology.interfaceById(eniId);
                if (eni.isPresent() && name.equals(endpoint.zonalDnsName(eni.get().availabilityZone()))) {
                    return List.of(eni.get().privateIp());
                }
            }
        }
        return List.of();
    }

    private static List<Ipv4> interfaceAddresses(Topology topology, VpcEndpoint endpoint, String zone) {
        List<NetworkInterface> enis = new ArrayList<>();
        endpoint.networkInterfaceIds().forEach(id -> topology.interfaceById(id).ifPresent(enis::add));
        return enis.stream()
                .sorted(Comparator.comparing((NetworkInterface eni) -> !eni.availabilityZone().equals(zone)))
                .map(NetworkInterface::privateIp)
                .toList();
    }
}
