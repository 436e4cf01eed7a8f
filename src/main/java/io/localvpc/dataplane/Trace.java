package io.localvpc.dataplane;

import java.util.List;

/**
 * Every decision of one packet walk, as data: the ordered hops it crossed and, when it stopped,
 * the hop where and the reason, as a VPC Reachability Analyzer explanation code (own codes only
 * where AWS has none). The same value answers {@code ping}, {@code localvpc trace}, flow logs
 * and later reachability analyses.
 */
public record Trace(List<Hop> hops, boolean reachable, Explanation explanation) {

    public Trace {
        hops = List.copyOf(hops);
    }

    /**
     * One step of the walk: which component ({@code eni-…}, {@code sg-…}, {@code acl-…},
     * {@code rtb-…}, {@code nat-…}, {@code igw-…}, {@code internet}), what it did, and the rule or
     * route that decided it; {@code translation} is set where an address changed
     * ({@code 10.0.20.5:40123 → 10.0.10.12:1024}).
     */
    public record Hop(String component, String kind, String action, String detail, String translation) {}

    /** Why a packet stopped: the code, a sentence, and the resource it names (route table, group, ACL…). */
    public record Explanation(String code, String message, String resourceId) {}
}
