package org.tastemap.core.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The typed table: its shape is checked once, where it is made, and its rows are where its origin says. */
class FactorTableTest {

    @Test
    void rowsStartAtTheOrigin() {
        // 3 rows of 2 factors after 4 floats of padding, written by hand
        float[] data = {9, 9, 9, 9, 1, 2, 3, 4, 5, 6};
        FactorTable t = new FactorTable(data, 4, 3, 2);
        assertEquals(4, t.offset(0));
        assertEquals(8, t.offset(2));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.toPlain());
    }

    @Test
    void aWrongLengthIsRefusedNotReadShifted() {
        assertThrows(IllegalArgumentException.class, () -> new FactorTable(new float[7], 0, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new FactorTable(new float[6], 1, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new FactorTable(new float[6], 0, 3, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FactorTable.of(new float[7], 3, 2, "user factors"));
        assertTrue(e.getMessage().startsWith("user factors"), e.getMessage());
    }

    @Test
    void ofTellsPlainFromAllocatedTables() {
        assertEquals(0, FactorTable.of(new float[6], 3, 2, "t").origin());
        FactorTable a = FactorTable.allocate(3, 2);
        assertEquals(FactorTables.ORIGIN, a.origin());
        assertEquals(FactorTables.ORIGIN, FactorTable.of(a.data(), 3, 2, "t").origin());
    }
}
