package io.localvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;

/** The repository's example configurations, applied, checked and destroyed with the built-in engine. */
class TerraformExamplesTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer().withStateDelay(Duration.ZERO);

    @TempDir
    Path work;

    /** A copy of {@code examples/NAME}, so runs leave no state file in the repository. */
    private TerraformCli example(String name, String account) throws IOException {
        Path source = Path.of("examples", name);
        Path dir = Files.createDirectories(work.resolve(name));
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return new TerraformCli(server, dir, account);
    }

    private static TerraformCli.Result applied(TerraformCli cli) {
        TerraformCli.Result apply = cli.run("apply", "-auto-approve");
        assertThat(apply.exitCode()).as(apply.all()).isZero();
        return apply;
    }

    private static void destroyedLeavingOnlyTheDefaultVpc(TerraformCli cli, Ec2Client ec2) {
        TerraformCli.Result destroy = cli.run("destroy", "-auto-approve");
        assertThat(destroy.exitCode()).as(destroy.all()).isZero();
        assertThat(ec2.describeVpcs().vpcs()).singleElement().satisfies(v -> assertThat(v.isDefault()).isTrue());
        assertThat(ec2.describeAddresses().addresses()).isEmpty();
        assertThat(cli.run("state", "list").out()).isEmpty();
    }

    /** {@code localvpc exec} on the instance, with the same environment as the Terraform commands. */
    private static TerraformCli.Result exec(TerraformCli cli, String instance, String command) {
        CommandLine exec = LocalVpcCommand.commandLine(cli.env(), new ByteArrayInputStream(new byte[0]));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        exec.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int code = exec.execute("exec", instance, "--", command);
        return new TerraformCli.Result(code, out.toString(), err.toString());
    }

    @Test
    void natGatewayHandsOn() throws IOException {
        String account = "444455556666";
        TerraformCli cli = example("nat-gateway", account);
        Ec2Client ec2 = server.ec2(account);

        TerraformCli.Result apply = applied(cli);
        assertThat(apply.out()).contains("Plan: 18 to add, 0 to change, 0 to destroy.")
                .contains("Apply complete! Resources: 18 added, 0 changed, 0 destroyed.");

        String nat = cli.run("state", "show", "aws_nat_gateway.nat_gateway").out();
        assertThat(nat).startsWith("# aws_nat_gateway.nat_gateway:\nresource \"aws_nat_gateway\" \"nat_gateway\" {\n"
                + "    allocation_id                      = \"eipalloc-");
        assertThat(TerraformNetworkTest.value(nat, "public_ip"))
                .isEqualTo(TerraformNetworkTest.value(cli.run("state", "show", "aws_eip.nat").out(), "public_ip"));

        String instance = cli.run("output", "-raw", "ec2_instance_id").out();
        assertThat(instance).startsWith("i-");
        TerraformCli.Result ping = exec(cli, instance, "ping -c 4 8.8.8.8");
        assertThat(ping.exitCode()).as(ping.all()).isZero();
        assertThat(ping.out()).contains("4 packets transmitted, 4 received");

        TerraformCli.Result plan = cli.run("plan");
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("No changes. Your infrastructure matches the configuration.");

        destroyedLeavingOnlyTheDefaultVpc(cli, ec2);
    }

    @Test
    void threeZonesEachWithItsOwnNatGateway() throws IOException {
        String account = "555566667777";
        TerraformCli cli = example("three-az-nat", account);
        Ec2Client ec2 = server.ec2(account);

        applied(cli);
        assertThat(ec2.describeNatGateways().natGateways()).hasSize(3)
                .extracting(NatGateway::subnetId).doesNotHaveDuplicates();
        String ips = cli.run("output", "-json", "nat_public_ips").out();
        assertThat(ips.split("\"\\d+\\.\\d+\\.\\d+\\.\\d+\"")).hasSize(4);
        assertThat(cli.run("output", "-json", "private_subnet_ids").out()).contains("subnet-");
        assertThat(cli.run("plan").out()).contains("No changes.");

        destroyedLeavingOnlyTheDefaultVpc(cli, ec2);
    }

    @Test
    void privateSubnetsReachSsmThroughInterfaceEndpoints() throws IOException {
        String account = "666677778888";
        TerraformCli cli = example("private-ssm-endpoints", account);
        Ec2Client ec2 = server.ec2(account);

        applied(cli);
        assertThat(ec2.describeVpcEndpoints().vpcEndpoints()).hasSize(3);
        assertThat(ec2.describeNatGateways().natGateways()).isEmpty();
        String instance = cli.run("output", "-raw", "instance_id").out();
        TerraformCli.Result reach = exec(cli, instance, "nc -vz ssm." + LocalVpcServer.REGION.id() + ".amazonaws.com 443");
        assertThat(reach.exitCode()).as(reach.all()).isZero();
        assertThat(cli.run("plan").out()).contains("No changes.");

        destroyedLeavingOnlyTheDefaultVpc(cli, ec2);
    }
}
