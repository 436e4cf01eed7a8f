package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.STRING;
import static io.localvpc.terraform.provider.AttributeType.mapOf;

import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.aws.ResourceTags;
import io.localvpc.terraform.aws.States;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.Schema;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * {@code aws_internet_gateway}: CreateInternetGateway, attached to {@code vpc_id} when set (waiting
 * for the attachment to read {@code available}), moved between VPCs in place by detach then
 * attach, and detached before DeleteInternetGateway.
 */
public final class InternetGatewayResource extends Ec2Resource {
    static final Duration TIMEOUT = Duration.ofMinutes(20);

    public InternetGatewayResource() {
        super("aws_internet_gateway", "EC2 Internet Gateway", Schema.builder()
                .computed("arn", STRING)
                .computed("id", STRING)
                .computed("owner_id", STRING)
                .optional("tags", mapOf(STRING))
                .optionalComputed("tags_all", mapOf(STRING))
                .optional("vpc_id", STRING)
                .block(Timeouts.block("create", "delete", "update"))
                .build());
    }

    @Override
    public Map<String, Object> create(AwsContext aws, Map<String, Object> planned) {
        CreateInternetGatewayRequest.Builder request = CreateInternetGatewayRequest.builder();
        var tags = ResourceTags.ec2Specification(aws, planned, ResourceType.INTERNET_GATEWAY);
        if (tags != null) {
            request.tagSpecifications(tags);
        }
        String id = Errors.call(doing("creating", null), () -> aws.ec2().createInternetGateway(request.build()))
                .internetGateway().internetGatewayId();
        Waits.untilFound(aws, label + " (" + id + ") create", Timeouts.of(planned, "create", TIMEOUT), () -> Ec2Find.internetGateway(aws, id));
        String vpc = set(planned, "vpc_id");
        if (vpc != null) {
            attach(aws, id, vpc);
        }
        return created(aws, planned, id);
    }

    @Override
    public Optional<Map<String, Object>> read(AwsContext aws, Map<String, Object> prior) {
        Optional<InternetGateway> found = Ec2Find.internetGateway(aws, id(prior));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        InternetGateway igw = found.get();
        Map<String, Object> state = newState(prior);
        state.put("arn", States.arn(aws, "ec2", igw.ownerId(), "internet-gateway/" + igw.internetGatewayId()));
        state.put("owner_id", States.str(igw.ownerId()));
        state.put("vpc_id", igw.attachments().isEmpty() ? "" : States.str(igw.attachments().get(0).vpcId()));
        ResourceTags.read(aws, state, ResourceTags.fromEc2(igw.tags()));
        return Optional.of(state);
    }

    @Override
    void updateAttributes(AwsContext aws, Map<String, Object> prior, Map<String, Object> planned) {
        if (!changed(prior, planned, "vpc_id")) {
            return;
        }
        String id = id(prior);
        String before = set(prior, "vpc_id");
        String after = set(planned, "vpc_id");
        if (before != null) {
            detach(aws, id, before);
        }
        if (after != null) {
            attach(aws, id, after);
        }
    }

    @Override
    public void delete(AwsContext aws, Map<String, Object> state) {
        String id = id(state);
        String vpc = set(state, "vpc_id");
        if (vpc != null) {
            detach(aws, id, vpc);
        }
        Errors.retrying(aws, Timeouts.of(state, "delete", TIMEOUT), Errors.hasCode("DependencyViolation"), () -> Errors.find(doing("deleting", id),
                Set.of("InvalidInternetGatewayID.NotFound"), () -> aws.ec2().deleteInternetGateway(r -> r.internetGatewayId(id))));
    }

    private void attach(AwsContext aws, String id, String vpc) {
        Errors.retrying(aws, TIMEOUT, Errors.hasCode("InvalidInternetGatewayID.NotFound"), () -> Errors.call(
                "attaching " + label + " (" + id + ") to VPC (" + vpc + ")",
                () -> aws.ec2().attachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc))));
        Waits.forState(aws, label + " (" + id + ") to attach to VPC (" + vpc + ")", TIMEOUT, () -> attachment(aws, id, vpc),
                new Waits.States<>(InternetGatewayAttachment::stateAsString, Set.of("attaching"), Set.of("available"), null));
    }

    private void detach(AwsContext aws, String id, String vpc) {
        boolean detached = Errors.retrying(aws, TIMEOUT, Errors.hasCode("DependencyViolation"), () -> Errors.find(
                "detaching " + label + " (" + id + ") from VPC (" + vpc + ")", Set.of("Gateway.NotAttached", "InvalidInternetGatewayID.NotFound"),
                () -> aws.ec2().detachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc)))).isPresent();
        if (!detached) {
            return;
        }
        Waits.forState(aws, label + " (" + id + ") to detach from VPC (" + vpc + ")", TIMEOUT, () -> attachment(aws, id, vpc),
                new Waits.States<>(InternetGatewayAttachment::stateAsString, Set.of("available", "detaching"), Set.of(), null));
    }

    /** The gateway's attachment to {@code vpc}: the provider wants exactly one, to that VPC. */
    private static Optional<InternetGatewayAttachment> attachment(AwsContext aws, String id, String vpc) {
        return Ec2Find.internetGateway(aws, id)
                .filter(g -> g.attachments().size() == 1 && vpc.equals(g.attachments().get(0).vpcId()))
                .map(g -> g.attachments().get(0));
    }
}
