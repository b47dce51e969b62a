package io.mongolatest.latest.records;

import java.util.Arrays;

/** A growable byte buffer, for building small texts without going through {@code String}. */
final class Bytes {
    private byte[] data;
    private int size;

    Bytes(int capacity) {
        data = new byte[Math.max(16, capacity)];
    }

    void add(int b) {
        if (size == data.length) {
            data = Arrays.copyOf(data, size * 2);
        }
        data[size++] = (byte) b;
    }

    void add(byte[] src, int off, int len) {
        if (size + len > data.length) {
            data = Arrays.copyOf(data, Math.max(size * 2, size + len));
        }
        System.arraycopy(src, off, data, size, len);
        size += len;
    }

    void add(Bytes other) {
        add(other.data, 0, other.size);
    }

    void addAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            add(s.charAt(i));
        }
    }

    int size() {
        return size;
    }

    byte[] array() {
        return data;
    }

    void clear() {
        size = 0;
    }

    byte[] toArray() {
        return Arrays.copyOf(data, size);
    }

    /** Unsigned lexicographic order: for UTF-8 (and WTF-8) text, the order of code points. */
    static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
