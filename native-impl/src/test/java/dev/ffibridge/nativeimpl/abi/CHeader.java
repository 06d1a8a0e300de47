package dev.ffibridge.nativeimpl.abi;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The C ABI as {@code rust-src/include/ffi_bridge.h} declares it (the header cbindgen generates, in
 * the form it has: one prototype per function, {@code typedef int32_t} for the enum), read for the
 * tests that check the Java bindings and the docs against it.
 *
 * @param functions every function prototype, by name, in header order
 * @param dataSymbols every {@code extern const} data symbol: name to type
 * @param macros every {@code #define NAME value}
 * @param int32Typedefs the types declared {@code typedef int32_t} (the status enum)
 */
record CHeader(
        Map<String, Prototype> functions,
        Map<String, String> dataSymbols,
        Map<String, String> macros,
        List<String> int32Typedefs) {

    /** The header, relative to the module's base directory (where Maven runs the tests). */
    static final Path PATH = Path.of(System.getProperty("basedir", "."), "..", "rust-src", "include", "ffi_bridge.h")
            .normalize();

    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern MACRO = Pattern.compile("(?m)^#define\\s+(\\w+)\\s+(\\S.*)$");
    private static final Pattern PREPROCESSOR = Pattern.compile("(?m)^#.*$");
    private static final Pattern FUNCTION = Pattern.compile("(?m)^([A-Za-z_][\\w \\t*]*?)\\b(\\w+)\\(([^)]*)\\);");
    private static final Pattern DATA = Pattern.compile("(?m)^extern\\s+const\\s+([\\w ]+?)\\s+(\\w+);");
    private static final Pattern TYPEDEF_INT32 = Pattern.compile("typedef\\s+int32_t\\s+(\\w+);");

    /**
     * A C prototype.
     *
     * @param name the function's name
     * @param returnType the return type as written, e.g. {@code const char *}
     * @param parameterTypes the parameter types as written, names removed ({@code (void)} is none)
     */
    record Prototype(String name, String returnType, List<String> parameterTypes) {

        /** {@code int32_t add_numbers(int32_t, int32_t)}: the types, without parameter names. */
        @Override
        public String toString() {
            return returnType + " " + name + "(" + String.join(", ", parameterTypes) + ")";
        }
    }

    /** Reads {@link #PATH}. */
    static CHeader read() {
        try {
            return parse(Files.readString(PATH));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header " + PATH, e);
        }
    }

    /** Parses the text of a header. */
    static CHeader parse(String text) {
        String code = COMMENT.matcher(text).replaceAll(" ");
        Map<String, String> macros = new LinkedHashMap<>();
        Matcher macro = MACRO.matcher(code);
        while (macro.find()) {
            macros.put(macro.group(1), macro.group(2).strip());
        }
        code = PREPROCESSOR.matcher(code).replaceAll("");
        Map<String, Prototype> functions = new LinkedHashMap<>();
        Matcher function = FUNCTION.matcher(code);
        while (function.find()) {
            List<String> parameters = new ArrayList<>();
            String list = function.group(3).strip();
            if (!list.equals("void") && !list.isEmpty()) {
                for (String parameter : list.split(",")) {
                    parameters.add(withoutName(parameter));
                }
            }
            String name = function.group(2);
            functions.put(name, new Prototype(name, normalize(function.group(1)), List.copyOf(parameters)));
        }
        Map<String, String> data = new LinkedHashMap<>();
        Matcher symbol = DATA.matcher(code);
        while (symbol.find()) {
            data.put(symbol.group(2), normalize(symbol.group(1)));
        }
        List<String> int32Enums = new ArrayList<>();
        Matcher typedef = TYPEDEF_INT32.matcher(code);
        while (typedef.find()) {
            int32Enums.add(typedef.group(1));
        }
        return new CHeader(functions, data, macros, List.copyOf(int32Enums));
    }

    /** A parameter's type: {@code const double *buffer} is {@code const double *}. */
    private static String withoutName(String parameter) {
        String type = normalize(parameter);
        Matcher named = Pattern.compile("^(.*?[\\s*])\\w+$").matcher(type);
        return normalize(named.matches() ? named.group(1) : type);
    }

    /** Single spaces, {@code struct } dropped, and {@code *} written as {@code " *"}. */
    private static String normalize(String type) {
        return type.replace("struct ", " ")
                .replace("*", " * ")
                .replaceAll("\\s+", " ")
                .replace("* *", "**")
                .strip();
    }

    /**
     * The FFM layout of a C type on LP64 Linux, or empty for {@code void}: pointers are {@code
     * ADDRESS}, {@code int32_t} and the header's {@code int32_t} enums {@code JAVA_INT}, {@code
     * size_t} {@code JAVA_LONG}, and so on.
     *
     * @throws IllegalArgumentException for a type the bindings have no mapping for (a struct by value)
     */
    Optional<MemoryLayout> layoutOf(String type) {
        if (type.contains("*")) {
            return Optional.of(ADDRESS);
        }
        String bare = type.replace("const ", "").strip();
        if (int32Typedefs.contains(bare)) {
            return Optional.of(JAVA_INT);
        }
        ValueLayout layout =
                switch (bare) {
                    case "void" -> null;
                    case "int8_t", "uint8_t", "char" -> JAVA_BYTE;
                    case "int16_t", "uint16_t" -> JAVA_SHORT;
                    case "int32_t", "uint32_t", "int" -> JAVA_INT;
                    case "int64_t", "uint64_t", "size_t", "uintptr_t", "intptr_t", "ptrdiff_t" -> JAVA_LONG;
                    case "float" -> JAVA_FLOAT;
                    case "double" -> JAVA_DOUBLE;
                    default -> throw new IllegalArgumentException("no Java layout for the C type " + type);
                };
        return Optional.ofNullable(layout);
    }
}
