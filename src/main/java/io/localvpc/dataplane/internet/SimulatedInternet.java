package io.localvpc.dataplane.internet;

import io.localvpc.dataplane.Network.HttpAnswer;
import io.localvpc.dataplane.internet.InternetHost.Web;
import io.localvpc.model.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The internet beyond the internet gateways: a handful of well-known hosts, each region's AWS
 * service endpoints, public DNS names for them, what their web servers answer, and the routers on
 * the way (for traceroute). Everything else on the internet is silent: packets get there, nothing
 * answers.
 */
public final class SimulatedInternet {
    /** The AWS services whose regional endpoints exist (see {@link AwsPublicRanges} for their addresses). */
    public static final List<String> AWS_SERVICES = AwsPublicRanges.SERVICES;

    /** A stand-in internet client for traces that start on the internet. */
    public static final Ipv4 INTERNET_CLIENT = Ipv4.parse("45.33.32.156");

    private static final List<InternetHost> WELL_KNOWN = List.of(
            new InternetHost("dns.google", Ipv4.parse("8.8.8.8"), true, Set.of(53, 443), Set.of(53),
                    Web.DNS_FRONT_PAGE, InternetHost.ANYCAST, List.of("100.65", "52.93", "72.14", "142.250"), 128),
            new InternetHost("dns.google", Ipv4.parse("8.8.4.4"), true, Set.of(53, 443), Set.of(53),
                    Web.DNS_FRONT_PAGE, InternetHost.ANYCAST, List.of("100.65", "52.93", "72.14", "142.250"), 128),
            new InternetHost("one.one.one.one", Ipv4.parse("1.1.1.1"), true, Set.of(53, 80, 443), Set.of(53),
                    Web.DNS_FRONT_PAGE, InternetHost.ANYCAST, List.of("100.65", "52.93", "162.158"), 64),
            new InternetHost("example.com", Ipv4.parse("93.184.215.14"), true, Set.of(80, 443), Set.of(),
                    Web.STATIC_PAGE, InternetHost.ANYCAST, List.of("100.65", "52.93", "4.69", "152.195"), 56),
            new InternetHost("checkip.amazonaws.com", Ipv4.parse("3.220.57.224"), false, Set.of(80, 443), Set.of(),
                    Web.ECHO_SOURCE, "us-east-1", List.of("100.65", "52.93", "52.93", "3.220"), 255),
            new InternetHost("ifconfig.me", Ipv4.parse("34.160.111.145"), true, Set.of(80, 443), Set.of(),
                    Web.ECHO_SOURCE, "iowa", List.of("100.65", "52.93", "4.69", "72.14", "34.160"), 122));

    private static final Map<String, String> ALIASES = Map.of(
            "www.example.com", "example.com", "ifconfig.co", "ifconfig.me");

    private final Map<Ipv4, InternetHost> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Ipv4> names = new ConcurrentHashMap<>();
    private final Set<String> regionsWithEndpoints = ConcurrentHashMap.newKeySet();

    public SimulatedInternet() {
        for (InternetHost host : WELL_KNOWN) {
            byAddress.put(host.address(), host);
            names.putIfAbsent(host.name(), host.address());
        }
        ALIASES.forEach((alias, name) -> names.put(alias, names.get(name)));
        RoundTripTimes.regions().forEach(this::endpointsOf);
    }

    /** Who is at {@code address}: a known host, an AWS endpoint, or a silent address. */
    public InternetHost hostAt(Ipv4 address) {
        InternetHost host = byAddress.get(address);
        return host != null ? host : InternetHost.silent(address);
    }

    /** The public DNS answer for {@code name} (AWS endpoints of any region included), or empty (NXDOMAIN). */
    public Optional<Ipv4> lookup(String name) {
        String n = normalise(name);
        Ipv4 known = names.get(n);
        if (known != null) {
            return Optional.of(known);
        }
        String[] parts = n.split("\\.");
        if (parts.length == 4 && parts[2].equals("amazonaws") && parts[3].equals("com")
                && AWS_SERVICES.contains(parts[0]) && parts[1].matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            endpointsOf(parts[1]);
            return Optional.ofNullable(names.get(n));
        }
        return Optional.empty();
    }

