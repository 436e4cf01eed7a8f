package io.localvpc.service.ec2.instances;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;

/** Terraform's iam_instance_profile update: describe by instance-id, then associate, replace or disassociate. */
class IamInstanceProfileAssociationTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static final String ACCOUNT = "777788889999";
    private final Ec2Client ec2 = server.ec2(ACCOUNT);

    @Test
    void associate_replace_and_disassociate() {
        InstanceApiTest.createInstanceProfileIn(server, ACCOUNT, "first");
        InstanceApiTest.createInstanceProfileIn(server, ACCOUNT, "second");
        String image = ec2.describeImages(r -> r.owners("amazon").filters(f -> f.name("name").values("al2023-*-x86_64")))
                .images().get(0).imageId();
        String id = ec2.runInstances(r -> r.imageId(image).minCount(1).maxCount(1)).instances().get(0).instanceId();
        server.advance(Duration.ofSeconds(1));
        assertThat(byInstance(id)).isEmpty();

        IamInstanceProfileAssociation associated = ec2.associateIamInstanceProfile(r -> r.instanceId(id)
                .iamInstanceProfile(p -> p.name("first"))).iamInstanceProfileAssociation();
        assertThat(associated.associationId()).matches("iip-assoc-[0-9a-f]{17}");
        assertThat(associated.stateAsString()).isEqualTo("associating");
        assertThat(associated.iamInstanceProfile().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":instance-profile/first");
        assertThat(byInstance(id)).singleElement().satisfies(a -> {
            assertThat(a.stateAsString()).isEqualTo("associated");
            assertThat(a.associationId()).isEqualTo(associated.associationId());
        });
        assertAwsError(() -> ec2.associateIamInstanceProfile(r -> r.instanceId(id).iamInstanceProfile(p -> p.name("second"))),
                "IncorrectState");
        assertAwsError(() -> ec2.associateIamInstanceProfile(r -> r.instanceId(id).iamInstanceProfile(p -> p.name("nope"))),
                "InvalidParameterValue");

        IamInstanceProfileAssociation replaced = ec2.replaceIamInstanceProfileAssociation(r -> r
                .associationId(associated.associationId()).iamInstanceProfile(p -> p.name("second")))
                .iamInstanceProfileAssociation();
        assertThat(replaced.associationId()).isNotEqualTo(associated.associationId());
        assertThat(ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0)
                .iamInstanceProfile().arn()).endsWith(":instance-profile/second");
        assertAwsError(() -> ec2.disassociateIamInstanceProfile(r -> r.associationId(associated.associationId())),
                "InvalidAssociationID.NotFound");

        assertThat(ec2.disassociateIamInstanceProfile(r -> r.associationId(replaced.associationId()))
                .iamInstanceProfileAssociation().stateAsString()).isEqualTo("disassociating");
        assertThat(byInstance(id)).isEmpty();
        assertThat(ec2.describeInstances(r -> r.instanceIds(id)).reservations().get(0).instances().get(0)
                .iamInstanceProfile()).isNull();
        assertAwsError(() -> ec2.describeIamInstanceProfileAssociations(r -> r.associationIds(replaced.associationId())),
                "InvalidAssociationID.NotFound");
    }

    private java.util.List<IamInstanceProfileAssociation> byInstance(String id) {
        return ec2.describeIamInstanceProfileAssociations(r -> r.filters(f -> f.name("instance-id").values(id)))
                .iamInstanceProfileAssociations();
    }
}
