package io.localvpc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void defaults_when_nothing_is_set() {
        assertThat(ClientSettings.resolve(null, null, Map.of()))
                .isEqualTo(new ClientSettings(URI.create("http://localhost:4566"), "us-east-1", "000000000000"));
    }

    @Test
    void environment_as_the_aws_sdks_read_it() {
        ClientSettings s = ClientSettings.resolve(null, null, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000",
                "AWS_DEFAULT_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "123456789012"));
        assertThat(s).isEqualTo(new ClientSettings(URI.create("http://127.0.0.1:5000"), "eu-west-1", "123456789012"));
        assertThat(ClientSettings.resolve(null, null, Map.of("AWS_REGION", "ap-northeast-1", "AWS_DEFAULT_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")).region()).isEqualTo("ap-northeast-1");
        assertThat(ClientSettings.resolve(null, null, Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE")).accountId()).isEqualTo("000000000000");
    }

    @Test
    void options_win_over_the_environment() {
        ClientSettings s = ClientSettings.resolve("http://h:1/", "us-west-2",
                Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000", "AWS_REGION", "eu-west-1"));
        assertThat(s.endpoint()).isEqualTo(URI.create("http://h:1/"));
        assertThat(s.region()).isEqualTo("us-west-2");
        assertThat(s.resolvePath("/_localvpc/exec")).isEqualTo(URI.create("http://h:1/_localvpc/exec"));
    }

    @Test
    void a_bad_endpoint_is_refused() {
        assertThatThrownBy(() -> ClientSettings.resolve("localhost:4566", null, Map.of())).hasMessageContaining("localhost:4566");
        assertThatThrownBy(() -> ClientSettings.resolve("ftp://x", null, Map.of())).hasMessageContaining("ftp://x");
    }
}
