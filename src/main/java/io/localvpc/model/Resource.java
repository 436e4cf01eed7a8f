package io.localvpc.model;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Anything the cloud model stores: an immutable record with an id that is unique within its
 * account and region. The store writes resources as JSON tagged with their class name relative to this package.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.MINIMAL_CLASS, property = "type")
public interface Resource {
    String id();
}
