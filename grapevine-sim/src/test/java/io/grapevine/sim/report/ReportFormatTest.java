package io.grapevine.sim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapevine.sim.measure.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {
    private static final List<RunResult> RUNS = List.of(
            new RunResult.Builder("leave", 8, 3).add("outcome_ms", "ms", 12.5).add("count", "", 4)
                    .notes(List.of("t=1.000s node-1 said \"hi\"")).build(true, 0xABCDEFL),
            new RunResult.Builder("leave", 8, 4).add("outcome_ms", "ms", Double.NaN).add("count", "", 6)
                    .build(false, 1L));

    private static String write(ReportFormat format) {
        StringWriter text = new StringWriter();
        format.write(RUNS, new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    void jsonHasOneLinePerRunThenASummaryWithNullForUnmeasured() {
        String[] lines = write(ReportFormat.JSON).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("{\"type\":\"run\",\"scenario\":\"leave\",\"run\":0,\"nodes\":8,\"seed\":3,"
                + "\"outcome_reached\":true,\"trace_hash\":\"0000000000abcdef\",\"outcome_ms\":12.5,\"count\":4,"
                + "\"notes\":[\"t=1.000s node-1 said \\\"hi\\\"\"]}");
        assertThat(lines[1]).contains("\"outcome_ms\":null").contains("\"notes\":[]");
        assertThat(lines[2]).isEqualTo("{\"type\":\"summary\",\"scenario\":\"leave\",\"nodes\":8,\"runs\":2,"
                + "\"outcome_reached_runs\":1,\"outcome_ms\":{\"median\":12.5,\"p90\":12.5,\"max\":12.5},"
                + "\"count\":{\"median\":5,\"p90\":6,\"max\":6}}");
    }

    @Test
    void csvHasAHeaderAndEmptyCellsForUnmeasured() {
        assertThat(write(ReportFormat.CSV).split("\n")).containsExactly(
                "run,scenario,nodes,seed,outcome_reached,trace_hash,outcome_ms,count",
                "0,leave,8,3,true,0000000000abcdef,12.5,4",
                "1,leave,8,4,false,0000000000000001,,6");
    }

    @Test
    void textShowsEachRunTheSummaryAndTheNotes() {
        String text = write(ReportFormat.TEXT);
        assertThat(text).contains("scenario leave, 8 nodes, 2 run(s), outcome reached in 1")
                .contains("seed 3").contains("median").contains("12.500").contains("-")
                .contains("seed 3: t=1.000s node-1 said \"hi\"");
    }

    @Test
    void numbersAreWrittenCompactly() {
        assertThat(JsonWriter.number(3.0)).isEqualTo("3");
        assertThat(JsonWriter.number(2.50)).isEqualTo("2.5");
        assertThat(JsonWriter.number(1.23456)).isEqualTo("1.235");
        assertThat(JsonWriter.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
        assertThat(new JsonWriter().string("a", "x\ny\u0001").toString()).isEqualTo("{\"a\":\"x\\ny\\u0001\"}");
    }
}
