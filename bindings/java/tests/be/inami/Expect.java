package be.inami;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

/** For the tests: a call that must be refused with a given status. */
final class Expect {
    private Expect() {
    }

    /**
     * Run {@code r}, which must throw an {@link InamiException} of {@code status}.
     *
     * @return the exception, for further checks of its message
     */
    static InamiException expect(int status, Runnable r) {
        try {
            r.run();
        } catch (InamiException e) {
            assertEquals(e.getMessage(), status, e.status());
            return e;
        }
        fail("expected status " + status);
        return null;
    }
}
