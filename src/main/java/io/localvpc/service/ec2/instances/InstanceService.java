package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.RegionState;
import io.localvpc.model.StateView;
import io.localvpc.model.Tx;
import io.localvpc.model.ec2.Instance;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Ec2Errors;
import io.localvpc.service.ec2.Ec2Requests;
import io.localvpc.service.ec2.Filters;
import io.localvpc.service.ec2.Pages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusDetails;
import software.amazon.awssdk.services.ec2.model.InstanceStatusSummary;
import software.amazon.awssdk.services.ec2.model.RebootInstancesRequest;
import software.amazon.awssdk.services.ec2.model.RebootInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesResponse;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesResponse;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesRequest;
import software.amazon.awssdk.services.ec2.model.TerminateInstancesResponse;

/** Instances: launch, describe, and the start / stop / reboot / terminate state machine. */
public final class InstanceService {
    private final CloudAccess cloud;
    private final InstanceLifecycle lifecycle;
    private final InstanceLauncher launcher;

    public InstanceService(CloudAccess cloud, InstanceLifecycle lifecycle) {
        this.cloud = cloud;
        this.lifecycle = lifecycle;
        this.launcher = new InstanceLauncher(cloud, lifecycle);
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(RunInstancesRequest.class, launcher::run)
                .on(DescribeInstancesRequest.class, this::describeInstances)
                .on(StopInstancesRequest.class, this::stopInstances)
                .on(StartInstancesRequest.class, this::startInstances)
                .on(RebootInstancesRequest.class, this::rebootInstances)
                .on(TerminateInstancesRequest.class, this::terminateInstances)
                .on(DescribeInstanceStatusRequest.class, this::describeInstanceStatus);
    }

    DescribeInstancesResponse describeInstances(RequestContext ctx, DescribeInstancesRequest request) {
        Pages.refuseIdsWithMaxResults(request.instanceIds(), request.maxResults(), "instanceIds");
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        List<Instance> matching = InstanceFilters.over(state, ctx.region())
                .apply(select(state, request.instanceIds()), request.filters(), state);
        // AWS pages whole reservations, not instances.
        Map<String, List<Instance>> reservations = new LinkedHashMap<>();
        matching.forEach(i -> reservations.computeIfAbsent(i.reservationId(), r -> new ArrayList<>()).add(i));
        Pages<List<Instance>> page = Pages.of(List.copyOf(reservations.values()), request.maxResults(), request.nextToken());
        List<Reservation> shown = page.items().stream()
                .map(instances -> InstanceView.reservation(state, instances, ctx.region(), ctx.now()))
                .toList();
        return DescribeInstancesResponse.builder().reservations(shown).nextToken(page.nextToken()).build();
    }

    /** The instances an id list names (all when empty); malformed or unknown ids fail the call. */
    static List<Instance> select(StateView state, List<String> ids) {
        for (String id : ids) {
            if (id == null || !id.matches("i-([0-9a-f]{8}|[0-9a-f]{17})")) {
                throw AwsException.badRequest("InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\"");
            }
        }
        return Ec2Requests.selectByIds(state, Instance.class, ids, Ec2Errors::instanceNotFound);
    }

    private static List<Instance> required(Tx tx, List<String> ids) {
        if (ids.isEmpty()) {
            throw Ec2Errors.missing("InstanceId");
        }
        return select(tx, ids);
    }

