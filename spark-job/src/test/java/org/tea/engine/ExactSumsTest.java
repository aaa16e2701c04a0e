package org.tea.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExactSumsTest {

    /** Entries copied and added one by one, moved to other positions, are the exact sums a merge gives. */
    @Test
    void entriesMoveBetweenVectorsExactly() {
        Random rnd = new Random(5);
        ExactSums a = new ExactSums(4);
        ExactSums b = new ExactSums(4);
        for (int k = 0; k < 50; k++) {
            for (int i = 0; i < 4; i++) {
                a.add(i, rnd.nextGaussian() * 1e9);
                b.add(i, i == 2 ? 0.0 : -rnd.nextGaussian() * 1e-7);
            }
        }
        ExactSums moved = new ExactSums(8);
        for (int i = 0; i < 4; i++) {
            moved.set(7 - i, a, i);
            moved.addFrom(7 - i, b, i);
            moved.addFrom(i, new ExactSums(4), i);
        }
        ExactSums merged = new ExactSums(4).merge(a).merge(b);
        for (int i = 0; i < 4; i++) {
            assertEquals(merged.get(i), moved.get(7 - i), 0.0, "entry " + i);
            assertEquals(0.0, moved.get(i), 0.0);
        }
    }

    @Test
    void totalsAreTheSameBitsInAnyOrderAndGrouping() {
        Random rnd = new Random(7);
        List<double[]> partials = new ArrayList<>();
        for (int k = 0; k < 200; k++) {
            double[] p = new double[3];
            p[0] = rnd.nextGaussian() * 1e6;
            p[1] = rnd.nextGaussian() * 1e-9;
            p[2] = k % 2 == 0 ? 1e15 : -1e15 + rnd.nextDouble();
            partials.add(p);
        }
        ExactSums inOrder = new ExactSums(3);
        partials.forEach(inOrder::addAll);
        Collections.shuffle(partials, new Random(11));
        ExactSums left = new ExactSums(3);
        ExactSums right = new ExactSums(3);
        for (int k = 0; k < partials.size(); k++) {
            (k < 37 ? left : right).addAll(partials.get(k));
        }
        ExactSums grouped = new ExactSums(3).merge(right).merge(left);
        assertEquals(inOrder, grouped);
        assertArrayEquals(inOrder.toDoubles(), grouped.toDoubles());
        double plain = 0;
        for (double[] p : partials) {
            plain += p[0];
        }
        assertEquals(plain, inOrder.get(0), 1e-6);
    }

    @Test
    void anEmptyVectorIsZerosAndSerialisesSmall() throws Exception {
        int size = 365 * PassAggregates.STRIDE;
        ExactSums empty = new ExactSums(size);
        assertEquals(0.0, empty.get(size - 1));
        assertArrayEquals(new double[size], empty.toDoubles());
        assertThrows(IndexOutOfBoundsException.class, () -> empty.get(size));
        ExactSums zeros = new ExactSums(size);
        zeros.addAll(new double[size]);
        zeros.add(0, 1.5);
        zeros.add(0, -1.5);
        assertEquals(empty, zeros);
        assertEquals(empty.hashCode(), zeros.hashCode());

        byte[] bytesEmpty = serialise(empty);
        assertTrue(bytesEmpty.length < 200, bytesEmpty.length + " bytes");
        assertTrue(serialise(zeros).length > 16 * size, "an allocated vector carries its arrays");
        ExactSums back = (ExactSums) new ObjectInputStream(new ByteArrayInputStream(bytesEmpty)).readObject();
        back.add(3, 2.0);
        assertEquals(2.0, back.merge(new ExactSums(size)).get(3));
        assertNotEquals(empty, back);
    }

    @Test
    void vectorsOfDifferentSizesDoNotMerge() {
        assertThrows(IllegalArgumentException.class, () -> new ExactSums(2).merge(new ExactSums(3)));
        assertThrows(IllegalArgumentException.class, () -> new ExactSums(-1));
    }

    private static byte[] serialise(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }
}
