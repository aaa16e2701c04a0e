package org.tea.model;

/** The fixed length of a market day (MODEL section 2): T = 24 hourly periods. */
public final class Hours {
    /** Hourly periods per day. */
    public static final int T = 24;

    private Hours() {
    }
}
