package io.localvpc.service.ssm;

import io.localvpc.api.ServiceRoutes;
import io.localvpc.dataplane.shell.Shell;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ssm.commands.CommandService;
import io.localvpc.service.ssm.instances.InstanceInformationService;
import io.localvpc.service.ssm.instances.ManagedInstances;
import io.localvpc.service.ssm.session.SessionService;
import io.localvpc.wire.ServiceDescriptor;

/**
 * AWS Systems Manager (JSON 1.1, target prefix {@code AmazonSSM}), regional: Parameter Store, the
 * managed instances ({@code fleet}), Run Command on them, and Session Manager ({@code sessions}).
 */
public final class SsmApi {
    private SsmApi() {}

    public static ServiceDescriptor create(CloudAccess cloud, ManagedInstances fleet, SessionService sessions) {
        ServiceRoutes routes = new ServiceRoutes()
                .include(new ParameterService(cloud).routes())
                .include(new ParameterTagService(cloud).routes())
                .include(new InstanceInformationService(cloud, fleet).routes())
                .include(new CommandService(cloud, fleet, Shell.standard()).routes())
                .include(sessions.routes());
        return ServiceDescriptor.json11("ssm", "AmazonSSM", routes);
    }
}
