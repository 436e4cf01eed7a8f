package io.localvpc.service.ec2.securitygroups;

import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.SecurityGroup.Rule;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.VpcEndpoint;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Ec2Tags;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;

/**
 * Security groups: create (with the allow-all outbound rule every new group gets), describe,
 * delete. Their rules are {@link SecurityGroupRuleService}'s, whose routes come along with these.
 */
public final class SecurityGroupService {
    /** The default quota of VPC security groups per region. */
    public static final int GROUPS_PER_REGION = 2500;

    private static final Pattern NAME_OR_DESCRIPTION = Pattern.compile("[a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]+");

    private static final Filters<SecurityGroup> FILTERS = permissionFilters(permissionFilters(
            Filters.forResource(SecurityGroup::id)
                    .on("group-id", SecurityGroup::id)
                    .on("group-name", SecurityGroup::name)
                    .on("description", SecurityGroup::description)
                    .on("vpc-id", SecurityGroup::vpcId)
                    .on("owner-id", SecurityGroup::ownerId),
            "ip-permission.", false), "egress.ip-permission.", true);

    /** The {@code ip-permission.*} filters, for one direction: any rule of it may match. */
    private static Filters<SecurityGroup> permissionFilters(Filters<SecurityGroup> filters, String prefix, boolean egress) {
        return filters
                .on(prefix + "cidr", ruleValues(egress, Rule::cidrIpv4))
                .on(prefix + "ipv6-cidr", ruleValues(egress, Rule::cidrIpv6))
                .on(prefix + "from-port", ruleValues(egress, Rule::fromPort))
                .on(prefix + "to-port", ruleValues(egress, Rule::toPort))
                .on(prefix + "protocol", ruleValues(egress, Rule::protocol))
                .on(prefix + "group-id", ruleValues(egress, Rule::referencedGroupId))
                .on(prefix + "prefix-list-id", ruleValues(egress, Rule::prefixListId))
                .on(prefix + "user-id", g -> g.rules(egress).stream()
                        .filter(r -> r.referencedGroupId() != null).map(r -> g.ownerId()).toList());
    }

    private static Function<SecurityGroup, Collection<?>> ruleValues(boolean egress, Function<Rule, ?> field) {
        return g -> g.rules(egress).stream().map(field).filter(v -> v != null).toList();
    }

    private final CloudAccess cloud;
    private final SecurityGroupRuleService rules;

    public SecurityGroupService(CloudAccess cloud) {
        this.cloud = cloud;
        this.rules = new SecurityGroupRuleService(cloud);
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(CreateSecurityGroupRequest.class, this::create)
                .on(DescribeSecurityGroupsRequest.class, this::describe)
                .on(DeleteSecurityGroupRequest.class, this::delete)
                .include(rules.routes());
    }

    CreateSecurityGroupResponse create(RequestContext ctx, CreateSecurityGroupRequest request) {
        String name = request.groupName();
        String description = request.description();
        checkName(name);
        checkDescription(description);
        Map<String, String> tags = Ec2Tags.fromSpecifications(request.tagSpecifications(), "security-group");
        return cloud.write(ctx, tx -> {
            Vpc vpc = request.vpcId() == null || request.vpcId().isEmpty()
                    ? SecurityGroupLookup.defaultVpc(tx)
                    : tx.find(Vpc.class, request.vpcId()).orElseThrow(() -> Ec2Errors.vpcNotFound(request.vpcId()));
            if (SecurityGroupLookup.inVpc(tx, name, vpc.id()).isPresent()) {
                throw SecurityGroupErrors.duplicateName(name, vpc.id());
            }
            if (tx.all(SecurityGroup.class).size() >= GROUPS_PER_REGION) {
                throw SecurityGroupErrors.groupLimit();
            }
            Ec2Requests.checkDryRun(request.dryRun());
            String groupId = Ids.ec2("sg");
            SecurityGroup group = new SecurityGroup(groupId, name, description, vpc.id(), ctx.accountId(),
                    List.of(new Rule(Ids.ec2("sgr"), true, "-1", null, null, "0.0.0.0/0", null, null, null, null)));
            tx.put(group);
            tx.setTags(groupId, tags);
            return CreateSecurityGroupResponse.builder()
                    .groupId(groupId)
                    .securityGroupArn(arn(ctx, group))
                    .tags(Ec2Tags.of(tx, groupId))
                    .build();
        });
    }

