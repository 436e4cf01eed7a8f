package io.localvpc.cli;

import io.localvpc.terraform.engine.Plan;
import io.localvpc.terraform.render.PlanRenderer;
import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code localvpc plan [DIR]}: what apply would do, in Terraform's words, without doing it. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the changes the Terraform configuration in DIR requires (built-in engine, no Terraform needed).")
public final class PlanCommand extends EngineCommand {

    public PlanCommand() {
        this(System.getenv(), System.in);
    }

    public PlanCommand(Map<String, String> env, InputStream stdin) {
        super(env, stdin);
    }

    @Override
    Integer execute() {
        try (TerraformSession session = session("OperationTypePlan")) {
            Plan plan = session.engine.plan(false);
            out().print(PlanRenderer.render(plan));
            if (!plan.isEmpty()) {
                out().print("\n" + PlanRenderer.RULE + "\n\nNote: You didn't use the -out option to save this plan, so Terraform can't\n"
                        + "guarantee to take exactly these actions if you run \"terraform apply\" now.\n");
            }
            return 0;
        }
    }
}
