package io.localvpc.dataplane.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line discipline of an interactive shell: what a raw, non-echoing client sees for what it types. */
class TerminalTest {
    private final List<String> ran = new ArrayList<>();
    private final Terminal terminal = new Terminal("$ ", line -> {
        ran.add(line);
        return new Shell.LineResult(ExecResult.ok("ran " + line + "\nok\n"), line.startsWith("exit"));
    });

    private String type(String keys) {
        return new String(terminal.type(keys.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void a_login_shows_an_empty_line_then_the_prompt() {
        assertThat(new String(terminal.start(), StandardCharsets.UTF_8)).isEqualTo("\r\n$ ");
    }

    @Test
    void cr_lf_and_cr_lf_are_each_one_enter_and_output_gets_cr_lf_line_ends() {
        assertThat(type("a\r\nb\nc\r")).isEqualTo("a\r\nran a\r\nok\r\n$ b\r\nran b\r\nok\r\n$ c\r\nran c\r\nok\r\n$ ");
        assertThat(ran).containsExactly("a", "b", "c");
    }

    @Test
    void an_empty_line_just_prompts_again() {
        assertThat(type("\r")).isEqualTo("\r\n$ ");
        assertThat(ran).isEmpty();
    }

    @Test
    void backspace_erases_a_whole_utf8_character_and_nothing_before_the_prompt() {
        assertThat(type("\u007fé\u007fe\r")).isEqualTo("é\b \be\r\nran e\r\nok\r\n$ ");
    }

    @Test
    void ctrl_u_kills_the_line_and_ctrl_c_abandons_it() {
        assertThat(type("abc\u0015x\u0003")).isEqualTo("abc\b \b\b \b\b \bx^C\r\n$ ");
        assertThat(ran).isEmpty();
    }

    @Test
    void up_and_down_arrows_walk_the_history_and_other_escapes_are_swallowed() {
        type("one\r");
        type("two\r");
        assertThat(type("\u001b[A")).isEqualTo("two");
        assertThat(type("\u001b[A")).isEqualTo("\b \b\b \b\b \bone");
        assertThat(type("\u001b[B\u001b[B")).isEqualTo("\b \b\b \b\b \btwo\b \b\b \b\b \b");
        assertThat(type("\u001b[C\u001bOD\u001b[1;5C\tz")).isEqualTo("z");
    }

    @Test
    void exit_ends_the_shell_and_ctrl_d_does_on_an_empty_line_only() {
        assertThat(type("x\u0004")).isEqualTo("x");
        assertThat(terminal.exited()).isFalse();
        assertThat(type("\u0015\u0004")).isEqualTo("\b \bexit\r\n");
        assertThat(terminal.exited()).isTrue();
        assertThat(type("more\r")).isEmpty();

        Terminal other = new Terminal("$ ", line -> new Shell.LineResult(ExecResult.error("", 3), true));
        assertThat(new String(other.type("exit 3\r".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
                .isEqualTo("exit 3\r\nexit\r\n");
        assertThat(other.exitStatus()).isEqualTo(3);
    }
}
