package io.localvpc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.localvpc.control.ControlApi;
import io.localvpc.control.ExecEndpoint;
import io.localvpc.dataplane.Network;
import io.localvpc.dataplane.engine.PacketEngine;
import io.localvpc.dataplane.shell.Shell;
import io.localvpc.dataplane.trace.Tracer;
import io.localvpc.http.HttpFrontDoor;
import io.localvpc.model.Cloud;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Ec2Api;
import io.localvpc.service.iam.IamApi;
import io.localvpc.service.ssm.SsmApi;
import io.localvpc.service.ssm.agent.SsmAgents;
import io.localvpc.service.ssm.instances.ManagedInstances;
import io.localvpc.service.ssm.session.SessionService;
import io.localvpc.service.sts.StsApi;
import io.localvpc.store.FileStore;
import io.localvpc.store.Json;
import io.localvpc.store.MemoryStore;
import io.localvpc.store.Store;
import io.localvpc.wire.AwsGateway;
import io.localvpc.wire.AwsHttpRequest;
import io.localvpc.wire.AwsHttpResponse;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running LocalVPC: the store, the cloud model restored from it, the AWS services, and the
 * HTTP front door. Everything is wired here and nowhere else.
 */
public final class LocalVpc implements AutoCloseable {
    private static final Logger ACCESS = LoggerFactory.getLogger("localvpc.access");
    public static final String VERSION = "0.1.0";

    private final LocalVpcConfig config;
    private final Store store;
    private final Cloud cloud;
    private final AwsGateway gateway;
    private final ControlApi control;
    private final HttpFrontDoor http;
    private final PacketEngine engine;
    private final SessionService sessions;
    /** What instance shells run on: the engine, unless a test attached a scripted network. */
    private volatile Network network;

    private LocalVpc(LocalVpcConfig config) {
        this.config = config;
        ObjectMapper mapper = Json.mapper();
        this.store = config.dataDir() == null ? new MemoryStore() : new FileStore(config.dataDir());
        this.cloud = new Cloud(store);
        CloudAccess access = new CloudAccess(cloud, config.timings(), config.quotas());
        this.engine = new PacketEngine(cloud, config.clock());
        this.network = engine;
        SsmAgents agents = new SsmAgents(cloud, this::network);
        ManagedInstances fleet = new ManagedInstances(access, agents);
        this.sessions = new SessionService(access, fleet, config.clock(), Shell.standard());
        this.gateway = new AwsGateway(List.of(
                Ec2Api.create(access), IamApi.create(access), StsApi.create(access), SsmApi.create(access, fleet, sessions)),
                config.clock(), mapper);
        store.load().forEach(cloud::restore);
        sessions.endOrphans();
        ExecEndpoint exec = new ExecEndpoint(mapper, config.clock(), cloud, this::network, Shell.standard());
        this.control = new ControlApi(mapper, config.clock(), gateway.serviceNames(), VERSION, new Tracer(engine), exec);
        this.http = new HttpFrontDoor(config.host(), config.port(), this::route,
                SessionService.DATA_CHANNEL_PATH, sessions.sockets());
    }

    public static LocalVpc start(LocalVpcConfig config) {
        LocalVpc localVpc = new LocalVpc(config);
        try {
            localVpc.http.start();
        } catch (RuntimeException e) {
            localVpc.sessions.close();
            localVpc.store.close();
            throw e;
        }
        return localVpc;
    }

    private AwsHttpResponse route(AwsHttpRequest request) {
        long started = System.nanoTime();
        if (request.path().startsWith(ControlApi.PREFIX)) {
            AwsHttpResponse response = control.handle(request);
            log("localvpc", request.method() + " " + request.path(), response.status(), started);
            return response;
        }
        AwsGateway.Outcome outcome = gateway.handle(request);
        log(outcome.service(), outcome.action() == null ? "-" : outcome.action(), outcome.response().status(), started);
        return outcome.response();
    }

    private static void log(String service, String action, int status, long startedNanos) {
        if (ACCESS.isInfoEnabled()) {
            long tenthsOfMs = (System.nanoTime() - startedNanos) / 100_000;
            ACCESS.info("{} {} {} {}.{}ms", service, action, status, tenthsOfMs / 10, tenthsOfMs % 10);
        }
    }

    public int port() {
        return http.port();
    }

    public URI endpoint() {
        return URI.create("http://" + config.host() + ":" + port());
    }

    public Cloud cloud() {
        return cloud;
    }

    /** The packet engine: the simulated network behind the APIs, and what traces walk. */
    public PacketEngine engine() {
        return engine;
    }

    /** What instance shells run on (the engine unless replaced). */
    public Network network() {
        return network;
    }

    /** Replaces the network instance shells run on (tests put a scripted one here). */
    public void attachNetwork(Network engine) {
        this.network = engine;
    }

    public LocalVpcConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            sessions.close(); // plugins still connected are told the session ended
            http.close();
        } finally {
            store.close();
        }
    }
}
