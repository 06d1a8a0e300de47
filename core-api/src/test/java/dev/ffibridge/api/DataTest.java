package dev.ffibridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataTest {

    @Test
    void holdsExactlyFiveValues() {
        assertThatThrownBy(() -> Data.of(1, 2, 3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Data.of(1, 2, 3, 4, 5, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Data.of((double[]) null)).isInstanceOf(NullPointerException.class);
        assertThat(Data.of(1, 2, 3, 4, 5).toArray()).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void neverExposesItsArray() {
        double[] source = {1, 2, 3, 4, 5};
        Data data = Data.of(source);
        source[0] = 99;
        data.toArray()[1] = 99;
        assertThat(data.toArray()).containsExactly(1, 2, 3, 4, 5);
        assertThat(data.stream().sum()).isEqualTo(15);
    }

    @Test
    void indexesAreChecked() {
        Data data = Data.of(1.1, 2.2, 3.3, 4.4, 5.5);
        assertThat(data.get(4)).isEqualTo(5.5);
        assertThatThrownBy(() -> data.get(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> data.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void equalityFollowsDoubleEquals() {
        assertThat(Data.of(Double.NaN, 0, 0, 0, 0)).isEqualTo(Data.of(Double.NaN, 0, 0, 0, 0));
        assertThat(Data.of(0.0, 0, 0, 0, 0)).isNotEqualTo(Data.of(-0.0, 0, 0, 0, 0));
        assertThat(Data.of(1, 2, 3, 4, 5)).hasSameHashCodeAs(Data.of(1, 2, 3, 4, 5));
        assertThat(Data.of(1.1, 2.2, 3.3, 4.4, 5.5)).hasToString("Data[1.1, 2.2, 3.3, 4.4, 5.5]");
    }
}
