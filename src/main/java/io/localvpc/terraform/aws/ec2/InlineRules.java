package io.localvpc.terraform.aws.ec2;

import io.localvpc.terraform.aws.Plain;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.NestedBlock;
import io.localvpc.terraform.provider.ProviderException;
import io.localvpc.terraform.provider.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * The {@code ingress} and {@code egress} blocks of {@code aws_security_group}. AWS groups a
 * group's permissions by protocol and ports, the configuration groups them as it likes; both are
 * taken apart into single-source rules ("atoms") to compare them, which is how the provider
 * decides what to revoke and authorize, and how its read keeps the configured grouping while
 * reporting rules added outside Terraform.
 */
final class InlineRules {
    private InlineRules() {}

    static NestedBlock block(String name) {
        Schema rule = Schema.builder()
                .optional("cidr_blocks", AttributeType.listOf(AttributeType.STRING))
                .optional("description", AttributeType.STRING)
                .required("from_port", AttributeType.NUMBER)
                .optional("ipv6_cidr_blocks", AttributeType.listOf(AttributeType.STRING))
                .optional("prefix_list_ids", AttributeType.listOf(AttributeType.STRING))
                .required("protocol", AttributeType.STRING)
                .optional("security_groups", AttributeType.setOf(AttributeType.STRING))
                .optional("self", AttributeType.BOOL, false)
                .required("to_port", AttributeType.NUMBER)
                .build();
        return new NestedBlock(name, NestedBlock.Nesting.SET, rule, 0, 0, false, true);
    }

    enum Kind { CIDR, IPV6, PREFIX_LIST, GROUP, SELF }

    /** One source or destination of one rule. */
    record Atom(String protocol, int from, int to, String description, Kind kind, String source) {
        private String key() {
            return protocol + "|" + from + "|" + to + "|" + description;
        }
    }

    /** A configured or stored rule block taken apart. */
    static List<Atom> atoms(Map<String, Object> rule) {
        String protocol = IpProtocols.normalize(Plain.string(rule, "protocol"));
        int from = port(rule, "from_port");
        int to = port(rule, "to_port");
        String description = Plain.string(rule, "description") == null ? "" : Plain.string(rule, "description");
        List<Atom> atoms = new ArrayList<>();
        Plain.strings(rule, "cidr_blocks").forEach(c -> atoms.add(new Atom(protocol, from, to, description, Kind.CIDR, c)));
        Plain.strings(rule, "ipv6_cidr_blocks").forEach(c -> atoms.add(new Atom(protocol, from, to, description, Kind.IPV6, c)));
        Plain.strings(rule, "prefix_list_ids").forEach(p -> atoms.add(new Atom(protocol, from, to, description, Kind.PREFIX_LIST, p)));
        Plain.strings(rule, "security_groups").forEach(g -> atoms.add(new Atom(protocol, from, to, description, Kind.GROUP, g)));
        if (Plain.bool(rule, "self")) {
            atoms.add(new Atom(protocol, from, to, description, Kind.SELF, ""));
        }
        return atoms;
    }

    private static int port(Map<String, Object> rule, String name) {
        Integer port = Plain.integer(rule, name);
        return port == null ? 0 : port;
    }

    /** What AWS holds, taken apart; a rule naming the group itself becomes a {@code self} atom. */
    static List<Atom> atoms(List<IpPermission> permissions, String groupId, String ownerId) {
        List<Atom> atoms = new ArrayList<>();
        for (IpPermission p : permissions) {
            String protocol = p.ipProtocol();
            int from = p.fromPort() == null ? 0 : p.fromPort();
            int to = p.toPort() == null ? 0 : p.toPort();
            p.ipRanges().forEach(r -> atoms.add(new Atom(protocol, from, to, text(r.description()), Kind.CIDR, r.cidrIp())));
            p.ipv6Ranges().forEach(r -> atoms.add(new Atom(protocol, from, to, text(r.description()), Kind.IPV6, r.cidrIpv6())));
            p.prefixListIds().forEach(r -> atoms.add(new Atom(protocol, from, to, text(r.description()), Kind.PREFIX_LIST, r.prefixListId())));
            for (UserIdGroupPair pair : p.userIdGroupPairs()) {
                if (groupId.equals(pair.groupId())) {
                    atoms.add(new Atom(protocol, from, to, text(pair.description()), Kind.SELF, ""));
                } else {
                    boolean foreign = pair.userId() != null && !pair.userId().isEmpty() && !pair.userId().equals(ownerId);
                    String source = foreign ? pair.userId() + "/" + pair.groupId() : pair.groupId();
                    atoms.add(new Atom(protocol, from, to, text(pair.description()), Kind.GROUP, source));
                }
            }
        }
        return atoms;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /**
     * The rule blocks state shows: each {@code local} rule (stored or configured) whose every atom AWS
     * still holds, in its own grouping; then what AWS holds beyond them, grouped by protocol, ports
     * and description.
     */
    static List<Object> read(List<Map<String, Object>> local, List<Atom> remote) {
        Set<Atom> left = new LinkedHashSet<>(remote);
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> rule : local) {
            List<Atom> atoms = atoms(rule);
            if (!atoms.isEmpty() && left.containsAll(atoms)) {
                atoms.forEach(left::remove);
                out.add(toBlock(atoms));
            }
        }
        Map<String, List<Atom>> grouped = new LinkedHashMap<>();
        left.forEach(a -> grouped.computeIfAbsent(a.key(), k -> new ArrayList<>()).add(a));
        grouped.values().forEach(atoms -> out.add(toBlock(atoms)));
        return out;
    }

