package io.localvpc.terraform.provider;

import java.util.Map;

/** One data source type, such as {@code aws_ami}: reads what exists and answers its attributes. */
public interface DataSourceType {

    String typeName();

    Schema schema();

    /**
     * Reads the data source for the configured arguments ({@code config}, one value per schema
     * attribute and block, null where not set) and returns all of its attributes, {@code id} included.
     * Fails with a {@link ProviderException} as the provider does (e.g. {@code Your query returned no results.}).
     */
    Map<String, Object> read(AwsContext aws, Map<String, Object> config);
}
