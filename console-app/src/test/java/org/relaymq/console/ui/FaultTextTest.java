package org.relaymq.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaymq.console.service.FaultReport;
import org.relaymq.console.service.FaultStatus;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;

class FaultTextTest {

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void rulesReadAsWhatTheyDoToTheNode() {
        assertThat(FaultText.of(FaultRules.NONE)).isEqualTo("—");
        assertThat(FaultText.of(new FaultRules(List.of(FaultRule.drop("*"))))).isEqualTo("partitioned (drop *)");
        assertThat(FaultText.of(new FaultRules(List.of(FaultRule.delay("*", 1000))))).isEqualTo("delayed 1000 ms");
        assertThat(FaultText.of(new FaultRules(List.of(FaultRule.drop("127.0.0.1:9876"),
                FaultRule.delay("127.0.0.1:9877", 250)))))
                .isEqualTo("partitioned from 127.0.0.1:9876 (drop 127.0.0.1:9876); delayed 250 ms to 127.0.0.1:9877");
    }

    @Test
    void aStatusIsUnknownUntilTheNodeSaidAndShowsWhatIsAskedAndWhatFailed() {
        assertThat(FaultText.of(FaultStatus.UNKNOWN)).isEqualTo("unknown");
        FaultRules drop = new FaultRules(List.of(FaultRule.drop("*")));
        assertThat(FaultText.of(new FaultStatus(null, drop, null, false)))
                .isEqualTo("unknown · asked: partitioned (drop *)…");
        assertThat(FaultText.of(new FaultStatus(new FaultReport(drop, 42, 0), FaultRules.NONE, null, false)))
                .isEqualTo("partitioned (drop *), 42 frames dropped · asked: heal…");
        assertThat(FaultText.of(new FaultStatus(FaultReport.of(FaultRules.NONE), null, "GET_FAULTS: no answer",
                false))).isEqualTo("— · GET_FAULTS: no answer");
    }

    @Test
    void aFaultsEventSaysTheNewRulesAndTheOldOnes() {
        assertThat(FaultText.event(json("{\"rules\":[{\"peer\":\"*\",\"action\":\"DROP\"}],\"previous\":[],"
                + "\"summary\":\"drop *\",\"changed\":true}"))).isEqualTo("faults: partitioned (drop *) (was —)");
        assertThat(FaultText.event(json("{\"rules\":[],\"previous\":[{\"peer\":\"*\",\"action\":\"DELAY\","
                + "\"delayMillis\":1000}]}"))).isEqualTo("faults: — (was delayed 1000 ms)");
        assertThat(FaultText.event(json("{\"rules\":\"drop everything\",\"summary\":\"drop everything\"}")))
                .as("rules it cannot read: the node's own summary").isEqualTo("faults: drop everything");
        assertThat(FaultText.event(json("{}"))).startsWith("faults: unreadable rules");
    }
}
