package dev.ffibridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "Alice", "Zoë", "日本語", "😀 emoji pair", "\uD83D\uDE00"})
    void acceptsEveryNameUtf8CanCarry(String name) {
        assertThat(new Person(name, 1, 1f).name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\0b", "\0", "end\0"})
    void rejectsInteriorNul(String name) {
        assertThatThrownBy(() -> new Person(name, 1, 1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uD83D", "a\uD83Db", "\uDE00", "x\uDE00\uD83D", "\uD83D\uD83D\uDE00x\uD83D"})
    void rejectsUnpairedSurrogates(String name) {
        assertThatThrownBy(() -> new Person(name, 1, 1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
    }

    @Test
    void ageCoversTheWholeUint32Range() {
        assertThat(new Person("a", 0, 0f).age()).isZero();
        assertThat(new Person("a", Person.MAX_AGE, 0f).age()).isEqualTo(4_294_967_295L);
        assertThatThrownBy(() -> new Person("a", -1, 0f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Person("a", Person.MAX_AGE + 1, 0f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4294967295");
    }

    @Test
    void nullNameIsANullPointer() {
        assertThatThrownBy(() -> new Person(null, 1, 1f)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isAValue() {
        assertThat(new Person("Alice", 30, 5.8f)).isEqualTo(new Person("Alice", 30, 5.8f));
        assertThat(new Person("Alice", 30, Float.NaN)).isEqualTo(new Person("Alice", 30, Float.NaN));
        assertThat(new Person("Alice", 30, 0f)).isNotEqualTo(new Person("Alice", 30, -0f));
        assertThat(new Person("Alice", 30, 5.8f).toString()).contains("Alice", "30", "5.8");
    }
}
