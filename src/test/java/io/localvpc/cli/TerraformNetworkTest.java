package io.localvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * {@code localvpc apply / plan / state / destroy} on a network configuration against a real
 * server: the engine's resource calls go through the AWS SDK to LocalVPC's APIs.
 */
class TerraformNetworkTest {
    static final String ACCOUNT = "111122223333";

    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer().withStateDelay(Duration.ZERO);

    @TempDir
    Path dir;

    static final String NETWORK = """
            locals {
              vpc = { cidr_block = "10.1.0.0/16", name = "net" }
            }
            resource "aws_vpc" "main" {
              cidr_block           = local.vpc.cidr_block
              enable_dns_hostnames = true
              tags = { Name = local.vpc.name }
            }
            resource "aws_subnet" "public" {
              vpc_id                  = aws_vpc.main.id
              cidr_block              = cidrsubnet(local.vpc.cidr_block, 8, 1)
              map_public_ip_on_launch = true
            }
            resource "aws_subnet" "spare" {
              vpc_id     = aws_vpc.main.id
              cidr_block = "10.1.9.0/24"
            }
            resource "aws_internet_gateway" "igw" {
              vpc_id = aws_vpc.main.id
            }
            resource "aws_route_table" "public" {
              vpc_id = aws_vpc.main.id
            }
            resource "aws_route" "public_default" {
              route_table_id         = aws_route_table.public.id
              destination_cidr_block = "0.0.0.0/0"
              gateway_id             = aws_internet_gateway.igw.id
            }
            resource "aws_route_table_association" "public" {
              subnet_id      = aws_subnet.public.id
              route_table_id = aws_route_table.public.id
            }
            resource "aws_eip" "nat" {
              vpc = true
            }
            resource "aws_nat_gateway" "nat_gateway" {
              allocation_id = aws_eip.nat.id
              subnet_id     = aws_subnet.public.id
              tags          = { Name = "nat" }
              depends_on    = [aws_internet_gateway.igw]
            }
            output "nat_id" {
              value = aws_nat_gateway.nat_gateway.id
            }
            """;

    @Test
    void appliesPlansNothingMoreSeesDriftAndDestroys() throws IOException {
        Files.writeString(dir.resolve("main.tf"), NETWORK);
        TerraformCli cli = new TerraformCli(server, dir, ACCOUNT);
        Ec2Client ec2 = server.ec2(ACCOUNT);
        int vpcsBefore = ec2.describeVpcs().vpcs().size();

        TerraformCli.Result apply = cli.run("apply", "-auto-approve");
        assertThat(apply.exitCode()).as(apply.all()).isZero();
        assertThat(apply.out()).contains("  # aws_nat_gateway.nat_gateway will be created")
                .contains("aws_nat_gateway.nat_gateway: Creating...")
                .containsPattern("aws_nat_gateway.nat_gateway: Creation complete after \\d+s \\[id=nat-[0-9a-f]+\\]")
                .contains("Apply complete! Resources: 9 added, 0 changed, 0 destroyed.")
                .containsPattern("Outputs:\n\nnat_id = \"nat-[0-9a-f]+\"");

        String nat = cli.run("state", "show", "aws_nat_gateway.nat_gateway").out();
        String eip = cli.run("state", "show", "aws_eip.nat").out();
        assertThat(nat).startsWith("# aws_nat_gateway.nat_gateway:\nresource \"aws_nat_gateway\" \"nat_gateway\" {\n");
        assertThat(value(nat, "public_ip")).isEqualTo(value(eip, "public_ip"));
        assertThat(cli.run("state", "list").out()).contains("aws_vpc.main\n").contains("aws_nat_gateway.nat_gateway\n");
        assertThat(cli.run("output", "-raw", "nat_id").out()).startsWith("nat-");

        TerraformCli.Result again = cli.run("plan");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("No changes. Your infrastructure matches the configuration.");

        String spare = value(cli.run("state", "show", "aws_subnet.spare").out(), "id");
        ec2.deleteSubnet(r -> r.subnetId(spare));
        TerraformCli.Result drift = cli.run("plan");
        assertThat(drift.out()).contains("# aws_subnet.spare has been deleted").contains("# aws_subnet.spare will be created")
                .contains("Plan: 1 to add, 0 to change, 0 to destroy.");

        TerraformCli.Result destroy = cli.run("destroy", "-auto-approve");
        assertThat(destroy.exitCode()).as(destroy.all()).isZero();
        assertThat(destroy.out()).contains("Destroy complete! Resources: 8 destroyed.");
        assertThat(ec2.describeVpcs().vpcs()).hasSize(vpcsBefore);
        assertThat(cli.run("state", "list").out()).isEmpty();
    }

