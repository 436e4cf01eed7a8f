package io.localvpc.wire;

import software.amazon.awssdk.core.SdkField;

/**
 * The two form-encoded dialects. EC2 names list items {@code Name.N} and wraps response list items
 * in {@code <item>}; the AWS query protocol (IAM, STS) uses {@code Name.member.N} and {@code <member>}.
 * Member names come from the SDK field metadata in both: for EC2 the code generator has already
 * applied EC2's capitalisation rule to {@code locationName()}.
 */
public enum QueryDialect {
    EC2("", "item"),
    AWS_QUERY("member.", "member");

    private final String listInfix;
    private final String responseListItem;

    QueryDialect(String listInfix, String responseListItem) {
        this.listInfix = listInfix;
        this.responseListItem = responseListItem;
    }

    /** The request parameter name of a member. */
    public String requestName(SdkField<?> field) {
        return field.locationName();
    }

    /** The prefix under which a list's items are numbered: {@code Filter.} or {@code Tags.member.}. */
    public String listPrefix(String listName) {
        return listName + "." + listInfix;
    }

    /** The response element name of a member. */
    public String responseName(SdkField<?> field) {
        return field.unmarshallLocationName();
    }

    public String responseListItem() {
        return responseListItem;
    }
}
