package org.relaymq.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every header codec: the official 4.9.8 class decodes our ext without loss. Apache decodes our
 * {@code toExt()} into its header class, re-encodes it, and must give back exactly our map (less the keys
 * Apache 4.9.8 does not declare); and our decoder reads Apache's re-encoding back into the same record
 * where no such keys were involved.
 */
class ApacheHeaderDecodeCrossCheckTest {

    static List<HeaderCases.Case> cases() {
        return HeaderCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void apacheDecodesOurExtAndReEncodesTheSameKeysAndValues(HeaderCases.Case c) throws Exception {
        Map<String, String> ours = c.ext();

        Map<String, String> apacheReEncoded = reEncodeThroughApache(c, ours);

        Map<String, String> expected = new HashMap<>(ours);
        expected.keySet().removeAll(HeaderCases.NOT_IN_APACHE_498);
        assertThat(apacheReEncoded).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void weDecodeWhatApacheEncodes(HeaderCases.Case c) throws Exception {
        Map<String, String> ours = c.ext();
        if (ours.keySet().stream().anyMatch(k -> HeaderCases.NOT_IN_APACHE_498.contains(k)
                && !ours.get(k).equals("false"))) {
            return;
        }
        assertThat(c.decode(reEncodeThroughApache(c, ours))).isEqualTo(c.sample());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> reEncodeThroughApache(HeaderCases.Case c, Map<String, String> ext)
            throws Exception {
        RemotingCommand incoming = RemotingCommand.createRequestCommand(0, null);
        incoming.setExtFields(new HashMap<>(ext));
        CommandCustomHeader decoded =
                incoming.decodeCommandCustomHeader((Class<? extends CommandCustomHeader>) c.apache());

        RemotingCommand outgoing = RemotingCommand.createRequestCommand(0, decoded);
        outgoing.makeCustomHeaderToNet();
        return outgoing.getExtFields();
    }
}