    /**
     * The public address of the AWS service a host name stands for: the service's own name
     * ({@code ssm.<region>.amazonaws.com}) or an interface endpoint's name for it
     * ({@code vpce-….ssm.<region>.vpce.amazonaws.com}); empty for any other name.
     */
    public Optional<Ipv4> awsServiceFor(String hostName) {
        String n = normalise(hostName);
        String suffix = ".vpce.amazonaws.com";
        if (n.endsWith(suffix)) {
            String[] labels = n.substring(0, n.length() - suffix.length()).split("\\.");
            if (labels.length == 3 && labels[0].startsWith("vpce-")) {
                return lookup(labels[1] + "." + labels[2] + ".amazonaws.com");
            }
            return Optional.empty();
        }
        String[] parts = n.split("\\.");
        return parts.length == 4 && AWS_SERVICES.contains(parts[0]) ? lookup(n) : Optional.empty();
    }

    static String normalise(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Registers (once) the endpoints of a region's AWS services, each at its own address. */
    private synchronized void endpointsOf(String region) {
        if (!regionsWithEndpoints.add(region)) {
            return;
        }
        for (String service : AWS_SERVICES) {
            String name = service + "." + region + ".amazonaws.com";
            Ipv4 address = AwsPublicRanges.endpointAddress(region, service).orElseThrow();
            Set<Integer> ports = service.equals("s3") || service.equals("dynamodb") ? Set.of(80, 443) : Set.of(443);
            byAddress.putIfAbsent(address, new InternetHost(name, address, false, ports, Set.of(), Web.AWS_API, region,
                    List.of("100.65", "52.93"), 255));
            names.putIfAbsent(name, address);
        }
    }

    /**
     * The routers between {@code region}'s edge and {@code host}, in order, with deterministic
     * addresses in the networks the path crosses (AWS's own first, then the host's upstreams).
     */
    public List<Ipv4> pathTo(String region, InternetHost host) {
        List<Ipv4> routers = new ArrayList<>();
        int seed = (region + "|" + host.address()).hashCode();
        for (int i = 0; i < host.upstreamPrefixes().size(); i++) {
            String prefix = host.upstreamPrefixes().get(i);
            int mixed = Integer.rotateLeft(seed * 31 + i * 0x5bd1e995, 7 * i + 3);
            routers.add(Ipv4.parse(prefix + "." + ((mixed >>> 8) & 0xFF) + "." + (1 + (mixed & 0x7F) * 2)));
        }
        return routers;
    }

    /** What the web server at {@code destination} answers, as {@link io.localvpc.dataplane.Network#http} describes. */
    public Optional<HttpAnswer> http(Ipv4 destination, int port, String hostHeader, String path, Ipv4 observedSource) {
        InternetHost host = byAddress.get(destination);
        if (host == null || !host.tcpPorts().contains(port)) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (host.web()) {
            case NONE -> null;
            case ECHO_SOURCE -> host.name().equals("ifconfig.me")
                    ? text(200, "OK", observedSource.toString())
                    : text(200, "OK", observedSource + "\n");
            case STATIC_PAGE -> new HttpAnswer(200, "OK", Map.of("Content-Type", "text/html; charset=UTF-8"),
                    "<!doctype html>\n<html>\n<head>\n    <title>Example Domain</title>\n</head>\n<body>\n<div>\n"
                            + "    <h1>Example Domain</h1>\n    <p>This domain is for use in illustrative examples in "
                            + "documents.</p>\n</div>\n</body>\n</html>\n");
            case DNS_FRONT_PAGE -> port == 80
                    ? new HttpAnswer(301, "Moved Permanently", Map.of("Location", "https://" + host.name() + "/"), "")
                    : new HttpAnswer(200, "OK", Map.of("Content-Type", "text/html; charset=UTF-8"),
                            "<!DOCTYPE html>\n<html><head><title>" + host.name() + "</title></head><body>"
                                    + host.name() + "</body></html>\n");
            case AWS_API -> awsApi(host);
        });
    }

    private static HttpAnswer awsApi(InternetHost host) {
        String service = host.name().substring(0, host.name().indexOf('.'));
        return switch (service) {
            case "sts" -> new HttpAnswer(302, "Found", Map.of("Location", "https://aws.amazon.com/iam"), "");
            case "s3" -> new HttpAnswer(307, "Temporary Redirect", Map.of("Location", "https://aws.amazon.com/s3/"), "");
            default -> new HttpAnswer(404, "Not Found", Map.of("Content-Type", "application/x-amz-json-1.1"),
                    "{\"__type\":\"UnknownOperationException\"}");
        };
    }

    private static HttpAnswer text(int status, String reason, String body) {
        return new HttpAnswer(status, reason, Map.of("Content-Type", "text/plain; charset=UTF-8"), body);
    }
}
