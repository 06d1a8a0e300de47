package dev.ffibridge.nativeimpl.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ABI tables of the docs are checked against the header, so that they cannot drift from it:
 * {@code docs/abi.md} gives every function's full prototype, {@code rust-src/README.md} every
 * function's name and parameters.
 */
class AbiDocsTest {

    private static final Path REPOSITORY = CHeader.PATH.getParent().getParent().getParent();

    /** A table cell holding a call or a prototype in backquotes: {@code `name(...)`}. */
    private static final Pattern CALL_CELL = Pattern.compile("`([^`]*?\\b(\\w+)\\(([^)`]*)\\))`");

    private final CHeader header = CHeader.read();

    @Test
    void docsAbiMdGivesEveryFunctionWithTheHeadersPrototype() throws IOException {
        Map<String, CHeader.Prototype> documented = new LinkedHashMap<>();
        for (String prototype : tableCalls(REPOSITORY.resolve("docs/abi.md"), "")) {
            documented.putAll(CHeader.parse(prototype + ";\n").functions());
        }
        assertThat(documented.keySet())
                .as("functions in the tables of docs/abi.md, against " + CHeader.PATH)
                .containsExactlyInAnyOrderElementsOf(header.functions().keySet());
        for (CHeader.Prototype prototype : header.functions().values()) {
            assertThat(documented.get(prototype.name()).toString())
                    .as("docs/abi.md's prototype of " + prototype.name() + " (types only)")
                    .isEqualTo(prototype.toString());
        }
    }

    @Test
    void rustReadmeListsEveryFunctionWithItsParameters() throws IOException {
        Map<String, Integer> listed = new LinkedHashMap<>();
        for (String call : tableCalls(REPOSITORY.resolve("rust-src/README.md"), "## What is exported")) {
            Matcher matcher = CALL_CELL.matcher("`" + call + "`");
            assertThat(matcher.matches()).isTrue();
            String parameters = matcher.group(3).strip();
            listed.put(matcher.group(2), parameters.isEmpty() ? 0 : parameters.split(",").length);
        }
        Map<String, Integer> exported = new LinkedHashMap<>();
        header.functions()
                .forEach((name, prototype) ->
                        exported.put(name, prototype.parameterTypes().size()));
        assertThat(listed)
                .as("function -> parameter count in rust-src/README.md's table, against " + CHeader.PATH)
                .containsExactlyInAnyOrderEntriesOf(exported);
    }

    @Test
    void bothNameTheDataSymbol() throws IOException {
        for (String doc : List.of("docs/abi.md", "rust-src/README.md")) {
            assertThat(Files.readString(REPOSITORY.resolve(doc)))
                    .as(doc)
                    .contains("`" + header.dataSymbols().keySet().iterator().next() + "`");
        }
    }

    /**
     * The backquoted calls in the table rows of {@code doc} (from the heading {@code section} to the
     * next heading of its level, or the whole file for ""), in order.
     */
    private static List<String> tableCalls(Path doc, String section) throws IOException {
        List<String> lines = Files.readAllLines(doc);
        int from = section.isEmpty() ? 0 : lines.indexOf(section);
        assertThat(from).as(section + " in " + doc).isNotNegative();
        String level = section.isEmpty() ? "" : section.substring(0, section.indexOf(' ') + 1);
        List<String> calls = new ArrayList<>();
        for (int i = from + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!level.isEmpty() && line.startsWith(level)) {
                break;
            }
            if (line.startsWith("|")) {
                String firstCell = line.split("\\|", -1)[1];
                Matcher call = CALL_CELL.matcher(firstCell);
                while (call.find()) {
                    calls.add(call.group(1));
                }
            }
        }
        return calls;
    }
}
