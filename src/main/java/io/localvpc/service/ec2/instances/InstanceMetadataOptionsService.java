package io.localvpc.service.ec2.instances;

import io.localvpc.api.AwsException;
import io.localvpc.api.RequestContext;
import io.localvpc.api.ServiceRoutes;
import io.localvpc.model.ec2.Instance;
import io.localvpc.service.CloudAccess;
import io.localvpc.service.ec2.Ec2Requests;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsRequest;
import software.amazon.awssdk.services.ec2.model.ModifyInstanceMetadataOptionsResponse;

/**
 * ModifyInstanceMetadataOptions: the new options hold at once (the simulated metadata service
 * follows them), and EC2 reports them {@code pending} for one state delay, then {@code applied}.
 */
public final class InstanceMetadataOptionsService {
    private final CloudAccess cloud;

    public InstanceMetadataOptionsService(CloudAccess cloud) {
        this.cloud = cloud;
    }

    public ServiceRoutes routes() {
        return new ServiceRoutes().on(ModifyInstanceMetadataOptionsRequest.class, this::modify);
    }

    ModifyInstanceMetadataOptionsResponse modify(RequestContext ctx, ModifyInstanceMetadataOptionsRequest request) {
        Ec2Requests.checkDryRun(request.dryRun());
        return cloud.write(ctx, tx -> {
            Instance instance = InstanceService.select(tx, List.of(request.instanceId())).get(0);
            if (instance.state().equals("terminated") || instance.state().equals("shutting-down")) {
                throw AwsException.badRequest("IncorrectInstanceState",
                        "The instance '" + instance.id() + "' is not in a state from which it can be modified.");
            }
            Instance.MetadataOptions changed = MetadataOptionsInput.changed(instance.settings().metadataOptions(),
                    request.httpTokensAsString(), request.httpPutResponseHopLimit(), request.httpEndpointAsString(),
                    request.httpProtocolIpv6AsString(), request.instanceMetadataTagsAsString(),
                    ctx.now().plus(cloud.timings().stateChange()));
            tx.put(instance.withSettings(instance.settings().withMetadataOptions(changed)));
            return ModifyInstanceMetadataOptionsResponse.builder()
                    .instanceId(instance.id())
                    .instanceMetadataOptions(InstanceView.metadataOptions(changed, ctx.now()))
                    .build();
        });
    }
}