    private static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw Ec2Errors.missing("GroupName");
        }
        if (name.equals("default")) {
            throw SecurityGroupErrors.reservedName(name);
        }
        if (name.startsWith("sg-")) {
            throw Ec2Errors.invalidValue("Group names may not be in the format sg-*.");
        }
        if (name.length() > 255 || !NAME_OR_DESCRIPTION.matcher(name).matches()) {
            throw Ec2Errors.invalidValue("Invalid security group name. Valid names are non-empty strings less than "
                    + "256 characters from the following set:  " + SecurityGroupErrors.ALLOWED_CHARACTERS);
        }
    }

    private static void checkDescription(String description) {
        if (description == null || description.isEmpty()) {
            throw Ec2Errors.missing("GroupDescription");
        }
        if (description.length() > 255 || !NAME_OR_DESCRIPTION.matcher(description).matches()) {
            throw Ec2Errors.invalidValue("Invalid security group description. Valid descriptions are strings less "
                    + "than 256 characters from the following set:  " + SecurityGroupErrors.ALLOWED_CHARACTERS);
        }
    }

    DescribeSecurityGroupsResponse describe(RequestContext ctx, DescribeSecurityGroupsRequest request) {
        Pages.refuseIdsWithMaxResults(request.groupIds(), request.maxResults(), "groupIds");
        Pages.refuseIdsWithMaxResults(request.groupNames(), request.maxResults(), "groupNames");
        request.groupIds().forEach(SecurityGroupLookup::requireWellFormedId);
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<SecurityGroup> matching = FILTERS.apply(selected(state, request), request.filters(), state);
        Pages<SecurityGroup> page = Pages.of(matching, request.maxResults(), request.nextToken());
        return DescribeSecurityGroupsResponse.builder()
                .securityGroups(page.items().stream().map(g -> toSdk(ctx, state, g)).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** The groups named by id or (in the default VPC) by name; every group when neither is given. */
    private static List<SecurityGroup> selected(StateView state, DescribeSecurityGroupsRequest request) {
        if (request.groupNames().isEmpty()) {
            return Ec2Requests.selectByIds(state, SecurityGroup.class, request.groupIds(),
                    Ec2Errors::securityGroupNotFound);
        }
        Set<String> wanted = new LinkedHashSet<>(
                request.groupIds().isEmpty() ? List.of() : Ec2Requests.selectByIds(state, SecurityGroup.class,
                        request.groupIds(), Ec2Errors::securityGroupNotFound).stream().map(SecurityGroup::id).toList());
        for (String name : request.groupNames()) {
            wanted.add(SecurityGroupLookup.byNameInDefaultVpc(state, name).id());
        }
        return state.all(SecurityGroup.class).stream().filter(g -> wanted.contains(g.id())).toList();
    }

    DeleteSecurityGroupResponse delete(RequestContext ctx, DeleteSecurityGroupRequest request) {
        return cloud.write(ctx, tx -> {
            SecurityGroup group = SecurityGroupLookup.byIdOrName(tx, request.groupId(), request.groupName());
            if (SecurityGroupLookup.isDefaultGroup(group)) {
                throw SecurityGroupErrors.cannotDeleteDefault(group.id());
            }
            if (isInUse(tx, group.id())) {
                throw SecurityGroupErrors.hasDependents(group.id());
            }
            Ec2Requests.checkDryRun(request.dryRun());
            removeWithRules(tx, group);
            return DeleteSecurityGroupResponse.builder().returnValue(true).groupId(group.id()).build();
        });
    }

    /** An interface or a VPC endpoint wearing the group, or another group's rule naming it, keeps it from going. */
    private static boolean isInUse(StateView state, String groupId) {
        return state.all(NetworkInterface.class).stream().anyMatch(n -> n.groupIds().contains(groupId))
                || state.all(VpcEndpoint.class).stream().anyMatch(e -> e.isLive() && e.groupIds().contains(groupId))
                || state.all(SecurityGroup.class).stream()
                        .filter(other -> !other.id().equals(groupId))
                        .flatMap(other -> other.rules().stream())
                        .anyMatch(r -> groupId.equals(r.referencedGroupId()));
    }

    /** Removes a group with its tags and its rules' tags. */
    static void removeWithRules(Tx tx, SecurityGroup group) {
        group.rules().forEach(r -> SecurityGroupRuleService.dropTags(tx, r));
        tx.remove(group);
    }

    static String arn(RequestContext ctx, SecurityGroup group) {
        return "arn:aws:ec2:" + ctx.region() + ":" + group.ownerId() + ":security-group/" + group.id();
    }

    static software.amazon.awssdk.services.ec2.model.SecurityGroup toSdk(
            RequestContext ctx, StateView state, SecurityGroup group) {
        return software.amazon.awssdk.services.ec2.model.SecurityGroup.builder()
                .groupId(group.id())
                .groupName(group.name())
                .description(group.description())
                .vpcId(group.vpcId())
                .ownerId(group.ownerId())
                .securityGroupArn(arn(ctx, group))
                .ipPermissions(RulePermissions.toPermissions(group.rules(false), group.ownerId()))
                .ipPermissionsEgress(RulePermissions.toPermissions(group.rules(true), group.ownerId()))
                .tags(Ec2Tags.of(state, group.id()))
                .build();
    }
}
