package io.localvpc.dataplane.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {
    final FakeNetwork net = Scenario.natHandsOn();

    @Test
    void parser_quotes_and_escapes() throws Exception {
        assertThat(ShellParser.parse("echo 'a b' \"c \\\"d\\\" $x\" e\\ f g#h # comment"))
                .containsExactly(new ShellParser.Command(ShellParser.Joint.FIRST, List.of("echo", "a b", "c \"d\" $x", "e f", "g#h")));
        assertThat(ShellParser.parse("echo ''")).containsExactly(new ShellParser.Command(ShellParser.Joint.FIRST, List.of("echo", "")));
        assertThat(ShellParser.parse("  ")).isEmpty();
    }

    @Test
    void parser_separators() throws Exception {
        assertThat(ShellParser.parse("a;b && c||d\ne"))
                .extracting(ShellParser.Command::joint, c -> c.words().get(0))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ShellParser.Joint.FIRST, "a"),
                        org.assertj.core.groups.Tuple.tuple(ShellParser.Joint.ALWAYS, "b"),
                        org.assertj.core.groups.Tuple.tuple(ShellParser.Joint.IF_SUCCEEDED, "c"),
                        org.assertj.core.groups.Tuple.tuple(ShellParser.Joint.IF_FAILED, "d"),
                        org.assertj.core.groups.Tuple.tuple(ShellParser.Joint.ALWAYS, "e"));
        assertThat(ShellParser.parse("a &&\n b")).hasSize(2);
        assertThat(ShellParser.parse("a;")).hasSize(1);
    }

    @Test
    void parser_errors() {
        assertThatThrownBy(() -> ShellParser.parse("echo 'oops")).hasMessageContaining("unexpected EOF while looking for matching `''");
        assertThatThrownBy(() -> ShellParser.parse("echo \"oops")).hasMessageContaining("matching `\"'");
        assertThatThrownBy(() -> ShellParser.parse("&& ls")).hasMessageContaining("syntax error near unexpected token `&&'");
        assertThatThrownBy(() -> ShellParser.parse("ls &&")).hasMessageContaining("unexpected end of file");
        assertThatThrownBy(() -> ShellParser.parse("ls | grep x")).hasMessageContaining("pipes");
        assertThatThrownBy(() -> ShellParser.parse("ls > f")).hasMessageContaining("redirections");
    }

    @Test
    void unknown_commands() {
        assertThat(net.run("foo --bar")).isEqualTo(ExecResult.error("sh: foo: command not found\n", 127));
        assertThat(net.run("/opt/foo")).isEqualTo(ExecResult.error("sh: /opt/foo: No such file or directory\n", 127));
        assertThat(net.run("echo 'unterminated")).isEqualTo(ExecResult.error(
                "sh: -c: line 0: unexpected EOF while looking for matching `''\nsh: -c: line 1: syntax error: unexpected end of file\n", 2));
    }

    @Test
    void and_or_and_semicolon_follow_exit_statuses() {
        assertThat(net.run("hostname -s && echo ok")).isEqualTo(ExecResult.ok("ip-10-0-20-5\nok\n"));
        assertThat(net.run("nc -z 1.2.3.4 80 && echo open || echo closed")).isEqualTo(ExecResult.ok("closed\n"));
        ExecResult r = net.run("foo; hostname -s");
        assertThat(r).isEqualTo(new ExecResult("ip-10-0-20-5\n", "sh: foo: command not found\n", 0));
        assertThat(net.run("hostname -s; false").exitCode()).isEqualTo(1);
        assertThat(net.run("false && hostname").exitCode()).isEqualTo(1);
        assertThat(net.run("exit 3; hostname")).isEqualTo(new ExecResult("", "", 3));
    }

    @Test
    void an_interactive_shell_learns_whether_the_line_exited() {
        Shell shell = Shell.standard();
        assertThat(shell.runLine(net.session(), "echo a; exit 4")).isEqualTo(new Shell.LineResult(new ExecResult("a\n", "", 4), true));
        assertThat(shell.runLine(net.session(), "true || exit").exited()).isFalse();
        assertThat(shell.runLine(net.session(), "exit x")).isEqualTo(new Shell.LineResult(
                ExecResult.error("sh: exit: x: numeric argument required\n", 2), true));
    }

    @Test
    void quoted_arguments_reach_the_tool_and_paths_and_sudo_work() {
        assertThat(net.run("curl -s -o /dev/null -w \"%{http_code} %{remote_ip}\\n\" https://example.com").stdout())
                .isEqualTo("200 93.184.215.14\n");
        assertThat(net.run("/usr/bin/hostname -s")).isEqualTo(ExecResult.ok("ip-10-0-20-5\n"));
        assertThat(net.run("sudo ip route").stdout()).startsWith("default via 10.0.20.1 dev eth0\n");
    }

    @Test
    void ping_then_curl_in_one_line() {
        ExecResult r = net.run("ping -c 1 8.8.8.8 && curl -s https://checkip.amazonaws.com");
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).startsWith("PING 8.8.8.8").endsWith("rtt min/avg/max/mdev = 2.910/2.910/2.910/0.000 ms\n203.0.113.10\n");
    }

    @Test
    void commands_report_how_long_they_take_and_a_script_adds_them_up() {
        // ping: one request every 1001 ms, then the last reply's round trip (2.91 ms here).
        assertThat(net.run("ping -c 4 8.8.8.8").elapsed()).isEqualTo(java.time.Duration.ofNanos(3_003_000_000L + 2_910_000));
        assertThat(net.run("sleep 1.5").elapsed()).isEqualTo(java.time.Duration.ofMillis(1500));
        assertThat(net.run("sleep 1m 2").elapsed()).isEqualTo(java.time.Duration.ofSeconds(62));
        assertThat(net.run("echo hi").elapsed()).isZero();
        ExecResult script = net.run("sleep 2\necho done\nsleep 3; exit 4\nsleep 100");
        assertThat(script.stdout()).isEqualTo("done\n");
        assertThat(script.exitCode()).isEqualTo(4);
        assertThat(script.elapsed()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(net.run("sleep")).isEqualTo(ExecResult.error("sleep: missing operand\n"
                + "Try 'sleep --help' for more information.\n", 1));
        assertThat(net.run("sleep -1").exitCode()).isEqualTo(1);
        assertThat(net.run("sleep 1e3").stderr()).startsWith("sleep: invalid time interval '1e3'");
    }
}
