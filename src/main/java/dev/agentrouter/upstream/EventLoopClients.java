package dev.agentrouter.upstream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.vertx.core.Context;
import io.vertx.core.http.HttpClient;

/**
 * One HTTP client, and so one connection pool, per event-loop thread. A Vert.x client pools connections across
 * event loops: a request would often get a connection owned by another loop, and every write and read of the
 * exchange would then cross threads (a task queue and a wake-up each way). With a pool per loop a request and its
 * upstream connection stay on one thread, as with nginx's per-worker keep-alive pools. Callers off an event loop
 * (none on the request path) share one more client.
 */
final class EventLoopClients {

    private final Supplier<HttpClient> factory;
    private final Map<Thread, HttpClient> byLoop = new ConcurrentHashMap<>();
    private volatile HttpClient shared;

    EventLoopClients(Supplier<HttpClient> factory) {
        this.factory = factory;
    }

    /** The client of the calling event loop (created on its first request, so its connections live on that loop). */
    HttpClient current() {
        if (!Context.isOnEventLoopThread()) {
            return shared();
        }
        Thread loop = Thread.currentThread();
        HttpClient client = byLoop.get(loop);
        return client != null ? client : byLoop.computeIfAbsent(loop, t -> factory.get());
    }

    private synchronized HttpClient shared() {
        if (shared == null) {
            shared = factory.get();
        }
        return shared;
    }

    void close() {
        byLoop.values().forEach(HttpClient::close);
        synchronized (this) {
            if (shared != null) {
                shared.close();
            }
        }
    }
}
