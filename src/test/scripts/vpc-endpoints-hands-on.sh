#!/usr/bin/env bash
# "A VPC with private subnets only and interface endpoints for SSM", driven with the AWS CLI v2
# against LocalVPC: no internet gateway and no NAT gateway; interface endpoints for ssm, ssmmessages
# and ec2messages with private DNS behind a security group that allows HTTPS from the VPC; an S3
# gateway endpoint on the private route table; an instance with an SSM instance profile, whose
# shell (POST /_localvpc/exec) resolves the SSM name to the endpoint and connects to it; then
# everything torn down in dependency order. Needs AWS (the CLI binary) and ENDPOINT in the environment.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

REGION=$AWS_DEFAULT_REGION

step "A VPC with private subnets only"
VPC=$(aws ec2 create-vpc --cidr-block 10.1.0.0/16 --query Vpc.VpcId)
aws ec2 modify-vpc-attribute --vpc-id "$VPC" --enable-dns-hostnames '{"Value":true}'
SUBNET_A=$(aws ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.1.1.0/24 --availability-zone "${REGION}a" --query Subnet.SubnetId)
SUBNET_C=$(aws ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.1.2.0/24 --availability-zone "${REGION}c" --query Subnet.SubnetId)
SUBNET_A2=$(aws ec2 create-subnet --vpc-id "$VPC" --cidr-block 10.1.3.0/24 --availability-zone "${REGION}a" --query Subnet.SubnetId)
TABLE=$(aws ec2 create-route-table --vpc-id "$VPC" --query RouteTable.RouteTableId)
aws ec2 associate-route-table --route-table-id "$TABLE" --subnet-id "$SUBNET_A" >/dev/null
aws ec2 associate-route-table --route-table-id "$TABLE" --subnet-id "$SUBNET_C" >/dev/null

step "What a VPC can connect to"
expect "ssm's private DNS name" "$(aws ec2 describe-vpc-endpoint-services --service-names "com.amazonaws.$REGION.ssm" \
  --query 'ServiceDetails[0].PrivateDnsName')" "ssm.$REGION.amazonaws.com"
S3_LIST=$(aws ec2 describe-prefix-lists --filters "Name=prefix-list-name,Values=com.amazonaws.$REGION.s3" --query 'PrefixLists[0].PrefixListId')
case "$S3_LIST" in pl-*) echo "ok: S3 prefix list $S3_LIST" ;; *) echo "FAIL: prefix list '$S3_LIST'"; exit 1 ;; esac

step "Interface endpoints for SSM behind HTTPS from the VPC"
ENDPOINT_SG=$(aws ec2 create-security-group --group-name ssm-endpoints --description "HTTPS from the VPC" --vpc-id "$VPC" --query GroupId)
aws ec2 authorize-security-group-ingress --group-id "$ENDPOINT_SG" --protocol tcp --port 443 --cidr 10.1.0.0/16 >/dev/null
ENDPOINTS=()
for SERVICE in ssm ssmmessages ec2messages; do
  ENDPOINTS+=("$(aws ec2 create-vpc-endpoint --vpc-id "$VPC" --vpc-endpoint-type Interface \
    --service-name "com.amazonaws.$REGION.$SERVICE" --subnet-ids "$SUBNET_A" "$SUBNET_C" \
    --security-group-ids "$ENDPOINT_SG" --private-dns-enabled \
    --tag-specifications "ResourceType=vpc-endpoint,Tags=[{Key=Name,Value=$SERVICE}]" --query VpcEndpoint.VpcEndpointId)")
done
expect_error DuplicateSubnetsInSameZone ec2 create-vpc-endpoint --vpc-id "$VPC" --vpc-endpoint-type Interface \
  --service-name "com.amazonaws.$REGION.kms" --subnet-ids "$SUBNET_A" "$SUBNET_A2"
expect_error InvalidServiceName ec2 create-vpc-endpoint --vpc-id "$VPC" --service-name "com.amazonaws.$REGION.nothing"
S3_ENDPOINT=$(aws ec2 create-vpc-endpoint --vpc-id "$VPC" --service-name "com.amazonaws.$REGION.s3" \
  --route-table-ids "$TABLE" --query VpcEndpoint.VpcEndpointId)
