package io.localvpc.terraform.render;

import io.localvpc.terraform.engine.Action;
import io.localvpc.terraform.engine.OutputChange;
import io.localvpc.terraform.engine.Plan;
import io.localvpc.terraform.engine.ResourceChange;
import io.localvpc.terraform.state.ResourceAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** A plan as {@code terraform plan} prints it. */
public final class PlanRenderer {
    public static final String RULE = "─".repeat(77);

    private PlanRenderer() {}

    public static String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        if (!plan.drift().isEmpty()) {
            out.append(drift(plan.drift()));
        }
        if (plan.isEmpty()) {
            if (plan.destroy()) {
                out.append("\nNo changes. No objects need to be destroyed.\n\n"
                        + "Either you have not created any objects yet or the existing objects were\n"
                        + "already deleted outside of Terraform.\n");
            } else {
                out.append("\nNo changes. Your infrastructure matches the configuration.\n\n"
                        + "Terraform has compared your real infrastructure against your configuration\n"
                        + "and found no differences, so no changes are needed.\n");
            }
            return out.toString();
        }
        List<ResourceChange> shown = plan.changes().stream().filter(c -> c.action() != Action.NO_OP).toList();
        if (!shown.isEmpty()) {
            EnumSet<Action> present = EnumSet.noneOf(Action.class);
            shown.forEach(c -> present.add(c.action()));
            out.append("\nTerraform used the selected providers to generate the following execution plan. "
                    + "Resource actions are indicated with the following symbols:\n");
            for (Action action : List.of(Action.CREATE, Action.UPDATE, Action.DELETE, Action.DELETE_THEN_CREATE,
                    Action.CREATE_THEN_DELETE, Action.READ)) {
                if (present.contains(action)) {
                    out.append(String.format("%3s ", action.symbol())).append(action.legend()).append('\n');
                }
            }
            out.append("\nTerraform will perform the following actions:\n");
            for (ResourceChange change : shown) {
                out.append('\n').append(change(change));
            }
            out.append("\nPlan: ").append(plan.toAdd()).append(" to add, ").append(plan.toChange()).append(" to change, ")
                    .append(plan.toDestroy()).append(" to destroy.\n");
        }
        if (plan.hasOutputChanges()) {
            out.append("\nChanges to Outputs:\n").append(outputs(plan.outputChanges()));
            if (shown.isEmpty()) {
                out.append("\nYou can apply this plan to save these new output values to the Terraform\n"
                        + "state, without changing any real infrastructure.\n");
            }
        }
        return out.toString();
    }

    /** One instance's change: the headline comment and the resource block with its diff. */
    public static String change(ResourceChange change) {
        Lines lines = new Lines(true);
        ResourceAddress resource = change.address().resource();
        lines.line(0, "#", change.address() + " " + change.action().headline());
        if (change.reason() != null) {
            lines.line(0, "#", change.reason());
        }
        boolean data = resource.mode() == ResourceAddress.Mode.DATA;
        lines.line(0, change.action().symbol(), (data ? "data" : "resource") + " \"" + resource.type() + "\" \""
                + resource.name() + "\" {");
        Map<String, Object> before = change.action() == Action.CREATE || change.action() == Action.READ ? null : change.before();
        Map<String, Object> after = change.action() == Action.DELETE ? null : change.after();
        new BodyRenderer(lines, true).body(1, change.schema(), before, after, change.replacePaths());
        lines.line(0, "", "}");
        return lines.toString();
    }

    private static String drift(List<ResourceChange> drift) {
        StringBuilder out = new StringBuilder("\nNote: Objects have changed outside of Terraform\n\n"
                + "Terraform detected the following changes made outside of Terraform since the\n"
                + "last \"terraform apply\" which may have affected this plan:\n");
        for (ResourceChange change : drift) {
            Lines lines = new Lines(true);
            ResourceAddress resource = change.address().resource();
            lines.line(0, "#", change.address() + " has been deleted");
            lines.line(0, "-", "resource \"" + resource.type() + "\" \"" + resource.name() + "\" {");
            Object id = change.before().get("id");
            int others = (int) change.before().entrySet().stream().filter(e -> !e.getKey().equals("id") && e.getValue() != null).count();
            int width = "id".length();
            lines.line(1, "-", String.format("%-" + width + "s = %s -> null", "id", Literals.primitive(id)));
            if (others > 0) {
                lines.line(1, "", "# (" + others + " unchanged attribute" + (others == 1 ? "" : "s") + " hidden)");
            }
            lines.line(0, "", "}");
            out.append('\n').append(lines);
        }
        out.append("\n\nUnless you have made equivalent changes to your configuration, or ignored the\n"
                + "relevant attributes using ignore_changes, the following plan may include\n"
                + "actions to undo or respond to these changes.\n\n").append(RULE).append('\n');
        return out.toString();
    }

    static String outputs(List<OutputChange> changes) {
        Lines lines = new Lines(true);
        List<OutputChange> changed = changes.stream().filter(OutputChange::changed).toList();
        int width = changed.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (OutputChange c : changed) {
            String name = String.format("%-" + width + "s = ", c.name());
            String symbol = c.removed() ? "-" : !c.existed() ? "+" : "~";
            String after = c.sensitive() ? "(sensitive value)" : Compact.of(c.after());
            String before = c.sensitive() ? "(sensitive value)" : Compact.of(c.before());
            switch (symbol) {
                case "+" -> lines.line(0, "+", name + after);
                case "-" -> lines.line(0, "-", name + before + " -> null");
                default -> lines.line(0, "~", name + before + " -> " + after);
            }
        }
        return lines.toString();
    }
}
