package io.localvpc.service.ec2.securitygroups;

import io.localvpc.model.StateView;
import io.localvpc.model.ec2.SecurityGroup.Rule;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.service.ec2.Ec2Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Between EC2's two views of rules: an {@code IpPermission} is one protocol and port range with
 * any number of peers (IPv4 and IPv6 blocks, groups, prefix lists); a rule is one protocol, port
 * range and exactly one peer. Callers send permissions, the model stores rules, and describes
 * group the rules back into permissions the way EC2 groups them.
 */
final class RulePermissions {
    private static final Pattern PREFIX_LIST_ID = Pattern.compile("pl-[0-9a-f]+");
    private static final Pattern DESCRIPTION = Pattern.compile("[a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]*");

    private RulePermissions() {}

    /**
     * The rules the permissions stand for (ids not yet assigned), validated: the group a peer
     * names must exist and be in {@code group}'s VPC.
     */
    static List<Rule> toRules(StateView state, SecurityGroup group, boolean egress, List<IpPermission> permissions) {
        List<Rule> rules = new ArrayList<>();
        for (IpPermission permission : permissions) {
            RuleTraffic.Traffic traffic =
                    RuleTraffic.of(permission.ipProtocol(), permission.fromPort(), permission.toPort());
            int before = rules.size();
            for (IpRange range : permission.ipRanges()) {
                rules.add(rule(egress, traffic, RuleTraffic.ipv4Cidr(range.cidrIp()), null, null, null,
                        range.description()));
            }
            for (Ipv6Range range : permission.ipv6Ranges()) {
                rules.add(rule(egress, traffic, null, RuleTraffic.ipv6Cidr(range.cidrIpv6()), null, null,
                        range.description()));
            }
            for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
                SecurityGroup peer = peerGroup(state, group, pair.groupId(), pair.groupName());
                rules.add(rule(egress, traffic, null, null, peer.id(), null, pair.description()));
            }
            for (PrefixListId prefixList : permission.prefixListIds()) {
                rules.add(rule(egress, traffic, null, null, null, prefixListId(prefixList.prefixListId()),
                        prefixList.description()));
            }
            if (rules.size() == before) {
                throw SecurityGroupErrors.malformedPermission(
                        "Each IP permission must name at least one CIDR block, security group or prefix list.");
            }
        }
        return rules;
    }

    /** The rule a ModifySecurityGroupRules entry describes: one protocol, port range and peer. */
    static Rule toRule(StateView state, SecurityGroup group, Rule current, SecurityGroupRuleRequest request) {
        if (request == null) {
            throw Ec2Errors.missing("SecurityGroupRule");
        }
        long peers = java.util.stream.Stream.of(request.cidrIpv4(), request.cidrIpv6(), request.referencedGroupId(),
                request.prefixListId()).filter(p -> p != null && !p.isEmpty()).count();
        if (peers != 1) {
            throw Ec2Errors.invalidCombination(
                    "Specify exactly one of CidrIpv4, CidrIpv6, ReferencedGroupId and PrefixListId.");
        }
        RuleTraffic.Traffic traffic = RuleTraffic.of(request.ipProtocol(), request.fromPort(), request.toPort());
        String cidrIpv4 = request.cidrIpv4() == null ? null : RuleTraffic.ipv4Cidr(request.cidrIpv4());
        String cidrIpv6 = request.cidrIpv6() == null ? null : RuleTraffic.ipv6Cidr(request.cidrIpv6());
        String groupId = request.referencedGroupId() == null
                ? null : peerGroup(state, group, request.referencedGroupId(), null).id();
        String prefixList = request.prefixListId() == null ? null : prefixListId(request.prefixListId());
        return rule(current.egress(), traffic, cidrIpv4, cidrIpv6, groupId, prefixList, request.description())
                .withId(current.id());
    }

    private static Rule rule(boolean egress, RuleTraffic.Traffic traffic, String cidrIpv4, String cidrIpv6,
            String groupId, String prefixListId, String description) {
        return new Rule(null, egress, traffic.protocol(), traffic.fromPort(), traffic.toPort(), cidrIpv4, cidrIpv6,
                groupId, prefixListId, checkedDescription(description));
    }

    /** A rule description: at most 255 characters of EC2's allowed set; empty means none. */
    static String checkedDescription(String description) {
        if (description == null || description.isEmpty()) {
            return null;
        }
        if (description.length() > 255 || !DESCRIPTION.matcher(description).matches()) {
            throw SecurityGroupErrors.invalidRuleDescription();
        }
        return description;
    }

    private static SecurityGroup peerGroup(StateView state, SecurityGroup group, String peerId, String peerName) {
        SecurityGroup peer;
        if (peerId != null && !peerId.isEmpty()) {
            peer = SecurityGroupLookup.byId(state, peerId);
        } else if (peerName != null && !peerName.isEmpty()) {
            peer = SecurityGroupLookup.inVpc(state, peerName, group.vpcId())
                    .orElseThrow(() -> Ec2Errors.securityGroupNotFound(peerName));
        } else {
            throw Ec2Errors.missing("GroupId");
        }
        if (!peer.vpcId().equals(group.vpcId())) {
            throw SecurityGroupErrors.differentNetworks();
        }
        return peer;
    }

    private static String prefixListId(String id) {
        if (id == null || !PREFIX_LIST_ID.matcher(id).matches()) {
            throw Ec2Errors.notFound("InvalidPrefixListId.Malformed", "The prefix list ID '" + id + "' is malformed");
        }
        return id;
    }

    /**
     * The permissions of the legacy top-level parameters, or the IpPermissions as given.
     * {@code SourceSecurityGroupName} alone grants all of ICMP, TCP and UDP from that group, as
     * EC2 documents; the other legacy form is one CIDR with one protocol and port range.
     */
    static List<IpPermission> legacyOrGiven(List<IpPermission> ipPermissions, String cidrIp, String ipProtocol,
            Integer fromPort, Integer toPort, String sourceGroupName) {
        boolean trafficGiven = cidrIp != null || ipProtocol != null || fromPort != null || toPort != null;
        boolean sourceGiven = sourceGroupName != null;
        if (!ipPermissions.isEmpty()) {
            if (trafficGiven || sourceGiven) {
                throw Ec2Errors.invalidCombination(
                        "The parameter ipPermissions cannot be used with the parameters cidrIp, ipProtocol, fromPort, toPort or sourceSecurityGroupName");
            }
            return ipPermissions;
        }
        if (sourceGiven) {
            if (trafficGiven) {
                throw Ec2Errors.invalidCombination(
                        "The parameter sourceSecurityGroupName cannot be used with the parameters cidrIp, ipProtocol, fromPort or toPort");
            }
            UserIdGroupPair source = UserIdGroupPair.builder().groupName(sourceGroupName).build();
            return List.of(
                    IpPermission.builder().ipProtocol("icmp").fromPort(-1).toPort(-1).userIdGroupPairs(source).build(),
                    IpPermission.builder().ipProtocol("tcp").fromPort(0).toPort(65535).userIdGroupPairs(source).build(),
                    IpPermission.builder().ipProtocol("udp").fromPort(0).toPort(65535).userIdGroupPairs(source).build());
        }
        if (!trafficGiven) {
            throw Ec2Errors.missing("IpPermissions");
        }
        if (cidrIp == null) {
            throw Ec2Errors.missing("CidrIp");
        }
        return List.of(IpPermission.builder().ipProtocol(ipProtocol).fromPort(fromPort).toPort(toPort)
                .ipRanges(IpRange.builder().cidrIp(cidrIp).build()).build());
    }

    /** Rules grouped back into permissions by protocol and port range, in the order first seen. */
    static List<IpPermission> toPermissions(List<Rule> rules, String ownerId) {
        record Key(String protocol, Integer fromPort, Integer toPort) {}
        Map<Key, List<Rule>> grouped = new LinkedHashMap<>();
        for (Rule rule : rules) {
            grouped.computeIfAbsent(new Key(rule.protocol(), rule.fromPort(), rule.toPort()), k -> new ArrayList<>())
                    .add(rule);
        }
        List<IpPermission> permissions = new ArrayList<>();
        grouped.forEach((key, members) -> permissions.add(IpPermission.builder()
                .ipProtocol(key.protocol())
                .fromPort(key.fromPort())
                .toPort(key.toPort())
                .ipRanges(members.stream().filter(r -> r.cidrIpv4() != null)
                        .map(r -> IpRange.builder().cidrIp(r.cidrIpv4()).description(r.description()).build())
                        .toList())
                .ipv6Ranges(members.stream().filter(r -> r.cidrIpv6() != null)
                        .map(r -> Ipv6Range.builder().cidrIpv6(r.cidrIpv6()).description(r.description()).build())
                        .toList())
                .userIdGroupPairs(members.stream().filter(r -> r.referencedGroupId() != null)
                        .map(r -> UserIdGroupPair.builder().groupId(r.referencedGroupId()).userId(ownerId)
                                .description(r.description()).build())
                        .toList())
                .prefixListIds(members.stream().filter(r -> r.prefixListId() != null)
                        .map(r -> PrefixListId.builder().prefixListId(r.prefixListId())
                                .description(r.description()).build())
                        .toList())
                .build()));
        return permissions;
    }
}
