package org.relaymq.runtime.remoting;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects what one Logback logger logs, optionally keeping it off the console meanwhile. */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final boolean wasAdditive;

    private LogCapture(String loggerName, boolean quiet) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        this.wasAdditive = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        if (quiet) {
            logger.setAdditive(false);
        }
    }

    static LogCapture of(Class<?> loggerClass, boolean quiet) {
        return new LogCapture(loggerClass.getName(), quiet);
    }

    static LogCapture of(String loggerName, boolean quiet) {
        return new LogCapture(loggerName, quiet);
    }

    List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    List<String> messages() {
        return events().stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setAdditive(wasAdditive);
        appender.stop();
    }
}
