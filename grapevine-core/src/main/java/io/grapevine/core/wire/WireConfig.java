package io.grapevine.core.wire;

import io.grapevine.core.base.ConfigCheck;
import io.grapevine.core.base.TextLimits;

/**
 * What every packet carries and how large packets may be. Immutable and validated at
 * construction. Part of {@code CoreConfig}.
 *
 * @param clusterLabel Cluster label carried in every packet; packets with another label are dropped (WRONG_LABEL). At most 255 UTF-8 bytes. Default empty.
 * @param mtuBytes Largest datagram we send, in bytes; compound packets are cut to it. Also the largest a runtime reads (sealed, when encrypting): a longer datagram is dropped, so every member needs the same value. 512..65,000. Default 1,400.
 * @param maxStreamBytes Largest stream message accepted, in bytes. At least mtuBytes. Default 16 MiB.
 */
public record WireConfig(
        String clusterLabel,
        int mtuBytes,
        int maxStreamBytes) {

    /** Validates every field; a refusal names the field, its value and the rule. */
    public WireConfig {
        ConfigCheck.text("clusterLabel", clusterLabel, TextLimits.MAX_BYTES);
        ConfigCheck.range("mtuBytes", mtuBytes, 512, 65_000);
        ConfigCheck.range("maxStreamBytes", maxStreamBytes, mtuBytes, Integer.MAX_VALUE);
    }

    /** The defaults listed above. */
    public static WireConfig defaults() {
        return new WireConfig(
                "",
                1400,
                16 * 1024 * 1024);
    }

    /** A copy with {@code clusterLabel} set to {@code value}. */
    public WireConfig withClusterLabel(String value) {
        return new WireConfig(value, mtuBytes, maxStreamBytes);
    }

    /** A copy with {@code mtuBytes} set to {@code value}. */
    public WireConfig withMtuBytes(int value) {
        return new WireConfig(clusterLabel, value, maxStreamBytes);
    }

    /** A copy with {@code maxStreamBytes} set to {@code value}. */
    public WireConfig withMaxStreamBytes(int value) {
        return new WireConfig(clusterLabel, mtuBytes, value);
    }
}