    @Test
    void aFailureMidwayKeepsWhatWasCreatedAndARerunConverges() throws IOException {
        String broken = """
                resource "aws_vpc" "main" {
                  cidr_block = "10.2.0.0/16"
                }
                resource "aws_subnet" "inside" {
                  vpc_id     = aws_vpc.main.id
                  cidr_block = "10.2.1.0/24"
                }
                resource "aws_subnet" "outside" {
                  vpc_id     = aws_vpc.main.id
                  cidr_block = "10.3.1.0/24"
                }
                """;
        Files.writeString(dir.resolve("main.tf"), broken);
        TerraformCli cli = new TerraformCli(server, dir, "222233334444");

        TerraformCli.Result cancelled = cli.answering("no\n", "apply");
        assertThat(cancelled.exitCode()).isEqualTo(1);
        assertThat(cancelled.out()).contains("Do you want to perform these actions?\n  Terraform will perform the actions described above.\n"
                + "  Only 'yes' will be accepted to approve.\n\n  Enter a value: ").contains("Apply cancelled.");
        assertThat(cli.run("state", "list").out()).isEmpty();

        TerraformCli.Result failed = cli.answering("yes\n", "apply");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("Error: creating EC2 Subnet: operation error EC2: CreateSubnet")
                .contains("InvalidSubnet.Range")
                .contains("  with aws_subnet.outside,\n  on main.tf line 8, in resource \"aws_subnet\" \"outside\":\n"
                        + "   8: resource \"aws_subnet\" \"outside\" {\n");
        assertThat(failed.out()).doesNotContain("Apply complete!");
        assertThat(cli.run("state", "list").out()).isEqualTo("aws_subnet.inside\naws_vpc.main\n");

        Files.writeString(dir.resolve("main.tf"), broken.replace("10.3.1.0/24", "10.2.2.0/24"));
        TerraformCli.Result rerun = cli.run("apply", "-auto-approve");
        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.out()).contains("Apply complete! Resources: 1 added, 0 changed, 0 destroyed.");
        assertThat(cli.run("plan").out()).contains("No changes.");
        assertThat(cli.run("destroy", "-auto-approve").exitCode()).isZero();
    }

    @Test
    void configurationErrorsAreReportedWithTheSourceLine() throws IOException {
        Files.writeString(dir.resolve("main.tf"), "resource \"aws_vpc\" \"x\" {\n  cidr_block = \"10.0.0.0/16\"\n  colour = \"red\"\n}\n"
                + "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n");
        TerraformCli.Result validate = new TerraformCli(server, dir, ACCOUNT).run("validate");
        assertThat(validate.exitCode()).isEqualTo(1);
        assertThat(validate.err()).contains("Error: Unsupported argument\n\n  on main.tf line 3, in resource \"aws_vpc\" \"x\":\n"
                        + "   3:   colour = \"red\"\n\nAn argument named \"colour\" is not expected here.")
                .contains("Error: Unsupported block type\n\n  on main.tf line 5")
                .contains("main.tf:5:1: Blocks of type \"module\" are not supported");
    }

    /** The quoted value of {@code name = "…"} in a state listing. */
    static String value(String listing, String name) {
        Matcher m = Pattern.compile("\n    " + Pattern.quote(name) + " +=\\s\"([^\"]*)\"").matcher(listing);
        assertThat(m.find()).as(name + " in\n" + listing).isTrue();
        return m.group(1);
    }
}
