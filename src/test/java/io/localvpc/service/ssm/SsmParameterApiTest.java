package io.localvpc.service.ssm;

import static io.localvpc.testing.AwsErrors.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.localvpc.testing.LocalVpcServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ResourceTypeForTagging;
import software.amazon.awssdk.services.ssm.model.Tag;

class SsmParameterApiTest {
    @RegisterExtension
    static final LocalVpcServer server = new LocalVpcServer();

    private static int accounts = 800000000;
    private String account;

    private SsmClient freshAccount() {
        account = String.format("%012d", ++accounts);
        return server.ssm(account);
    }

    @Test
    void put_get_and_overwrite_versions() {
        SsmClient ssm = freshAccount();
        var put = ssm.putParameter(r -> r.name("/app/db/host").type(ParameterType.STRING).value("db1")
                .description("the host"));
        assertThat(put.version()).isEqualTo(1L);
        assertThat(put.tier()).isEqualTo(ParameterTier.STANDARD);

        Parameter got = ssm.getParameter(r -> r.name("/app/db/host")).parameter();
        assertThat(got.value()).isEqualTo("db1");
        assertThat(got.typeAsString()).isEqualTo("String");
        assertThat(got.version()).isEqualTo(1L);
        assertThat(got.arn()).isEqualTo("arn:aws:ssm:ap-northeast-1:" + account + ":parameter/app/db/host");
        assertThat(got.dataType()).isEqualTo("text");
        assertThat(got.lastModifiedDate()).isEqualTo(LocalVpcServer.START);

        var exists = assertAwsError(() -> ssm.putParameter(r -> r.name("/app/db/host").type(ParameterType.STRING)
                .value("db2")), "ParameterAlreadyExists");
        assertThat(exists.statusCode()).isEqualTo(400);
        assertThat(ssm.putParameter(r -> r.name("/app/db/host").value("db2").overwrite(true)).version()).isEqualTo(2L);
        assertThat(ssm.getParameter(r -> r.name("/app/db/host")).parameter().value()).isEqualTo("db2");
        Parameter first = ssm.getParameter(r -> r.name("/app/db/host:1")).parameter();
        assertThat(first.value()).isEqualTo("db1");
        assertThat(first.selector()).isEqualTo(":1");
        assertThat(ssm.getParameter(r -> r.name(got.arn())).parameter().value()).isEqualTo("db2");
        assertThat(ssm.getParameter(r -> r.name(got.arn() + ":1")).parameter().value()).isEqualTo("db1");

        assertAwsError(() -> ssm.getParameter(r -> r.name("/app/db/host:9")), "ParameterVersionNotFound");
        assertThat(assertAwsError(() -> ssm.getParameter(r -> r.name("/nope")), "ParameterNotFound").statusCode())
                .isEqualTo(400);
        var history = ssm.getParameterHistory(r -> r.name("/app/db/host")).parameters();
        assertThat(history).extracting(ParameterHistory::value).containsExactly("db1", "db2");
        assertThat(history).extracting(ParameterHistory::description).containsExactly("the host", "the host");
        assertAwsError(() -> ssm.getParameterHistory(r -> r.name("/nope")), "ParameterNotFound");
        var page = ssm.getParameterHistory(r -> r.name("/app/db/host").maxResults(1));
        assertThat(page.parameters()).extracting(ParameterHistory::version).containsExactly(1L);
        assertThat(ssm.getParameterHistory(r -> r.name("/app/db/host").nextToken(page.nextToken())).parameters())
                .extracting(ParameterHistory::version).containsExactly(2L);
    }

    @Test
    void secure_strings_are_hidden_without_decryption() {
        SsmClient ssm = freshAccount();
        ssm.putParameter(r -> r.name("secret").type(ParameterType.SECURE_STRING).value("hunter2"));
        Parameter hidden = ssm.getParameter(r -> r.name("secret")).parameter();
        assertThat(hidden.value()).isNotEqualTo("hunter2").doesNotContain("hunter2");
        assertThat(ssm.getParameter(r -> r.name("secret").withDecryption(true)).parameter().value()).isEqualTo("hunter2");
        ParameterMetadata meta = ssm.describeParameters().parameters().get(0);
        assertThat(meta.keyId()).isEqualTo("alias/aws/ssm");
        assertThat(ssm.getParameter(r -> r.name("arn:aws:ssm:ap-northeast-1:" + account + ":parameter/secret")
                .withDecryption(true)).parameter().name()).isEqualTo("secret");
    }

