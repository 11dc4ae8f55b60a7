package be.inami.broker;

import java.time.Instant;

/** The server's log on standard error: what went wrong, with the details the pages do not show. */
final class Log {
    private Log() {
    }

    static void info(String message) {
        System.err.println(Instant.now() + " inami-broker: " + message);
    }

    static void error(String what, Throwable e) {
        System.err.println(Instant.now() + " inami-broker: " + what + ": " + e);
        for (StackTraceElement s : e.getStackTrace()) {
            System.err.println("\tat " + s);
        }
    }
}
