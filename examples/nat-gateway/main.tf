# NAT ゲートウェイ経由でインターネットに出るプライベートな EC2 インスタンス。
# A private EC2 instance that reaches the internet through a NAT gateway, managed with SSM only.
# Run it with: localvpc apply examples/nat-gateway -auto-approve

locals {
  # ネットワークの設定 (network settings)
  vpc = {
    cidr_block = "10.0.0.0/16"
    name       = "handson-vpc"
  }
  subnets = {
    public  = { cidr_block = "10.0.1.0/24" }
    private = { cidr_block = "10.0.2.0/24" }
  }
  dev_ec2 = {
    prefix        = "handson-dev"
    instance_type = "t3.nano"
    ami_id        = data.aws_ami.amazonlinux2_latest.id
  }
}

# 最新の Amazon Linux 2 (the latest Amazon Linux 2 image)
data "aws_ami" "amazonlinux2_latest" {
  owners      = ["amazon"]
  most_recent = true

  filter {
    name   = "name"
    values = ["amzn2-ami-hvm-*-x86_64-gp2"]
  }
}

# EC2 が引き受けるロールの信頼ポリシー (trust policy: EC2 may assume the role)
data "aws_iam_policy_document" "ec2_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_vpc" "vpc" {
  cidr_block           = local.vpc.cidr_block
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = {
    Name = local.vpc.name
  }
}

# パブリックサブネット (public subnet: the NAT gateway lives here)
resource "aws_subnet" "public" {
  vpc_id                  = aws_vpc.vpc.id
  cidr_block              = local.subnets.public.cidr_block
  map_public_ip_on_launch = true

  tags = {
    Name = "${local.vpc.name}-public"
  }
}

# プライベートサブネット (private subnet: the instance lives here)
resource "aws_subnet" "private" {
  vpc_id            = aws_vpc.vpc.id
  cidr_block        = local.subnets.private.cidr_block

  tags = {
    Name = "${local.vpc.name}-private"
  }
}

resource "aws_internet_gateway" "igw" {
  vpc_id = aws_vpc.vpc.id

  tags = {
    Name = "${local.vpc.name}-igw"
  }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.vpc.id

  tags = {
    Name = "${local.vpc.name}-public-rt"
  }
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

# NAT ゲートウェイ用の Elastic IP (the NAT gateway's public address)
resource "aws_eip" "nat" {
  vpc = true

  tags = {
    Name = "${local.vpc.name}-nat-eip"
  }
}

resource "aws_nat_gateway" "nat_gateway" {
  allocation_id = aws_eip.nat.id
  subnet_id     = aws_subnet.public.id

  tags = {
    Name = "${local.vpc.name}-nat"
  }

  # インターネットゲートウェイが先に必要 (the internet gateway must exist first)
  depends_on = [aws_internet_gateway.igw]
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.vpc.id

  tags = {
    Name = "${local.vpc.name}-private-rt"
  }
}

resource "aws_route" "private_default" {
  route_table_id         = aws_route_table.private.id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.nat_gateway.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

# セキュリティグループ: 受信なし、送信はすべて許可 (no inbound, all outbound)
resource "aws_security_group" "dev_ec2" {
  name        = "${local.dev_ec2.prefix}-sg"
  description = "${local.dev_ec2.prefix} instance security group"
  vpc_id      = aws_vpc.vpc.id
}

resource "aws_security_group_rule" "dev_ec2_egress" {
  type              = "egress"
  from_port         = 0
  to_port           = 0
  protocol          = -1
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.dev_ec2.id
}

# SSM で管理するための IAM ロール (IAM role so that Systems Manager can manage the instance)
resource "aws_iam_role" "dev_ec2" {
  name               = "${local.dev_ec2.prefix}-role"
  path               = "/"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume_role.json
}

resource "aws_iam_role_policy_attachment" "dev_ec2_ssm" {
  role       = aws_iam_role.dev_ec2.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "dev_ec2" {
  name = "${local.dev_ec2.prefix}-profile"
  role = aws_iam_role.dev_ec2.name
}

resource "aws_instance" "dev_ec2" {
  ami                    = local.dev_ec2.ami_id
  instance_type          = local.dev_ec2.instance_type
  subnet_id              = aws_subnet.private.id
  vpc_security_group_ids = [aws_security_group.dev_ec2.id]
  iam_instance_profile   = aws_iam_instance_profile.dev_ec2.name

  root_block_device {
    volume_type = "gp3"
    volume_size = 30
  }

  tags = {
    Name = "${local.dev_ec2.prefix}-ec2"
  }
}

output "ec2_instance_id" {
  value = aws_instance.dev_ec2.id
}
