package io.localvpc.service.ec2.routing;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.Cidr;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.NetworkAcl;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.ClientTokens;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclEntryResponse;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.CreateNetworkAclResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclEntryResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkAclResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.IcmpTypeCode;
import software.amazon.awssdk.services.ec2.model.NetworkAclAssociation;
import software.amazon.awssdk.services.ec2.model.NetworkAclEntry;
import software.amazon.awssdk.services.ec2.model.PortRange;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclAssociationResponse;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclEntryRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceNetworkAclEntryResponse;

/**
 * Network ACLs: numbered, stateless allow/deny rules per direction guarding subnets. Every VPC has
 * a default ACL (allow all, see {@link VpcDefaults}) that every new subnet joins; a custom ACL
 * starts denying everything. Each subnet is in exactly one ACL, so subnets move between ACLs with
 * ReplaceNetworkAclAssociation and are never simply disassociated. The final {@code *} deny of each
 * direction is implicit and shown as rule 32767.
 */
public final class NetworkAclService {
    /** Network ACLs per VPC (AWS's default quota). */
    public static final int ACLS_PER_VPC = 200;
    /** Rules per ACL per direction (AWS's default quota). */
    public static final int ENTRIES_PER_DIRECTION = 20;
    public static final int MAX_RULE_NUMBER = 32766;

    /** Filters run on the ACLs as the caller sees them, implicit deny entries included. */
    private static final Filters<software.amazon.awssdk.services.ec2.model.NetworkAcl> FILTERS =
            Filters.<software.amazon.awssdk.services.ec2.model.NetworkAcl>forResource(
                            software.amazon.awssdk.services.ec2.model.NetworkAcl::networkAclId)
                    .on("network-acl-id", a -> a.networkAclId())
                    .on("vpc-id", a -> a.vpcId())
                    .on("owner-id", a -> a.ownerId())
                    .on("default", a -> a.isDefault())
                    .on("association.association-id", a -> associations(a, NetworkAclAssociation::networkAclAssociationId))
                    .on("association.network-acl-id", a -> associations(a, NetworkAclAssociation::networkAclId))
                    .on("association.subnet-id", a -> associations(a, NetworkAclAssociation::subnetId))
                    .on("entry.rule-number", a -> entries(a, NetworkAclEntry::ruleNumber))
                    .on("entry.action", a -> entries(a, NetworkAclEntry::ruleActionAsString))
                    .on("entry.rule-action", a -> entries(a, NetworkAclEntry::ruleActionAsString))
                    .on("entry.cidr", a -> entries(a, NetworkAclEntry::cidrBlock))
                    .on("entry.ipv6-cidr", a -> entries(a, NetworkAclEntry::ipv6CidrBlock))
                    .on("entry.egress", a -> entries(a, NetworkAclEntry::egress))
                    .on("entry.protocol", a -> entries(a, NetworkAclEntry::protocol))
                    .on("entry.port-range.from", a -> entries(a, e -> e.portRange() == null ? null : e.portRange().from()))
                    .on("entry.port-range.to", a -> entries(a, e -> e.portRange() == null ? null : e.portRange().to()))
                    .on("entry.icmp.type", a -> entries(a, e -> e.icmpTypeCode() == null ? null : e.icmpTypeCode().type()))
                    .on("entry.icmp.code", a -> entries(a, e -> e.icmpTypeCode() == null ? null : e.icmpTypeCode().code()));

    private final CloudAccess cloud;

