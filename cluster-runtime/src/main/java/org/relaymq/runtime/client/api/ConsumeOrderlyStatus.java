package org.relaymq.runtime.client.api;

/** What an orderly listener did with a batch: commit, or retry the same messages after a pause. */
public enum ConsumeOrderlyStatus {
    SUCCESS, SUSPEND_CURRENT_QUEUE_A_MOMENT
}
