package org.relaymq.console.ui.charts;

import java.util.List;

/** One line of a rate chart: per-second values; x is seconds relative to now (negative = past). */
public record RateSeries(String name, List<double[]> points) {
}
