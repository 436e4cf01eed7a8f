package io.localvpc.service.ssm.session;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.dataplane.shell.Shell;
import io.localvpc.http.MessageSocket;
import io.localvpc.model.Cloud;
import io.localvpc.model.Region;
import io.localvpc.model.RegionState;
import io.localvpc.model.ec2.Instance;
import io.localvpc.model.ssm.SsmSession;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.Ids;
import io.localvpc.service.ssm.SsmErrors;
import io.localvpc.service.ssm.SsmPages;
import io.localvpc.service.ssm.instances.ManagedInstances;
import io.localvpc.service.ssm.session.channel.DataChannel;
import io.localvpc.time.SimClock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ssm.model.DescribeSessionsRequest;
import software.amazon.awssdk.services.ssm.model.DescribeSessionsResponse;
import software.amazon.awssdk.services.ssm.model.ResumeSessionRequest;
import software.amazon.awssdk.services.ssm.model.ResumeSessionResponse;
import software.amazon.awssdk.services.ssm.model.Session;
import software.amazon.awssdk.services.ssm.model.SessionFilter;
import software.amazon.awssdk.services.ssm.model.StartSessionRequest;
import software.amazon.awssdk.services.ssm.model.StartSessionResponse;
import software.amazon.awssdk.services.ssm.model.TerminateSessionRequest;
import software.amazon.awssdk.services.ssm.model.TerminateSessionResponse;

/**
 * Session Manager: StartSession, ResumeSession, TerminateSession and DescribeSessions, plus the
 * WebSocket door ({@link #sockets()}, under {@value #DATA_CHANNEL_PATH}) that the
 * session-manager-plugin opens the returned StreamUrl on. A session can start only on an
 * instance whose SSM agent is online ({@link ManagedInstances}). Sessions are recorded in the region's
 * model (their history survives a restart); their channels live in {@link LiveSessions}.
 */
public final class SessionService implements AutoCloseable {
    /** The path StreamUrls point at; the session id follows it. */
    public static final String DATA_CHANNEL_PATH = LiveSessions.PATH_PREFIX;
    private static final int MAX_RESULTS = 200;
    private static final int DEFAULT_RESULTS = 20;

    private final CloudAccess access;
    private final ManagedInstances fleet;
    private final SimClock clock;
    private final InstanceShells shells;
    private final LiveSessions live;

    public SessionService(CloudAccess access, ManagedInstances fleet, SimClock clock, Shell shell) {
        this.access = access;
        this.fleet = fleet;
        this.clock = clock;
        this.shells = new InstanceShells(clock, fleet.agents(), shell);
        this.live = new LiveSessions(this::endIfTargetGone);
        access.cloud().onDue(SsmSession.class, this::expire);
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes()
                .on(StartSessionRequest.class, this::startSession)
                .on(ResumeSessionRequest.class, this::resumeSession)
                .on(TerminateSessionRequest.class, this::terminateSession)
                .on(DescribeSessionsRequest.class, this::describeSessions);
    }

    /** Where the data channels' WebSockets are handed to. */
    public MessageSocket.Router sockets() {
        return live;
    }

    StartSessionResponse startSession(RequestContext ctx, StartSessionRequest request) {
        String target = request.target();
        SessionDocuments.Plan plan = SessionDocuments.plan(request.documentName(),
                request.hasParameters() ? request.parameters() : Map.of());
        // Finding the target online registers its agent, as any SSM request that meets it does.
        Instance instance = fleet.find(ctx, target)
                .filter(ManagedInstances.Managed::online)
                .map(ManagedInstances.Managed::instance)
                .orElseThrow(() -> AwsException.badRequest("TargetNotConnected", target + " is not connected."));
        // Every caller is its account's root user (as GetCallerIdentity answers), and AWS starts a
        // session id with the caller's name.
        SsmSession session = new SsmSession(Ids.ec2("root"), target, plan.documentName(),
                request.hasParameters() ? request.parameters() : Map.of(), "arn:aws:iam::" + ctx.accountId() + ":root",
                request.reason(), SsmSession.CONNECTING, ctx.now(), null, null, null, ctx.now());
        DataChannel channel = new DataChannel(session.id(), target,
                shells.agentFor(ctx.accountId(), ctx.region(), instance, plan),
                new Record(ctx.accountId(), ctx.region(), session.id()), clock::now);
        access.write(ctx, tx -> {
            tx.put(session);
            return null;
        });
        String token = live.add(channel, ctx.accountId(), ctx.region());
        return StartSessionResponse.builder()
                .sessionId(session.id())
                .tokenValue(token)
                .streamUrl(streamUrl(ctx, session.id()))
                .build();
    }

