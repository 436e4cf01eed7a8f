package io.localvpc.terraform.render;

/**
 * Indented lines of a plan or a state listing. In a plan every line has a four-character action
 * column ({@code "  + "}, {@code "-/+ "}) after the indentation of its level; a state listing has none.
 */
final class Lines {
    private final StringBuilder out = new StringBuilder();
    private final boolean actionColumn;

    Lines(boolean actionColumn) {
        this.actionColumn = actionColumn;
    }

    /** A line at nesting {@code level} with an action symbol ({@code "+"}, {@code "~"}, {@code ""}…). */
    Lines line(int level, String symbol, String text) {
        out.append("    ".repeat(level));
        if (actionColumn) {
            out.append(String.format("%3s ", symbol));
        }
        out.append(text).append('\n');
        return this;
    }

    /** Appends to the last line (e.g. {@code " -> null"} after a closing brace). */
    Lines appendToLast(String text) {
        out.setLength(out.length() - 1);
        out.append(text).append('\n');
        return this;
    }

    boolean actionColumn() {
        return actionColumn;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
