package io.localvpc.service.ec2.securitygroups;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.SecurityGroup.Rule;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesRequest;
import software.amazon.awssdk.services.ec2.model.ModifySecurityGroupRulesResponse;
import software.amazon.awssdk.services.ec2.model.ReferencedSecurityGroup;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.RevokedSecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleDescription;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleUpdate;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsEgressRequest;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsEgressResponse;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsIngressRequest;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsIngressResponse;

/**
 * The rules of security groups: authorize, revoke, describe, modify, and their descriptions. Each
 * ingress/egress pair of operations shares one implementation with the direction as a flag.
 */
public final class SecurityGroupRuleService {
    /** The default quota of rules per group and direction. */
    public static final int RULES_PER_DIRECTION = 60;

    private static final Pattern RULE_ID = Pattern.compile("sgr-[0-9a-f]+");

    /** A rule with the group that holds it, as DescribeSecurityGroupRules lists rules. */
    private record OwnedRule(SecurityGroup group, Rule rule) {}

    private static final Filters<OwnedRule> FILTERS = Filters.forResource((OwnedRule r) -> r.rule().id())
            .on("group-id", r -> r.group().id())
            .on("security-group-rule-id", r -> r.rule().id());

    /** What a revoke removed, and (in a default VPC only) the permissions that matched nothing. */
    private record Revocation(SecurityGroup group, List<Rule> revoked, List<IpPermission> unknown) {}

    private final CloudAccess cloud;