    /**
     * A new token for a session whose channel is alive (the plugin reconnects with it); for one that
     * has ended, the session id alone, which the plugin reports as timed out.
     */
    ResumeSessionResponse resumeSession(RequestContext ctx, ResumeSessionRequest request) {
        SsmSession session = require(ctx, request.sessionId());
        return (session.ended() ? java.util.Optional.<String>empty() : live.renewToken(session.id()))
                .map(token -> ResumeSessionResponse.builder().sessionId(session.id()).tokenValue(token)
                        .streamUrl(streamUrl(ctx, session.id())).build())
                .orElseGet(() -> ResumeSessionResponse.builder().sessionId(session.id()).build());
    }

    /** Ends the session; a connected plugin is told with channel_closed. Ending an ended session is no error. */
    TerminateSessionResponse terminateSession(RequestContext ctx, TerminateSessionRequest request) {
        SsmSession session = require(ctx, request.sessionId());
        live.find(session.id()).ifPresentOrElse(
                l -> l.channel.close("TerminateSession"),
                () -> record(ctx.accountId(), ctx.region(), session.id(), s -> s.terminated(ctx.now(), "TerminateSession")));
        return TerminateSessionResponse.builder().sessionId(session.id()).build();
    }

    DescribeSessionsResponse describeSessions(RequestContext ctx, DescribeSessionsRequest request) {
        String state = request.stateAsString();
        if (!"Active".equals(state) && !"History".equals(state)) {
            throw SsmErrors.constraint(state, "state", "Member must satisfy enum value set: [Active, History]");
        }
        Predicate<SsmSession> wanted = s -> s.ended() == state.equals("History");
        for (SessionFilter filter : request.hasFilters() ? request.filters() : List.<SessionFilter>of()) {
            wanted = wanted.and(matching(filter));
        }
        List<SsmSession> sessions = access.read(ctx).all(SsmSession.class).stream()
                .filter(wanted)
                .sorted(Comparator.comparing(SsmSession::startDate).reversed().thenComparing(SsmSession::id))
                .toList();
        var page = SsmPages.of(sessions, request.maxResults(), DEFAULT_RESULTS, MAX_RESULTS, request.nextToken());
        return DescribeSessionsResponse.builder()
                .sessions(page.items().stream().map(SessionService::toSdk).toList())
                .nextToken(page.nextToken())
                .build();
    }

    private static Predicate<SsmSession> matching(SessionFilter filter) {
        String key = filter.keyAsString();
        String value = filter.value();
        return switch (key == null ? "" : key) {
            case "InvokedAfter" -> s -> !s.startDate().isBefore(date(value));
            case "InvokedBefore" -> s -> s.startDate().isBefore(date(value));
            case "Target" -> s -> s.target().equals(value);
            case "Owner" -> s -> s.owner().equals(value);
            case "Status" -> s -> s.status().equals(value);
            case "SessionId" -> s -> s.id().equals(value);
            case "AccessType" -> s -> "Standard".equals(value);
            default -> throw SsmErrors.constraint(key, "filters.1.member.key", "Member must satisfy enum value set:"
                    + " [Status, Owner, InvokedBefore, InvokedAfter, Target, SessionId, AccessType]");
        };
    }

    private static Instant date(String value) {
        try {
            return Instant.parse(value.length() == 10 ? value + "T00:00:00Z" : value);
        } catch (DateTimeParseException e) {
            throw AwsException.badRequest("InvalidFilterValue", "The filter value " + value
                    + " is not valid. Use a date in the format yyyy-MM-dd'T'HH:mm:ss'Z'.");
        }
    }

