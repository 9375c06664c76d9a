/** Launcher and composition root of the RelayMQ console. */
package org.relaymq.console.app;
