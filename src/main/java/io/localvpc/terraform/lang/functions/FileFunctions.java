package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.EvalContext;
import io.localvpc.terraform.lang.Expression;
import io.localvpc.terraform.lang.HclParser;
import io.localvpc.terraform.lang.Strings;
import io.localvpc.terraform.lang.Traversal;
import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * file, fileexists, filebase64, filemd5, filesha256, templatefile and the path functions. Relative
 * paths resolve against the configuration's directory, as Terraform resolves path.module.
 */
public final class FileFunctions {

    private FileFunctions() {}

    public static List<Function> all(Path baseDir) {
        return List.of(
                StrictFunction.named("file").param("path", Type.STRING).returns(Type.STRING)
                        .body(a -> Value.string(readText(baseDir, a.get(0).asString()))),
                StrictFunction.named("fileexists").param("path", Type.STRING).returns(Type.BOOL)
                        .body(a -> Value.bool(Files.isRegularFile(resolve(baseDir, a.get(0).asString())))),
                StrictFunction.named("filebase64").param("path", Type.STRING).returns(Type.STRING)
                        .body(a -> Value.string(Base64.getEncoder().encodeToString(readBytes(baseDir, a.get(0).asString())))),
                fileHash("filemd5", "MD5", baseDir),
                fileHash("filesha1", "SHA-1", baseDir),
                fileHash("filesha256", "SHA-256", baseDir),
                StrictFunction.named("templatefile").param("path", Type.STRING).param(Param.of("vars", Type.DYNAMIC).unknownElements())
                        .returns(Type.STRING).contextBody((a, context) -> template(baseDir, a, context)),
                StrictFunction.named("abspath").param("path", Type.STRING).returns(Type.STRING)
                        .body(a -> Value.string(slashes(resolve(baseDir, a.get(0).asString()).toAbsolutePath().normalize()))),
                StrictFunction.named("dirname").param("path", Type.STRING).returns(Type.STRING)
                        .body(a -> Value.string(dirname(a.get(0).asString()))),
                StrictFunction.named("basename").param("path", Type.STRING).returns(Type.STRING)
                        .body(a -> Value.string(basename(a.get(0).asString()))),
                StrictFunction.named("pathexpand").param("path", Type.STRING).returns(Type.STRING).body(a -> {
                    String p = a.get(0).asString();
                    String home = System.getProperty("user.home");
                    return Value.string(p.equals("~") ? home : p.startsWith("~/") ? home + p.substring(1) : p);
                }));
    }

    private static Function fileHash(String name, String algorithm, Path baseDir) {
        return StrictFunction.named(name).param("path", Type.STRING).returns(Type.STRING).body(a ->
                Value.string(HexFormat.of().formatHex(EncodingFunctions.digest(algorithm, readBytes(baseDir, a.get(0).asString())))));
    }

    private static Path resolve(Path baseDir, String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : baseDir.resolve(p);
    }

    private static byte[] readBytes(Path baseDir, String path) {
        Path p = resolve(baseDir, path);
        if (!Files.isRegularFile(p)) {
            throw FunctionException.argument(0, "no file exists at " + Strings.quote(path) + "; this function works only with files that are "
                    + "distributed as part of the configuration source code, so if this file will be created by a resource in this "
                    + "configuration you must instead obtain this result from an attribute of that resource");
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw FunctionException.argument(0, "failed to read " + Strings.quote(path) + ": " + e.getMessage());
        }
    }

    private static String readText(Path baseDir, String path) {
        return EncodingFunctions.strictUtf8(readBytes(baseDir, path), 0, "contents of " + Strings.quote(path) + " are not valid UTF-8; "
                + "use the filebase64 function to obtain the Base64 encoded contents or the other file functions (e.g. filemd5, "
                + "filesha256) to obtain file hashing results instead");
    }

    /** Renders the file as a template whose only variables are the given ones. */
    private static Value template(Path baseDir, List<Value> a, EvalContext caller) {
        String path = a.get(0).asString();
        Value vars = a.get(1);
        if (!vars.isNull() && !vars.type().isMapping()) {
            throw FunctionException.argument(1, "a map or object is required");
        }
        Expression template = HclParser.parseTemplate(path, readText(baseDir, path));
        java.util.Map<String, Value> variables = vars.isNull() ? java.util.Map.of() : vars.attributes();
        for (Traversal ref : template.references()) {
            if (!variables.containsKey(ref.root())) {
                throw FunctionException.argument(1, "vars map does not contain key " + Strings.quote(ref.root())
                        + ", referenced at " + ref.range());
            }
        }
        Value result = template.evaluate(new EvalContext(variables, caller.functions()));
        return result.type() == Type.STRING || !result.isKnown() ? result : result.convert(Type.STRING);
    }

    private static String slashes(Path p) {
        return p.toString().replace('\\', '/');
    }

    /** Go's filepath.Dir: everything before the last separator, cleaned; "." when there is none. */
    private static String dirname(String path) {
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        String dir = path.substring(0, slash);
        return dir.isEmpty() ? "/" : slashes(Path.of(dir).normalize());
    }

    /** Go's filepath.Base: the last element, trailing slashes ignored; "." for an empty path. */
    private static String basename(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.isEmpty()) {
            return "/";
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