    @Test
    void bad_puts_get_ssm_errors() {
        SsmClient ssm = freshAccount();
        assertAwsError(() -> ssm.putParameter(r -> r.name("untyped").value("v")), "ValidationException");
        assertAwsError(() -> ssm.putParameter(r -> r.name("a/b").type(ParameterType.STRING).value("v")),
                "ValidationException");
        assertAwsError(() -> ssm.putParameter(r -> r.name("/aws/x").type(ParameterType.STRING).value("v")),
                "ValidationException");
        assertAwsError(() -> ssm.putParameter(r -> r.name("bad name").type(ParameterType.STRING).value("v")),
                "ValidationException");
        assertAwsError(() -> ssm.putParameter(r -> r.name("/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16")
                .type(ParameterType.STRING).value("v")), "HierarchyLevelLimitExceededException");
        assertAwsError(() -> ssm.putParameter(r -> r.name("big").type(ParameterType.STRING).value("x".repeat(4097))),
                "ValidationException");
        assertThat(ssm.putParameter(r -> r.name("big").type(ParameterType.STRING).value("x".repeat(4097))
                .tier(ParameterTier.ADVANCED)).tier()).isEqualTo(ParameterTier.ADVANCED);
        assertAwsError(() -> ssm.putParameter(r -> r.name("big").value("small").overwrite(true)
                .tier(ParameterTier.STANDARD)), "ValidationException");
        assertThat(ssm.putParameter(r -> r.name("smart").type(ParameterType.STRING).value("x".repeat(5000))
                .tier(ParameterTier.INTELLIGENT_TIERING)).tier()).isEqualTo(ParameterTier.ADVANCED);
        assertAwsError(() -> ssm.putParameter(r -> r.name("pattern").type(ParameterType.STRING).value("abc")
                .allowedPattern("\\d+")), "ParameterPatternMismatchException");
        assertAwsError(() -> ssm.putParameter(r -> r.name("tagged").type(ParameterType.STRING).value("v")
                .overwrite(true).tags(Tag.builder().key("a").value("b").build())), "ValidationException");
    }

    @Test
    void get_parameters_reports_the_invalid_ones() {
        SsmClient ssm = freshAccount();
        ssm.putParameter(r -> r.name("/a").type(ParameterType.STRING).value("1"));
        ssm.putParameter(r -> r.name("/b").type(ParameterType.STRING_LIST).value("x,y"));
        var response = ssm.getParameters(r -> r.names("/a", "/b", "/missing"));
        assertThat(response.parameters()).extracting(Parameter::value).containsExactly("1", "x,y");
        assertThat(response.invalidParameters()).containsExactly("/missing");
        assertAwsError(() -> ssm.getParameters(r -> r.names("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11")),
                "ValidationException");
    }

