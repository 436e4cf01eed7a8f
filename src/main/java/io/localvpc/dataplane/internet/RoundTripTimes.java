package io.localvpc.dataplane.internet;

import java.util.Map;

/**
 * Round-trip times from a region to a place, as data: anycast services answer from an edge in or
 * next to the region (a couple of milliseconds), the region's own AWS endpoints in under one, and
 * anything in one place costs the great-circle distance at about two thirds of the speed of light
 * in fibre with a 1.5 path factor. A small jitter (±5 %) comes from a sequence number, never from
 * wall time, so runs repeat exactly.
 */
public final class RoundTripTimes {
    /** Approximate coordinates (latitude, longitude) of each region and of a few internet places. */
    private static final Map<String, double[]> PLACES = Map.ofEntries(
            Map.entry("us-east-1", new double[] {38.9, -77.4}),
            Map.entry("us-east-2", new double[] {40.0, -83.0}),
            Map.entry("us-west-1", new double[] {37.4, -121.9}),
            Map.entry("us-west-2", new double[] {45.8, -119.7}),
            Map.entry("ca-central-1", new double[] {45.5, -73.6}),
            Map.entry("sa-east-1", new double[] {-23.5, -46.6}),
            Map.entry("eu-west-1", new double[] {53.3, -6.3}),
            Map.entry("eu-west-2", new double[] {51.5, -0.1}),
            Map.entry("eu-west-3", new double[] {48.9, 2.4}),
            Map.entry("eu-central-1", new double[] {50.1, 8.7}),
            Map.entry("eu-central-2", new double[] {47.4, 8.5}),
            Map.entry("eu-north-1", new double[] {59.3, 18.1}),
            Map.entry("eu-south-1", new double[] {45.5, 9.2}),
            Map.entry("ap-northeast-1", new double[] {35.7, 139.7}),
            Map.entry("ap-northeast-2", new double[] {37.6, 127.0}),
            Map.entry("ap-northeast-3", new double[] {34.7, 135.5}),
            Map.entry("ap-southeast-1", new double[] {1.35, 103.8}),
            Map.entry("ap-southeast-2", new double[] {-33.9, 151.2}),
            Map.entry("ap-south-1", new double[] {19.1, 72.9}),
            Map.entry("ap-east-1", new double[] {22.3, 114.2}),
            Map.entry("me-south-1", new double[] {26.1, 50.6}),
            Map.entry("af-south-1", new double[] {-33.9, 18.4}),
            Map.entry("iowa", new double[] {41.3, -95.9}));

    /** Anycast edges are close to most regions; a few regions are farther from the nearest edge. */
    private static final Map<String, Double> ANYCAST_MILLIS = Map.of(
            "ap-northeast-1", 2.2, "us-east-1", 1.4, "eu-west-1", 1.8, "sa-east-1", 3.5, "af-south-1", 4.5,
            "me-south-1", 5.0);
    private static final double ANYCAST_DEFAULT_MILLIS = 2.5;
    private static final double SAME_REGION_MILLIS = 0.6;
    private static final double FIBRE_KM_PER_MILLI = 200;
    private static final double PATH_FACTOR = 1.5;
    private static final double EARTH_RADIUS_KM = 6371;

    private RoundTripTimes() {}

    /** Round trip from {@code region} to a host in {@code location} (a region, a place or anycast). */
    public static double millis(String region, String location) {
        if (InternetHost.ANYCAST.equals(location)) {
            return ANYCAST_MILLIS.getOrDefault(region, ANYCAST_DEFAULT_MILLIS);
        }
        if (region.equals(location)) {
            return SAME_REGION_MILLIS;
        }
        double[] from = PLACES.get(region);
        double[] to = PLACES.get(location);
        if (from == null || to == null) {
            return 80;
        }
        return 1 + 2 * distanceKm(from, to) * PATH_FACTOR / FIBRE_KM_PER_MILLI;
    }

    /** {@code millis} with a deterministic jitter of up to ±5 % derived from {@code sequence}. */
    public static double withJitter(double millis, long sequence) {
        long mixed = sequence * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 31;
        double unit = ((mixed >>> 11) % 1001) / 1000.0; // 0..1
        return millis * (0.95 + unit * 0.10);
    }

    static double distanceKm(double[] a, double[] b) {
        double lat1 = Math.toRadians(a[0]);
        double lat2 = Math.toRadians(b[0]);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.sin(dLat / 2) * Math.sin(dLat / 2)
                + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
    }

    static boolean knows(String place) {
        return PLACES.containsKey(place);
    }

    static java.util.Set<String> regions() {
        java.util.Set<String> names = new java.util.TreeSet<>(PLACES.keySet());
        names.remove("iowa");
        return names;
    }
}
