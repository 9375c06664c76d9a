package org.relaymq.console.ui.routing;

/** A client's cached route for one topic and when it polls next. */
public record ClientRouteRow(String client, String topic, String brokers, String polled, String nextPoll,
                             String freshness) {
}
