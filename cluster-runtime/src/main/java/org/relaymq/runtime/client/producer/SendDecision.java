package org.relaymq.runtime.client.producer;

import java.util.List;
import java.util.Map;
import org.relaymq.protocol.body.MessageQueue;

/**
 * Where one send attempt goes and why.
 *
 * @param skipped broker name → reason it was not chosen (isolated until …, not writable, failed last attempt)
 */
public record SendDecision(MessageQueue chosen, List<MessageQueue> candidates, Map<String, String> skipped) {
}
