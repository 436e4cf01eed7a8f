# A VPC with private subnets only — no internet gateway, no NAT gateway — whose instance is
# still managed by Systems Manager, through interface endpoints for ssm, ssmmessages and
# ec2messages with private DNS.
# Run it with: localvpc apply examples/private-ssm-endpoints -auto-approve

data "aws_region" "current" {}

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_ami" "al2023" {
  owners      = ["amazon"]
  most_recent = true

  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}

data "aws_iam_policy_document" "ec2_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

locals {
  cidr      = "10.30.0.0/16"
  endpoints = toset(["ssm", "ssmmessages", "ec2messages"])
}

resource "aws_vpc" "this" {
  cidr_block           = local.cidr
  enable_dns_support   = true
  enable_dns_hostnames = true # private DNS of interface endpoints needs both DNS flags

  tags = {
    Name = "private-ssm"
  }
}

resource "aws_subnet" "private" {
  count             = 2
  vpc_id            = aws_vpc.this.id
  availability_zone = data.aws_availability_zones.available.names[count.index]
  cidr_block        = cidrsubnet(local.cidr, 8, count.index)

  tags = {
    Name = "private-ssm-${count.index}"
  }
}

# HTTPS from inside the VPC to the endpoints' network interfaces.
resource "aws_security_group" "endpoints" {
  name        = "private-ssm-endpoints"
  description = "HTTPS from the VPC to the interface endpoints"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "HTTPS from the VPC"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.this.cidr_block]
  }
}

resource "aws_security_group" "instance" {
  name        = "private-ssm-instance"
  description = "Outbound HTTPS only"
  vpc_id      = aws_vpc.this.id

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [aws_vpc.this.cidr_block]
  }
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = local.endpoints
  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints.id]

  tags = {
    Name = "private-ssm-${each.key}"
  }
}

resource "aws_iam_role" "instance" {
  name               = "private-ssm-instance"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
}

resource "aws_iam_role_policy_attachment" "ssm_core" {
  role       = aws_iam_role.instance.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "instance" {
  name = "private-ssm-instance"
  role = aws_iam_role.instance.name
}

resource "aws_instance" "private" {
  ami                    = data.aws_ami.al2023.id
  instance_type          = "t3.micro"
  subnet_id              = aws_subnet.private[0].id
  vpc_security_group_ids = [aws_security_group.instance.id]
  iam_instance_profile   = aws_iam_instance_profile.instance.name

  tags = {
    Name = "private-ssm"
  }

  # The agent can only register once the endpoints exist.
  depends_on = [aws_vpc_endpoint.ssm, aws_iam_role_policy_attachment.ssm_core]
}

output "instance_id" {
  value = aws_instance.private.id
}

output "endpoint_dns_names" {
  value = { for name, endpoint in aws_vpc_endpoint.ssm : name => endpoint.dns_entry[0].dns_name }
}
