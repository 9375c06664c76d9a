package org.relaymq.runtime.client.consumer;

import java.util.List;
import org.relaymq.runtime.client.api.ReceivedMessage;

/** Hands pulled messages to the user's listener. */
interface ConsumeService {

    void submit(ProcessQueue pq, List<ReceivedMessage> messages);
}