expect "endpoint interfaces" "$(aws ec2 describe-network-interfaces --filters Name=interface-type,Values=vpc_endpoint \
  "Name=vpc-id,Values=$VPC" --query 'length(NetworkInterfaces)')" "6"
expect "S3 route" "$(aws ec2 describe-route-tables --route-table-ids "$TABLE" \
  --query "RouteTables[0].Routes[?DestinationPrefixListId=='$S3_LIST'].GatewayId | [0]")" "$S3_ENDPOINT"
expect "endpoints available" "$(aws ec2 describe-vpc-endpoints --filters "Name=vpc-id,Values=$VPC" \
  --query 'VpcEndpoints[].State' | tr '\t' '\n' | sort -u)" "available"
expect "ssm DNS entries" "$(aws ec2 describe-vpc-endpoints --vpc-endpoint-ids "${ENDPOINTS[0]}" \
  --query 'length(VpcEndpoints[0].DnsEntries)')" "4"
expect_error DependencyViolation ec2 delete-security-group --group-id "$ENDPOINT_SG"

step "An instance with an SSM profile, and its shell"
aws iam create-role --role-name endpoints-ssm-role --assume-role-policy-document \
  '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null
aws iam attach-role-policy --role-name endpoints-ssm-role --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
aws iam create-instance-profile --instance-profile-name endpoints-profile >/dev/null
aws iam add-role-to-instance-profile --instance-profile-name endpoints-profile --role-name endpoints-ssm-role
AMI=$(aws ec2 describe-images --owners amazon --filters 'Name=name,Values=amzn2-ami-hvm-2.0.*.0-x86_64-gp2' \
  --query 'sort_by(Images,&CreationDate)[-1].ImageId')
INSTANCE=$(aws ec2 run-instances --image-id "$AMI" --instance-type t3.nano --subnet-id "$SUBNET_A" \
  --iam-instance-profile Name=endpoints-profile --query 'Instances[0].InstanceId')
aws ec2 wait instance-running --instance-ids "$INSTANCE"
ENI_A=$(aws ec2 describe-network-interfaces --filters Name=interface-type,Values=vpc_endpoint "Name=subnet-id,Values=$SUBNET_A" \
  "Name=description,Values=VPC Endpoint Interface ${ENDPOINTS[0]}" --query 'NetworkInterfaces[0].PrivateIpAddress')
LOOKUP=$(shell "$INSTANCE" "nslookup ssm.$REGION.amazonaws.com")
case "$LOOKUP" in *"Address: $ENI_A"*) echo "ok: ssm.$REGION.amazonaws.com is $ENI_A" ;; *) echo "FAIL: $LOOKUP"; exit 1 ;; esac
CONNECT=$(shell "$INSTANCE" "nc -zv ssm.$REGION.amazonaws.com 443")
case "$CONNECT" in *"Connected to $ENI_A:443"*'"exitCode":0'*) echo "ok: HTTPS to the endpoint" ;; *) echo "FAIL: $CONNECT"; exit 1 ;; esac

step "Tear down"
aws ec2 terminate-instances --instance-ids "$INSTANCE" >/dev/null
aws ec2 wait instance-terminated --instance-ids "$INSTANCE"
expect "nothing unsuccessful" "$(aws ec2 delete-vpc-endpoints --vpc-endpoint-ids "${ENDPOINTS[@]}" "$S3_ENDPOINT" \
  --query 'length(Unsuccessful)')" "0"
expect "deleted" "$(aws ec2 describe-vpc-endpoints --vpc-endpoint-ids "$S3_ENDPOINT" --query 'VpcEndpoints[0].State')" "deleted"
aws ec2 delete-security-group --group-id "$ENDPOINT_SG"
aws ec2 delete-subnet --subnet-id "$SUBNET_A"
aws ec2 delete-subnet --subnet-id "$SUBNET_C"
aws ec2 delete-subnet --subnet-id "$SUBNET_A2"
aws ec2 delete-route-table --route-table-id "$TABLE"
aws ec2 delete-vpc --vpc-id "$VPC"
aws iam remove-role-from-instance-profile --instance-profile-name endpoints-profile --role-name endpoints-ssm-role
aws iam delete-instance-profile --instance-profile-name endpoints-profile
aws iam detach-role-policy --role-name endpoints-ssm-role --policy-arn arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore
aws iam delete-role --role-name endpoints-ssm-role
echo; echo "endpoints hands-on complete"
