package io.mongolatest.latest.records;

/**
 * A 64-bit digest of a canonical id: pass 1 gives it with each version, so that pass 2 can check that each line
 * it reads again still carries its winner's id without holding the ids (eight bytes a line, as the positions).
 * Not cryptographic: it tells a changed file from an unchanged one, not an attacker's id from another.
 */
public final class IdDigest {
    private IdDigest() {
    }

    public static long of(byte[] id) {
        int n = id.length;
        long h = 0x9E3779B97F4A7C15L ^ n;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            h = mix(h ^ Words.at(id, i));
        }
        long tail = 0;
        for (int k = n - 1; k >= i; k--) {
            tail = (tail << 8) | (id[k] & 0xff);
        }
        return mix(h ^ tail);
    }

    /** SplitMix64's finaliser: every input bit reaches every output bit. */
    private static long mix(long x) {
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }
}
