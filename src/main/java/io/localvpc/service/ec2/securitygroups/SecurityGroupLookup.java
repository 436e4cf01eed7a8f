package io.localvpc.service.ec2.securitygroups;

import io.localvpc.model.StateView;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.service.ec2.Ec2Errors;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finding security groups the ways EC2 lets callers name them: by id anywhere in the region, or by
 * name, which only means something inside one VPC (the default VPC when the call names no VPC).
 */
final class SecurityGroupLookup {
    private static final Pattern GROUP_ID = Pattern.compile("sg-[0-9a-f]+");

    private SecurityGroupLookup() {}

    static SecurityGroup byId(StateView state, String groupId) {
        requireWellFormedId(groupId);
        return state.find(SecurityGroup.class, groupId)
                .orElseThrow(() -> Ec2Errors.securityGroupNotFound(groupId));
    }

    static void requireWellFormedId(String groupId) {
        if (!GROUP_ID.matcher(groupId).matches()) {
            throw SecurityGroupErrors.malformedGroupId(groupId);
        }
    }

    /** The group a call names by {@code GroupId}, or else by {@code GroupName} in the default VPC. */
    static SecurityGroup byIdOrName(StateView state, String groupId, String groupName) {
        if (groupId != null && !groupId.isEmpty()) {
            return byId(state, groupId);
        }
        if (groupName == null || groupName.isEmpty()) {
            throw Ec2Errors.missing("GroupId");
        }
        return byNameInDefaultVpc(state, groupName);
    }

    static SecurityGroup byNameInDefaultVpc(StateView state, String groupName) {
        Vpc vpc = defaultVpc(state);
        return inVpc(state, groupName, vpc.id())
                .orElseThrow(() -> SecurityGroupErrors.nameNotFoundInVpc(groupName, vpc.id()));
    }

    static Optional<SecurityGroup> inVpc(StateView state, String groupName, String vpcId) {
        return state.all(SecurityGroup.class).stream()
                .filter(g -> g.vpcId().equals(vpcId) && g.name().equals(groupName))
                .findFirst();
    }

    static Vpc defaultVpc(StateView state) {
        return state.all(Vpc.class).stream().filter(Vpc::isDefault).findFirst()
                .orElseThrow(SecurityGroupErrors::noDefaultVpc);
    }

    static boolean isDefaultGroup(SecurityGroup group) {
        return group.name().equals("default");
    }
}
