package io.localvpc.service.ssm.agent;

import io.localvpc.dataplane.HostView;
import io.localvpc.dataplane.Network;
import io.localvpc.dataplane.Probe;
import io.localvpc.dataplane.ProbeResult;
import io.localvpc.dataplane.Trace;
import io.localvpc.dataplane.shell.Session;
import io.localvpc.model.Cloud;
import io.localvpc.model.StateView;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.iam.InstanceProfile;
import io.localvpc.service.iam.IamPermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The SSM agent of every simulated instance, judged the way the real one lives or dies: it runs on
 * a running instance, signs its calls with the instance profile's role, and must open HTTPS
 * connections to the region's {@code ssm}, {@code ssmmessages} and {@code ec2messages} endpoints.
 * Nothing is cached: each question walks the current network, so removing the route to the NAT
 * gateway takes the agent offline at once, and restoring it brings the agent back.
 */
public final class SsmAgents {
    /**
     * The agent's version, as DescribeInstanceInformation and the session handshake report it: a
     * real release of the 3.3 line; the AMIs ship it, newer ones exist, so it is not the latest.
     */
    public static final String AGENT_VERSION = "3.3.40.0";
    /** What {@code AmazonSSMManagedInstanceCore} grants and the agent needs to register and serve sessions. */
    public static final List<String> CORE_ACTIONS = List.of(
            "ssm:UpdateInstanceInformation",
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel",
            "ec2messages:GetMessages",
            "ec2messages:AcknowledgeMessage",
            "ec2messages:SendReply");
    /** The endpoints the agent polls, as prefixes of {@code <service>.<region>.amazonaws.com}. */
    public static final List<String> ENDPOINT_SERVICES = List.of("ssm", "ssmmessages", "ec2messages");

    private final Cloud cloud;
    private final Supplier<Network> network;

    public SsmAgents(Cloud cloud, Supplier<Network> network) {
        this.cloud = cloud;
        this.network = network;
    }

    /** The agent of {@code instance} (read from {@code region}'s state at {@code now}) as of now. */
    public AgentPresence presence(String accountId, String region, Instance instance, Instant now) {
        List<String> problems = new ArrayList<>();
        if (!"running".equals(instance.state())) {
            problems.add("the instance is " + instance.state());
        }
        StateView account = cloud.global(accountId, now).read(now);
        String roleName = roleOf(account, instance);
        if (instance.iamInstanceProfile() == null) {
            problems.add("the instance has no IAM instance profile");
        } else if (roleName == null) {
            problems.add("the instance profile holds no role");
        } else {
            for (String action : CORE_ACTIONS) {
                if (!IamPermissions.roleAllows(account, roleName, action)) {
                    problems.add("role " + roleName + " does not allow " + action
                            + " (attach arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore)");
                    break;
                }
            }
        }
        Network net = network.get();
        Optional<HostView> host = net == null ? Optional.empty() : net.host(accountId, region, instance.id());
        if (problems.isEmpty()) {
            problems.addAll(net == null ? List.of("no simulated network is attached")
                    : host.map(h -> unreachableEndpoints(new Session(net, accountId, region, h, now), region))
                            .orElse(List.of("the instance is not on the simulated network")));
        }
        return new AgentPresence(instance, roleName, host.map(HostView::hostname).orElse(null), problems.isEmpty(),
                problems);
    }

    /**
     * A shell session on the instance at {@code at}, while it is on the simulated network: where
     * Run Command's scripts run, and where {@code host()} tells its hostname.
     */
    public Optional<Session> session(String accountId, String region, String instanceId, Instant at) {
        Network net = network.get();
        return net == null ? Optional.empty()
                : net.host(accountId, region, instanceId).map(host -> new Session(net, accountId, region, host, at));
    }

    private static String roleOf(StateView account, Instance instance) {
        if (instance.iamInstanceProfile() == null) {
            return null;
        }
        String arn = instance.iamInstanceProfile().arn();
        String profileName = arn.substring(arn.lastIndexOf('/') + 1);
        return account.find(InstanceProfile.class, profileName)
                .flatMap(p -> p.roleNames().stream().findFirst())
                .orElse(null);
    }

    /** What keeps {@code session}'s host from the agent's endpoints: a name that does not resolve, a path that does not answer. */
    private static List<String> unreachableEndpoints(Session session, String region) {
        List<String> problems = new ArrayList<>();
        for (String service : ENDPOINT_SERVICES) {
            String name = service + "." + region + ".amazonaws.com";
            Session.Lookup lookup = session.lookup(name);
            if (!(lookup instanceof Session.Lookup.Found found)) {
                problems.add("cannot resolve " + name + (lookup instanceof Session.Lookup.NoServer
                        ? " (the VPC has DNS support turned off)" : ""));
                continue;
            }
            ProbeResult result = session.probe(Probe.tcp(found.address(), 443));
            if (result.outcome() != ProbeResult.Outcome.ANSWERED) {
                Trace.Explanation why = result.trace() == null ? null : result.trace().explanation();
                String stop = why == null ? result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                        : why.message() + (why.resourceId() == null ? "" : " at " + why.resourceId());
                problems.add("no HTTPS path to " + name + " (" + found.address() + "): " + stop);
            }
        }
        return problems;
    }
}
