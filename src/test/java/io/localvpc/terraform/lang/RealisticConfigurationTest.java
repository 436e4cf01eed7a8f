package io.localvpc.terraform.lang;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A configuration like the hands-on: locals with nested maps, variables, data and resource blocks, dynamic blocks, outputs. */
class RealisticConfigurationTest {

    private static final String MAIN = """
            # VPC ハンズオン 🚀 — comments in any language are fine
            terraform {
              required_providers {
                aws = {
                  source  = "hashicorp/aws"
                  version = "~> 5.0"
                }
              }
            }

            provider "aws" {
              region = var.region
            }

            variable "region" {
              type    = string
              default = "ap-northeast-1"
            }

            variable "ingress" {
              type = list(object({
                port  = number
                cidrs = optional(list(string), ["0.0.0.0/0"])
              }))
              default = [{ port = 22 }, { port = 443, cidrs = ["10.0.0.0/8"] }]
            }

            locals {
              vpc = {
                cidr_block = "10.0.0.0/16"
                name       = "hands-on"
              }
              azs = ["ap-northeast-1a", "ap-northeast-1c"]
              public_subnets  = { for i, az in local.azs : az => cidrsubnet(local.vpc.cidr_block, 8, i) }
              private_subnets = [for i, az in local.azs : cidrsubnet(local.vpc.cidr_block, 8, i + 10)]
              common_tags = {
                Project = "localvpc" // 日本語のコメント
              }
            }

            data "aws_ami" "al2" {
              most_recent = true
              owners      = ["amazon"]
              filter {
                name   = "name"
                values = ["amzn2-ami-hvm-*-x86_64-gp2"]
              }
            }

            resource "aws_vpc" "main" {
              cidr_block           = local.vpc.cidr_block
              enable_dns_hostnames = true
              tags = merge(local.common_tags, {
                Name = "${local.vpc.name}-vpc"
              })
            }

            resource "aws_subnet" "public" {
              for_each          = local.public_subnets
              vpc_id            = aws_vpc.main.id
              availability_zone = each.key
              cidr_block        = each.value
              tags              = { Name = "public-${substr(each.key, -2, 2)}" }
            }

            resource "aws_security_group" "web" {
              vpc_id = aws_vpc.main.id
              dynamic "ingress" {
                for_each = var.ingress
                content {
                  from_port   = ingress.value.port
                  to_port     = ingress.value.port
                  protocol    = "tcp"
                  cidr_blocks = ingress.value.cidrs
                }
              }
              lifecycle { create_before_destroy = true }
            }

            resource "aws_instance" "web" {
              count         = 2
              ami           = data.aws_ami.al2.id
              instance_type = count.index == 0 ? "t3.micro" : "t3.small"
              subnet_id     = aws_subnet.public["ap-northeast-1a"].id
              user_data     = <<-EOT
                #!/bin/bash
                echo "web-${count.index}" > /etc/hostname
              EOT
              depends_on = [aws_vpc.main]
            }

            output "instance_ids" {
              value = aws_instance.web[*].id
            }
            """;

