package io.localvpc.service.ssm;

import io.localvpc.api.ServiceRoutes;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ssm.agent.SsmAgents;
import io.localvpc.service.ssm.session.SessionService;
import io.localvpc.wire.ServiceDescriptor;

/**
 * AWS Systems Manager (JSON 1.1, target prefix {@code AmazonSSM}), regional: Parameter Store, and
 * the managed instances whose agents {@code agents} judges, and Session Manager ({@code sessions}).
 */
public final class SsmApi {
    private SsmApi() {}

    public static ServiceDescriptor create(CloudAccess cloud, SsmAgents agents, SessionService sessions) {
        ServiceRoutes routes = new ServiceRoutes()
                .include(new ParameterService(cloud).routes())
                .include(new ParameterTagService(cloud).routes())
                .include(sessions.routes());
        return ServiceDescriptor.json11("ssm", "AmazonSSM", routes);
    }
}
