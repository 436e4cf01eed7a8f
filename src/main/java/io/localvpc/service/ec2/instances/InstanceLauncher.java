package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.model.Ipv4;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.SecurityGroup;
import io.localvpc.model.ec2.Subnet;
import io.localvpc.model.ec2.Volume;
import io.localvpc.model.ec2.Vpc;
import io.localvpc.model.iam.InstanceProfile;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ec2.AvailabilityZones;
import io.localvpc.service.ec2.ClientTokens;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.addressing.PrivateAddresses;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;

/**
 * RunInstances: checks the request as EC2 does, then creates in one transaction each instance
 * with its primary network interface, its EBS volumes and their tags. A retry with the same
 * ClientToken gets the first call's reservation back.
 */
final class InstanceLauncher {
    /** The running-instance quota of a new account in a region. */
    static final String DEFAULT_INSTANCE_TYPE = "t2.micro";
    private static final int MAX_USER_DATA_BYTES = 16 * 1024;
    private static final int MAX_GROUPS = 5;
    private static final String ACTION = "RunInstances";

    /** What the request asks of the primary interface, whichever way it was written. */
    private record NetworkWish(
            String subnetId, List<String> groupIds, List<String> groupNames, String privateIp, Boolean publicIp,
            String existingInterfaceId, boolean deleteOnTermination, String description) {}

    /** The request, checked: everything that does not depend on the region's state. */
    private record Launch(
            Images.CatalogueImage image, InstanceTypes.Spec type, int minCount, int maxCount, NetworkWish network,
            String availabilityZone, String keyName, List<LaunchVolumes.Planned> volumes, Instance.Settings settings,
            Map<String, String> instanceTags, Map<String, String> volumeTags, Map<String, String> interfaceTags) {}

    private final CloudAccess cloud;
    private final InstanceLifecycle lifecycle;

    InstanceLauncher(CloudAccess cloud, InstanceLifecycle lifecycle) {
        this.cloud = cloud;
        this.lifecycle = lifecycle;
    }