    private static Session toSdk(SsmSession s) {
        return Session.builder()
                .sessionId(s.id())
                .target(s.target())
                .status(s.status())
                .startDate(s.startDate())
                .endDate(s.endDate())
                .documentName(s.documentName())
                .owner(s.owner())
                .reason(s.reason())
                .details(s.details())
                .maxSessionDuration(s.maxSessionDuration())
                .accessType("Standard")
                .build();
    }

    private SsmSession require(RequestContext ctx, String sessionId) {
        return access.read(ctx).find(SsmSession.class, sessionId)
                .orElseThrow(() -> AwsException.badRequest("DoesNotExistException",
                        "Session with id " + sessionId + " does not exist."));
    }

    /**
     * {@code ws://} on the Host the client used for this call: the plugin dials the URL verbatim,
     * and the host that reached us once reaches us again ({@code localhost} or {@code 127.0.0.1}).
     */
    private static String streamUrl(RequestContext ctx, String sessionId) {
        String host = ctx.host() == null ? "127.0.0.1" : ctx.host();
        return "ws://" + host + DATA_CHANNEL_PATH + sessionId + "?role=publish_subscribe&cell-number=1";
    }

    /** A live session ends when its instance stops or is terminated under it. */
    private void endIfTargetGone(LiveSessions.Live session) {
        if (session.channel.isClosed()) {
            return;
        }
        Instant now = clock.now();
        RegionState state = access.cloud().region(session.accountId, session.region, now).read(now);
        boolean running = state.find(Instance.class, session.channel.target())
                .filter(i -> "running".equals(i.state()))
                .isPresent();
        if (!running) {
            session.channel.close("the instance is no longer running");
        }
    }

    /**
     * A session no client has held for {@link SsmSession#CLIENT_TIMEOUT} of simulated time ends. Its
     * channel (if one is still registered) is closed from the timer thread, not from inside the
     * region's write: a channel calls into the region while holding its own lock, never the reverse.
     */
    private void expire(io.localvpc.model.Tx tx, SsmSession session) {
        String why = "no client connected for " + SsmSession.CLIENT_TIMEOUT.toMinutes() + " minutes";
        tx.put(session.terminated(tx.now(), why));
        tx.onCommit(() -> live.closeLater(session.id(), why));
    }

    /**
     * Sessions recorded as active when LocalVPC starts had their channels in a process that is
     * gone: they are terminated, as AWS ends a session whose client never came back.
     */
    public void endOrphans() {
        Instant now = clock.now();
        for (Cloud.Key key : access.cloud().snapshot().keySet()) {
            Region region = access.cloud().region(key.accountId(), key.region(), now);
            if (region.read(now).all(SsmSession.class).stream().anyMatch(s -> !s.ended())) {
                region.write(now, tx -> {
                    tx.all(SsmSession.class).stream().filter(s -> !s.ended()).toList()
                            .forEach(s -> tx.put(s.terminated(now, "LocalVPC restarted")));
                    return null;
                });
            }
        }
    }

    /** Changes a session's record, unless it has ended already (an ended session's record is final). */
    private void record(String accountId, String region, String sessionId, java.util.function.UnaryOperator<SsmSession> change) {
        Instant now = clock.now();
        access.cloud().region(accountId, region, now).write(now, tx -> {
            tx.find(SsmSession.class, sessionId).filter(s -> !s.ended()).ifPresent(s -> tx.put(change.apply(s)));
            return null;
        });
    }

    /** Keeps a session's record in step with its channel. */
    private final class Record implements DataChannel.Events {
        private final String accountId;
        private final String region;
        private final String sessionId;

        Record(String accountId, String region, String sessionId) {
            this.accountId = accountId;
            this.region = region;
            this.sessionId = sessionId;
        }

        @Override
        public void connected() {
            record(accountId, region, sessionId, s -> s.withStatus(SsmSession.CONNECTED, clock.now()));
        }

        @Override
        public void disconnected() {
            record(accountId, region, sessionId, s -> s.withStatus(SsmSession.DISCONNECTED, clock.now()));
        }

        @Override
        public void closed(String why) {
            live.remove(sessionId);
            record(accountId, region, sessionId, s -> s.terminated(clock.now(), why));
        }
    }

    /** Ends every live session (their records say so) and stops the retransmission timer. */
    @Override
    public void close() {
        live.close();
    }
}
