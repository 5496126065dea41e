package io.grapevine.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {
    @TempDir
    Path notARepository;

    @Test
    void outsideARepositoryTheCommitIsUnknown() {
        assertThat(Provenance.commitOf(notARepository)).isEqualTo(Provenance.UNKNOWN);
    }

    @Test
    void theCommandLineIsTheBenchCommandWithItsArguments() {
        Provenance provenance = Provenance.of(List.of("s1roll", "--nodes", "4"));
        assertThat(provenance.command()).isEqualTo("bench s1roll --nodes 4");
        assertThat(provenance.commit()).matches("unknown|[0-9a-f]{4,40}");
        assertThat(provenance.startedAt()).endsWith("Z");
    }
}
