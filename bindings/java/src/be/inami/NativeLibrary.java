package be.inami;

import java.io.File;
import java.net.URISyntaxException;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads the JNI library {@code libinami_java} once per class loader.
 *
 * <p>Order: the file named by the system property {@code inami.native} if set;
 * then next to the JAR that holds this class, {@code ../lib} relative to it and
 * the configured install library directory relative to it; then
 * {@code System.loadLibrary("inami_java")} through {@code java.library.path}.
 * When everything fails, the {@link UnsatisfiedLinkError} names every place tried.
 */
public final class NativeLibrary {
    /** Base name of the JNI library ({@code libinami_java.so} on Linux). */
    public static final String NAME = "inami_java";

    private static boolean loaded;

    private NativeLibrary() {
    }

    /**
     * Load the JNI library if it is not loaded yet. The SWIG classes call this in
     * their static initialiser; calling it early gives a clear error at start-up.
     *
     * @throws UnsatisfiedLinkError naming every location tried
     */
    public static synchronized void load() {
        if (loaded) {
            return;
        }
        List<String> tried = new ArrayList<>();
        String explicit = System.getProperty("inami.native");
        if (explicit != null && !explicit.isEmpty()) {
            if (tryLoad(new File(explicit), tried)) {
                return;
            }
        } else {
            for (File candidate : candidates()) {
                if (tryLoad(candidate, tried)) {
                    return;
                }
            }
            try {
                System.loadLibrary(NAME);
                loaded = true;
                return;
            } catch (UnsatisfiedLinkError e) {
                tried.add("System.loadLibrary(\"" + NAME + "\") with java.library.path="
                        + System.getProperty("java.library.path") + ": " + e.getMessage());
            }
        }
        throw new UnsatisfiedLinkError("libinami Java binding: cannot load the native library "
                + System.mapLibraryName(NAME) + "; tried: " + String.join("; ", tried)
                + ". Put it next to inami.jar, set -Djava.library.path=<dir> or -Dinami.native=<file>.");
    }

    private static boolean tryLoad(File file, List<String> tried) {
        if (!file.isFile()) {
            tried.add(file.getPath() + " (no such file)");
            return false;
        }
        try {
            System.load(file.getAbsolutePath());
            loaded = true;
            return true;
        } catch (UnsatisfiedLinkError e) {
            tried.add(file.getPath() + " (" + e.getMessage() + ")");
            return false;
        }
    }

    /** Candidate files next to the JAR (or class directory) holding this class. */
    private static Set<File> candidates() {
        Set<File> files = new LinkedHashSet<>();
        File dir = codeDirectory();
        if (dir == null) {
            return files;
        }
        String file = System.mapLibraryName(NAME);
        files.add(new File(dir, file));
        files.add(new File(new File(dir, "../lib"), file));
        if (!BuildConfig.JAR_TO_LIBDIR.isEmpty()) {
            files.add(new File(new File(dir, BuildConfig.JAR_TO_LIBDIR), file));
        }
        return files;
    }

    private static File codeDirectory() {
        try {
            CodeSource source = NativeLibrary.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            File where = new File(source.getLocation().toURI());
            return where.isDirectory() ? where : where.getParentFile();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
