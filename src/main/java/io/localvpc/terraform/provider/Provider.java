package io.localvpc.terraform.provider;

import java.util.Optional;
import java.util.Set;

/** The resource and data source types one provider serves. */
public interface Provider {

    Optional<ResourceType> resource(String typeName);

    Optional<DataSourceType> dataSource(String typeName);

    Set<String> resourceTypes();

    Set<String> dataSourceTypes();
}
