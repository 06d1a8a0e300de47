package dev.ffibridge.nativeimpl.loading;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A library's symbols, with some replaced by other functions or hidden, recording every name asked for. */
public final class RecordingLookup implements SymbolLookup {
    private final SymbolLookup target;
    private final Map<String, MemorySegment> replaced;
    private final Set<String> hidden;
    private final List<String> names = new ArrayList<>();

    public RecordingLookup(SymbolLookup target, Map<String, MemorySegment> replaced, Set<String> hidden) {
        this.target = target;
        this.replaced = replaced;
        this.hidden = hidden;
    }

    @Override
    public synchronized Optional<MemorySegment> find(String name) {
        names.add(name);
        if (hidden.contains(name)) {
            return Optional.empty();
        }
        MemorySegment replacement = replaced.get(name);
        return replacement != null ? Optional.of(replacement) : target.find(name);
    }

    synchronized List<String> names() {
        return List.copyOf(names);
    }
}
