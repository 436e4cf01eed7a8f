#!/usr/bin/env bash
# The classic hands-on, driven with the AWS CLI v2 against LocalVPC: a VPC with a public and a
# private subnet, an internet gateway, an Elastic IP, a NAT gateway in the public subnet, the
# private route 0.0.0.0/0 -> NAT, an egress-only security group, an SSM instance profile and a
# t3.nano from the Amazon Linux 2 AMI in the private subnet; then everything torn down in
# dependency order. Needs AWS (the CLI binary) and ENDPOINT in the environment.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

step "VPC and subnets"
VPC=$(aws ec2 create-vpc --cidr-block 10.0.0.0/16 \
  --tag-specifications 'ResourceType=vpc,Tags=[{Key=Name,Value=hands-on-vpc}]' --query Vpc.VpcId)
aws ec2 modify-vpc-attribute --vpc-id "$VPC" --enable-dns-hostnames '{"Value":true}'
expect "DNS hostnames" "$(aws ec2 describe-vpc-attribute --vpc-id "$VPC" --attribute enableDnsHostnames --query EnableDnsHostnames.Value)" "True"
PUBLIC=$(aws ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.0.10.0/24 --availability-zone ap-northeast-1a \
  --tag-specifications 'ResourceType=subnet,Tags=[{Key=Name,Value=public}]' --query Subnet.SubnetId)
PRIVATE=$(aws ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.0.20.0/24 --availability-zone ap-northeast-1a \
  --tag-specifications 'ResourceType=subnet,Tags=[{Key=Name,Value=private}]' --query Subnet.SubnetId)
aws ec2 modify-subnet-attribute --subnet-id "$PUBLIC" --map-public-ip-on-launch
expect "available addresses in a /24" "$(aws ec2 describe-subnets --subnet-ids "$PRIVATE" --query 'Subnets[0].AvailableIpAddressCount')" "251"
expect_error InvalidSubnet.Conflict ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.0.20.128/25

step "Internet gateway and the public route"
IGW=$(aws ec2 create-internet-gateway --query InternetGateway.InternetGatewayId)
aws ec2 attach-internet-gateway --internet-gateway-id "$IGW" --vpc-id "$VPC"
PUBLIC_RT=$(aws ec2 create-route-table --vpc-id "$VPC" --query RouteTable.RouteTableId)
aws ec2 create-route --route-table-id "$PUBLIC_RT" --destination-cidr-block 0.0.0.0/0 --gateway-id "$IGW" >/dev/null
PUBLIC_ASSOC=$(aws ec2 associate-route-table --route-table-id "$PUBLIC_RT" --subnet-id "$PUBLIC" --query AssociationId)

step "Elastic IP and NAT gateway"
ALLOCATION=$(aws ec2 allocate-address --domain vpc --query AllocationId)
EIP=$(aws ec2 describe-addresses --allocation-ids "$ALLOCATION" --query 'Addresses[0].PublicIp')
NAT=$(aws ec2 create-nat-gateway --subnet-id "$PUBLIC" --allocation-id "$ALLOCATION" \
  --tag-specifications 'ResourceType=natgateway,Tags=[{Key=Name,Value=hands-on-nat}]' --query NatGateway.NatGatewayId)
aws ec2 wait nat-gateway-available --nat-gateway-ids "$NAT"
expect "NAT state" "$(aws ec2 describe-nat-gateways --nat-gateway-ids "$NAT" --query 'NatGateways[0].State')" "available"
read -r NAT_PUBLIC NAT_PRIVATE NAT_ENI < <(aws ec2 describe-nat-gateways --nat-gateway-ids "$NAT" \
  --query 'NatGateways[0].NatGatewayAddresses[0].[PublicIp,PrivateIp,NetworkInterfaceId]')
# AWS CLI 2.9 predates NatGatewayAddress.AssociationId (added in 2023), so read it from the address.
NAT_ASSOC=$(aws ec2 describe-addresses --allocation-ids "$ALLOCATION" --query 'Addresses[0].AssociationId')
expect "NAT public IP is the Elastic IP" "$NAT_PUBLIC" "$EIP"
case "$NAT_PRIVATE" in 10.0.10.*) echo "ok: NAT private IP $NAT_PRIVATE is in the public subnet" ;; *) echo "FAIL: NAT private IP $NAT_PRIVATE"; exit 1 ;; esac
case "$NAT_ENI" in eni-*) echo "ok: NAT interface $NAT_ENI" ;; *) echo "FAIL: NAT interface '$NAT_ENI'"; exit 1 ;; esac
case "$NAT_ASSOC" in eipassoc-*) echo "ok: EIP association $NAT_ASSOC" ;; *) echo "FAIL: association '$NAT_ASSOC'"; exit 1 ;; esac
expect "EIP associated with the NAT interface" \
  "$(aws ec2 describe-addresses --allocation-ids "$ALLOCATION" --query 'Addresses[0].NetworkInterfaceId')" "$NAT_ENI"

