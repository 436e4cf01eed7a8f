package io.localvpc.cli;

import io.localvpc.LocalVpc;
import io.localvpc.LocalVpcConfig;
import io.localvpc.service.Quotas;
import io.localvpc.service.Timings;
import io.localvpc.terraform.aws.AwsProvider;
import io.localvpc.terraform.config.ConfigLoader;
import io.localvpc.terraform.config.Configuration;
import io.localvpc.terraform.config.InputVariables;
import io.localvpc.terraform.engine.Engine;
import io.localvpc.terraform.engine.Progress;
import io.localvpc.terraform.engine.Scope;
import io.localvpc.terraform.lang.Value;
import io.localvpc.terraform.provider.AwsContext;
import io.localvpc.terraform.state.State;
import io.localvpc.terraform.state.StateFile;
import io.localvpc.terraform.state.StateLock;
import io.localvpc.time.SimClock;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One plan, apply or destroy: the configuration and its variables, the state under its lock, an
 * AWS context for LocalVPC's endpoint and the region of the provider block, and, when nothing
 * answers at the endpoint, a LocalVPC started in this process (state in {@code .localvpc}) for
 * the duration of the command.
 */
final class TerraformSession implements AutoCloseable {
    static final String DEFAULT_CREDENTIAL = "test";

    final Configuration config;
    final Map<String, Value> variables;
    final StateFile stateFile;
    final State state;
    final AwsContext aws;
    final Engine engine;
    private final StateLock lock;
    private final LocalVpc inProcess;
    private final Progress progress;

    private TerraformSession(Configuration config, Map<String, Value> variables, StateFile stateFile, State state, StateLock lock,
            AwsContext aws, LocalVpc inProcess, Engine engine, Progress progress) {
        this.config = config;
        this.variables = variables;
        this.stateFile = stateFile;
        this.state = state;
        this.lock = lock;
        this.aws = aws;
        this.inProcess = inProcess;
        this.engine = engine;
        this.progress = progress;
    }

    /**
     * @param sources receives every file's text (configuration and variables files) for diagnostics
     * @param operation the lock's operation, e.g. {@code OperationTypeApply}
     */
    static TerraformSession open(Path dir, String endpointOption, List<InputVariables.CommandLineValue> values,
            Map<String, String> env, Map<String, String> sources, String operation, int parallelism, PrintWriter out) {
        AwsProvider provider = AwsProvider.create();
        // A load that fails has TerraformCommand read the sources for its diagnostics; one that succeeds has them already.
        Configuration config = ConfigLoader.load(dir, provider);
        sources.putAll(config.sources());
        Map<String, Value> variables = InputVariables.resolve(config, values, env, sources);
        ClientSettings settings = ClientSettings.resolve(endpointOption, null, env);
        Scope scope = new Scope(config, variables);
        String region = region(config, scope, env);
        Map<String, String> defaultTags = defaultTags(config, scope);
        StateLock lock = StateLock.acquire(dir, operation);
        LocalVpc inProcess = null;
        try {
            StateFile stateFile = StateFile.in(dir);
            State state = stateFile.read();
            URI endpoint = settings.endpoint();
            if (!answers(endpoint)) {
                inProcess = startInProcess(endpoint, out);
                endpoint = inProcess.endpoint();
            }
            AwsContext aws = new AwsContext(endpoint, region, env.getOrDefault("AWS_ACCESS_KEY_ID", DEFAULT_CREDENTIAL),
                    env.getOrDefault("AWS_SECRET_ACCESS_KEY", DEFAULT_CREDENTIAL), defaultTags);
            Progress progress = new Progress(out);
            Engine engine = new Engine(config, variables, provider, aws, state, stateFile, parallelism, progress);
            return new TerraformSession(config, variables, stateFile, state, lock, aws, inProcess, engine, progress);
        } catch (RuntimeException e) {
            if (inProcess != null) {
                inProcess.close();
            }
            lock.close();
            throw e;
        }
    }

    /** {@code provider "aws" { region }}, else AWS_REGION, else AWS_DEFAULT_REGION, else the server's default. */
    private static String region(Configuration config, Scope scope, Map<String, String> env) {
        if (config.provider().region() != null) {
            Value region = scope.evaluate(config.provider().region());
            if (region.isWhollyKnown() && !region.isNull()) {
                return region.asString();
            }
        }
        for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return ClientSettings.DEFAULT_REGION;
    }

    private static Map<String, String> defaultTags(Configuration config, Scope scope) {
        Map<String, String> out = new LinkedHashMap<>();
        if (config.provider().defaultTags() != null) {
            Value tags = scope.evaluate(config.provider().defaultTags());
            if (!tags.isNull()) {
                tags.attributes().forEach((k, v) -> out.put(k, v.convert(io.localvpc.terraform.lang.Type.STRING).asString()));
            }
        }
        return out;
    }

    /** Whether something accepts connections at the endpoint (a quick TCP connect, no request). */
    static boolean answers(URI endpoint) {
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : endpoint.getScheme().equals("https") ? 443 : 80;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static LocalVpc startInProcess(URI endpoint, PrintWriter out) {
        if (!List.of("localhost", "127.0.0.1").contains(endpoint.getHost())) {
            throw new IllegalStateException("Nothing answers at " + endpoint + ": start LocalVPC there (localvpc serve) "
                    + "or point --endpoint / AWS_ENDPOINT_URL at a running one.");
        }
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : LocalVpcConfig.DEFAULT_PORT;
        Path dataDir = Path.of(".localvpc");
        // The command's output is Terraform's; the in-process server's access log would drown it.
        if (System.getProperty("org.slf4j.simpleLogger.log.localvpc.access") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.localvpc.access", "warn");
        }
        LocalVpc localVpc = LocalVpc.start(new LocalVpcConfig(LocalVpcConfig.DEFAULT_HOST, port, dataDir, SimClock.system(),
                Timings.DEFAULT, Quotas.DEFAULT));
        out.println("LocalVPC is not running at " + endpoint + "; started it in this process for this command (state in "
                + dataDir.toAbsolutePath() + ").");
        out.flush();
        return localVpc;
    }

    @Override
    public void close() {
        progress.close();
        aws.close();
        if (inProcess != null) {
            inProcess.close();
        }
        lock.close();
    }
}
