package io.localvpc.cli;

import io.localvpc.terraform.aws.AwsProvider;
import io.localvpc.terraform.provider.Schema;
import io.localvpc.terraform.render.StateRenderer;
import io.localvpc.terraform.state.InstanceAddress;
import io.localvpc.terraform.state.InstanceState;
import io.localvpc.terraform.state.ResourceAddress;
import io.localvpc.terraform.state.State;
import io.localvpc.terraform.state.StateFile;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code localvpc state list} and {@code localvpc state show ADDRESS}: what the Terraform state holds. */
@Command(name = "state", mixinStandardHelpOptions = true, description = "Read the Terraform state (list, show).",
        subcommands = {StateCommand.ListCommand.class, StateCommand.ShowCommand.class})
public final class StateCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code state list}: every instance's address, data sources first. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the resources in the state.")
    public static final class ListCommand extends TerraformCommand {
        @Parameters(arity = "0..*", paramLabel = "ADDRESS", description = "Only instances of these resources.")
        java.util.List<String> filters = java.util.List.of();

        public ListCommand() {
            this(System.getenv(), System.in);
        }

        public ListCommand(Map<String, String> env, InputStream stdin) {
            super(env, stdin);
        }

        @Override
        Integer execute() {
            State state = StateFile.in(dir()).read();
            for (InstanceAddress address : state.instances().keySet()) {
                String text = address.toString();
                if (filters.isEmpty() || filters.stream().anyMatch(f -> text.equals(f) || address.resource().toString().equals(f))) {
                    out().println(text);
                }
            }
            return 0;
        }
    }

    /** {@code state show ADDRESS}: one instance's attributes, as Terraform lays them out. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a resource in the state.")
    public static final class ShowCommand extends TerraformCommand {
        @Parameters(index = "0", paramLabel = "ADDRESS", description = "The instance, e.g. aws_nat_gateway.nat_gateway or aws_subnet.private[0].")
        String address;

        public ShowCommand() {
            this(System.getenv(), System.in);
        }

        public ShowCommand(Map<String, String> env, InputStream stdin) {
            super(env, stdin);
        }

        @Override
        Integer execute() {
            InstanceAddress parsed;
            try {
                parsed = InstanceAddress.parse(address);
            } catch (IllegalArgumentException e) {
                printError("Error parsing instance address: " + address, "This command requires that the address references one specific instance.");
                return ERROR;
            }
            State state = StateFile.in(dir()).read();
            Optional<InstanceState> instance = state.instance(parsed);
            if (instance.isEmpty()) {
                printError("No instance found for the given address!", "This command requires that the address references one specific instance.\n"
                        + "To view the available instances, use \"terraform state list\". Please modify \nthe address to reference a specific instance.");
                return ERROR;
            }
            AwsProvider provider = AwsProvider.create();
            ResourceAddress resource = parsed.resource();
            Schema schema = resource.mode() == ResourceAddress.Mode.DATA
                    ? provider.dataSource(resource.type()).map(d -> d.schema()).orElse(null)
                    : provider.resource(resource.type()).map(r -> r.schema()).orElse(null);
            out().print(StateRenderer.show(parsed, instance.get(), schema));
            return 0;
        }
    }
}