    StopInstancesResponse stopInstances(RequestContext ctx, StopInstancesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> StopInstancesResponse.builder()
                .stoppingInstances(change(tx, request.instanceIds(), (t, i) -> switch (i.state()) {
                    case "stopping", "stopped" -> i;
                    case "running" -> {
                        if (i.settings().disableApiStop()) {
                            throw AwsException.badRequest("OperationNotPermitted", "The instance '" + i.id()
                                    + "' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.");
                        }
                        yield lifecycle.stop(t, i);
                    }
                    default -> throw incorrectState(i, "stopped");
                }))
                .build());
    }

    StartInstancesResponse startInstances(RequestContext ctx, StartInstancesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> StartInstancesResponse.builder()
                .startingInstances(change(tx, request.instanceIds(), (t, i) -> switch (i.state()) {
                    case "pending", "running" -> i;
                    case "stopped" -> lifecycle.start(t, i);
                    default -> throw incorrectState(i, "started");
                }))
                .build());
    }

    TerminateInstancesResponse terminateInstances(RequestContext ctx, TerminateInstancesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> TerminateInstancesResponse.builder()
                .terminatingInstances(change(tx, request.instanceIds(), (t, i) -> switch (i.state()) {
                    case "shutting-down", "terminated" -> i;
                    default -> {
                        if (i.settings().disableApiTermination()) {
                            throw AwsException.badRequest("OperationNotPermitted", "The instance '" + i.id()
                                    + "' may not be terminated. Modify its 'disableApiTermination' instance attribute and try again.");
                        }
                        yield lifecycle.terminate(t, i);
                    }
                }))
                .build());
    }

    RebootInstancesResponse rebootInstances(RequestContext ctx, RebootInstancesRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            for (Instance instance : required(tx, request.instanceIds())) {
                if (!instance.state().equals("running") && !instance.state().equals("pending")) {
                    throw incorrectState(instance, "rebooted");
                }
            }
            // A reboot keeps the instance running: no state AWS shows changes.
            return RebootInstancesResponse.builder().build();
        });
    }

    /** Applies a transition to every named instance, all or nothing, reporting previous and current states. */
    private static List<InstanceStateChange> change(Tx tx, List<String> ids, BiFunction<Tx, Instance, Instance> transition) {
        List<InstanceStateChange> changes = new ArrayList<>();
        for (Instance before : required(tx, ids)) {
            Instance after = transition.apply(tx, before);
            changes.add(InstanceStateChange.builder()
                    .instanceId(before.id())
                    .previousState(InstanceView.state(before.state()))
                    .currentState(InstanceView.state(after.state()))
                    .build());
        }
        return changes;
    }

    private static AwsException incorrectState(Instance instance, String verb) {
        return AwsException.badRequest("IncorrectInstanceState",
                "This instance '" + instance.id() + "' is not in a state from which it can be " + verb + ".");
    }

    private static final Filters<Instance> STATUS_FILTERS = Filters.forResource(Instance::id)
            .on("availability-zone", Instance::availabilityZone)
            .on("instance-state-name", Instance::state)
            .on("instance-state-code", Instance::stateCode)
            .on("instance-status.status", i -> statusOf(i))
            .on("instance-status.reachability", i -> reachabilityOf(i))
            .on("system-status.status", i -> statusOf(i))
            .on("system-status.reachability", i -> reachabilityOf(i));

    DescribeInstanceStatusResponse describeInstanceStatus(RequestContext ctx, DescribeInstanceStatusRequest request) {
        Pages.refuseIdsWithMaxResults(request.instanceIds(), request.maxResults(), "instanceIds");
        Ec2Requests.checkDryRun(request.dryRun());
        RegionState state = cloud.read(ctx);
        boolean all = Boolean.TRUE.equals(request.includeAllInstances());
        List<Instance> selected = select(state, request.instanceIds()).stream()
                .filter(i -> all || i.state().equals("running"))
                .toList();
        Pages<Instance> page = Pages.of(STATUS_FILTERS.apply(selected, request.filters(), state),
                request.maxResults(), request.nextToken());
        return DescribeInstanceStatusResponse.builder()
                .instanceStatuses(page.items().stream().map(InstanceService::status).toList())
                .nextToken(page.nextToken())
                .build();
    }

    /** Status checks pass once an instance runs; they start out initializing, as on AWS. */
    private static String statusOf(Instance instance) {
        return switch (instance.state()) {
            case "running" -> "ok";
            case "pending" -> "initializing";
            default -> "not-applicable";
        };
    }

    private static String reachabilityOf(Instance instance) {
        return switch (instance.state()) {
            case "running" -> "passed";
            case "pending" -> "initializing";
            default -> null;
        };
    }

    private static InstanceStatus status(Instance instance) {
        String reachability = reachabilityOf(instance);
        InstanceStatusSummary summary = InstanceStatusSummary.builder()
                .status(statusOf(instance))
                .details(reachability == null ? List.of()
                        : List.of(InstanceStatusDetails.builder().name("reachability").status(reachability).build()))
                .build();
        return InstanceStatus.builder()
                .instanceId(instance.id())
                .availabilityZone(instance.availabilityZone())
                .instanceState(InstanceView.state(instance.state()))
                .instanceStatus(summary)
                .systemStatus(summary)
                .events(List.of())
                .build();
    }
}
