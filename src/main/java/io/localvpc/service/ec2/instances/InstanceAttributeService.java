package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ec2.NetworkInterface;
import io.localvpc.model.ec2.Volume;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceCreditSpecificationsResponse;
import software.amazon.awssdk.services.ec2.model.EbsInstanceBlockDevice;
import software.amazon.awssdk.services.ec2.model.EnclaveOptions;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceCreditSpecification;
import software.amazon.awssdk.services.ec2.model.InstanceCreditSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.InstanceMonitoring;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceCreditSpecificationRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceCreditSpecificationResponse;
import software.amazon.awssdk.services.ec2.model.MonitorInstancesRequest;
import software.amazon.awssdk.services.ec2.model.MonitorInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Monitoring;
import software.amazon.awssdk.services.ec2.model.SuccessfulInstanceCreditSpecificationItem;
import software.amazon.awssdk.services.ec2.model.UnmonitorInstancesRequest;
import software.amazon.awssdk.services.ec2.model.UnmonitorInstancesResponse;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulInstanceCreditSpecificationErrorCode;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulInstanceCreditSpecificationItem;
import software.amazon.awssdk.services.ec2.model.UnsuccessfulInstanceCreditSpecificationItemError;

/** Instance attributes (one per call, as EC2 has them), detailed monitoring, and the CPU credits of burstable instances. */
public final class InstanceAttributeService {
    private final CloudAccess cloud;

