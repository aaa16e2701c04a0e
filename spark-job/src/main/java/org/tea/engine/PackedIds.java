package org.tea.engine;

import java.nio.charset.StandardCharsets;

/**
 * A block's user ids packed back to back as UTF-8 in one array, with each id's end offset: about 4 bytes per id
 * beside its characters, where a {@code String[]} costs some 50 (an object, its byte array and a reference). Ids
 * are read only to label per-user output rows.
 */
public final class PackedIds implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final byte[] utf8;
    private final int[] end;

    public PackedIds(String[] ids) {
        end = new int[ids.length];
        byte[][] parts = new byte[ids.length][];
        int n = 0;
        for (int k = 0; k < ids.length; k++) {
            parts[k] = ids[k].getBytes(StandardCharsets.UTF_8);
            n += parts[k].length;
            end[k] = n;
        }
        utf8 = new byte[n];
        for (int k = 0; k < ids.length; k++) {
            System.arraycopy(parts[k], 0, utf8, end[k] - parts[k].length, parts[k].length);
        }
    }

    public int size() {
        return end.length;
    }

    /** Id {@code k}, decoded anew on each call. */
    public String get(int k) {
        int from = k == 0 ? 0 : end[k - 1];
        return new String(utf8, from, end[k] - from, StandardCharsets.UTF_8);
    }
}
