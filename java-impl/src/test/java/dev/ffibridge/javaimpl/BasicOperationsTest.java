package dev.ffibridge.javaimpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.ffibridge.api.Data;
import dev.ffibridge.api.FfiBridge;
import dev.ffibridge.api.Person;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicOperationsTest {

    private static final FfiBridge BRIDGE = FfiBridge.load("java");

    @Test
    void addsWrapping() {
        assertThat(BRIDGE.addNumbers(2, 3)).isEqualTo(5);
        assertThat(BRIDGE.addNumbers(-7, 3)).isEqualTo(-4);
        assertThat(BRIDGE.addNumbers(Integer.MAX_VALUE, 1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(BRIDGE.addNumbers(Integer.MIN_VALUE, -1)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void createsTheGuidePerson() {
        Person person = BRIDGE.createPerson();
        assertThat(person.name()).isEqualTo("Alice");
        assertThat(person.age()).isEqualTo(30L);
        assertThat(Float.floatToRawIntBits(person.height())).isEqualTo(Float.floatToRawIntBits(5.8f));
    }

    @Test
    void createsAGivenPerson() {
        assertThat(BRIDGE.createPerson("Bob", 0, -0.0f)).isEqualTo(new Person("Bob", 0, -0.0f));
        assertThat(BRIDGE.createPerson("", Person.MAX_AGE, 1.5f)).isEqualTo(new Person("", 4_294_967_295L, 1.5f));
        assertThat(BRIDGE.createPerson("Zoë \uD83D\uDE00", 42, 1.75f).name()).isEqualTo("Zoë 😀");
    }

    @Test
    void carriesTheHeightBitForBit() {
        for (int bits : new int[] {0x7fc1_2345, 0xffc0_0001, 0x7f80_0001, 0x8000_0000, 0x7f80_0000, 0x0000_0001}) {
            Person person = BRIDGE.createPerson("x", 1, Float.intBitsToFloat(bits));
            assertThat(Float.floatToRawIntBits(person.height())).isEqualTo(bits);
        }
    }

    @Test
    void rejectsANullName() {
        assertThatNullPointerException().isThrownBy(() -> BRIDGE.createPerson(null, 1, 1f));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1L, 4_294_967_296L, Long.MIN_VALUE, Long.MAX_VALUE})
    void rejectsAgesOutsideUint32(long age) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BRIDGE.createPerson("Alice", age, 1f))
                .withMessageContaining("age");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"a\u0000b", "\u0000", "x\uD800", "\uD800y", "\uDC00", "a\uDC00b", "\uDC00\uD800", "\uD83D\uD83D"
            })
    void rejectsNamesACStringCannotCarry(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> BRIDGE.createPerson(name, 1, 1f));
    }

    @Test
    void getsTheGuideData() {
        Data data = BRIDGE.getData();
        assertThat(data.toArray()).containsExactly(1.1, 2.2, 3.3, 4.4, 5.5);
        assertThat(data).isEqualTo(Data.of(1.1, 2.2, 3.3, 4.4, 5.5));
    }
}
