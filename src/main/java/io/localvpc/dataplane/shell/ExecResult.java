package io.localvpc.dataplane.shell;

/** What a command line run on an instance left behind: its standard output, standard error and exit status. */
public record ExecResult(String stdout, String stderr, int exitCode) {

    public static ExecResult ok(String stdout) {
        return new ExecResult(stdout, "", 0);
    }

    public static ExecResult error(String stderr, int exitCode) {
        return new ExecResult("", stderr, exitCode);
    }

    /** This result followed by {@code next}, as a shell running two commands in a row prints them; the exit status is the last one's. */
    public ExecResult then(ExecResult next) {
        return new ExecResult(stdout + next.stdout, stderr + next.stderr, next.exitCode);
    }
}
