package io.localvpc.dataplane.shell;

import java.util.List;

/** One program on the instance's PATH. */
public interface Tool {

    /** The name it is called by. */
    String name();

    /** Runs it with {@code args} (without the program name) on the instance of {@code session}. */
    ExecResult run(Session session, List<String> args);
}
