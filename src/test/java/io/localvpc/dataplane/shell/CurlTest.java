package io.localvpc.dataplane.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.dataplane.Probe;
import io.localvpc.model.Ipv4;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CurlTest {
    /** Connection, then request and answer, at the fake network's 2.91 ms round trip. */
    static final Duration TWO_ROUND_TRIPS = Duration.ofNanos(2 * 2_910_000);

    final FakeNetwork net = Scenario.natHandsOn();

    @Test
    void checkip_prints_the_nat_gateways_elastic_ip() {
        ExecResult r = net.run("curl -s https://checkip.amazonaws.com");
        assertThat(r).isEqualTo(new ExecResult("203.0.113.10\n", "", 0, TWO_ROUND_TRIPS));
        assertThat(net.probes).containsExactly(Probe.tcp(Ipv4.parse("3.5.140.2"), 443));
        assertThat(net.httpRequests).containsExactly("3.5.140.2:443 checkip.amazonaws.com / from 203.0.113.10");
    }

    @Test
    void without_s_the_progress_meter_goes_to_stderr() {
        ExecResult r = net.run("curl http://checkip.amazonaws.com/");
        assertThat(r.stdout()).isEqualTo("203.0.113.10\n");
        assertThat(r.stderr()).isEqualTo("""
                  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                                 Dload  Upload   Total   Spent    Left  Speed
                100    13  100    13    0     0   2233      0 --:--:-- --:--:-- --:--:--  2233
                """);
    }

    @Test
    void verbose_shows_the_connection_and_the_exchange() {
        ExecResult r = net.run("curl -sv https://example.com/index.html?x=1");
        assertThat(r.stdout()).isEqualTo("<html>Example</html>\n\n");
        assertThat(r.stderr()).startsWith("""
                *   Trying 93.184.215.14:443...
                * Connected to example.com (93.184.215.14) port 443 (#0)
                """).contains("""
                > GET /index.html?x=1 HTTP/1.1
                > Host: example.com
                > User-Agent: curl/7.79.1
                > Accept: */*
                >\s
                """, """
                < HTTP/1.1 200 OK
                < Content-Type: text/html; charset=UTF-8
                < Content-Length: 22
                <\s
                """).endsWith("* Connection #0 to host example.com left intact\n");
    }

    @Test
    void head_prints_the_status_line_and_headers() {
        ExecResult r = net.run("curl -sI http://example.com");
        assertThat(r.stdout()).isEqualTo("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: 22\r\n\r\n");
        assertThat(net.run("curl -si http://example.com").stdout()).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n<html>Example</html>\n\n");
    }

    @Test
    void could_not_resolve_host_is_exit_6() {
        assertThat(net.run("curl -s http://nowhere.invalid/")).isEqualTo(new ExecResult("", "", 6));
        assertThat(net.run("curl -sS http://nowhere.invalid/"))
                .isEqualTo(new ExecResult("", "curl: (6) Could not resolve host: nowhere.invalid\n", 6));
        ExecResult noDns = Shell.standard().run(net.sessionWithoutDns(), "curl https://example.com");
        assertThat(noDns.exitCode()).isEqualTo(6);
        assertThat(noDns.stderr()).endsWith(
                "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n"
                        + "curl: (6) Could not resolve host: example.com\n");
    }

    @Test
    void refused_is_exit_7() {
        ExecResult r = net.run("curl -sSv http://1.2.3.4/");
        assertThat(r.exitCode()).isEqualTo(7);
        assertThat(r.stderr()).isEqualTo("""
                *   Trying 1.2.3.4:80...
                * connect to 1.2.3.4 port 80 failed: Connection refused
                * Failed to connect to 1.2.3.4 port 80 after 2 ms: Connection refused
                * Closing connection 0
                curl: (7) Failed to connect to 1.2.3.4 port 80 after 2 ms: Connection refused
                """);
    }

    @Test
    void a_dropped_syn_times_out_after_max_time_with_28() {
        ExecResult r = net.run("curl -sS -m 5 https://quiet.example.com");
        assertThat(r).isEqualTo(new ExecResult("", "curl: (28) Connection timed out after 5001 milliseconds\n", 28,
                Duration.ofMillis(5001)));
        ExecResult unreachable = net.run("curl -sS --connect-timeout 2 http://10.9.9.9");
        assertThat(unreachable).isEqualTo(new ExecResult("", "curl: (28) Connection timed out after 2001 milliseconds\n", 28,
                Duration.ofMillis(2001)));
    }

    @Test
    void without_a_timeout_the_kernel_gives_up_after_its_syn_retries() {
        ExecResult r = net.run("curl -sS https://quiet.example.com");
        assertThat(r).isEqualTo(new ExecResult("",
                "curl: (7) Failed to connect to quiet.example.com port 443 after 127000 ms: Connection timed out\n", 7,
                Duration.ofSeconds(127)));
    }

    @Test
    void write_out_and_output_to_dev_null() {
        assertThat(net.run("curl -s -o /dev/null -w '%{http_code}\\n' https://example.com").stdout()).isEqualTo("200\n");
        assertThat(net.run("curl -s -o /dev/null -w %{http_code} http://missing.example.com:8080/x").stdout()).isEqualTo("404");
    }

    @Test
    void fail_turns_http_errors_into_exit_22_and_a_silent_server_into_52() {
        assertThat(net.run("curl -sSf http://missing.example.com:8080/x"))
                .isEqualTo(new ExecResult("", "curl: (22) The requested URL returned error: 404\n", 22, TWO_ROUND_TRIPS));
        assertThat(net.run("curl -sS https://8.8.8.8/"))
                .isEqualTo(new ExecResult("", "curl: (52) Empty reply from server\n", 52, TWO_ROUND_TRIPS));
        assertThat(net.httpRequests).contains("8.8.8.8:443 8.8.8.8 / from 203.0.113.10");
    }

    @Test
    void usage_errors() {
        assertThat(net.run("curl").exitCode()).isEqualTo(2);
        assertThat(net.run("curl --bogus http://x").stderr()).startsWith("curl: option --bogus: is unknown\n");
        assertThat(net.run("curl -sS ftp://example.com/")).isEqualTo(
                new ExecResult("", "curl: (1) Protocol \"ftp\" not supported or disabled in libcurl\n", 1));
        assertThat(net.run("curl -sS -o out.txt http://example.com/").exitCode()).isEqualTo(23);
        assertThat(net.run("curl -sS http://example.com:99999999999/")).isEqualTo(
                new ExecResult("", "curl: (3) URL using bad/illegal format or missing URL\n", 3));
    }
}
