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
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The functions expressions can call, by name. */
public final class Functions {

    private final SortedMap<String, Function> byName;

    private Functions(SortedMap<String, Function> byName) {
        this.byName = Collections.unmodifiableSortedMap(byName);
    }

    /** All built-in functions; file() and templatefile() resolve relative paths against baseDir. */
    public static Functions standard(Path baseDir) {
        SortedMap<String, Function> all = new TreeMap<>();
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
        return new Functions(new TreeMap<>());
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The function of that name, or null. */
    public Function lookup(String name) {
        return byName.get(name);
    }

    /** The names in alphabetical order. */
    public Collection<String> names() {
        return byName.keySet();
    }

    private static void add(Map<String, Function> all, Collection<? extends Function> family) {
        for (Function f : family) {
            if (all.put(f.name(), f) != null) {
                throw new IllegalStateException("function defined twice: " + f.name());
            }
        }
    }
}