step "Private route through the NAT gateway"
PRIVATE_RT=$(aws ec2 create-route-table --vpc-id "$VPC" --query RouteTable.RouteTableId)
aws ec2 create-route --route-table-id "$PRIVATE_RT" --destination-cidr-block 0.0.0.0/0 --nat-gateway-id "$NAT" >/dev/null
PRIVATE_ASSOC=$(aws ec2 associate-route-table --route-table-id "$PRIVATE_RT" --subnet-id "$PRIVATE" --query AssociationId)
expect "private default route" "$(aws ec2 describe-route-tables --route-table-ids "$PRIVATE_RT" \
  --query "RouteTables[0].Routes[?DestinationCidrBlock=='0.0.0.0/0'].[NatGatewayId,State]")" "$NAT	active"
expect_error RouteAlreadyExists ec2 create-route --route-table-id "$PRIVATE_RT" --destination-cidr-block 0.0.0.0/0 --gateway-id "$IGW"

step "Egress-only security group"
SG=$(aws ec2 create-security-group --group-name hands-on-sg --description "egress only" --vpc-id "$VPC" --query GroupId)
aws ec2 revoke-security-group-egress --group-id "$SG" --ip-permissions 'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]' >/dev/null
aws ec2 authorize-security-group-egress --group-id "$SG" \
  --ip-permissions 'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0,Description=all outbound}]' >/dev/null
expect "ingress rules" "$(aws ec2 describe-security-groups --group-ids "$SG" --query 'length(SecurityGroups[0].IpPermissions)')" "0"
expect "egress rules" "$(aws ec2 describe-security-groups --group-ids "$SG" --query 'length(SecurityGroups[0].IpPermissionsEgress)')" "1"
expect_error InvalidGroup.Duplicate ec2 create-security-group --group-name hands-on-sg --description again --vpc-id "$VPC"

step "IAM role and instance profile for SSM"
aws iam create-role --role-name hands-on-ssm-role --path / --assume-role-policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null
aws iam attach-role-policy --role-name hands-on-ssm-role --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
aws iam create-instance-profile --instance-profile-name hands-on-profile >/dev/null
aws iam add-role-to-instance-profile --instance-profile-name hands-on-profile --role-name hands-on-ssm-role
expect "attached policy" "$(aws iam list-attached-role-policies --role-name hands-on-ssm-role --query 'AttachedPolicies[0].PolicyName')" "AmazonSSMManagedInstanceCore"

step "Instance in the private subnet"
AMI=$(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=amzn2-ami-hvm-2.0.*.0-x86_64-gp2' \
  --query 'sort_by(Images,&CreationDate)[-1].ImageId')
case "$AMI" in ami-*) echo "ok: newest Amazon Linux 2 AMI $AMI" ;; *) echo "FAIL: AMI '$AMI'"; exit 1 ;; esac
expect_error InvalidParameterValue ec2 run-instances --image-id "$AMI" --instance-type t3.galactic --subnet-id "$PRIVATE"
INSTANCE=$(aws ec2 run-instances --image-id "$AMI" --instance-type t3.nano --subnet-id "$PRIVATE" \
  --security-group-ids "$SG" --iam-instance-profile Name=hands-on-profile \
  --block-device-mappings 'DeviceName=/dev/xvda,Ebs={VolumeSize=30,VolumeType=gp3}' \
  --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=hands-on-ec2}]' --query 'Instances[0].InstanceId')
aws ec2 wait instance-running --instance-ids "$INSTANCE"
read -r STATE PRIVATE_IP PUBLIC_IP < <(aws ec2 describe-instances --instance-ids "$INSTANCE" \
  --query 'Reservations[0].Instances[0].[State.Name,PrivateIpAddress,PublicIpAddress]')
expect "instance state" "$STATE" "running"
case "$PRIVATE_IP" in 10.0.20.*) echo "ok: instance private IP $PRIVATE_IP" ;; *) echo "FAIL: private IP $PRIVATE_IP"; exit 1 ;; esac
expect "no public IP in the private subnet" "$PUBLIC_IP" "None"

step "SSM: the private instance is managed through the NAT gateway"
# The agent has no public IP and no SSH: it reaches ssm/ssmmessages/ec2messages over HTTPS through the NAT gateway,
# signing with the instance profile's role.
expect "managed instance" "$(aws ssm describe-instance-information \
  --query 'InstanceInformationList[0].[InstanceId,PingStatus,PlatformName,PlatformVersion,IamRole,ResourceType]')" \
  "$INSTANCE	Online	Amazon Linux	2	hands-on-ssm-role	EC2Instance"
expect "computer name" "$(aws ssm describe-instance-information --filters "Key=InstanceIds,Values=$INSTANCE" \
  --query 'InstanceInformationList[0].ComputerName')" "ip-${PRIVATE_IP//./-}.ap-northeast-1.compute.internal"
aws ec2 delete-route --route-table-id "$PRIVATE_RT" --destination-cidr-block 0.0.0.0/0
expect "agent without the route to the NAT" "$(aws ssm describe-instance-information \
  --query 'InstanceInformationList[0].PingStatus')" "ConnectionLost"
