package io.grapevine.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    @Test
    void anEmptyTreeHashesToZeroAndAddingThenRemovingRestoresIt() {
        MerkleTree tree = new MerkleTree(new MerkleShape(4, 3));
        assertThat(tree.root()).isZero();
        tree.add(17, 12345);
        assertThat(tree.root()).isNotZero();
        assertThat(tree.hash(3, 17)).isEqualTo(12345);
        tree.remove(17, 12345);
        assertThat(tree.root()).isZero();
    }

    @Test
    void theRootDependsOnWhichLeafHoldsAnEntry() {
        MerkleTree a = new MerkleTree(new MerkleShape(4, 2));
        MerkleTree b = new MerkleTree(new MerkleShape(4, 2));
        a.add(1, 99);
        b.add(2, 99);
        assertThat(a.root()).isNotEqualTo(b.root());
        assertThat(a.sameAs(b)).isFalse();
    }

    @Test
    void leavesAreTheBitsAfterTheRangesBits() {
        MerkleShape shape = new MerkleShape(16, 2);
        assertThat(shape.leafBits()).isEqualTo(8);
        assertThat(shape.leafOf(0x0AB0_0000_0000_0000L, 4)).isEqualTo(0xAB);
    }

    @Test
    void badShapesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> new MerkleShape(3, 2)).hasMessageContaining("merkleFanout");
        assertThatThrownBy(() -> new MerkleShape(16, 0)).hasMessageContaining("merkleDepth");
        assertThatThrownBy(() -> new MerkleShape(64, 5)).hasMessageContaining("2^24");
    }
}
