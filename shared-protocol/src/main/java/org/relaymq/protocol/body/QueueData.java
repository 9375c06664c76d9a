package org.relaymq.protocol.body;

import com.google.gson.annotations.SerializedName;

/** One broker's queues of a topic, as routes carry them. Clients before 4.9.0 name the flag {@code topicSynFlag}. */
public record QueueData(String brokerName, int readQueueNums, int writeQueueNums, int perm,
                        @SerializedName(value = "topicSysFlag", alternate = "topicSynFlag") int topicSysFlag) {
}