aws ec2 create-route --route-table-id "$PRIVATE_RT" --destination-cidr-block 0.0.0.0/0 --nat-gateway-id "$NAT" >/dev/null
expect "agent with the route back" "$(aws ssm describe-instance-information \
  --query 'InstanceInformationList[0].PingStatus')" "Online"

step "SSM Run Command: ping from the private instance"
COMMAND=$(aws ssm send-command --document-name AWS-RunShellScript --instance-ids "$INSTANCE" \
  --comment "ping through the NAT gateway" --parameters 'commands=["ping -c 4 8.8.8.8"]' --query Command.CommandId)
case "$COMMAND" in ????????-????-????-????-????????????) echo "ok: command $COMMAND" ;; *) echo "FAIL: command id '$COMMAND'"; exit 1 ;; esac
# ping -c 4 takes about three seconds of simulated time: move the server's clock on instead of waiting.
curl -sf -X POST "$ENDPOINT/_localvpc/clock/advance?seconds=10" >/dev/null
aws ssm wait command-executed --command-id "$COMMAND" --instance-id "$INSTANCE"
expect "invocation" "$(aws ssm get-command-invocation --command-id "$COMMAND" --instance-id "$INSTANCE" \
  --query '[Status,ResponseCode,PluginName]')" "Success	0	aws:runShellScript"
PING_OUTPUT=$(aws ssm get-command-invocation --command-id "$COMMAND" --instance-id "$INSTANCE" --query StandardOutputContent)
echo "$PING_OUTPUT"
case "$PING_OUTPUT" in *"4 packets transmitted, 4 received, 0% packet loss"*) echo "ok: ping output" ;; *) echo "FAIL: ping output"; exit 1 ;; esac
BY_TAG=$(aws ssm send-command --document-name AWS-RunShellScript --targets Key=tag:Name,Values=hands-on-ec2 \
  --parameters 'commands=["hostname","exit 3"]' --query Command.CommandId)
curl -sf -X POST "$ENDPOINT/_localvpc/clock/advance?seconds=5" >/dev/null
expect "targeted by tag, failing script" "$(aws ssm list-command-invocations --command-id "$BY_TAG" --details \
  --query 'CommandInvocations[0].[InstanceId,Status,CommandPlugins[0].ResponseCode]')" "$INSTANCE	Failed	3"
expect "commands on the instance" "$(aws ssm list-commands --instance-id "$INSTANCE" --query 'length(Commands)')" "2"
expect_error InvalidInstanceId ssm send-command --document-name AWS-RunShellScript --instance-ids i-0123456789abcdef0 \
  --parameters 'commands=["echo hi"]'

step "Tear down in dependency order"
expect_error DependencyViolation ec2 delete-vpc --vpc-id "$VPC"
expect_error DependencyViolation ec2 delete-subnet --subnet-id "$PRIVATE"
aws ec2 terminate-instances --instance-ids "$INSTANCE" >/dev/null
aws ec2 wait instance-terminated --instance-ids "$INSTANCE"
aws iam remove-role-from-instance-profile --instance-profile-name hands-on-profile --role-name hands-on-ssm-role
aws iam delete-instance-profile --instance-profile-name hands-on-profile
aws iam detach-role-policy --role-name hands-on-ssm-role --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
aws iam delete-role --role-name hands-on-ssm-role
aws ec2 delete-nat-gateway --nat-gateway-id "$NAT" >/dev/null
for _ in $(seq 1 20); do
  [ "$(aws ec2 describe-nat-gateways --nat-gateway-ids "$NAT" --query 'NatGateways[0].State')" = "deleted" ] && break
  sleep 0.2
done
expect "NAT state" "$(aws ec2 describe-nat-gateways --nat-gateway-ids "$NAT" --query 'NatGateways[0].State')" "deleted"
expect "private route after the NAT is gone" "$(aws ec2 describe-route-tables --route-table-ids "$PRIVATE_RT" \
  --query "RouteTables[0].Routes[?DestinationCidrBlock=='0.0.0.0/0'].State")" "blackhole"
aws ec2 release-address --allocation-id "$ALLOCATION"
aws ec2 disassociate-route-table --association-id "$PRIVATE_ASSOC"
aws ec2 disassociate-route-table --association-id "$PUBLIC_ASSOC"
aws ec2 delete-route-table --route-table-id "$PRIVATE_RT"
aws ec2 delete-route-table --route-table-id "$PUBLIC_RT"
aws ec2 delete-security-group --group-id "$SG"
aws ec2 delete-subnet --subnet-id "$PRIVATE"
aws ec2 delete-subnet --subnet-id "$PUBLIC"
expect_error DependencyViolation ec2 delete-internet-gateway --internet-gateway-id "$IGW"
aws ec2 detach-internet-gateway --internet-gateway-id "$IGW" --vpc-id "$VPC"
aws ec2 delete-internet-gateway --internet-gateway-id "$IGW"
aws ec2 delete-vpc --vpc-id "$VPC"
expect_error InvalidVpcID.NotFound ec2 describe-vpcs --vpc-ids "$VPC"
echo
echo "hands-on complete"