    /** One rule block, with every attribute as state holds it (empty lists, "" description). */
    private static Map<String, Object> toBlock(List<Atom> atoms) {
        Atom first = atoms.get(0);
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("cidr_blocks", sources(atoms, Kind.CIDR, false));
        block.put("description", first.description());
        block.put("from_port", BigDecimal.valueOf(first.from()));
        block.put("ipv6_cidr_blocks", sources(atoms, Kind.IPV6, false));
        block.put("prefix_list_ids", sources(atoms, Kind.PREFIX_LIST, false));
        block.put("protocol", first.protocol());
        block.put("security_groups", sources(atoms, Kind.GROUP, true));
        block.put("self", atoms.stream().anyMatch(a -> a.kind() == Kind.SELF));
        block.put("to_port", BigDecimal.valueOf(first.to()));
        return block;
    }

    private static List<Object> sources(List<Atom> atoms, Kind kind, boolean sorted) {
        List<String> found = atoms.stream().filter(a -> a.kind() == kind).map(Atom::source).toList();
        return new ArrayList<>(sorted ? new TreeSet<>(found) : found);
    }

    /** Rejects what the provider rejects before calling AWS. */
    static void validate(List<Map<String, Object>> rules) {
        for (Map<String, Object> rule : rules) {
            int from = port(rule, "from_port");
            int to = port(rule, "to_port");
            if (IpProtocols.ALL.equals(IpProtocols.normalize(Plain.string(rule, "protocol"))) && (from != 0 || to != 0)) {
                throw new ProviderException("from_port (" + from + ") and to_port (" + to
                        + ") must both be 0 to use the 'ALL' \"-1\" protocol!");
            }
        }
    }

    /** The permissions to send for {@code atoms} of group {@code groupId}, one per atom. */
    static List<IpPermission> permissions(List<Atom> atoms, String groupId) {
        List<IpPermission> out = new ArrayList<>();
        for (Atom a : atoms) {
            IpPermission.Builder p = IpPermission.builder().ipProtocol(a.protocol());
            if (!IpProtocols.ALL.equals(a.protocol())) {
                p.fromPort(a.from()).toPort(a.to());
            }
            String description = a.description().isEmpty() ? null : a.description();
            switch (a.kind()) {
                case CIDR -> p.ipRanges(IpRange.builder().cidrIp(a.source()).description(description).build());
                case IPV6 -> p.ipv6Ranges(Ipv6Range.builder().cidrIpv6(a.source()).description(description).build());
                case PREFIX_LIST -> p.prefixListIds(PrefixListId.builder().prefixListId(a.source()).description(description).build());
                case SELF -> p.userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId).description(description).build());
                case GROUP -> {
                    String[] parts = a.source().split("/", 2);
                    UserIdGroupPair.Builder pair = UserIdGroupPair.builder().description(description);
                    if (parts.length == 2) {
                        pair.userId(parts[0]).groupId(parts[1]);
                    } else {
                        pair.groupId(parts[0]);
                    }
                    p.userIdGroupPairs(pair.build());
                }
            }
            out.add(p.build());
        }
        return out;
    }

    /** Every atom of a list of rule blocks. */
    static List<Atom> atomsOf(List<Map<String, Object>> rules) {
        List<Atom> out = new ArrayList<>();
        rules.forEach(r -> out.addAll(atoms(r)));
        return out;
    }
}
