package dev.ffibridge.nativeimpl.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.foreign.MemoryLayout;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The header {@code rust-src/include/ffi_bridge.h} is the single source of truth for the Java
 * bindings: every {@link NativeFunction} must have its C prototype's name, return type and parameter
 * types, and every exported function must be bound or listed in {@link #UNBOUND} with the reason.
 */
class HeaderBindingsTest {

    /** The exported functions the Java provider does not call, and why. */
    static final Map<String, String> UNBOUND = Map.of(
            "ffi_bridge_encode_sequence",
                    "the provider encodes into the caller's array (ffi_bridge_encode_sequence_into)",
            "ffi_bridge_decode_sequence",
                    "the provider decodes into the caller's array (ffi_bridge_decode_sequence_into)",
            "ffi_bridge_fill_range",
                    "the provider fills in pieces with ffi_bridge_fill_piece, which also chooses the stores");

    private final CHeader header = CHeader.read();

    @Test
    void everyBindingHasItsPrototypesNameReturnTypeAndParameterTypes() {
        List<String> mismatches = new ArrayList<>();
        for (NativeFunction function : BoundFunctions.ALL) {
            CHeader.Prototype prototype = header.functions().get(function.name());
            if (prototype == null) {
                mismatches.add(function.name() + ": bound in Java, but the header declares no such function");
            } else {
                mismatches.addAll(differences(function, prototype));
            }
        }
        assertThat(mismatches).as("bindings that differ from " + CHeader.PATH).isEmpty();
    }

    /** What differs between the binding and the prototype, one line each. */
    private List<String> differences(NativeFunction function, CHeader.Prototype prototype) {
        List<String> differences = new ArrayList<>();
        Optional<MemoryLayout> returned = function.descriptor().returnLayout();
        Optional<MemoryLayout> expected = header.layoutOf(prototype.returnType());
        if (!describe(returned).equals(describe(expected))) {
            differences.add(
                    mismatch(function, prototype, "returns " + describe(returned), prototype.returnType(), expected));
        }
        List<MemoryLayout> arguments = function.descriptor().argumentLayouts();
        List<String> parameters = prototype.parameterTypes();
        if (arguments.size() != parameters.size()) {
            differences.add(function.name() + ": " + arguments.size() + " parameters in Java, " + parameters.size()
                    + " in the header (" + prototype + ")");
            return differences;
        }
        for (int i = 0; i < parameters.size(); i++) {
            Optional<MemoryLayout> cType = header.layoutOf(parameters.get(i));
            if (!describe(Optional.of(arguments.get(i))).equals(describe(cType))) {
                differences.add(mismatch(
                        function,
                        prototype,
                        "parameter " + (i + 1) + " is " + describe(Optional.of(arguments.get(i))),
                        parameters.get(i),
                        cType));
            }
        }
        return differences;
    }

    private static String mismatch(
            NativeFunction function, CHeader.Prototype prototype, String java, String cType, Optional<MemoryLayout> c) {
        return function.name() + ": " + java + " in Java, but the header has " + cType + " (" + describe(c) + ") in "
                + prototype;
    }

    /** {@code JAVA_INT}, {@code ADDRESS}, ..., or {@code void}: the layout's kind, without its name. */
    private static String describe(Optional<MemoryLayout> layout) {
        if (layout.isEmpty()) {
            return "void";
        }
        MemoryLayout bare = layout.get().withoutName();
        for (Field field : java.lang.foreign.ValueLayout.class.getFields()) {
            try {
                if (Modifier.isStatic(field.getModifiers()) && bare.equals(field.get(null))) {
                    return field.getName();
                }
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return bare.toString();
    }

    @Test
    void everyExportedFunctionIsBoundOrListedAsUnbound() {
        Set<String> bound = new LinkedHashSet<>();
        BoundFunctions.ALL.forEach(function -> bound.add(function.name()));
        Set<String> neither = new LinkedHashSet<>(header.functions().keySet());
        neither.removeAll(bound);
        neither.removeAll(UNBOUND.keySet());
        assertThat(neither)
                .as("exported by the header, neither bound nor listed in UNBOUND")
                .isEmpty();
        assertThat(header.functions().keySet())
                .as("UNBOUND names only functions the header declares")
                .containsAll(UNBOUND.keySet());
        assertThat(bound).as("UNBOUND names no bound function").doesNotContainAnyElementsOf(UNBOUND.keySet());
        assertThat(bound).as("no function is bound twice").hasSameSizeAs(BoundFunctions.ALL);
    }

    /**
     * The registry holds exactly the functions the binding classes declare: every {@code public static
     * final NativeFunction} of every {@code *Functions} class of this package.
     */
    @Test
    void theRegistryIsEveryFunctionEveryBindingClassDeclares() throws Exception {
        List<NativeFunction> declared = new ArrayList<>();
        for (Class<?> bindings : bindingClasses()) {
            for (Field field : bindings.getDeclaredFields()) {
                if (field.getType() == NativeFunction.class && Modifier.isStatic(field.getModifiers())) {
                    declared.add((NativeFunction) field.get(null));
                }
            }
        }
        assertThat(BoundFunctions.ALL).containsExactlyInAnyOrderElementsOf(declared);
    }

    /** The binding classes: every {@code *Functions.java} of this package in main but the registry. */
    private static List<Class<?>> bindingClasses() throws IOException, ClassNotFoundException {
        Path sources = Path.of(System.getProperty("basedir", "."), "src", "main", "java")
                .resolve(BoundFunctions.class.getPackageName().replace('.', '/'));
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString().replace(".java", "");
                if (name.endsWith("Functions") && !name.equals(BoundFunctions.class.getSimpleName())) {
                    classes.add(Class.forName(BoundFunctions.class.getPackageName() + "." + name));
                }
            }
        }
        assertThat(classes).as("binding classes in " + sources).isNotEmpty();
        return classes;
    }

    @Test
    void theDataSymbolAndTheAbiVersionAreTheHeaders() {
        assertThat(header.dataSymbols()).containsEntry(FfiBridgeLibrary.ABI_INFO, "FfiBridgeLayout");
        assertThat(header.macros())
                .containsEntry("FFI_BRIDGE_ABI_VERSION", String.valueOf(FfiBridgeLibrary.ABI_VERSION));
    }

    @Test
    void theParserReadsPrototypesAsWritten() {
        CHeader parsed = CHeader.parse("""
                /** doc with a fake(int x); inside */
                #define X 1
                typedef int32_t Status;
                extern const struct Info INFO;
                const char *message(int32_t status);
                int32_t into(const uint8_t *bytes,
                             size_t length,
                             struct Out **out);
                uint32_t version(void);
                """);
        assertThat(parsed.functions().values().stream().map(CHeader.Prototype::toString))
                .containsExactly(
                        "const char * message(int32_t)",
                        "int32_t into(const uint8_t *, size_t, Out **)",
                        "uint32_t version()");
        assertThat(parsed.dataSymbols()).containsExactly(Map.entry("INFO", "Info"));
        assertThat(parsed.macros()).containsExactly(Map.entry("X", "1"));
        assertThat(parsed.layoutOf("Status")).isEqualTo(parsed.layoutOf("int32_t"));
        assertThat(parsed.layoutOf("void")).isEmpty();
    }
}
