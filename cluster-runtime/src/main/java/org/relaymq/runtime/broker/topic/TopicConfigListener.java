package org.relaymq.runtime.broker.topic;

/** Told after the topic table changed (and was persisted); e.g. the registrar re-registers at once. */
@FunctionalInterface
public interface TopicConfigListener {

    void topicsChanged();
}
