package io.localvpc.terraform.aws.ec2;

import static io.localvpc.terraform.provider.AttributeType.STRING;

import io.localvpc.terraform.aws.SchemaType;
import io.localvpc.terraform.aws.Errors;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.provider.DataSourceType;
import io.localvpc.terraform.provider.Schema;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** {@code data "aws_caller_identity"}: STS GetCallerIdentity; its id is the account. */
public final class CallerIdentityData extends SchemaType implements DataSourceType {
    private static final Schema SCHEMA = Schema.builder()
            .computed("account_id", STRING)
            .computed("arn", STRING)
            .computed("id", STRING)
            .computed("user_id", STRING)
            .build();

    public CallerIdentityData() {
        super("aws_caller_identity", SCHEMA);
    }

    @Override
    public Map<String, Object> read(AwsContext aws, Map<String, Object> config) {
        GetCallerIdentityResponse identity = Errors.call("reading STS Caller Identity", () -> aws.sts().getCallerIdentity(r -> {}));
        Map<String, Object> out = DataSources.values(SCHEMA, config);
        out.put("account_id", identity.account());
        out.put("arn", identity.arn());
        out.put("id", identity.account());
        out.put("user_id", identity.userId());
        return out;
    }
}
