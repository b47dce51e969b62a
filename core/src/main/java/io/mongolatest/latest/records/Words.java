package io.mongolatest.latest.records;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Bytes eight at a time: a line's bytes read as little-endian longs, and tests that flag bytes in one by its
 * high bit. A flag can be false only above a true one (a borrow runs upwards), so the lowest flag is exact:
 * {@link #firstFlagged} is the place to use.
 */
final class Words {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long ONES = 0x0101010101010101L;
    static final long HIGH_BITS = 0x8080808080808080L;

    private Words() {
    }

    /** The eight bytes {@code b[i..i+8)}, the first one lowest. */
    static long at(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** {@code c} in every byte, to compare with by {@code ^}. */
    static long repeated(char c) {
        return ONES * (c & 0xff);
    }

    /** Flags the bytes of {@code x} that are zero. */
    static long zeroBytes(long x) {
        return (x - ONES) & ~x & HIGH_BITS;
    }

    /** Flags the bytes of {@code x} that are not ASCII (this flag is exact for every byte). */
    static long nonAscii(long x) {
        return x & HIGH_BITS;
    }

    /** The place (0 to 7) of the lowest flagged byte of {@code flags}, not zero. */
    static int firstFlagged(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }
}
