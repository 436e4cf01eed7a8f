package io.localvpc.terraform.engine;

/** A root output's value before and after the plan (after may be unknown; {@code removed} when its block is gone). */
public record OutputChange(String name, Object before, Object after, boolean sensitive, boolean removed, boolean existed) {

    public boolean changed() {
        return removed || !existed || !io.localvpc.terraform.state.Values.same(before, after);
    }
}
