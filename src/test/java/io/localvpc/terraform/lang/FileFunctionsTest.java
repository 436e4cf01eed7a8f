package io.localvpc.terraform.lang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileFunctionsTest {

    @TempDir
    Path dir;

    private Value eval(String expression) {
        return HclParser.parseExpression("main.tf", expression).evaluate(EvalContext.of(Functions.standard(dir)));
    }

    private Diagnostic error(String expression) {
        HclException[] caught = new HclException[1];
        assertThatThrownBy(() -> eval(expression)).isInstanceOfSatisfying(HclException.class, e -> caught[0] = e);
        return caught[0].first();
    }

    @Test
    void fileReadsRelativeToTheConfiguration() throws IOException {
        Files.writeString(dir.resolve("hello.txt"), "Hello, 世界\n");
        Files.write(dir.resolve("binary.bin"), new byte[] {(byte) 0xff, 0});
        assertThat(eval("file(\"hello.txt\")").asString()).isEqualTo("Hello, 世界\n");
        assertThat(eval("fileexists(\"hello.txt\")")).isEqualTo(Value.TRUE);
        assertThat(eval("fileexists(\"nope.txt\")")).isEqualTo(Value.FALSE);
        assertThat(eval("filebase64(\"binary.bin\")").asString()).isEqualTo("/wA=");
        assertThat(eval("filemd5(\"hello.txt\")").asString()).hasSize(32);
        assertThat(error("file(\"nope.txt\")").detail()).startsWith("Invalid value for \"path\" parameter: no file exists at \"nope.txt\"");
        assertThat(error("file(\"binary.bin\")").detail()).contains("are not valid UTF-8");
    }

    @Test
    void templatefileRendersWithItsOwnVariables() throws IOException {
        Files.writeString(dir.resolve("user_data.tftpl"), """
                #!/bin/bash
                echo "${name}" > /etc/hostname
                %{ for port in ports ~}
                open ${port}
                %{ endfor ~}
                ${upper(name)} $${literal}
                """);
        assertThat(eval("templatefile(\"user_data.tftpl\", {name = \"web\", ports = [22, 80]})").asString())
                .isEqualTo("#!/bin/bash\necho \"web\" > /etc/hostname\nopen 22\nopen 80\nWEB ${literal}\n");
        Files.writeString(dir.resolve("missing.tftpl"), "hello ${who}");
        assertThat(error("templatefile(\"missing.tftpl\", {})").detail())
                .isEqualTo("Invalid value for \"vars\" parameter: vars map does not contain key \"who\", referenced at missing.tftpl:1,9-12.");
    }

    @Test
    void pathFunctions() {
        assertThat(eval("basename(\"foo/bar/baz.txt\")").asString()).isEqualTo("baz.txt");
        assertThat(eval("dirname(\"foo/bar/baz.txt\")").asString()).isEqualTo("foo/bar");
        assertThat(eval("dirname(\"baz.txt\")").asString()).isEqualTo(".");
        assertThat(eval("abspath(\"x/../y\")").asString()).isEqualTo(dir.toAbsolutePath().resolve("y").toString());
        assertThat(eval("pathexpand(\"~/.ssh/id_rsa\")").asString()).isEqualTo(System.getProperty("user.home") + "/.ssh/id_rsa");
        assertThat(eval("pathexpand(\"/etc/resolv.conf\")").asString()).isEqualTo("/etc/resolv.conf");
    }

    @Test
    void everyFunctionTheBriefNamesIsThere() {
        Functions f = Functions.standard(dir);
        for (String name : ("cidrsubnet cidrhost cidrnetmask cidrsubnets jsonencode jsondecode format formatlist join split lookup merge "
                + "concat length element keys values tolist toset tomap tostring tonumber tobool try can coalesce coalescelist range zipmap "
                + "flatten distinct contains upper lower title trimspace trim trimprefix trimsuffix replace substr startswith endswith regex "
                + "regexall min max abs ceil floor sum slice sort reverse index one compact chunklist setunion setintersection setproduct "
                + "base64encode base64decode md5 sha1 sha256 file fileexists templatefile abspath dirname basename pathexpand nonsensitive "
                + "sensitive").split(" ")) {
            assertThat(f.has(name)).as(name).isTrue();
        }
        assertThat(Functions.none().names()).isEmpty();
        assertThat(Functions.none().has("upper")).isFalse();
    }
}
