package io.localvpc.dataplane.engine;

import io.localvpc.dataplane.internet.SimulatedInternet;
import io.localvpc.model.Ipv4;
import io.localvpc.model.ec2.Vpc;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Amazon DNS resolver of a VPC answers: private names ({@code ip-10-0-20-5.<region>.compute.internal},
 * {@code ….ec2.internal} in us-east-1) for addresses in the VPC, public EC2 names
 * ({@code ec2-203-0-113-5.<region>.compute.amazonaws.com}) as the private IP inside the VPC when DNS
 * hostnames are on and as the public IP otherwise, and public names from the simulated internet.
 */
final class Names {
    private static final Pattern PRIVATE = Pattern.compile("ip-(\\d+-\\d+-\\d+-\\d+)(\\.(.+))?");
    private static final Pattern PUBLIC = Pattern.compile("ec2-(\\d+-\\d+-\\d+-\\d+)\\.(.+)");

    private Names() {}

    /** The private DNS domain of a region. */
    static String privateDomain(String region) {
        return "us-east-1".equals(region) ? "ec2.internal" : region + ".compute.internal";
    }

    static String publicDomain(String region) {
        return "us-east-1".equals(region) ? "compute-1.amazonaws.com" : region + ".compute.amazonaws.com";
    }

    static Optional<Ipv4> resolve(Site site, Vpc vpc, String name, SimulatedInternet internet, Sites sites) {
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
        return internet.lookup(n);
    }
}
