package io.localvpc.terraform.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripsInFormatVersion4WithABackupOfThePreviousFile() throws IOException {
        State state = State.empty();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("id", "subnet-1");
        attributes.put("map_public_ip_on_launch", true);
        attributes.put("tags", Map.of("Name", "public"));
        attributes.put("ipv6_cidr_block", null);
        attributes.put("count", new BigDecimal("30"));
        state.put(ResourceAddress.managed("aws_subnet", "public").instance(BigDecimal.ZERO),
                new InstanceState(attributes, List.of("aws_vpc.main"), false));
        state.put(ResourceAddress.data("aws_ami", "al2").instance(null), new InstanceState(Map.of("id", "ami-1"), List.of(), false));
        StateFile.in(dir).write(state);
        state.replaceOutputs(Map.of("subnet", new OutputState("subnet-1", "string", false)));
        StateFile.in(dir).write(state); // a later run: the first run's file becomes the backup

        String json = Files.readString(dir.resolve("terraform.tfstate"));
        assertThat(json).startsWith("{\n  \"version\": 4,\n  \"terraform_version\": \"1.5.7\",\n  \"serial\": 2,\n")
                .contains("\"provider\": \"provider[\\\"registry.terraform.io/hashicorp/aws\\\"]\"")
                .contains("\"index_key\": 0").contains("\"count\": 30,").contains("\"sensitive_attributes\": []")
                .contains("\"check_results\": null");
        assertThat(json.indexOf("\"mode\": \"data\"")).isLessThan(json.indexOf("\"mode\": \"managed\""));
        assertThat(Files.readString(dir.resolve("terraform.tfstate.backup"))).contains("\"serial\": 1,");

        StateFile.in(dir).write(StateFile.in(dir).read()); // nothing changed: not written again
        assertThat(Files.readString(dir.resolve("terraform.tfstate"))).contains("\"serial\": 2,");

        State read = StateFile.in(dir).read();
        assertThat(read.lineage()).isEqualTo(state.lineage());
        assertThat(read.serial()).isEqualTo(2);
        InstanceState subnet = read.instance(InstanceAddress.parse("aws_subnet.public[0]")).orElseThrow();
        assertThat(subnet.attributes()).containsEntry("map_public_ip_on_launch", true).containsEntry("ipv6_cidr_block", null);
        assertThat(Values.same(subnet.attributes().get("count"), new BigDecimal("30.0"))).isTrue();
        assertThat(subnet.dependencies()).containsExactly("aws_vpc.main");
        assertThat(read.outputs().get("subnet")).isEqualTo(new OutputState("subnet-1", "string", false));
    }

    @Test
    void aSecondLockHolderIsRefusedWithTerraformsMessage() {
        try (StateLock held = StateLock.acquire(dir, "OperationTypeApply")) {
            assertThat(dir.resolve(".terraform.tfstate.lock.info")).exists();
            assertThatThrownBy(() -> StateLock.acquire(dir, "OperationTypeApply"))
                    .isInstanceOf(StateLock.LockedException.class)
                    .hasMessageContaining("Lock Info:")
                    .hasMessageContaining("Operation: OperationTypeApply")
                    .hasMessageContaining("Terraform acquires a state lock to protect the state from being written");
        }
        assertThat(dir.resolve(".terraform.tfstate.lock.info")).doesNotExist();
        StateLock.acquire(dir, "OperationTypePlan").close();
    }

    @Test
    void instanceAddressesParseAndPrintAsTerraformDoes() {
        assertThat(InstanceAddress.parse("aws_subnet.private[2]").key()).isEqualTo(new BigDecimal("2"));
        assertThat(InstanceAddress.parse("aws_nat_gateway.per_az[\"a\"]").toString()).isEqualTo("aws_nat_gateway.per_az[\"a\"]");
        assertThat(InstanceAddress.parse("data.aws_ami.al2").resource().mode()).isEqualTo(ResourceAddress.Mode.DATA);
    }
}