    RunInstancesResponse run(RequestContext ctx, RunInstancesRequest request) {
        Launch launch = check(request, ctx.region());
        Optional<InstanceProfile> profile =
                resolveProfile(cloud.readGlobal(ctx), ctx.accountId(), request.iamInstanceProfile());
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Optional<String> earlier = ClientTokens.previous(tx, ACTION, request.clientToken(), request);
            if (earlier.isPresent()) {
                return response(tx, earlier.get(), ctx.region(), ctx.now());
            }
            String reservationId = Ids.ec2("r");
            Subnet subnet = subnetFor(tx, launch);
            List<String> groups = launchGroups(tx, launch.network(), subnet.vpcId());
            int count = countWithinQuota(tx, launch);
            if (launch.network().privateIp() != null && count > 1) {
                throw Ec2Errors.invalidCombination(
                        "Cannot specify a private IP address when launching more than one instance.");
            }
            for (int index = 0; index < count; index++) {
                create(tx, ctx, launch, reservationId, index, subnet, groups, profile, request.clientToken());
            }
            ClientTokens.remember(tx, ACTION, request.clientToken(), request, reservationId);
            return response(tx, reservationId, ctx.region(), ctx.now());
        });
    }

    private void create(Tx tx, RequestContext ctx, Launch launch, String reservationId, int index, Subnet subnet,
            List<String> groups, Optional<InstanceProfile> profile, String clientToken) {
        String instanceId = Ids.ec2("i");
        NetworkInterface eni = primaryInterface(tx, ctx, launch, instanceId, subnet, groups);
        tx.put(eni);
        // An existing interface keeps its tags; the launch's interface tags are added to them.
        Map<String, String> interfaceTags = new java.util.LinkedHashMap<>(tx.tagsOf(eni.id()));
        interfaceTags.putAll(launch.interfaceTags());
        tx.setTags(eni.id(), interfaceTags);
        List<Instance.BlockDevice> devices = new ArrayList<>();
        for (LaunchVolumes.Planned planned : launch.volumes()) {
            Volume volume = new Volume(Ids.ec2("vol"), ctx.accountId(), planned.sizeGiB(), planned.volumeType(),
                    planned.iops(), planned.throughput(), planned.encrypted(), planned.snapshotId(), subnet.availabilityZone(),
                    ctx.now(), new Volume.Attachment(instanceId, planned.deviceName(), planned.deleteOnTermination(), ctx.now()));
            tx.put(volume);
            tx.setTags(volume.id(), launch.volumeTags());
            devices.add(new Instance.BlockDevice(planned.deviceName(), volume.id(), planned.deleteOnTermination(), ctx.now()));
        }
        Instance.IamProfile iam = profile.map(p -> iamProfile(ctx, p)).orElse(null);
        String tenancy = launch.settings().tenancy() != null ? launch.settings().tenancy()
                : tx.find(Vpc.class, subnet.vpcId()).map(Vpc::instanceTenancy).orElse("default");
        Instance.Settings settings = launch.settings().placedWith(tenancy, eni.publicIp() != null);
        Instance instance = new Instance(instanceId, reservationId, ctx.accountId(), index, launch.image().id(),
                launch.type().name(), "pending", null, subnet.id(), subnet.vpcId(), subnet.availabilityZone(), eni.id(),
                eni.privateIp(), launch.keyName(), iam, devices, settings, ctx.now(), ctx.now(),
                ctx.now().plus(cloud.timings().stateChange()), clientToken);
        tx.put(instance);
        tx.setTags(instanceId, launch.instanceTags());
    }

    private NetworkInterface primaryInterface(Tx tx, RequestContext ctx, Launch launch, String instanceId, Subnet subnet,
            List<String> groups) {
        NetworkWish wish = launch.network();
        if (wish.existingInterfaceId() != null) {
            NetworkInterface existing = tx.find(NetworkInterface.class, wish.existingInterfaceId())
                    .orElseThrow(() -> Ec2Errors.networkInterfaceNotFound(wish.existingInterfaceId()));
            if (existing.attachment() != null) {
                throw AwsException.badRequest("InvalidNetworkInterface.InUse",
                        "Interface: [" + existing.id() + "] in use.");
            }
            return existing.withAttachment(attachment(instanceId, ctx, wish.deleteOnTermination()));
        }
        Ipv4 privateIp = PrivateAddresses.allocate(tx, subnet, wish.privateIp());
        Ipv4 publicIp = InstanceLifecycle.wantsPublicIp(wish.publicIp(), subnet) ? lifecycle.claimPublicIp(tx) : null;
        return new NetworkInterface(Ids.ec2("eni"), subnet.id(), subnet.vpcId(), subnet.availabilityZone(),
                ctx.accountId(), wish.description(), "interface", false, null, privateIp, List.of(), groups, true,
                Ids.mac(), attachment(instanceId, ctx, wish.deleteOnTermination()), publicIp);
    }

    private static NetworkInterface.Attachment attachment(String instanceId, RequestContext ctx, boolean deleteOnTermination) {
        return new NetworkInterface.Attachment(Ids.ec2("eni-attach"), instanceId, ctx.accountId(), 0, "attached",
                ctx.now(), deleteOnTermination);
    }

    /** A new association of an instance with a profile. */
    static Instance.IamProfile iamProfile(RequestContext ctx, InstanceProfile profile) {
        return new Instance.IamProfile(profileArn(ctx.accountId(), profile), profile.instanceProfileId(),
                Ids.ec2("iip-assoc"), ctx.now());
    }

    static String profileArn(String accountId, InstanceProfile profile) {
        String path = profile.path() == null ? "/" : profile.path();
        return "arn:aws:iam::" + accountId + ":instance-profile" + path + profile.name();
    }

    private static RunInstancesResponse response(StateView state, String reservationId, String region, Instant now) {
        List<Instance> instances = state.all(Instance.class).stream()
                .filter(i -> i.reservationId().equals(reservationId))
                .toList();
        var builder = RunInstancesResponse.builder().reservationId(reservationId).groups(List.of());
        if (!instances.isEmpty()) {
            var reservation = InstanceView.reservation(state, instances, region, now);
            builder.ownerId(reservation.ownerId()).instances(reservation.instances());
        }
        return builder.build();
    }

    // ---- checks that need only the request ----

    private static Launch check(RunInstancesRequest request, String region) {
        if (request.imageId() == null || request.imageId().isEmpty()) {
            throw Ec2Errors.missing("ImageId");
        }
        if (request.minCount() < 1) {
            throw Ec2Errors.invalidValue("Value (" + request.minCount() + ") for parameter minCount is invalid. Expected a positive integer.");
        }
        if (request.maxCount() < request.minCount()) {
            throw Ec2Errors.invalidValue("Value (" + request.maxCount()
                    + ") for parameter maxCount is invalid. maxCount must be greater than or equal to minCount.");
        }
        if (!Images.wellFormedId(request.imageId())) {
            throw AwsException.badRequest("InvalidAMIID.Malformed", "Invalid id: \"" + request.imageId() + "\" (expecting \"ami-...\")");
        }
        Images.CatalogueImage image = Images.find(region, request.imageId())
                .orElseThrow(() -> ImageService.imageNotFound(List.of(request.imageId())));
        String typeName = request.instanceTypeAsString() == null ? DEFAULT_INSTANCE_TYPE : request.instanceTypeAsString();
        InstanceTypes.Spec type = InstanceTypes.find(typeName).orElseThrow(() ->
                Ec2Errors.invalidValue("Invalid value '" + typeName + "' for InstanceType."));
        if (!type.supportedArchitectures().contains(image.architecture())) {
            throw Ec2Errors.invalidValue("The architecture '" + type.architecture() + "' of the specified instance type "
                    + "does not match the architecture '" + image.architecture() + "' of the specified AMI. Specify an "
                    + "instance type and an AMI that have matching architectures, and try again. You can use "
                    + "'describe-instance-types' or 'describe-images' to discover the architecture of the instance type or AMI.");
        }
        Map<String, Map<String, String>> tags = LaunchTags.byType(request.tagSpecifications(),
                List.of("instance", "volume", "network-interface"));
        String zone = request.placement() == null || request.placement().availabilityZone() == null
                || request.placement().availabilityZone().isEmpty() ? null : request.placement().availabilityZone();
        if (zone != null && AvailabilityZones.find(region, zone).isEmpty()) {
            throw Ec2Errors.invalidValue("Invalid availability zone: [" + zone + "]");
        }
        return new Launch(image, type, request.minCount(), request.maxCount(), networkWish(request), zone,
                emptyToNull(request.keyName()), LaunchVolumes.plan(image, request.blockDeviceMappings()), settings(request, image, type),
                tags.get("instance"), tags.get("volume"), tags.get("network-interface"));
    }

    private static NetworkWish networkWish(RunInstancesRequest request) {
        List<InstanceNetworkInterfaceSpecification> specs = request.networkInterfaces();
        if (specs.isEmpty()) {
            return new NetworkWish(emptyToNull(request.subnetId()), request.securityGroupIds(), request.securityGroups(),
                    emptyToNull(request.privateIpAddress()), null, null, true, "");
        }
        if (request.subnetId() != null && !request.subnetId().isEmpty()) {
            throw Ec2Errors.invalidCombination(
                    "Network interfaces and an instance-level subnet ID may not be specified on the same request");
        }
        if (!request.securityGroupIds().isEmpty() || !request.securityGroups().isEmpty()) {
            throw Ec2Errors.invalidCombination(
                    "Network interfaces and an instance-level security groups may not be specified on the same request");
        }
        if (request.privateIpAddress() != null) {
            throw Ec2Errors.invalidCombination(
                    "Network interfaces and an instance-level private IP address may not be specified on the same request");
        }
        if (specs.size() > 1 || specs.get(0).deviceIndex() == null || specs.get(0).deviceIndex() != 0) {
            throw Ec2Errors.invalidValue(
                    "LocalVPC launches an instance with its primary network interface only (one specification, DeviceIndex 0).");
        }
        InstanceNetworkInterfaceSpecification spec = specs.get(0);
        if (spec.networkInterfaceId() != null) {
            if (Boolean.TRUE.equals(spec.associatePublicIpAddress())) {
                throw Ec2Errors.invalidCombination(
                        "The associatePublicIPAddress parameter cannot be specified when launching with an existing network interface.");
            }
            return new NetworkWish(null, List.of(), List.of(), null, false, spec.networkInterfaceId(),
                    Boolean.TRUE.equals(spec.deleteOnTermination()), null);
        }
        if (spec.subnetId() == null || spec.subnetId().isEmpty()) {
            throw Ec2Errors.missing("NetworkInterface.SubnetId");
        }
        return new NetworkWish(spec.subnetId(), spec.groups(), List.of(), emptyToNull(spec.privateIpAddress()),
                spec.associatePublicIpAddress(), null, spec.deleteOnTermination() == null || spec.deleteOnTermination(),
                spec.description() == null ? "" : spec.description());
    }

    private static Instance.Settings settings(RunInstancesRequest request, Images.CatalogueImage image, InstanceTypes.Spec type) {
        String userData = emptyToNull(request.userData());
        if (userData != null) {
            checkUserData(userData);
        }
        String shutdown = request.instanceInitiatedShutdownBehaviorAsString() == null ? "stop"
                : request.instanceInitiatedShutdownBehaviorAsString();
        if (!shutdown.equals("stop") && !shutdown.equals("terminate")) {
            throw Ec2Errors.invalidValue("Value (" + shutdown + ") for parameter instanceInitiatedShutdownBehavior is invalid.");
        }
        String credits = CreditSpecifications.launchCredits(request.creditSpecification(), type);
        var metadata = MetadataOptionsInput.forLaunch(request.metadataOptions(), image);
        String tenancy = request.placement() == null ? null : request.placement().tenancyAsString();
        if (tenancy != null && !List.of("default", "dedicated", "host").contains(tenancy)) {
            throw Ec2Errors.invalidValue("Value (" + tenancy + ") for parameter tenancy is invalid.");
        }
        // Reported as requested: types that are EBS-optimized by default still show false unless asked.
        boolean ebsOptimized = Boolean.TRUE.equals(request.ebsOptimized());
        if (ebsOptimized && type.ebsOptimizedSupport().equals("unsupported")) {
            throw Ec2Errors.invalidCombination("EBS-optimized instances are not supported for your requested configuration.");
        }
        if (request.hibernationOptions() != null && Boolean.TRUE.equals(request.hibernationOptions().configured())) {
            throw AwsException.badRequest("UnsupportedHibernationConfiguration",
                    "LocalVPC instances cannot hibernate; launch without HibernationOptions.Configured=true.");
        }
        return new Instance.Settings(userData, Boolean.TRUE.equals(request.disableApiTermination()),
                Boolean.TRUE.equals(request.disableApiStop()), shutdown,
                ebsOptimized,
                request.monitoring() != null && Boolean.TRUE.equals(request.monitoring().enabled()), credits, tenancy,
                Images.ROOT_DEVICE, metadata, false);
    }

    /** UserData arrives base64-encoded (the SDKs and CLIs encode it) and may be 16 KiB once decoded. */
    static void checkUserData(String userData) {
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(userData);
        } catch (IllegalArgumentException e) {
            throw Ec2Errors.invalidValue("Invalid BASE64 encoding of user data.");
        }
        if (decoded.length > MAX_USER_DATA_BYTES) {
            throw Ec2Errors.invalidValue("User data is limited to 16384 bytes");
        }
    }

    // ---- checks against the region's state ----

    private static Subnet subnetFor(Tx tx, Launch launch) {
        NetworkWish wish = launch.network();
        Subnet subnet;
        if (wish.existingInterfaceId() != null) {
            NetworkInterface eni = tx.find(NetworkInterface.class, wish.existingInterfaceId())
                    .orElseThrow(() -> Ec2Errors.networkInterfaceNotFound(wish.existingInterfaceId()));
            subnet = tx.find(Subnet.class, eni.subnetId()).orElseThrow(() -> Ec2Errors.subnetNotFound(eni.subnetId()));
        } else if (wish.subnetId() != null) {
            subnet = tx.find(Subnet.class, wish.subnetId()).orElseThrow(() -> Ec2Errors.subnetNotFound(wish.subnetId()));
        } else {
            subnet = defaultSubnet(tx, launch.availabilityZone());
        }
        if (launch.availabilityZone() != null && !launch.availabilityZone().equals(subnet.availabilityZone())) {
            throw Ec2Errors.invalidValue("Value (" + launch.availabilityZone() + ") for parameter availabilityZone is invalid. "
                    + "Subnet '" + subnet.id() + "' is in the availability zone " + subnet.availabilityZone());
        }
        return subnet;
    }

    private static Subnet defaultSubnet(StateView state, String zone) {
        Vpc vpc = state.all(Vpc.class).stream().filter(Vpc::isDefault).findFirst().orElseThrow(() ->
                AwsException.badRequest("VPCIdNotSpecified", "No default VPC for this user"));
        return state.all(Subnet.class).stream()
                .filter(s -> s.vpcId().equals(vpc.id()) && s.defaultForAz())
                .filter(s -> zone == null || s.availabilityZone().equals(zone))
                .findFirst()
                .orElseThrow(() -> AwsException.badRequest("MissingInput",
                        "No subnets found for the default VPC '" + vpc.id() + "'. Please specify a subnet."));
    }

    /** The groups a launch's primary interface gets: those named, else the VPC's default group. */
    private static List<String> launchGroups(StateView state, NetworkWish wish, String vpcId) {
        if (wish.existingInterfaceId() != null) {
            return List.of(); // an existing interface keeps its own groups
        }
        List<String> ids = groupsFor(state, wish.groupIds(), wish.groupNames(), vpcId);
        if (!ids.isEmpty()) {
            return ids;
        }
        return List.of(state.all(SecurityGroup.class).stream()
                .filter(g -> g.vpcId().equals(vpcId) && g.name().equals("default"))
                .map(SecurityGroup::id)
                .findFirst()
                .orElseThrow(() -> AwsException.badRequest("InvalidGroup.NotFound",
                        "The security group 'default' does not exist in VPC '" + vpcId + "'")));
    }

    /** Security groups named by id or name, all of which must exist in the VPC (at most five). */
    static List<String> groupsFor(StateView state, List<String> groupIds, List<String> groupNames, String vpcId) {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String id : groupIds) {
            SecurityGroup group = state.find(SecurityGroup.class, id).orElseThrow(() -> AwsException.badRequest(
                    "InvalidGroup.NotFound", "The security group '" + id + "' does not exist in VPC '" + vpcId + "'"));
            if (!group.vpcId().equals(vpcId)) {
                throw AwsException.badRequest("InvalidParameter",
                        "Security group " + id + " and subnet belong to different networks.");
            }
            ids.add(id);
        }
        for (String name : groupNames) {
            ids.add(state.all(SecurityGroup.class).stream()
                    .filter(g -> g.vpcId().equals(vpcId) && g.name().equals(name))
                    .map(SecurityGroup::id)
                    .findFirst()
                    .orElseThrow(() -> AwsException.badRequest("InvalidGroup.NotFound",
                            "The security group '" + name + "' does not exist in VPC '" + vpcId + "'")));
        }
        if (ids.size() > MAX_GROUPS) {
            throw AwsException.badRequest("SecurityGroupsPerInstanceLimitExceeded",
                    "The maximum number of security groups per instance has been reached.");
        }
        return List.copyOf(ids);
    }

    /** As many as MaxCount as the quota leaves room for, but at least MinCount or nothing. */
    private int countWithinQuota(StateView state, Launch launch) {
        int limit = cloud.quotas().instancesPerRegion();
        long active = state.all(Instance.class).stream()
                .filter(i -> !i.state().equals("terminated") && !i.state().equals("shutting-down"))
                .count();
        long room = limit - active;
        if (room < launch.minCount()) {
            throw AwsException.badRequest("InstanceLimitExceeded", "You have requested more instances ("
                    + (active + launch.minCount()) + ") than your current instance limit of " + limit
                    + " allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request "
                    + "to request an adjustment to this limit.");
        }
        if (launch.network().existingInterfaceId() != null && launch.minCount() > 1) {
            throw Ec2Errors.invalidCombination("An existing network interface can be used by one instance only.");
        }
        return (int) Math.min(launch.maxCount(), room);
    }

    /** The profile named by name or ARN must exist in the account's IAM. */
    static Optional<InstanceProfile> resolveProfile(
            RegionState iam, String accountId, IamInstanceProfileSpecification spec) {
        if (spec == null || (spec.name() == null && spec.arn() == null)) {
            return Optional.empty();
        }
        if (spec.name() != null) {
            return Optional.of(iam.find(InstanceProfile.class, spec.name()).orElseThrow(() -> Ec2Errors.invalidValue(
                    "Value (" + spec.name() + ") for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name")));
        }
        String arn = spec.arn();
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        return Optional.of(iam.find(InstanceProfile.class, name)
                .filter(p -> arn.equals(profileArn(accountId, p)))
                .orElseThrow(() -> Ec2Errors.invalidValue(
                        "Value (" + arn + ") for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN")));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
