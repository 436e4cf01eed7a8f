package io.localvpc.cli;

import io.localvpc.terraform.engine.Applier;
import io.localvpc.terraform.engine.Plan;
import io.localvpc.terraform.render.OutputRenderer;
import io.localvpc.terraform.render.PlanRenderer;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The commands that talk to LocalVPC through the engine ({@code plan}, {@code apply},
 * {@code destroy}): the endpoint, the parallelism, and the plan-confirm-apply sequence that
 * apply and destroy share.
 */
abstract class EngineCommand extends TerraformCommand {

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "LocalVPC's endpoint (default: $AWS_ENDPOINT_URL, else " + ClientSettings.DEFAULT_ENDPOINT
                    + "; when nothing answers there, LocalVPC runs in this process for the command).")
    String endpoint;

    @Option(names = {"-parallelism", "--parallelism"}, paramLabel = "N", description = "Limit the number of concurrent operations (default: ${DEFAULT-VALUE}).")
    int parallelism = 10;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "The configuration's directory (default: the working directory).")
    Path dir;

    @Override
    Path dirArgument() {
        return dir;
    }

    EngineCommand(Map<String, String> env, InputStream stdin) {
        super(env, stdin);
    }

    TerraformSession session(String operation) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("The parallelism must be at least 1.");
        }
        return TerraformSession.open(dir(), endpoint, variableValues, env, sources, operation, parallelism, out());
    }

    /** Plans, shows the plan, asks unless {@code autoApprove}, applies and reports as Terraform does. */
    int planAndApply(boolean destroy, boolean autoApprove) {
        PrintWriter out = out();
        try (TerraformSession session = session("OperationTypeApply")) {
            Plan plan = session.engine.plan(destroy);
            out.print(PlanRenderer.render(plan));
            out.flush();
            if (!plan.isEmpty() && !autoApprove) {
                boolean yes = destroy
                        ? confirm("Do you really want to destroy all resources?",
                                "  Terraform will destroy all your managed infrastructure, as shown above.\n"
                                        + "  There is no undo. Only 'yes' will be accepted to confirm.")
                        : confirm("Do you want to perform these actions?",
                                "  Terraform will perform the actions described above.\n  Only 'yes' will be accepted to approve.");
                if (!yes) {
                    out.println(destroy ? "Destroy cancelled." : "Apply cancelled.");
                    return ERROR;
                }
            } else if (!plan.isEmpty()) {
                out.println();
            }
            Applier.Result result = session.engine.apply(plan);
            if (!result.failures().isEmpty()) {
                result.failures().forEach(this::print);
                return ERROR;
            }
            if (destroy) {
                out.println("\nDestroy complete! Resources: " + result.destroyed() + " destroyed.");
            } else {
                out.println("\nApply complete! Resources: " + result.added() + " added, " + result.changed() + " changed, "
                        + result.destroyed() + " destroyed.");
                if (!session.state.outputs().isEmpty()) {
                    out.print("\nOutputs:\n\n" + OutputRenderer.all(session.state.outputs()));
                }
            }
            return 0;
        }
    }
}