    public SecurityGroupRuleService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(AuthorizeSecurityGroupIngressRequest.class, this::authorizeIngress)
                .on(AuthorizeSecurityGroupEgressRequest.class, this::authorizeEgress)
                .on(RevokeSecurityGroupIngressRequest.class, this::revokeIngress)
                .on(RevokeSecurityGroupEgressRequest.class, this::revokeEgress)
                .on(DescribeSecurityGroupRulesRequest.class, this::describeRules)
                .on(ModifySecurityGroupRulesRequest.class, this::modifyRules)
                .on(UpdateSecurityGroupRuleDescriptionsIngressRequest.class, this::updateIngressDescriptions)
                .on(UpdateSecurityGroupRuleDescriptionsEgressRequest.class, this::updateEgressDescriptions);
    }

    AuthorizeSecurityGroupIngressResponse authorizeIngress(RequestContext ctx, AuthorizeSecurityGroupIngressRequest request) {
        List<IpPermission> permissions = RulePermissions.legacyOrGiven(request.ipPermissions(), request.cidrIp(),
                request.ipProtocol(), request.fromPort(), request.toPort(), request.sourceSecurityGroupName());
        Map<String, String> tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "security-group-rule");
        return cloud.write(ctx, tx -> {
            SecurityGroup group = SecurityGroupLookup.byIdOrName(tx, request.groupId(), request.groupName());
            List<Rule> added = authorize(tx, group, false, permissions, tags, request.dryRun());
            return AuthorizeSecurityGroupIngressResponse.builder()
                    .returnValue(true)
                    .securityGroupRules(added.stream().map(r -> toSdk(ctx, tx, group, r)).toList())
                    .build();
        });
    }

    AuthorizeSecurityGroupEgressResponse authorizeEgress(RequestContext ctx, AuthorizeSecurityGroupEgressRequest request) {
        List<IpPermission> permissions = RulePermissions.legacyOrGiven(request.ipPermissions(), request.cidrIp(),
                request.ipProtocol(), request.fromPort(), request.toPort(), request.sourceSecurityGroupName());
        Map<String, String> tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "security-group-rule");
        return cloud.write(ctx, tx -> {
            SecurityGroup group = SecurityGroupLookup.byIdOrName(tx, request.groupId(), null);
            List<Rule> added = authorize(tx, group, true, permissions, tags, request.dryRun());
            return AuthorizeSecurityGroupEgressResponse.builder()
                    .returnValue(true)
                    .securityGroupRules(added.stream().map(r -> toSdk(ctx, tx, group, r)).toList())
                    .build();
        });
    }

    /** Adds the permissions' rules to the group, refusing any that is already there. */
    private static List<Rule> authorize(Tx tx, SecurityGroup group, boolean egress, List<IpPermission> permissions,
            Map<String, String> tags, Boolean dryRun) {
        List<Rule> all = new ArrayList<>(group.rules());
        List<Rule> added = new ArrayList<>();
        for (Rule requested : RulePermissions.toRules(tx, group, egress, permissions)) {
            if (all.stream().anyMatch(requested::sameTrafficAs)) {
                throw SecurityGroupErrors.duplicatePermission(RuleTraffic.describe(requested));
            }
            Rule rule = requested.withId(Ids.ec2("sgr"));
            all.add(rule);
            added.add(rule);
        }
        if (group.rules(egress).size() + added.size() > RULES_PER_DIRECTION) {
            throw SecurityGroupErrors.ruleLimit();
        }
        Ec2Requests.checkDryRun(dryRun);
        tx.put(group.withRules(all));
        if (!tags.isEmpty()) {
            added.forEach(r -> tx.setTags(r.id(), tags));
        }
        return added;
    }

    RevokeSecurityGroupIngressResponse revokeIngress(RequestContext ctx, RevokeSecurityGroupIngressRequest request) {
        List<IpPermission> permissions = request.securityGroupRuleIds().isEmpty()
                ? RulePermissions.legacyOrGiven(request.ipPermissions(), request.cidrIp(), request.ipProtocol(),
                        request.fromPort(), request.toPort(), request.sourceSecurityGroupName())
                : request.ipPermissions();
        return cloud.write(ctx, tx -> {
            SecurityGroup group = SecurityGroupLookup.byIdOrName(tx, request.groupId(), request.groupName());
            Revocation result = revoke(tx, group, false, permissions, request.securityGroupRuleIds(), request.dryRun());
            return RevokeSecurityGroupIngressResponse.builder()
                    .returnValue(true)
                    .unknownIpPermissions(result.unknown())
                    .revokedSecurityGroupRules(revoked(result))
                    .build();
        });
    }

    RevokeSecurityGroupEgressResponse revokeEgress(RequestContext ctx, RevokeSecurityGroupEgressRequest request) {
        List<IpPermission> permissions = request.securityGroupRuleIds().isEmpty()
                ? RulePermissions.legacyOrGiven(request.ipPermissions(), request.cidrIp(), request.ipProtocol(),
                        request.fromPort(), request.toPort(), request.sourceSecurityGroupName())
                : request.ipPermissions();
        return cloud.write(ctx, tx -> {
            SecurityGroup group = SecurityGroupLookup.byIdOrName(tx, request.groupId(), null);
            Revocation result = revoke(tx, group, true, permissions, request.securityGroupRuleIds(), request.dryRun());
            return RevokeSecurityGroupEgressResponse.builder()
                    .returnValue(true)
                    .unknownIpPermissions(result.unknown())
                    .revokedSecurityGroupRules(revoked(result))
                    .build();
        });
    }

    /**
     * Removes rules named by id or by permission. A permission matching no rule fails the whole
     * call with InvalidPermission.NotFound in a non-default VPC; in the default VPC EC2 revokes
     * the rest and reports the unmatched ones instead, as its documentation says.
     */
    private static Revocation revoke(Tx tx, SecurityGroup group, boolean egress, List<IpPermission> permissions,
            List<String> ruleIds, Boolean dryRun) {
        if (!ruleIds.isEmpty() && !permissions.isEmpty()) {
            throw Ec2Errors.invalidCombination(
                    "The parameter securityGroupRuleIds cannot be used with the parameter ipPermissions");
        }
        List<Rule> revoked = new ArrayList<>();
        List<Rule> unknown = new ArrayList<>();
        if (!ruleIds.isEmpty()) {
            for (String ruleId : new LinkedHashSet<>(ruleIds)) {
                revoked.add(ruleOf(group, egress, ruleId));
            }
        } else {
            for (Rule requested : RulePermissions.toRules(tx, group, egress, permissions)) {
                Optional<Rule> existing = group.rules(egress).stream().filter(requested::sameTrafficAs).findFirst();
                existing.ifPresentOrElse(revoked::add, () -> unknown.add(requested));
            }
        }
        if (!unknown.isEmpty() && !isInDefaultVpc(tx, group)) {
            throw SecurityGroupErrors.permissionNotFound();
        }
        Ec2Requests.checkDryRun(dryRun);
        Set<String> gone = new LinkedHashSet<>(revoked.stream().map(Rule::id).toList());
        SecurityGroup changed = group.withRules(group.rules().stream().filter(r -> !gone.contains(r.id())).toList());
        tx.put(changed);
        revoked.forEach(r -> dropTags(tx, r));
        return new Revocation(changed, List.copyOf(revoked), RulePermissions.toPermissions(unknown, group.ownerId()));
    }

    private static boolean isInDefaultVpc(StateView state, SecurityGroup group) {
        return state.find(Vpc.class, group.vpcId()).map(Vpc::isDefault).orElse(false);
    }

    private static List<RevokedSecurityGroupRule> revoked(Revocation result) {
        return result.revoked().stream().map(r -> RevokedSecurityGroupRule.builder()
                        .securityGroupRuleId(r.id())
                        .groupId(result.group().id())
                        .isEgress(r.egress())
                        .ipProtocol(r.protocol())
                        .fromPort(portOrAll(r.fromPort()))
                        .toPort(portOrAll(r.toPort()))
                        .cidrIpv4(r.cidrIpv4())
                        .cidrIpv6(r.cidrIpv6())
                        .referencedGroupId(r.referencedGroupId())
                        .prefixListId(r.prefixListId())
                        .description(r.description())
                        .build())
                .toList();
    }

    DescribeSecurityGroupRulesResponse describeRules(RequestContext ctx, DescribeSecurityGroupRulesRequest request) {
        request.securityGroupRuleIds().forEach(SecurityGroupRuleService::requireWellFormedRuleId);
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<OwnedRule> all = state.all(SecurityGroup.class).stream()
                .flatMap(g -> g.rules().stream().map(r -> new OwnedRule(g, r)))
                .toList();
        List<OwnedRule> selected = all;
        if (!request.securityGroupRuleIds().isEmpty()) {
            Set<String> wanted = new LinkedHashSet<>(request.securityGroupRuleIds());
            Set<String> known = new LinkedHashSet<>(all.stream().map(r -> r.rule().id()).toList());
            List<String> missing = wanted.stream().filter(id -> !known.contains(id)).toList();
            if (!missing.isEmpty()) {
                throw SecurityGroupErrors.ruleNotFound(String.join("', '", missing));
            }
            selected = all.stream().filter(r -> wanted.contains(r.rule().id())).toList();
        }
        Pages<OwnedRule> page = Pages.of(FILTERS.apply(selected, request.filters(), state), request.maxResults(),
                request.nextToken());
        return DescribeSecurityGroupRulesResponse.builder()
                .securityGroupRules(page.items().stream().map(r -> toSdk(ctx, state, r.group(), r.rule())).toList())
                .nextToken(page.nextToken())
                .build();
    }

    ModifySecurityGroupRulesResponse modifyRules(RequestContext ctx, ModifySecurityGroupRulesRequest request) {
        if (request.groupId() == null || request.groupId().isEmpty()) {
            throw Ec2Errors.missing("GroupId");
        }
        if (request.securityGroupRules().isEmpty()) {
            throw Ec2Errors.missing("SecurityGroupRule");
        }
        return cloud.write(ctx, tx -> {
            SecurityGroup group = SecurityGroupLookup.byId(tx, request.groupId());
            List<Rule> rules = new ArrayList<>(group.rules());
            for (SecurityGroupRuleUpdate update : request.securityGroupRules()) {
                requireWellFormedRuleId(update.securityGroupRuleId());
                Rule current = rules.stream().filter(r -> r.id().equals(update.securityGroupRuleId())).findFirst()
                        .orElseThrow(() -> SecurityGroupErrors.ruleNotFound(update.securityGroupRuleId()));
                Rule replacement = RulePermissions.toRule(tx, group, current, update.securityGroupRule());
                if (rules.stream().anyMatch(r -> r != current && r.sameTrafficAs(replacement))) {
                    throw SecurityGroupErrors.duplicatePermission(RuleTraffic.describe(replacement));
                }
                rules.set(rules.indexOf(current), replacement);
            }
            Ec2Requests.checkDryRun(request.dryRun());
            tx.put(group.withRules(rules));
            return ModifySecurityGroupRulesResponse.builder().returnValue(true).build();
        });
    }

    UpdateSecurityGroupRuleDescriptionsIngressResponse updateIngressDescriptions(
            RequestContext ctx, UpdateSecurityGroupRuleDescriptionsIngressRequest request) {
        cloud.write(ctx, tx -> {
            SecurityGroup group = SecurityGroupLookup.byIdOrName(tx, request.groupId(), request.groupName());
            updateDescriptions(tx, group, false, request.ipPermissions(), request.securityGroupRuleDescriptions(),
                    request.dryRun());
            return null;
        });
        return UpdateSecurityGroupRuleDescriptionsIngressResponse.builder().returnValue(true).build();
    }

    UpdateSecurityGroupRuleDescriptionsEgressResponse updateEgressDescriptions(
            RequestContext ctx, UpdateSecurityGroupRuleDescriptionsEgressRequest request) {
        cloud.write(ctx, tx -> {
            SecurityGroup group = SecurityGroupLookup.byIdOrName(tx, request.groupId(), request.groupName());
            updateDescriptions(tx, group, true, request.ipPermissions(), request.securityGroupRuleDescriptions(),
                    request.dryRun());
            return null;
        });
        return UpdateSecurityGroupRuleDescriptionsEgressResponse.builder().returnValue(true).build();
    }

    /**
     * Sets the descriptions of existing rules, found by permission (an omitted description
     * clears the rule's) or by rule id.
     */
    private static void updateDescriptions(Tx tx, SecurityGroup group, boolean egress, List<IpPermission> permissions,
            List<SecurityGroupRuleDescription> byId, Boolean dryRun) {
        if (!permissions.isEmpty() && !byId.isEmpty()) {
            throw Ec2Errors.invalidCombination(
                    "The parameter ipPermissions cannot be used with the parameter securityGroupRuleDescriptions");
        }
        if (permissions.isEmpty() && byId.isEmpty()) {
            throw Ec2Errors.missing("IpPermissions");
        }
        List<Rule> rules = new ArrayList<>(group.rules());
        for (Rule requested : RulePermissions.toRules(tx, group, egress, permissions)) {
            Rule current = rules.stream().filter(requested::sameTrafficAs).findFirst()
                    .orElseThrow(SecurityGroupErrors::permissionNotFound);
            rules.set(rules.indexOf(current), current.withDescription(requested.description()));
        }
        for (SecurityGroupRuleDescription entry : byId) {
            Rule current = ruleOf(group.withRules(rules), egress, entry.securityGroupRuleId());
            rules.set(rules.indexOf(current),
                    current.withDescription(RulePermissions.checkedDescription(entry.description())));
        }
        Ec2Requests.checkDryRun(dryRun);
        tx.put(group.withRules(rules));
    }

    /** A rule of the group in the given direction, by id. */
    private static Rule ruleOf(SecurityGroup group, boolean egress, String ruleId) {
        requireWellFormedRuleId(ruleId);
        return group.rules(egress).stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> SecurityGroupErrors.ruleNotFound(ruleId));
    }

    private static void requireWellFormedRuleId(String ruleId) {
        if (ruleId == null || !RULE_ID.matcher(ruleId).matches()) {
            throw SecurityGroupErrors.malformedRuleId(String.valueOf(ruleId));
        }
    }

    /** Forgets a removed rule's tags (they live in the region's tag table, keyed by rule id). */
    static void dropTags(Tx tx, Rule rule) {
        if (!tx.tagsOf(rule.id()).isEmpty()) {
            tx.setTags(rule.id(), Map.of());
        }
    }

    /** Rules show -1 as the port of protocols without ports, where permissions leave ports out. */
    private static Integer portOrAll(Integer port) {
        return port == null ? -1 : port;
    }

    static software.amazon.awssdk.services.ec2.model.SecurityGroupRule toSdk(
            RequestContext ctx, StateView state, SecurityGroup group, Rule rule) {
        return software.amazon.awssdk.services.ec2.model.SecurityGroupRule.builder()
                .securityGroupRuleId(rule.id())
                .groupId(group.id())
                .groupOwnerId(group.ownerId())
                .isEgress(rule.egress())
                .ipProtocol(rule.protocol())
                .fromPort(portOrAll(rule.fromPort()))
                .toPort(portOrAll(rule.toPort()))
                .cidrIpv4(rule.cidrIpv4())
                .cidrIpv6(rule.cidrIpv6())
                .prefixListId(rule.prefixListId())
                .referencedGroupInfo(rule.referencedGroupId() == null ? null : ReferencedSecurityGroup.builder()
                        .groupId(rule.referencedGroupId()).userId(group.ownerId()).build())
                .description(rule.description())
                .tags(Ec2Tags.of(state, rule.id()))
                .securityGroupRuleArn("arn:aws:ec2:" + ctx.region() + ":" + group.ownerId()
                        + ":security-group-rule/" + rule.id())
                .build();
    }
}
