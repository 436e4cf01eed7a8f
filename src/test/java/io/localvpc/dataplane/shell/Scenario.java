package io.localvpc.dataplane.shell;

import io.localvpc.dataplane.Network;
import java.util.LinkedHashMap;
import java.util.Map;

/** The private instance of the NAT gateway hands-on, with a few internet hosts around it. */
final class Scenario {
    private Scenario() {}

    static FakeNetwork natHandsOn() {
        FakeNetwork net = new FakeNetwork();
        net.target("8.8.8.8").tcp(53, 443).udp(53);
        net.name("example.com", "93.184.215.14");
        net.target("93.184.215.14").replyTtl(56);
        Map<String, String> html = new LinkedHashMap<>();
        html.put("Content-Type", "text/html; charset=UTF-8");
        html.put("Content-Length", "22");
        net.web("93.184.215.14", 80, new Network.HttpAnswer(200, "OK", html, "<html>Example</html>\n\n"));
        net.web("93.184.215.14", 443, new Network.HttpAnswer(200, "OK", html, "<html>Example</html>\n\n"));
        net.name("checkip.amazonaws.com", "3.5.140.2");
        net.target("3.5.140.2").noIcmp();
        net.web("3.5.140.2", 443, new Network.HttpAnswer(200, "OK", Map.of("Content-Type", "text/plain;charset=UTF-8"), "$SOURCE"));
        net.web("3.5.140.2", 80, new Network.HttpAnswer(200, "OK", Map.of("Content-Type", "text/plain;charset=UTF-8"), "$SOURCE"));
        net.name("missing.example.com", "93.184.215.14");
        net.web("93.184.215.14", 8080, new Network.HttpAnswer(404, "Not Found", Map.of(), "nope\n"));
        net.target("93.184.215.14").tcp(80, 443, 8080);
        net.target("1.2.3.4").tcp(443);
        net.target("5.6.7.8").tcpFiltered().tcp(22);
        net.name("quiet.example.com", "5.6.7.8");
        return net;
    }
}
