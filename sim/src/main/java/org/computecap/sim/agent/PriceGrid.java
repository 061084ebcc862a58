package org.computecap.sim.agent;

import java.util.Arrays;

/**
 * The prices (whole cents, ascending, distinct) on which price-taking agents post their demand
 * and supply schedules: geometric with ratio {@code 1 + step} around the expected price, over
 * [expected/band, expected·band]. With every agent on one grid, a uniform-price auction clears
 * at a grid price next to the competitive one, so the grid step bounds the price error.
 */
public final class PriceGrid {
    private final long[] prices;

    private PriceGrid(long[] prices) {
        this.prices = prices;
    }

    /** A grid around {@code expectedCents} (&gt; 0). */
    public static PriceGrid around(double expectedCents, double band, long stepPpm) {
        if (!(expectedCents > 0) || !Double.isFinite(expectedCents)) {
            throw new IllegalArgumentException("expectedCents must be finite and > 0, was "
                    + expectedCents);
        }
        double ratio = 1.0 + stepPpm / 1e6;
        double lo = Math.max(1.0, expectedCents / band);
        double hi = Math.min(1e9, Math.max(expectedCents * band, lo + 1));
        int n = (int) Math.ceil(Math.log(hi / lo) / Math.log(ratio)) + 1;
        long[] raw = new long[n];
        int size = 0;
        for (int j = 0; j < n; j++) {
            long p = Math.round(lo * Math.pow(ratio, j));
            if (p >= 1 && p <= 1_000_000_000L && (size == 0 || p > raw[size - 1])) {
                raw[size++] = p;
            }
        }
        return new PriceGrid(Arrays.copyOf(raw, size));
    }

    public int size() {
        return prices.length;
    }

    public long price(int j) {
        return prices[j];
    }

    public long lowest() {
        return prices[0];
    }

    public long highest() {
        return prices[prices.length - 1];
    }
}
