package io.berth.examples.conformance;

/**
 * Minimal media payloads, base64-encoded. They are byte for byte those of the conformance suite's reference server, so
 * a difference in a scenario's result can only come from Berth.
 */
final class SampleMedia {

    /** A 1x1 pixel PNG (RGBA). */
    static final String PNG_BASE64 =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    /** A 44-byte WAV header (PCM, mono, 8 kHz, 16 bit) with no samples. */
    static final String WAV_BASE64 = "UklGRiYAAABXQVZFZm10IBAAAAABAAEAQB8AAAB9AAACABAAZGF0YQIAAAA=";

    private SampleMedia() {
    }
}
