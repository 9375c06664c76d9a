package org.relaymq.console.fx;

import java.util.List;

/** Asks, when the console closes with nodes still running, what to do with them. */
@FunctionalInterface
public interface CloseDialog {

    enum Choice { STOP_NODES_AND_QUIT, LEAVE_RUNNING_AND_QUIT, CANCEL }

    Choice ask(List<String> runningNodes);
}
