package io.localvpc.terraform.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsProviderTest {
    @Test
    void theComputeAndIamTypesAreRegisteredUnderTheirNames() {
        AwsProvider provider = AwsProvider.create();
        assertThat(provider.resourceTypes()).contains("aws_security_group", "aws_security_group_rule",
                "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule", "aws_instance", "aws_iam_role",
                "aws_iam_instance_profile", "aws_iam_role_policy_attachment", "aws_iam_role_policy", "aws_iam_policy");
        assertThat(provider.dataSourceTypes()).contains("aws_ami", "aws_iam_policy_document");
        provider.resourceTypes().forEach(name -> {
            var type = provider.resource(name).orElseThrow();
            assertThat(type.typeName()).isEqualTo(name);
            assertThat(type.schema().attributes()).containsKey("id");
        });
    }
}
