/** The JavaFX seam: UI-thread executor, dialogs, file chooser, preferences. */
package org.relaymq.console.fx;
