package io.streamcdp.it;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** Everything one logger and its children write at DEBUG and above while this is open. */
final class CapturedLog implements AutoCloseable {

    private final String loggerName;
    private final StringWriter text = new StringWriter();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);

    CapturedLog(String loggerName) {
        this.loggerName = loggerName;
        Configuration configuration = context.getConfiguration();
        WriterAppender appender = WriterAppender.newBuilder()
                .setName("captured-" + loggerName)
                .setTarget(text)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m%n").build())
                .build();
        appender.start();
        LoggerConfig logger = new LoggerConfig(loggerName, Level.DEBUG, true);
        logger.addAppender(appender, Level.DEBUG, null);
        configuration.addLogger(loggerName, logger);
        context.updateLoggers();
    }

    String text() {
        return text.toString();
    }

    @Override
    public void close() {
        context.getConfiguration().removeLogger(loggerName);
        context.updateLoggers();
    }
}
