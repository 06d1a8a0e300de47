package dev.ffibridge.api;

import java.util.Objects;

/**
 * The guide's {@code Person}: an immutable value whose fields mirror the C struct
 * {@code {uint32_t age; float height; char *name;}}.
 *
 * <p><b>The name rule.</b> A name is any Java {@code String} that a C string in UTF-8 can carry
 * losslessly. Two kinds of strings cannot be carried and are rejected with {@link
 * IllegalArgumentException}, never replaced or truncated: strings containing U+0000 (a C string
 * ends at its first NUL) and strings containing an unpaired surrogate (UTF-8 has no encoding for
 * it). The rule lives in this constructor, so both providers apply it identically.
 *
 * @param name the name; not null, no U+0000, no unpaired surrogate
 * @param age the age, the whole {@code uint32_t} range: {@code 0 ..} {@link #MAX_AGE}
 * @param height the height; any float, NaN payloads included, is carried bit for bit
 */
public record Person(String name, long age, float height) {

    /** The largest age a {@code uint32_t} holds: 4 294 967 295. */
    public static final long MAX_AGE = 0xFFFF_FFFFL;

    /**
     * Validates and creates a person.
     *
     * @throws NullPointerException if {@code name} is null
     * @throws IllegalArgumentException if {@code age} is outside {@code 0 .. MAX_AGE} or {@code
     *     name} breaks the name rule
     */
    public Person {
        Objects.requireNonNull(name, "name");
        checkAge(age);
        checkName(name);
    }

    /** Throws {@link IllegalArgumentException} unless {@code age} fits in a {@code uint32_t}. */
    static void checkAge(long age) {
        if (age < 0 || age > MAX_AGE) {
            throw new IllegalArgumentException("age must be in 0.." + MAX_AGE + " (a uint32_t), was " + age);
        }
    }

    /** Throws {@link IllegalArgumentException} if {@code name} breaks the name rule. */
    static void checkName(String name) {
        int length = name.length();
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException(
                        "name contains U+0000 at index " + i + ", which a C string cannot carry");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(name.charAt(i + 1))) {
                    i++;
                } else {
                    throw new IllegalArgumentException(
                            "name contains an unpaired surrogate at index " + i + ", which UTF-8 cannot carry");
                }
            }
        }
    }
}
