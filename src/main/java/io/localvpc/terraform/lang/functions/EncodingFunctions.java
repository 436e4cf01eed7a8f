package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** jsonencode, jsondecode, base64encode, base64decode, urlencode and the hash functions. */
public final class EncodingFunctions {

    private EncodingFunctions() {}

    public static List<Function> all() {
        return List.of(
                StrictFunction.named("jsonencode").param(Param.of("val", Type.DYNAMIC).nullable()).returns(Type.STRING)
                        .body(a -> Value.string(JsonCodec.encode(a.get(0)))),
                StrictFunction.named("jsondecode").param("str", Type.STRING).body(a -> {
                    try {
                        return JsonCodec.decode(a.get(0).asString());
                    } catch (IllegalArgumentException e) {
                        throw FunctionException.argument(0, e.getMessage());
                    }
                }),
                StrictFunction.named("base64encode").param("str", Type.STRING).returns(Type.STRING)
                        .body(a -> Value.string(Base64.getEncoder().encodeToString(utf8(a.get(0))))),
                StrictFunction.named("base64decode").param("str", Type.STRING).returns(Type.STRING).body(a -> {
                    byte[] bytes;
                    try {
                        bytes = Base64.getDecoder().decode(a.get(0).asString());
                    } catch (IllegalArgumentException e) {
                        throw FunctionException.argument(0, "failed to decode base64 data " + FormatVerbs.goQuote(a.get(0).asString()));
                    }
                    return Value.string(strictUtf8(bytes, 0, "the result of decoding the provided string is not valid UTF-8"));
                }),
                StrictFunction.named("urlencode").param("str", Type.STRING).returns(Type.STRING)
                        .body(a -> Value.string(URLEncoder.encode(a.get(0).asString(), StandardCharsets.UTF_8).replace("*", "%2A"))),
                hash("md5", "MD5"),
                hash("sha1", "SHA-1"),
                hash("sha256", "SHA-256"),
                hash("sha512", "SHA-512"),
                StrictFunction.named("base64sha256").param("str", Type.STRING).returns(Type.STRING)
                        .body(a -> Value.string(Base64.getEncoder().encodeToString(digest("SHA-256", utf8(a.get(0)))))));
    }

    private static Function hash(String name, String algorithm) {
        return StrictFunction.named(name).param("str", Type.STRING).returns(Type.STRING)
                .body(a -> Value.string(HexFormat.of().formatHex(digest(algorithm, utf8(a.get(0))))));
    }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static byte[] utf8(Value v) {
        return v.asString().getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes UTF-8, failing on malformed input rather than substituting characters. */
    static String strictUtf8(byte[] bytes, int argument, String failure) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw FunctionException.argument(argument, failure);
        }
    }
}