    @Test
    void get_parameters_by_path_one_level_or_recursive_with_pages() {
        SsmClient ssm = freshAccount();
        for (String name : List.of("/app/a", "/app/b", "/app/sub/c", "/app/sub/deep/d", "/other/e", "plain")) {
            ssm.putParameter(r -> r.name(name).type(ParameterType.STRING).value(name));
        }
        assertThat(ssm.getParametersByPath(r -> r.path("/app")).parameters()).extracting(Parameter::name)
                .containsExactly("/app/a", "/app/b");
        assertThat(ssm.getParametersByPath(r -> r.path("/app/").recursive(true)).parameters())
                .extracting(Parameter::name).containsExactly("/app/a", "/app/b", "/app/sub/c", "/app/sub/deep/d");
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            String from = token;
            var page = ssm.getParametersByPath(r -> r.path("/").recursive(true).maxResults(2).nextToken(from));
            page.parameters().forEach(p -> all.add(p.name()));
            token = page.nextToken();
        } while (token != null);
        assertThat(all).hasSize(6).contains("plain");
        assertThat(ssm.getParametersByPath(r -> r.path("/app").recursive(true).parameterFilters(
                ParameterStringFilter.builder().key("Type").values("SecureString").build())).parameters()).isEmpty();
        assertAwsError(() -> ssm.getParametersByPath(r -> r.path("app")), "ValidationException");
        assertAwsError(() -> ssm.getParametersByPath(r -> r.path("/").nextToken("bogus")), "InvalidNextToken");
        assertAwsError(() -> ssm.getParametersByPath(r -> r.path("/").maxResults(11)), "ValidationException");
        assertAwsError(() -> ssm.getParametersByPath(r -> r.path("/").parameterFilters(
                ParameterStringFilter.builder().key("Name").values("x").build())), "InvalidFilterKey");
    }

    @Test
    void describe_parameters_filters_by_name_type_and_path() {
        SsmClient ssm = freshAccount();
        ssm.putParameter(r -> r.name("/svc/one").type(ParameterType.STRING).value("1"));
        ssm.putParameter(r -> r.name("/svc/two").type(ParameterType.SECURE_STRING).value("2"));
        ssm.putParameter(r -> r.name("/svc/deep/three").type(ParameterType.STRING).value("3"));
        assertThat(ssm.describeParameters().parameters()).hasSize(3);
        assertThat(ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("Type")
                .values("SecureString").build())).parameters()).extracting(ParameterMetadata::name)
                .containsExactly("/svc/two");
        assertThat(ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("Name")
                .option("BeginsWith").values("/svc/t").build())).parameters()).extracting(ParameterMetadata::name)
                .containsExactly("/svc/two");
        assertThat(ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("Path")
                .values("/svc").build())).parameters()).extracting(ParameterMetadata::name)
                .containsExactly("/svc/one", "/svc/two");
        assertThat(ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder().key("Path")
                .option("Recursive").values("/svc").build())).parameters()).hasSize(3);
        var page = ssm.describeParameters(r -> r.maxResults(2));
        assertThat(page.parameters()).hasSize(2);
        assertThat(ssm.describeParameters(r -> r.nextToken(page.nextToken())).parameters()).hasSize(1);
        ParameterMetadata one = ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder()
                .key("Name").values("/svc/one").build())).parameters().get(0);
        assertThat(one.version()).isEqualTo(1L);
        assertThat(one.tierAsString()).isEqualTo("Standard");
        assertThat(one.lastModifiedUser()).isEqualTo("arn:aws:iam::" + account + ":root");
        assertAwsError(() -> ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder()
                .key("Bogus").values("x").build())), "InvalidFilterKey");
        assertAwsError(() -> ssm.describeParameters(r -> r.parameterFilters(ParameterStringFilter.builder()
                .key("Type").option("BeginsWith").values("x").build())), "InvalidFilterOption");
    }

    @Test
    void delete_one_or_many() {
        SsmClient ssm = freshAccount();
        ssm.putParameter(r -> r.name("/d/1").type(ParameterType.STRING).value("1"));
        ssm.putParameter(r -> r.name("/d/2").type(ParameterType.STRING).value("2"));
        ssm.putParameter(r -> r.name("/d/3").type(ParameterType.STRING).value("3"));
        ssm.deleteParameter(r -> r.name("/d/1"));
        assertAwsError(() -> ssm.deleteParameter(r -> r.name("/d/1")), "ParameterNotFound");
        var response = ssm.deleteParameters(r -> r.names("/d/2", "/d/3", "/d/9"));
        assertThat(response.deletedParameters()).containsExactly("/d/2", "/d/3");
        assertThat(response.invalidParameters()).containsExactly("/d/9");
        assertThat(ssm.describeParameters().parameters()).isEmpty();
    }

    @Test
    void tags_on_parameters() {
        SsmClient ssm = freshAccount();
        ssm.putParameter(r -> r.name("/t").type(ParameterType.STRING).value("v")
                .tags(Tag.builder().key("env").value("dev").build()));
        ssm.addTagsToResource(r -> r.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/t")
                .tags(Tag.builder().key("team").value("net").build(), Tag.builder().key("env").value("prod").build()));
        assertThat(ssm.listTagsForResource(r -> r.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/t"))
                .tagList()).containsExactly(Tag.builder().key("env").value("prod").build(),
                        Tag.builder().key("team").value("net").build());
        ssm.removeTagsFromResource(r -> r.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/t")
                .tagKeys("env"));
        assertThat(ssm.listTagsForResource(r -> r.resourceType(ResourceTypeForTagging.PARAMETER).resourceId("/t"))
                .tagList()).extracting(Tag::key).containsExactly("team");
        assertAwsError(() -> ssm.listTagsForResource(r -> r.resourceType(ResourceTypeForTagging.PARAMETER)
                .resourceId("/ghost")), "InvalidResourceId");
        assertAwsError(() -> ssm.listTagsForResource(r -> r.resourceType(ResourceTypeForTagging.DOCUMENT)
                .resourceId("/t")), "InvalidResourceType");
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertAwsError(() -> ssm.addTagsToResource(r -> r.resourceType(ResourceTypeForTagging.PARAMETER)
                .resourceId("/t").tags(many)), "TooManyTagsError");
    }

    @Test
    void parameters_are_per_account_and_region() {
        SsmClient first = freshAccount();
        first.putParameter(r -> r.name("/shared").type(ParameterType.STRING).value("first"));
        SsmClient second = freshAccount();
        assertAwsError(() -> second.getParameter(r -> r.name("/shared")), "ParameterNotFound");
    }
}
