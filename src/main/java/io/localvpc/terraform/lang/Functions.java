package io.localvpc.terraform.lang;

import io.localvpc.terraform.lang.functions.CidrFunctions;
import io.localvpc.terraform.lang.functions.CollectionFunctions;
import io.localvpc.terraform.lang.functions.ConversionFunctions;
import io.localvpc.terraform.lang.functions.EncodingFunctions;
import io.localvpc.terraform.lang.functions.FileFunctions;
import io.localvpc.terraform.lang.functions.MapFunctions;
import io.localvpc.terraform.lang.functions.Function;
import io.localvpc.terraform.lang.functions.NumericFunctions;
import io.localvpc.terraform.lang.functions.SetFunctions;
import io.localvpc.terraform.lang.functions.StringFunctions;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** The functions expressions can call, by name. */
public final class Functions {

    private final Map<String, Function> byName;

    private Functions(Map<String, Function> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** All built-in functions; file() and templatefile() resolve relative paths against baseDir. */
    public static Functions standard(Path baseDir) {
        Map<String, Function> all = new TreeMap<>();
        add(all, NumericFunctions.all());
        add(all, StringFunctions.all());
        add(all, CollectionFunctions.all());
        add(all, MapFunctions.all());
        add(all, SetFunctions.all());
        add(all, ConversionFunctions.all());
        add(all, EncodingFunctions.all());
        add(all, CidrFunctions.all());
        add(all, FileFunctions.all(baseDir));
        return new Functions(all);
    }

    /** No functions at all (constant expressions such as variable defaults). */
    public static Functions none() {
        return new Functions(Map.of());
    }

    /** A copy with one more function (or one replaced). */
    public Functions with(Function f) {
        Map<String, Function> copy = new TreeMap<>(byName);
        copy.put(f.name(), f);
        return new Functions(copy);
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The function of that name, or null. */
    public Function lookup(String name) {
        return byName.get(name);
    }

    public Collection<String> names() {
        return new TreeMap<>(byName).keySet();
    }

    private static void add(Map<String, Function> all, Collection<? extends Function> family) {
        for (Function f : family) {
            if (all.put(f.name(), f) != null) {
                throw new IllegalStateException("function defined twice: " + f.name());
            }
        }
    }
}
