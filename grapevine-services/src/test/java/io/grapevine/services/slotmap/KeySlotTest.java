package io.grapevine.services.slotmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Key to slot as Redis computes it. The expected values were produced by Redis 7.0.15's
 * {@code CLUSTER KEYSLOT} on a throwaway {@code redis-server --cluster-enabled yes}.
 */
class KeySlotTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '\t', quoteCharacter = '"', value = {
            "foo\t12182",
            "bar\t5061",
            "{user1000}.following\t3443",
            "{user1000}.followers\t3443",
            "foo{}{bar}\t8363",
            "foo{{bar}}zap\t4015",
            "foo{bar}{zap}\t5061",
            "{}\t15257",
            "a\t15495",
            "hello world\t15332",
            "123456789\t12739",
            "{a}b\t15495",
            "x{}\t2608",
            "}{x}\t16287",
            "key:0\t2592",
            "key:99999\t2036",
            "ünïcode\t6051"})
    void slotsMatchRedisClusterKeyslot(String key, int slot) {
        assertThat(KeySlot.of(key)).isEqualTo(slot);
    }

    @Test
    void theEmptyKeyIsSlotZeroAndTheCrcIsXmodem() {
        assertThat(KeySlot.of("")).isZero();
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(KeySlot.crc16(check, 0, check.length)).isEqualTo(0x31C3);
    }

    @Test
    void everySlotIsInRange() {
        qt().withFixedSeed(16L).withExamples(2000).forAll(strings().allPossible().ofLengthBetween(0, 40))
                .check(key -> KeySlot.of(key) >= 0 && KeySlot.of(key) < KeySlot.SLOTS);
    }

    @Test
    void aNonEmptyTagAloneDecidesTheSlot() {
        qt().withFixedSeed(17L).withExamples(1000)
                .forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 10),
                        strings().basicLatinAlphabet().ofLengthBetween(1, 10),
                        strings().basicLatinAlphabet().ofLengthBetween(0, 10))
                .assuming((prefix, tag, suffix) -> prefix.indexOf('{') < 0 && tag.indexOf('}') < 0
                        && tag.indexOf('{') < 0)
                .check((prefix, tag, suffix) -> KeySlot.of(prefix + "{" + tag + "}" + suffix) == KeySlot.of(tag));
    }

    @Test
    void aKeyWithoutATagHashesWhole() {
        qt().withFixedSeed(18L).withExamples(1000).forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 30))
                .assuming(key -> key.indexOf('{') < 0)
                .check(key -> {
                    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
                    return KeySlot.of(key) == (KeySlot.crc16(bytes, 0, bytes.length) & (KeySlot.SLOTS - 1));
                });
    }
}
