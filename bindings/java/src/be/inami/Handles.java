package be.inami;

import java.lang.ref.Cleaner;

/** The Cleaner that frees native handles a program forgot to close. */
final class Handles {
    static final Cleaner CLEANER = Cleaner.create();

    private Handles() {
    }
}