    @Test
    void parsesAndEvaluatesLikeTerraform() {
        Body file = HclParser.parseFile("main.tf", MAIN);
        assertThat(file.blocks()).extracting(Block::type)
                .containsExactly("terraform", "provider", "variable", "variable", "locals", "data", "resource", "resource", "resource",
                        "resource", "output");
        Functions functions = Functions.standard(Path.of("."));

        // variables: defaults converted to their type constraints (optional attributes get their defaults)
        Map<String, Value> vars = new LinkedHashMap<>();
        for (Block v : file.blocks("variable")) {
            Type type = Type.fromConstraint(v.body().attribute("type").orElseThrow().expression());
            Value def = v.body().attribute("default").orElseThrow().expression().evaluate(EvalContext.of(functions));
            vars.put(v.labels().get(0), def.convert(type));
        }
        assertThat(vars.get("ingress").elements().get(0).attributes().get("cidrs").elements()).containsExactly(Value.string("0.0.0.0/0"));

        // locals, evaluated in dependency order (here: source order works after the first pass)
        Body locals = file.blocks("locals").get(0).body();
        Map<String, Value> local = new LinkedHashMap<>();
        EvalContext ctx = new EvalContext(Map.of("var", Value.object(vars)), functions);
        for (Attribute a : locals.attributes()) {
            local.put(a.name(), a.expression().evaluate(ctx.with("local", Value.object(local))));
        }
        assertThat(local.get("public_subnets").attributes())
                .containsEntry("ap-northeast-1a", Value.string("10.0.0.0/24"))
                .containsEntry("ap-northeast-1c", Value.string("10.0.1.0/24"));
        assertThat(local.get("private_subnets").elements()).containsExactly(Value.string("10.0.10.0/24"), Value.string("10.0.11.0/24"));

        Block vpc = file.blocks("resource").get(0);
        ctx = ctx.with("local", Value.object(local));
        assertThat(vpc.body().attribute("tags").orElseThrow().expression().evaluate(ctx).attributes())
                .containsEntry("Name", Value.string("hands-on-vpc")).containsEntry("Project", Value.string("localvpc"));
        assertThat(vpc.body().attribute("cidr_block").orElseThrow().expression().references())
                .extracting(Traversal::toString).containsExactly("local.vpc.cidr_block");

        // resources referenced before apply: ids unknown, everything else known
        Value vpcState = Value.object(Map.of("id", Value.unknown(Type.STRING)));
        Block subnet = file.blocks("resource").get(1);
        EvalContext each = ctx.with("aws_vpc", Value.object(Map.of("main", vpcState)))
                .with("each", Value.object(Map.of("key", Value.string("ap-northeast-1a"), "value", Value.string("10.0.0.0/24"))));
        assertThat(subnet.body().attribute("vpc_id").orElseThrow().expression().evaluate(each).isKnown()).isFalse();
        assertThat(subnet.body().attribute("tags").orElseThrow().expression().evaluate(each).attributes().get("Name"))
                .isEqualTo(Value.string("public-1a"));

        // dynamic blocks are nested blocks named "dynamic"; their content refers to the iterator
        Block sg = file.blocks("resource").get(2);
        Block dynamic = sg.body().blocks("dynamic").get(0);
        assertThat(dynamic.labels()).containsExactly("ingress");
        Expression cidrs = dynamic.body().blocks("content").get(0).body().attribute("cidr_blocks").orElseThrow().expression();
        assertThat(cidrs.evaluate(ctx.with("ingress", Value.object(Map.of("value", vars.get("ingress").elements().get(1))))).elements())
                .containsExactly(Value.string("10.0.0.0/8"));
        assertThat(sg.body().blocks("lifecycle").get(0).body().attribute("create_before_destroy")).isPresent();

        // count, heredoc with indentation stripped, depends_on
        Block web = file.blocks("resource").get(3);
        EvalContext counted = ctx.with("count", Value.object(Map.of("index", Value.number(1))));
        assertThat(web.body().attribute("instance_type").orElseThrow().expression().evaluate(counted)).isEqualTo(Value.string("t3.small"));
        assertThat(web.body().attribute("user_data").orElseThrow().expression().evaluate(counted).asString())
                .isEqualTo("#!/bin/bash\necho \"web-1\" > /etc/hostname\n");
        assertThat(web.body().attribute("depends_on").orElseThrow().expression().asTupleElements())
                .extracting(e -> e.asTraversal().toString()).containsExactly("aws_vpc.main");
        assertThat(web.body().attribute("subnet_id").orElseThrow().expression().references())
                .extracting(Traversal::toString).containsExactly("aws_subnet.public[\"ap-northeast-1a\"].id");

        // outputs with splats over counted resources
        Value instances = Value.tuple(List.of(Value.object(Map.of("id", Value.string("i-1"))), Value.object(Map.of("id", Value.string("i-2")))));
        Expression output = file.blocks("output").get(0).body().attribute("value").orElseThrow().expression();
        assertThat(output.evaluate(ctx.with("aws_instance", Value.object(Map.of("web", instances)))).toString())
                .isEqualTo("[\n  \"i-1\",\n  \"i-2\",\n]");
    }
}
