package io.localvpc.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;

/** One effect of a committed transaction, as written to the journal and replayed on start. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "op")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Change.Put.class, name = "put"),
    @JsonSubTypes.Type(value = Change.Remove.class, name = "remove"),
    @JsonSubTypes.Type(value = Change.Tags.class, name = "tags")
})
public sealed interface Change {
    /** A resource created or replaced. */
    record Put(Resource resource) implements Change {}

    /** A resource deleted, with its tags. */
    record Remove(String type, String id) implements Change {}

    /** The complete tag set of a resource after the change (empty: no tags). */
    record Tags(String id, Map<String, String> tags) implements Change {}
}