    public NetworkAclService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateNetworkAclRequest.class, this::createNetworkAcl)
                .on(DescribeNetworkAclsRequest.class, this::describeNetworkAcls)
                .on(DeleteNetworkAclRequest.class, this::deleteNetworkAcl)
                .on(CreateNetworkAclEntryRequest.class, this::createEntry)
                .on(ReplaceNetworkAclEntryRequest.class, this::replaceEntry)
                .on(DeleteNetworkAclEntryRequest.class, this::deleteEntry)
                .on(ReplaceNetworkAclAssociationRequest.class, this::replaceAssociation);
    }

    CreateNetworkAclResponse createNetworkAcl(RequestContext ctx, CreateNetworkAclRequest request) {
        if (request.vpcId() == null || request.vpcId().isEmpty()) {
            throw Ec2Errors.missing("vpcId");
        }
        Map<String, String> tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "network-acl");
        Ec2Requests.checkDryRun(request.dryRun());
        String action = "CreateNetworkAcl";
        return cloud.write(ctx, tx -> {
            Optional<NetworkAcl> earlier = ClientTokens.previous(tx, action, request.clientToken(), request)
                    .flatMap(id -> tx.find(NetworkAcl.class, id));
            if (earlier.isPresent()) {
                return CreateNetworkAclResponse.builder()
                        .networkAcl(toSdk(tx, earlier.get()))
                        .clientToken(request.clientToken())
                        .build();
            }
            Vpc vpc = tx.find(Vpc.class, request.vpcId()).orElseThrow(() -> Ec2Errors.vpcNotFound(request.vpcId()));
            long inVpc = tx.all(NetworkAcl.class).stream().filter(a -> a.vpcId().equals(vpc.id())).count();
            if (inVpc >= ACLS_PER_VPC) {
                throw AwsException.badRequest("NetworkAclLimitExceeded",
                        "The maximum number of network ACLs has been reached.");
            }
            NetworkAcl acl = new NetworkAcl(Ids.ec2("acl"), vpc.id(), ctx.accountId(), false, List.of(), List.of());
            tx.put(acl);
            tx.setTags(acl.id(), tags);
            ClientTokens.remember(tx, action, request.clientToken(), request, acl.id());
            return CreateNetworkAclResponse.builder()
                    .networkAcl(toSdk(tx, acl))
                    .clientToken(request.clientToken())
                    .build();
        });
    }

    DescribeNetworkAclsResponse describeNetworkAcls(RequestContext ctx, DescribeNetworkAclsRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<NetworkAcl> selected = Ec2Requests.selectByIds(
                state, NetworkAcl.class, request.networkAclIds(), Ec2Errors::networkAclNotFound);
        var shown = selected.stream().map(a -> toSdk(state, a)).toList();
        var matching = FILTERS.apply(shown, request.filters(), state);
        var page = Pages.of(matching, request.maxResults(), request.nextToken(), 5, 100);
        return DescribeNetworkAclsResponse.builder()
                .networkAcls(page.items())
                .nextToken(page.nextToken())
                .build();
    }

    DeleteNetworkAclResponse deleteNetworkAcl(RequestContext ctx, DeleteNetworkAclRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            NetworkAcl acl = find(tx, request.networkAclId());
            if (acl.isDefault()) {
                throw Ec2Errors.invalidValue("cannot delete default network ACL " + acl.id());
            }
            if (!acl.associations().isEmpty()) {
                throw Ec2Errors.dependencyViolation(
                        "The networkAcl '" + acl.id() + "' has dependencies and cannot be deleted.");
            }
            tx.remove(acl);
            return DeleteNetworkAclResponse.builder().build();
        });
    }

    CreateNetworkAclEntryResponse createEntry(RequestContext ctx, CreateNetworkAclEntryRequest request) {
        NetworkAcl.Entry entry = entry(request.ruleNumber(), Boolean.TRUE.equals(request.egress()), request.protocol(),
                request.ruleActionAsString(), request.cidrBlock(), request.ipv6CidrBlock(), request.portRange(),
                request.icmpTypeCode());
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            NetworkAcl acl = find(tx, request.networkAclId());
            if (entryAt(acl, entry.ruleNumber(), entry.egress()).isPresent()) {
                throw AwsException.badRequest("NetworkAclEntryAlreadyExists",
                        "The network acl entry identified by " + entry.ruleNumber() + " already exists.");
            }
            long sameDirection = acl.entries().stream().filter(e -> e.egress() == entry.egress()).count();
            if (sameDirection >= ENTRIES_PER_DIRECTION) {
                throw AwsException.badRequest("NetworkAclEntryLimitExceeded",
                        "The maximum number of network acl entries has been reached.");
            }
            List<NetworkAcl.Entry> entries = new ArrayList<>(acl.entries());
            entries.add(entry);
            tx.put(acl.withEntries(sorted(entries)));
            return CreateNetworkAclEntryResponse.builder().build();
        });
    }

    ReplaceNetworkAclEntryResponse replaceEntry(RequestContext ctx, ReplaceNetworkAclEntryRequest request) {
        NetworkAcl.Entry entry = entry(request.ruleNumber(), Boolean.TRUE.equals(request.egress()), request.protocol(),
                request.ruleActionAsString(), request.cidrBlock(), request.ipv6CidrBlock(), request.portRange(),
                request.icmpTypeCode());
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            NetworkAcl acl = find(tx, request.networkAclId());
            NetworkAcl.Entry existing = entryAt(acl, entry.ruleNumber(), entry.egress())
                    .orElseThrow(() -> entryNotFound(entry.ruleNumber(), entry.egress()));
            tx.put(acl.withEntries(acl.entries().stream().map(e -> e == existing ? entry : e).toList()));
            return ReplaceNetworkAclEntryResponse.builder().build();
        });
    }

    DeleteNetworkAclEntryResponse deleteEntry(RequestContext ctx, DeleteNetworkAclEntryRequest request) {
        int number = ruleNumber(request.ruleNumber());
        boolean egress = Boolean.TRUE.equals(request.egress());
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            NetworkAcl acl = find(tx, request.networkAclId());
            NetworkAcl.Entry existing = entryAt(acl, number, egress).orElseThrow(() -> entryNotFound(number, egress));
            tx.put(acl.withEntries(acl.entries().stream().filter(e -> e != existing).toList()));
            return DeleteNetworkAclEntryResponse.builder().build();
        });
    }

    ReplaceNetworkAclAssociationResponse replaceAssociation(
            RequestContext ctx, ReplaceNetworkAclAssociationRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            NetworkAcl from = null;
            NetworkAcl.Association old = null;
            for (NetworkAcl acl : tx.all(NetworkAcl.class)) {
                for (NetworkAcl.Association a : acl.associations()) {
                    if (a.id().equals(request.associationId())) {
                        from = acl;
                        old = a;
                    }
                }
            }
            if (old == null) {
                throw Ec2Errors.associationNotFound(request.associationId());
            }
            NetworkAcl to = find(tx, request.networkAclId());
            if (!to.vpcId().equals(from.vpcId())) {
                throw Ec2Errors.invalidValue("Network ACL " + to.id() + " and subnet " + old.subnetId()
                        + " belong to different networks");
            }
            String oldId = old.id();
            tx.put(from.withAssociations(from.associations().stream().filter(a -> !a.id().equals(oldId)).toList()));
            NetworkAcl current = find(tx, to.id());
            NetworkAcl.Association moved = new NetworkAcl.Association(Ids.ec2("aclassoc"), old.subnetId());
            List<NetworkAcl.Association> associations = new ArrayList<>(current.associations());
            associations.add(moved);
            tx.put(current.withAssociations(associations));
            return ReplaceNetworkAclAssociationResponse.builder().newAssociationId(moved.id()).build();
        });
    }

    /** Validates one rule as EC2 does and returns it in stored form. */
    private static NetworkAcl.Entry entry(Integer ruleNumber, boolean egress, String protocol, String action,
            String cidrBlock, String ipv6CidrBlock, PortRange portRange, IcmpTypeCode icmp) {
        int number = ruleNumber(ruleNumber);
        String proto = protocol(protocol);
        boolean allow = switch (action == null ? "" : action.toLowerCase(Locale.ROOT)) {
            case "allow" -> true;
            case "deny" -> false;
            default -> throw Ec2Errors.invalidValue(
                    "Value (" + action + ") for parameter ruleAction is invalid. Valid values are allow and deny.");
        };
        if (ipv6CidrBlock != null && !ipv6CidrBlock.isEmpty()) {
            throw Ec2Errors.invalidValue("LocalVPC models IPv4 network ACL entries only; use cidrBlock.");
        }
        if (cidrBlock == null || cidrBlock.isEmpty()) {
            throw AwsException.badRequest("MissingParameter",
                    "The request must contain exactly one of cidrBlock or ipv6CidrBlock");
        }
        Cidr cidr = Cidr.tryParse(cidrBlock).orElseThrow(() -> Ec2Errors.invalidValue(
                "Value (" + cidrBlock + ") for parameter cidrBlock is invalid. This is not a valid CIDR block."));
        Integer from = null;
        Integer to = null;
        Integer type = null;
        Integer code = null;
        if (proto.equals("6") || proto.equals("17")) {
            if (portRange == null || portRange.from() == null || portRange.to() == null) {
                throw AwsException.badRequest("MissingParameter",
                        "The request must contain the parameter portRange (from and to) for protocol " + proto);
            }
            from = portRange.from();
            to = portRange.to();
            if (from < 0 || from > 65535 || to < 0 || to > 65535 || from > to) {
                throw Ec2Errors.invalidValue("Invalid port range: from " + from + " to " + to
                        + ". Ports must be between 0 and 65535, from not above to.");
            }
        } else if (proto.equals("1")) {
            if (icmp == null || icmp.type() == null || icmp.code() == null) {
                throw AwsException.badRequest("MissingParameter",
                        "The request must contain the parameter icmpTypeCode (type and code) for protocol 1");
            }
            type = icmp.type();
            code = icmp.code();
            if (type < -1 || type > 255 || code < -1 || code > 255) {
                throw Ec2Errors.invalidValue("Invalid ICMP type " + type + " or code " + code
                        + ". Both must be between -1 (all) and 255.");
            }
        }
        return new NetworkAcl.Entry(number, egress, proto, allow, cidr, from, to, type, code);
    }

    private static int ruleNumber(Integer ruleNumber) {
        if (ruleNumber < 1 || ruleNumber > MAX_RULE_NUMBER) {
            throw Ec2Errors.invalidValue("Value (" + ruleNumber
                    + ") for parameter ruleNumber is invalid. Rule numbers must be between 1 and " + MAX_RULE_NUMBER + ".");
        }
        return ruleNumber;
    }

    /** The protocol as EC2 stores it: its IANA number as text, or -1 for all. */
    static String protocol(String protocol) {
        if (protocol == null || protocol.isEmpty()) {
            throw Ec2Errors.missing("protocol");
        }
        String p = protocol.toLowerCase(Locale.ROOT);
        switch (p) {
            case "all", "-1" -> {
                return "-1";
            }
            case "tcp" -> {
                return "6";
            }
            case "udp" -> {
                return "17";
            }
            case "icmp" -> {
                return "1";
            }
            default -> {
                // a number follows
            }
        }
        try {
            int number = Integer.parseInt(p);
            if (number >= 0 && number <= 255) {
                return Integer.toString(number);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Ec2Errors.invalidValue("Value (" + protocol + ") for parameter protocol is invalid. "
                + "Use a protocol number between 0 and 255, or -1 for all protocols.");
    }

    private static Optional<NetworkAcl.Entry> entryAt(NetworkAcl acl, int number, boolean egress) {
        return acl.entries().stream().filter(e -> e.ruleNumber() == number && e.egress() == egress).findFirst();
    }

    private static AwsException entryNotFound(int number, boolean egress) {
        return Ec2Errors.notFound("InvalidNetworkAclEntry.NotFound",
                "no " + (egress ? "egress" : "ingress") + " entry with number " + number);
    }

    private static List<NetworkAcl.Entry> sorted(List<NetworkAcl.Entry> entries) {
        return entries.stream()
                .sorted(Comparator.comparing((NetworkAcl.Entry e) -> !e.egress()).thenComparingInt(NetworkAcl.Entry::ruleNumber))
                .toList();
    }

    static NetworkAcl find(StateView state, String id) {
        return state.find(NetworkAcl.class, id).orElseThrow(() -> Ec2Errors.networkAclNotFound(id));
    }

    /** The ACL guarding a subnet (every subnet is in exactly one). */
    public static Optional<NetworkAcl> aclOf(StateView state, String subnetId) {
        return state.all(NetworkAcl.class).stream()
                .filter(a -> a.associations().stream().anyMatch(s -> subnetId.equals(s.subnetId())))
                .findFirst();
    }

    /**
     * An ACL as DescribeNetworkAcls shows it: egress rules first, each direction by rule number and
     * ending with the implicit deny-all, numbered 32767.
     */
    static software.amazon.awssdk.services.ec2.model.NetworkAcl toSdk(StateView state, NetworkAcl acl) {
        List<NetworkAclEntry> entries = new ArrayList<>();
        for (boolean egress : new boolean[] {true, false}) {
            acl.entries().stream()
                    .filter(e -> e.egress() == egress)
                    .sorted(Comparator.comparingInt(NetworkAcl.Entry::ruleNumber))
                    .map(NetworkAclService::toSdk)
                    .forEach(entries::add);
            entries.add(NetworkAclEntry.builder()
                    .ruleNumber(NetworkAcl.DEFAULT_RULE_NUMBER)
                    .protocol("-1")
                    .ruleAction("deny")
                    .egress(egress)
                    .cidrBlock(Cidr.ANY.toString())
                    .build());
        }
        return software.amazon.awssdk.services.ec2.model.NetworkAcl.builder()
                .networkAclId(acl.id())
                .vpcId(acl.vpcId())
                .ownerId(acl.ownerId())
                .isDefault(acl.isDefault())
                .entries(entries)
                .associations(acl.associations().stream().map(a -> NetworkAclAssociation.builder()
                                .networkAclAssociationId(a.id())
                                .networkAclId(acl.id())
                                .subnetId(a.subnetId())
                                .build())
                        .toList())
                .tags(Ec2Tags.of(state, acl.id()))
                .build();
    }

    private static NetworkAclEntry toSdk(NetworkAcl.Entry e) {
        var out = NetworkAclEntry.builder()
                .ruleNumber(e.ruleNumber())
                .protocol(e.protocol())
                .ruleAction(e.allow() ? "allow" : "deny")
                .egress(e.egress())
                .cidrBlock(e.cidrBlock().toString());
        if (e.fromPort() != null) {
            out.portRange(PortRange.builder().from(e.fromPort()).to(e.toPort()).build());
        }
        if (e.icmpType() != null) {
            out.icmpTypeCode(IcmpTypeCode.builder().type(e.icmpType()).code(e.icmpCode()).build());
        }
        return out.build();
    }

    private static <V> List<V> associations(
            software.amazon.awssdk.services.ec2.model.NetworkAcl acl, Function<NetworkAclAssociation, V> field) {
        return acl.associations().stream().map(field).filter(v -> v != null).toList();
    }

    private static <V> List<V> entries(
            software.amazon.awssdk.services.ec2.model.NetworkAcl acl, Function<NetworkAclEntry, V> field) {
        return acl.entries().stream().map(field).filter(v -> v != null).toList();
    }
}
