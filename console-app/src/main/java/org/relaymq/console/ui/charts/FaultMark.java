package org.relaymq.console.ui.charts;

/** A fault moment to mark on the charts: seconds relative to now, and what happened. */
public record FaultMark(double secondsAgo, String label) {
}
