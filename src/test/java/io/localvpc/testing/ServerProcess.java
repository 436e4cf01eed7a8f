package io.localvpc.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LocalVPC as a separate operating-system process, started the way a user starts it
 * ({@code localvpc serve}), so tests can stop it politely or with {@code kill -9}.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final URI endpoint;
    private final StringBuilder output = new StringBuilder();

    private ServerProcess(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts {@code localvpc serve --port 0 --data-dir dir} and waits until it listens. */
    public static ServerProcess start(Path dataDir, String... extraArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath(),
                "io.localvpc.cli.LocalVpcCommand", "serve", "--port", "0", "--data-dir", dataDir.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<URI> endpoint = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = lines.readLine()) != null; ) {
                    seen.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        return URI.create(m.group(1));
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            URI uri = endpoint.get(30, TimeUnit.SECONDS);
            if (uri == null) {
                throw new IllegalStateException("LocalVPC exited before listening:\n" + seen);
            }
            ServerProcess server = new ServerProcess(process, uri);
            Thread drain = new Thread(() -> {
                try {
                    for (String line; (line = lines.readLine()) != null; ) {
                        synchronized (server.output) {
                            server.output.append(line).append('\n');
                        }
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, "localvpc-process-output");
            drain.setDaemon(true);
            drain.start();
            return server;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("LocalVPC did not start:\n" + seen, e);
        }
    }

    /** The test class path: surefire's when run by Maven, else this JVM's. */
    public static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    public URI endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    /** {@code kill -9}: no shutdown hook, no flush, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A polite stop (SIGTERM), as Ctrl-C or a service manager does. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

}
