package org.relaymq.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultRulesTest {

    private static FaultRules decode(String json) {
        return FaultRules.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsDropAndDelayRules() {
        FaultRules rules = new FaultRules(List.of(FaultRule.drop("127.0.0.1:9876"), FaultRule.delay("*", 500)));
        String json = new String(rules.encode(), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"rules\":[{\"peer\":\"127.0.0.1:9876\",\"action\":\"DROP\"},"
                + "{\"peer\":\"*\",\"action\":\"DELAY\",\"delayMillis\":500}]}");
        assertThat(decode(json)).isEqualTo(rules);
        assertThat(decode("{\"rules\":[{\"peer\":\" h:1 \",\"action\":\"drop\"}]}").rules())
                .containsExactly(FaultRule.drop("h:1"));
        assertThat(decode("{\"rules\":[]}").isEmpty()).isTrue();
        assertThat(rules.rules().get(1).describe()).isEqualTo("delay 500 ms *");
    }

    @Test
    void malformedBodiesSayWhatIsWrong() {
        assertThatThrownBy(() -> FaultRules.decode(new byte[0])).hasMessageContaining("needs a body");
        assertThatThrownBy(() -> decode("{rules")).hasMessageStartingWith("fault rules are not JSON: ")
                .hasMessageNotContaining("\n").hasMessageNotContaining("Exception");
        assertThatThrownBy(() -> decode("[]")).hasMessageContaining("must be {\"rules\"");
        assertThatThrownBy(() -> decode("{\"rules\":[1]}")).hasMessageContaining("must be an object");
        assertThatThrownBy(() -> decode("{\"rules\":[{\"action\":\"DROP\"}]}")).hasMessageContaining("needs a peer");
        assertThatThrownBy(() -> decode("{\"rules\":[{\"peer\":\"h:1\"}]}")).hasMessageContaining("needs an action");
        assertThatThrownBy(() -> decode("{\"rules\":[{\"peer\":\"h:1\",\"action\":\"CUT\"}]}"))
                .hasMessageContaining("unknown fault action 'CUT'");
        assertThatThrownBy(() -> decode("{\"rules\":[{\"peer\":\"h\",\"action\":\"DROP\"}]}"))
                .hasMessageContaining("not host:port");
        assertThatThrownBy(() -> decode("{\"rules\":[{\"peer\":\"h:99999\",\"action\":\"DROP\"}]}"))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> decode("{\"rules\":[{\"peer\":\"h:1\",\"action\":\"DELAY\"}]}"))
                .hasMessageContaining("delayMillis between 1 and 60000");
        assertThatThrownBy(() -> decode("{\"rules\":[{\"peer\":\"h:1\",\"action\":\"DELAY\",\"delayMillis\":\"x\"}]}"))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> decode("{\"rules\":[{\"peer\":\"h:1\",\"action\":\"DROP\"},"
                + "{\"peer\":\"h:1\",\"action\":\"DELAY\",\"delayMillis\":5}]}")).hasMessageContaining("more than one");
    }
}
