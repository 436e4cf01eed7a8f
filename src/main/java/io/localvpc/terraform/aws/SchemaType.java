package io.localvpc.terraform.aws;

import io.localvpc.terraform.provider.Schema;

/**
 * The name and schema every resource and data source type of the provider declares: one place for
 * the two accessors of the {@code ResourceType} and {@code DataSourceType} contracts.
 */
public abstract class SchemaType {
    private final String typeName;
    private final Schema schema;

    protected SchemaType(String typeName, Schema schema) {
        this.typeName = typeName;
        this.schema = schema;
    }

    /** {@code aws_vpc}, {@code aws_iam_role}… */
    public final String typeName() {
        return typeName;
    }

    public final Schema schema() {
        return schema;
    }
}
