package be.inami;

import java.lang.ref.Cleaner;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way the API holds a native pointer (a SWIG proxy): every use runs under
 * a read-write lock, so {@link #close()} waits for the calls in progress and a
 * call after it throws {@link InamiException} instead of touching freed memory.
 * Reads ({@link #read}) may run together; {@link #write} runs alone (handles that
 * the C library does not let two threads use at once, and changes).
 *
 * <p>A {@link Cleaner} frees the pointer when its owner becomes unreachable without
 * being closed. That is only a fallback: the garbage collector sees the small Java
 * objects, not the native memory behind them, so it may let a program fill its
 * memory with unclosed handles before it runs.
 *
 * @param <T> the SWIG proxy type
 */
final class NativeHandle<T> {
    private static final Cleaner CLEANER = Cleaner.create();

    private final T proxy;
    private final Consumer<T> free;
    private final String what;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Cleaner.Cleanable cleanable;
    private boolean closed;

    /**
     * @param owner the object whose unreachability frees the proxy (never referred to
     *     by this handle, so it can become unreachable)
     * @param proxy the proxy
     * @param free frees the proxy; null for a proxy the library owns ({@link #close()} does nothing)
     * @param what names the owner in the message after closing ("this Billing was closed")
     */
    NativeHandle(Object owner, T proxy, Consumer<T> free, String what) {
        if (proxy == null) {
            throw new InamiException(InamiException.ENULL, what + ": no native handle");
        }
        this.proxy = proxy;
        this.free = free;
        this.what = what;
        this.cleanable = free == null ? null : CLEANER.register(owner, this::release);
    }

    /** Runs once: from close(), or from the Cleaner thread. */
    private void release() {
        Lock w = lock.writeLock();
        w.lock();
        try {
            if (!closed) {
                closed = true;
                free.accept(proxy);
            }
        } finally {
            w.unlock();
        }
    }

    private T live() {
        if (closed) {
            throw new InamiException(InamiException.ENULL, "this " + what + " was closed");
        }
        return proxy;
    }

    /**
     * @param <R> the result type
     * @param call uses the proxy; runs while other reads may run, never during a write or close
     * @return what {@code call} returns
     * @throws InamiException ENULL after close
     */
    <R> R read(Function<T, R> call) {
        Lock r = lock.readLock();
        r.lock();
        try {
            return call.apply(live());
        } finally {
            r.unlock();
        }
    }

    /**
     * @param <R> the result type
     * @param call uses the proxy alone (no other read, write or close at the same time)
     * @return what {@code call} returns
     * @throws InamiException ENULL after close
     */
    <R> R write(Function<T, R> call) {
        Lock w = lock.writeLock();
        w.lock();
        try {
            return call.apply(live());
        } finally {
            w.unlock();
        }
    }

    /** @return true once closed (never for a proxy the library owns) */
    boolean isClosed() {
        Lock r = lock.readLock();
        r.lock();
        try {
            return closed;
        } finally {
            r.unlock();
        }
    }

    /** Free the proxy after the calls in progress; idempotent; nothing for a library-owned proxy. */
    void close() {
        if (cleanable != null) {
            cleanable.clean();
        }
    }
}
