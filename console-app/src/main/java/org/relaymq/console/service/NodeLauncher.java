package org.relaymq.console.service;

import java.io.IOException;
import java.util.List;

/** Starts a node's process (OS boundary). Output: stdout and stderr merged into one stream. */
@FunctionalInterface
public interface NodeLauncher {

    Process launch(NodeSpec spec, List<String> extraArgs) throws IOException;
}
