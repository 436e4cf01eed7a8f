package io.localvpc.dataplane.engine;

/**
 * Moves a packet from step to step until it is delivered, dropped or out of TTL. Each kind of step
 * has its own stage; a walk longer than {@link #MAX_STEPS} is a routing loop.
 */
final class Forwarder {
    static final int MAX_STEPS = 64;

    private final InterfaceStage interfaces;
    private final RouterStage router = new RouterStage();
    private final NatStage nat;
    private final GatewayStage gateway = new GatewayStage();
    private final InternetStage internet;
    private final EndpointStage endpoints;

    Forwarder(Fabric fabric) {
        this.interfaces = new InterfaceStage(fabric);
        this.nat = new NatStage(fabric);
        this.internet = new InternetStage(fabric);
        this.endpoints = new EndpointStage(fabric);
    }

    Step.Terminal walk(Step start, Walk walk) {
        Step step = start;
        for (int taken = 0; taken < MAX_STEPS; taken++) {
            if (step instanceof Step.Terminal terminal) {
                return terminal;
            }
            step = next(step, walk);
        }
        return step instanceof Step.Terminal terminal ? terminal
                : Step.drop(Codes.ROUTING_LOOP, "The packet went round in circles (" + MAX_STEPS + " steps).", null);
    }

    private Step next(Step step, Walk walk) {
        if (step instanceof Step.Send s) {
            return interfaces.send(s, walk);
        } else if (step instanceof Step.Arrive a) {
            return interfaces.arrive(a, walk);
        } else if (step instanceof Step.Route r) {
            return router.route(r, walk);
        } else if (step instanceof Step.EnterNat e) {
            return nat.enter(e, walk);
        } else if (step instanceof Step.ReturnThroughNat r) {
            return nat.back(r, walk);
        } else if (step instanceof Step.GatewayOut g) {
            return gateway.out(g, walk);
        } else if (step instanceof Step.GatewayIn g) {
            return gateway.in(g, walk);
        } else if (step instanceof Step.Internet i) {
            return internet.forward(i, walk);
        } else if (step instanceof Step.ThroughGatewayEndpoint g) {
            return endpoints.through(g, walk);
        }
        throw new IllegalStateException("no stage for " + step);
    }
}
