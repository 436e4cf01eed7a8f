package io.localvpc.terraform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.terraform.engine.Action;
import io.localvpc.terraform.engine.ResourceChange;
import io.localvpc.terraform.provider.AttributeType;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.state.InstanceAddress;
import io.localvpc.terraform.state.InstanceState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenderersTest {
    static final Schema ROLE = Schema.builder()
            .computed("id", AttributeType.STRING)
            .required("name", AttributeType.STRING)
            .required("assume_role_policy", AttributeType.STRING)
            .optional("tags", AttributeType.mapOf(AttributeType.STRING))
            .build();
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
            + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";

    private static Map<String, Object> role(String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", name);
        out.put("name", name);
        out.put("assume_role_policy", POLICY);
        out.put("tags", Map.of("Env", "dev"));
        return out;
    }

    @Test
    void jsonStringsShowAsJsonencodeInPlansAndStateListings() {
        String plan = PlanRenderer.change(new ResourceChange(InstanceAddress.parse("aws_iam_role.r"), Action.CREATE, null,
                role("r"), Set.of(), ROLE, null));
        assertThat(plan).isEqualTo("""
                  # aws_iam_role.r will be created
                  + resource "aws_iam_role" "r" {
                      + assume_role_policy = jsonencode(
                            {
                              + Statement = [
                                  + {
                                      + Action    = "sts:AssumeRole"
                                      + Effect    = "Allow"
                                      + Principal = {
                                          + Service = "ec2.amazonaws.com"
                                        }
                                    },
                                ]
                              + Version   = "2012-10-17"
                            }
                        )
                      + id                 = "r"
                      + name               = "r"
                      + tags               = {
                          + "Env" = "dev"
                        }
                    }
                """);
        String show = StateRenderer.show(InstanceAddress.parse("aws_iam_role.r"), new InstanceState(role("r"), List.of(), false), ROLE);
        assertThat(show).startsWith("# aws_iam_role.r:\nresource \"aws_iam_role\" \"r\" {\n    assume_role_policy = jsonencode(\n"
                + "        {\n            Statement = [\n");
    }

    @Test
    void multiLineTextShowsAsAHeredoc() {
        Map<String, Object> role = role("r");
        role.put("assume_role_policy", "#!/bin/bash\necho hello\n");
        String show = StateRenderer.show(InstanceAddress.parse("aws_iam_role.r"), new InstanceState(role, List.of(), false), ROLE);
        assertThat(show).contains("    assume_role_policy = <<-EOT\n        #!/bin/bash\n        echo hello\n    EOT\n");
    }

    @Test
    void anUpdateShowsChangedValuesAndCountsTheRest() {
        Map<String, Object> after = role("r");
        after.put("tags", Map.of("Env", "prod", "Team", "net"));
        String plan = PlanRenderer.change(new ResourceChange(InstanceAddress.parse("aws_iam_role.r"), Action.UPDATE, role("r"),
                after, Set.of(), ROLE, null));
        assertThat(plan).isEqualTo("""
                  # aws_iam_role.r will be updated in-place
                  ~ resource "aws_iam_role" "r" {
                        id                 = "r"
                        name               = "r"
                      ~ tags               = {
                          ~ "Env"  = "dev" -> "prod"
                          + "Team" = "net"
                        }
                        # (1 unchanged attribute hidden)
                    }
                """);
    }
}
