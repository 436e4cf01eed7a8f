package io.localvpc.cli;

import io.localvpc.testing.LocalVpcServer;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code localvpc} Terraform commands in-process against a test server, in one working directory. */
final class TerraformCli {
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final LocalVpcServer server;
    private final Path dir;
    private final String accessKey;

    TerraformCli(LocalVpcServer server, Path dir, String accessKey) {
        this.server = server;
        this.dir = dir;
        this.accessKey = accessKey;
    }

    Map<String, String> env() {
        return Map.of("AWS_ENDPOINT_URL", server.localVpc().endpoint().toString(), "AWS_ACCESS_KEY_ID", accessKey,
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_REGION", LocalVpcServer.REGION.id());
    }

    /** {@code localvpc COMMAND -chdir=DIR ARGS…}, answering {@code input} to any prompt. */
    Result answering(String input, String... args) {
        CommandLine cli = LocalVpcCommand.commandLine(env(), new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>();
        int words = args[0].equals("state") ? 2 : 1;
        for (int i = 0; i < words; i++) {
            all.add(args[i]);
        }
        all.add("-chdir=" + dir);
        all.addAll(List.of(args).subList(words, args.length));
        int code = cli.execute(all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    Result run(String... args) {
        return answering("", args);
    }
}