    public InstanceAttributeService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(DescribeInstanceAttributeRequest.class, this::describeInstanceAttribute)
                .on(ModifyInstanceAttributeRequest.class, this::modifyInstanceAttribute)
                .on(DescribeInstanceCreditSpecificationsRequest.class, this::describeInstanceCreditSpecifications)
                .on(ModifyInstanceCreditSpecificationRequest.class, this::modifyInstanceCreditSpecification)
                .on(MonitorInstancesRequest.class, this::monitorInstances)
                .on(UnmonitorInstancesRequest.class, this::unmonitorInstances);
    }

    DescribeInstanceAttributeResponse describeInstanceAttribute(RequestContext ctx, DescribeInstanceAttributeRequest request) {
        String attribute = request.attributeAsString();
        if (attribute == null) {
            throw Ec2Errors.missing("Attribute");
        }
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        Instance instance = one(state, request.instanceId());
        Instance.Settings settings = instance.settings();
        var response = DescribeInstanceAttributeResponse.builder().instanceId(instance.id());
        switch (attribute) {
            case "instanceType" -> response.instanceType(value(instance.instanceType()));
            case "kernel" -> response.kernelId(value(null));
            case "ramdisk" -> response.ramdiskId(value(null));
            // An empty element when there is none: a value would make Terraform see a user_data change.
            case "userData" -> response.userData(value(settings.userData()));
            case "disableApiTermination" -> response.disableApiTermination(bool(settings.disableApiTermination()));
            case "disableApiStop" -> response.disableApiStop(bool(settings.disableApiStop()));
            case "instanceInitiatedShutdownBehavior" ->
                    response.instanceInitiatedShutdownBehavior(value(settings.shutdownBehavior()));
            case "rootDeviceName" -> response.rootDeviceName(value(settings.rootDeviceName()));
            case "blockDeviceMapping" -> response.blockDeviceMappings(instance.blockDevices().stream()
                    .map(d -> InstanceBlockDeviceMapping.builder()
                            .deviceName(d.deviceName())
                            .ebs(EbsInstanceBlockDevice.builder()
                                    .volumeId(d.volumeId())
                                    .status("attached")
                                    .attachTime(d.attachTime())
                                    .deleteOnTermination(d.deleteOnTermination())
                                    .build())
                            .build())
                    .toList());
            case "productCodes" -> response.productCodes(List.of());
            case "sourceDestCheck" -> response.sourceDestCheck(bool(primary(state, instance).sourceDestCheck()));
            case "groupSet" -> response.groups(InstanceView.groups(state, primary(state, instance)));
            case "ebsOptimized" -> response.ebsOptimized(bool(settings.ebsOptimized()));
            case "sriovNetSupport" -> response.sriovNetSupport(value(null));
            case "enaSupport" -> response.enaSupport(bool(true));
            case "enclaveOptions" -> response.enclaveOptions(EnclaveOptions.builder().enabled(false).build());
            default -> throw Ec2Errors.invalidValue(
                    "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        return response.build();
    }

    ModifyInstanceAttributeResponse modifyInstanceAttribute(RequestContext ctx, ModifyInstanceAttributeRequest request) {
        Modification modification = Modification.of(request);
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Instance instance = one(tx, request.instanceId());
            if (instance.state().equals("terminated") || instance.state().equals("shutting-down")) {
                throw AwsException.badRequest("IncorrectInstanceState",
                        "The instance '" + instance.id() + "' is not in a state from which it can be modified.");
            }
            tx.put(modification.apply(tx, instance));
            return ModifyInstanceAttributeResponse.builder().build();
        });
    }

    /** One attribute change, from either request form ({@code Attribute}+{@code Value}, or the attribute's own field). */
    private record Modification(String attribute, String value, List<String> groups, List<BlockDeviceMapping> devices) {

        static Modification of(ModifyInstanceAttributeRequest request) {
            List<Modification> given = new ArrayList<>();
            addBool(given, "disableApiTermination", request.disableApiTermination());
            addBool(given, "disableApiStop", request.disableApiStop());
            addBool(given, "ebsOptimized", request.ebsOptimized());
            addBool(given, "sourceDestCheck", request.sourceDestCheck());
            addBool(given, "enaSupport", request.enaSupport());
            addValue(given, "instanceInitiatedShutdownBehavior", request.instanceInitiatedShutdownBehavior());
            addValue(given, "instanceType", request.instanceType());
            addValue(given, "kernel", request.kernel());
            addValue(given, "ramdisk", request.ramdisk());
            addValue(given, "sriovNetSupport", request.sriovNetSupport());
            if (request.userData() != null && request.userData().value() != null) {
                // The SDKs send the raw bytes base64-encoded; EC2 keeps and returns them base64-encoded.
                given.add(new Modification("userData",
                        Base64.getEncoder().encodeToString(request.userData().value().asByteArray()), null, null));
            }
            if (!request.groups().isEmpty()) {
                given.add(new Modification("groupSet", null, request.groups(), null));
            }
            if (!request.blockDeviceMappings().isEmpty()) {
                given.add(new Modification("blockDeviceMapping", null, null,
                        request.blockDeviceMappings().stream().map(m -> BlockDeviceMapping.builder()
                                .deviceName(m.deviceName())
                                .ebs(e -> e.deleteOnTermination(m.ebs() == null ? null : m.ebs().deleteOnTermination()))
                                .build()).toList()));
            }
            if (request.attributeAsString() != null) {
                given.add(new Modification(request.attributeAsString(), request.value(), null, null));
            }
            if (given.isEmpty()) {
                throw Ec2Errors.invalidCombination("No attributes specified.");
            }
            if (given.size() > 1) {
                throw Ec2Errors.invalidCombination("Fields for multiple attribute types specified: "
                        + String.join(", ", given.stream().map(Modification::attribute).toList()));
            }
            return given.get(0);
        }

        private static void addBool(List<Modification> given, String name, AttributeBooleanValue value) {
            if (value != null && value.value() != null) {
                given.add(new Modification(name, value.value().toString(), null, null));
            }
        }

        private static void addValue(List<Modification> given, String name, AttributeValue value) {
            if (value != null && value.value() != null) {
                given.add(new Modification(name, value.value(), null, null));
            }
        }

        Instance apply(Tx tx, Instance instance) {
            Instance.Settings settings = instance.settings();
            return switch (attribute) {
                case "disableApiTermination" -> instance.withSettings(settings.withDisableApiTermination(bool()));
                case "disableApiStop" -> instance.withSettings(settings.withDisableApiStop(bool()));
                case "instanceInitiatedShutdownBehavior" -> {
                    if (!"stop".equals(value) && !"terminate".equals(value)) {
                        throw Ec2Errors.invalidValue(
                                "Value (" + value + ") for parameter instanceInitiatedShutdownBehavior is invalid.");
                    }
                    yield instance.withSettings(settings.withShutdownBehavior(value));
                }
                case "ebsOptimized" -> {
                    InstanceTypes.Spec type = InstanceTypes.find(instance.instanceType()).orElseThrow();
                    if (bool() && type.ebsOptimizedSupport().equals("unsupported")) {
                        throw Ec2Errors.invalidCombination(
                                "EBS-optimized instances are not supported for your requested configuration.");
                    }
                    yield instance.withSettings(settings.withEbsOptimized(bool()));
                }
                case "instanceType" -> changeType(stopped(instance), value);
                case "userData" -> {
                    InstanceLauncher.checkUserData(value == null ? "" : value);
                    yield stopped(instance).withSettings(settings.withUserData(value == null || value.isEmpty() ? null : value));
                }
                case "sourceDestCheck" -> {
                    NetworkInterface eni = primary(tx, instance);
                    tx.put(eni.withSourceDestCheck(bool()));
                    yield instance;
                }
                case "groupSet" -> {
                    NetworkInterface eni = primary(tx, instance);
                    List<String> ids = groups != null ? groups : value == null ? List.of() : List.of(value);
                    List<String> resolved = InstanceLauncher.groupsFor(tx, ids, List.of(), instance.vpcId());
                    if (resolved.isEmpty()) {
                        throw Ec2Errors.missing("GroupId.1");
                    }
                    tx.put(eni.withGroups(resolved));
                    yield instance;
                }
                case "blockDeviceMapping" -> {
                    if (devices == null) {
                        throw Ec2Errors.missing("BlockDeviceMapping.1.DeviceName");
                    }
                    yield changeDeleteOnTermination(tx, instance, devices);
                }
                case "kernel", "ramdisk", "sriovNetSupport", "enaSupport" -> throw Ec2Errors.invalidCombination(
                        "The attribute '" + attribute + "' cannot be changed: LocalVPC's HVM images fix it.");
                default -> throw Ec2Errors.invalidValue(
                        "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
            };
        }

        private boolean bool() {
            if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                throw Ec2Errors.invalidValue("Value (" + value + ") for parameter value is invalid. Expected: true or false.");
            }
            return Boolean.parseBoolean(value);
        }
    }

    private static Instance stopped(Instance instance) {
        if (!instance.state().equals("stopped")) {
            throw AwsException.badRequest("IncorrectInstanceState",
                    "The instance '" + instance.id() + "' is not in the 'stopped' state.");
        }
        return instance;
    }

    private static Instance changeType(Instance instance, String typeName) {
        InstanceTypes.Spec type = InstanceTypes.find(typeName).orElseThrow(() -> AwsException.badRequest(
                "InvalidInstanceAttributeValue", "The instanceType '" + typeName + "' is invalid."));
        String architecture = InstanceTypes.find(instance.instanceType()).map(InstanceTypes.Spec::architecture).orElse(null);
        if (!type.architecture().equals(architecture)) {
            throw Ec2Errors.invalidValue("The instance type '" + typeName + "' does not support the architecture '"
                    + architecture + "' of the instance's AMI.");
        }
        String credits = !type.burstable() ? null
                : instance.settings().cpuCredits() != null ? instance.settings().cpuCredits() : type.defaultCpuCredits();
        return instance.withInstanceType(typeName).withSettings(instance.settings().withCpuCredits(credits));
    }

    private static Instance changeDeleteOnTermination(Tx tx, Instance instance, List<BlockDeviceMapping> mappings) {
        List<Instance.BlockDevice> devices = new ArrayList<>(instance.blockDevices());
        for (BlockDeviceMapping mapping : mappings) {
            int index = indexOf(devices, mapping.deviceName());
            if (index < 0) {
                throw Ec2Errors.invalidValue("The device '" + mapping.deviceName() + "' is not attached to instance '"
                        + instance.id() + "'.");
            }
            Boolean wanted = mapping.ebs() == null ? null : mapping.ebs().deleteOnTermination();
            if (wanted == null) {
                continue;
            }
            Instance.BlockDevice device = devices.get(index);
            devices.set(index, new Instance.BlockDevice(device.deviceName(), device.volumeId(), wanted, device.attachTime()));
            tx.find(Volume.class, device.volumeId()).filter(v -> v.attachment() != null).ifPresent(v -> tx.put(new Volume(
                    v.id(), v.ownerId(), v.sizeGiB(), v.volumeType(), v.iops(), v.throughput(), v.encrypted(),
                    v.snapshotId(), v.availabilityZone(), v.createTime(), new Volume.Attachment(v.attachment().instanceId(),
                    v.attachment().device(), wanted, v.attachment().attachTime()))));
        }
        return instance.withBlockDevices(devices);
    }

    private static int indexOf(List<Instance.BlockDevice> devices, String name) {
        for (int i = 0; i < devices.size(); i++) {
            if (devices.get(i).deviceName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    DescribeInstanceCreditSpecificationsResponse describeInstanceCreditSpecifications(
            RequestContext ctx, DescribeInstanceCreditSpecificationsRequest request) {
        Pages.refuseIdsWithMaxResults(request.instanceIds(), request.maxResults(), "instanceIds");
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<Instance> selected = InstanceService.select(state, request.instanceIds());
        List<Instance> burstable = new ArrayList<>();
        for (Instance instance : selected) {
            if (instance.settings().cpuCredits() != null && !instance.state().equals("terminated")) {
                burstable.add(instance);
            } else if (!request.instanceIds().isEmpty() && instance.settings().cpuCredits() == null) {
                throw CreditSpecifications.notBurstable(instance.id(), instance.instanceType());
            }
        }
        Filters<Instance> filters = Filters.forResource(Instance::id).on("instance-id", Instance::id);
        Pages<Instance> page = Pages.of(filters.apply(burstable, request.filters(), state),
                request.maxResults(), request.nextToken());
        return DescribeInstanceCreditSpecificationsResponse.builder()
                .instanceCreditSpecifications(page.items().stream()
                        .map(i -> InstanceCreditSpecification.builder()
                                .instanceId(i.id())
                                .cpuCredits(i.settings().cpuCredits())
                                .build())
                        .toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** Each instance succeeds or fails on its own, as EC2 reports it. */
    ModifyInstanceCreditSpecificationResponse modifyInstanceCreditSpecification(
            RequestContext ctx, ModifyInstanceCreditSpecificationRequest request) {
        if (request.instanceCreditSpecifications().isEmpty()) {
            throw Ec2Errors.missing("InstanceCreditSpecification.1");
        }
        for (InstanceCreditSpecificationRequest item : request.instanceCreditSpecifications()) {
            CreditSpecifications.checked(item.cpuCredits() == null ? "" : item.cpuCredits());
        }
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            var response = ModifyInstanceCreditSpecificationResponse.builder();
            List<SuccessfulInstanceCreditSpecificationItem> done = new ArrayList<>();
            List<UnsuccessfulInstanceCreditSpecificationItem> failed = new ArrayList<>();
            for (InstanceCreditSpecificationRequest item : request.instanceCreditSpecifications()) {
                Instance instance = tx.find(Instance.class, item.instanceId()).orElse(null);
                if (instance == null || instance.state().equals("terminated")) {
                    failed.add(failure(item.instanceId(), UnsuccessfulInstanceCreditSpecificationErrorCode.INVALID_INSTANCE_ID_NOT_FOUND,
                            "The instance ID '" + item.instanceId() + "' does not exist"));
                } else if (instance.settings().cpuCredits() == null) {
                    failed.add(failure(item.instanceId(), UnsuccessfulInstanceCreditSpecificationErrorCode.INSTANCE_CREDIT_SPECIFICATION_NOT_SUPPORTED,
                            "The instance type " + instance.instanceType() + " does not support CPU credits."));
                } else {
                    tx.put(instance.withSettings(instance.settings().withCpuCredits(item.cpuCredits())));
                    done.add(SuccessfulInstanceCreditSpecificationItem.builder().instanceId(instance.id()).build());
                }
            }
            return response.successfulInstanceCreditSpecifications(done)
                    .unsuccessfulInstanceCreditSpecifications(failed)
                    .build();
        });
    }

    MonitorInstancesResponse monitorInstances(RequestContext ctx, MonitorInstancesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return MonitorInstancesResponse.builder()
                .instanceMonitorings(setMonitoring(ctx, request.instanceIds(), true))
                .build();
    }

    UnmonitorInstancesResponse unmonitorInstances(RequestContext ctx, UnmonitorInstancesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return UnmonitorInstancesResponse.builder()
                .instanceMonitorings(setMonitoring(ctx, request.instanceIds(), false))
                .build();
    }

    /** Detailed monitoring on or off; AWS answers with the transitional state of the change. */
    private List<InstanceMonitoring> setMonitoring(RequestContext ctx, List<String> ids, boolean on) {
        if (ids.isEmpty()) {
            throw Ec2Errors.missing("InstanceId");
        }
        return cloud.write(ctx, tx -> {
            List<InstanceMonitoring> result = new ArrayList<>();
            for (Instance instance : InstanceService.select(tx, ids)) {
                if (instance.state().equals("terminated") || instance.state().equals("shutting-down")) {
                    throw AwsException.badRequest("IncorrectInstanceState", "The instance '" + instance.id()
                            + "' is not in a state from which its monitoring can be changed.");
                }
                tx.put(instance.withSettings(instance.settings().withMonitoring(on)));
                result.add(InstanceMonitoring.builder()
                        .instanceId(instance.id())
                        .monitoring(Monitoring.builder().state(on ? "pending" : "disabling").build())
                        .build());
            }
            return result;
        });
    }

    private static UnsuccessfulInstanceCreditSpecificationItem failure(
            String instanceId, UnsuccessfulInstanceCreditSpecificationErrorCode code, String message) {
        return UnsuccessfulInstanceCreditSpecificationItem.builder()
                .instanceId(instanceId)
                .error(UnsuccessfulInstanceCreditSpecificationItemError.builder().code(code).message(message).build())
                .build();
    }

    private static Instance one(StateView state, String id) {
        return InstanceService.select(state, List.of(id)).get(0);
    }

    private static NetworkInterface primary(StateView state, Instance instance) {
        return state.find(NetworkInterface.class, instance.primaryNetworkInterfaceId())
                .orElseThrow(() -> AwsException.badRequest("IncorrectInstanceState",
                        "The instance '" + instance.id() + "' has no network interface."));
    }

    private static AttributeValue value(String value) {
        return AttributeValue.builder().value(value).build();
    }

    private static AttributeBooleanValue bool(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }
}
