package io.localvpc.terraform.engine;

/** What a plan does to one resource instance, with the symbol and words Terraform prints for it. */
public enum Action {
    NO_OP("  ", "", ""),
    CREATE("+", "create", "will be created"),
    READ("<=", "read (data resources)", "will be read during apply"),
    UPDATE("~", "update in-place", "will be updated in-place"),
    DELETE_THEN_CREATE("-/+", "destroy and then create replacement", "must be replaced"),
    CREATE_THEN_DELETE("+/-", "create replacement and then destroy", "must be replaced"),
    DELETE("-", "destroy", "will be destroyed");

    private final String symbol;
    private final String legend;
    private final String headline;

    Action(String symbol, String legend, String headline) {
        this.symbol = symbol;
        this.legend = legend;
        this.headline = headline;
    }

    /** {@code +}, {@code ~}, {@code -/+}… */
    public String symbol() {
        return symbol;
    }

    /** The words after the symbol in the plan's legend ("create", "update in-place"…). */
    public String legend() {
        return legend;
    }

    /** The words after {@code # address} ("will be created"…). */
    public String headline() {
        return headline;
    }

    public boolean isReplace() {
        return this == DELETE_THEN_CREATE || this == CREATE_THEN_DELETE;
    }

    public boolean creates() {
        return this == CREATE || isReplace();
    }

    public boolean deletes() {
        return this == DELETE || isReplace();
    }
}
