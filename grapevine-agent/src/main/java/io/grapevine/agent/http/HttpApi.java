package io.grapevine.agent.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.grapevine.agent.dashboard.Dashboard;
import io.grapevine.core.ClusterEvent;
import io.grapevine.core.base.Address;
import io.grapevine.net.Cluster;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The agent's HTTP API over one running {@link Cluster}: JSON endpoints under {@code /v1/},
 * Server-Sent Events at {@code /v1/events}, the agent's log at {@code /v1/monitor}, Prometheus
 * metrics at {@code /metrics} (docs/http-api.md lists them all), and the dashboard page at
 * {@code /} (docs/dashboard.md). Javalin on Jetty serves it.
 *
 * <p>Start it before the cluster joins, so the event backlog and the suspicion counters see the
 * joins. Every meter is named {@code grapevine.*} (Prometheus {@code grapevine_*}); a meter an
 * extension registers under another name gets the prefix added. Register extra meters (the
 * event handlers' runs and failures) by passing {@link MeterBinder}s to
 * {@link #start(Cluster, HttpSettings, List)}, or later on {@link #meterRegistry()}.
 *
 * <p>Thread-safe. {@link #close()} stops the server and disconnects event stream and monitor
 * clients; it does not stop the cluster, which the caller owns.
 */
public final class HttpApi implements AutoCloseable {
    private static final String PREFIX = "grapevine.";
    private static final int MAX_THREADS = 16;
    private static final int MIN_THREADS = 2;
    private static final int IDLE_THREAD_MILLIS = 60_000;
    private static final String JETTY_REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";

    private final Javalin app;
    private final PrometheusMeterRegistry registry;
    private final EventStream stream;
    private final MonitorRoutes monitor;
    private final HttpSettings settings;
    private volatile boolean closed;

    private HttpApi(Javalin app, PrometheusMeterRegistry registry, EventStream stream, MonitorRoutes monitor,
                    HttpSettings settings) {
        this.app = app;
        this.registry = registry;
        this.stream = stream;
        this.monitor = monitor;
        this.settings = settings;
    }

    /** Starts serving {@code cluster} as {@code settings} say, with only the built-in meters. */
    public static HttpApi start(Cluster cluster, HttpSettings settings) {
        return start(cluster, settings, List.of());
    }

    /**
     * Starts serving {@code cluster} as {@code settings} say; each of {@code meterBinders} is
     * bound to the registry behind {@code /metrics} before the server accepts requests.
     *
     * @throws IllegalStateException if the address cannot be bound (in use, not local), naming it
     */
    public static HttpApi start(Cluster cluster, HttpSettings settings, List<MeterBinder> meterBinders) {
        skipJettysCacheLineProbe();
        String version = BuildInfo.version();
        ObjectMapper mapper = JsonBodies.newMapper();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(prefixed());
        EventStream stream = new EventStream(mapper, settings);
        MetricsBinder metrics = new MetricsBinder(cluster, stream);
        metrics.bindTo(registry);
        meterBinders.forEach(binder -> binder.bindTo(registry));
        MonitorRoutes monitor = MonitorRoutes.attach(mapper, settings);

        Javalin app = Javalin.create(config -> {
            configureServer(config, settings, mapper);
            addRoutes(config.routes, cluster, settings, mapper, registry, stream, version);
            monitor.addTo(config.routes);
        });
        HttpApi started = new HttpApi(app, registry, stream, monitor, settings);
        cluster.addTimedListener((event, emittedAtMillis) -> started.onEvent(event, emittedAtMillis, metrics));
        try {
            app.start();
        } catch (RuntimeException e) {
            started.close();
            throw new IllegalStateException("the HTTP API cannot listen on "
                    + new Address(settings.host(), settings.port()) + ": " + e.getMessage(), e);
        }
        return started;
    }

    /**
     * Jetty's {@code MemoryUtils} sizes the padding of its thread pool's counters by asking the
     * platform MBean server whether oops are compressed, unless this property says it: that one
     * question loads JMX, the platform MXBeans and java.util.logging (about 250 classes, 2-3 MB of
     * an idle agent's metaspace) into a process that never uses them. 16 references of 4 bytes
     * fill a 64-byte cache line; the value only pads, so a wrong guess costs nothing but padding.
     */
    private static void skipJettysCacheLineProbe() {
        if (System.getProperty(JETTY_REFERENCES_PER_CACHE_LINE) == null) {
            System.setProperty(JETTY_REFERENCES_PER_CACHE_LINE, "16");
        }
    }

    private static void configureServer(JavalinConfig config, HttpSettings settings, ObjectMapper mapper) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(mapper, false));
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.prefer405over404 = true;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        // a handful of threads: requests are short or asynchronous; SSE writers use Javalin's async pool
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, IDLE_THREAD_MILLIS);
        threads.setName("grapevine-http");
        config.jetty.threadPool = threads;
        Dashboard.serveOn(config); // the page, its script and style, uPlot: held in memory, guards apply
    }

    private static void addRoutes(RoutesConfig routes, Cluster cluster, HttpSettings settings, ObjectMapper mapper,
                                  PrometheusMeterRegistry registry, EventStream stream, String version) {
        routes.before(OriginGuard.of(settings)::check);
        routes.before(TokenGuard.of(settings)::check);
        ErrorMapping errors = new ErrorMapping(settings.maxBodyBytes());
        routes.exception(HttpResponseException.class, errors::handle);
        routes.exception(Exception.class, errors::handle);
        JsonBodies bodies = new JsonBodies(mapper);
        new MembersRoutes(cluster).addTo(routes);
        new KvRoutes(cluster, bodies).addTo(routes);
        new SharedRoutes(cluster, bodies).addTo(routes);
        new UserEventRoutes(cluster).addTo(routes);
        new OperatorRoutes(cluster, bodies).addTo(routes);
        new KeysRoutes(cluster, bodies).addTo(routes);
        new StatusRoutes(cluster, registry, settings.host(), version).addTo(routes);
        stream.addTo(routes);
    }

    /** Names every meter {@code grapevine.*}, so every Prometheus series is {@code grapevine_*}. */
    private static MeterFilter prefixed() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                return id.getName().startsWith(PREFIX) ? id : id.withName(PREFIX + id.getName());
            }
        };
    }

    /** On the cluster's event thread: feeds the event stream and the suspicion counters. */
    private void onEvent(ClusterEvent event, long emittedAtMillis, MetricsBinder metrics) {
        if (closed) {
            return; // a cluster cannot forget a listener; a closed API ignores it
        }
        stream.onEvent(event, emittedAtMillis);
        metrics.onEvent(event);
    }

    /**
     * Renders one made-up event of each common kind through the event stream's JSON and drops
     * it (nothing is kept, numbered or sent), so the first real events find Jackson's
     * serializers built; the agent's start-up rehearsal calls it. Any thread.
     *
     * @return how many events were rendered
     */
    public int rehearseEvents() {
        return stream.rehearse();
    }

    /** The TCP port the API listens on (the chosen one when the settings said 0). */
    public int port() {
        return app.port();
    }

    /** {@code HOST:PORT} the API listens on. */
    public String address() {
        return new Address(settings.host(), port()).toString();
    }

    /**
     * The registry behind {@code /metrics}, for meters registered after start. Names outside
     * {@code grapevine.} get the prefix.
     */
    public MeterRegistry meterRegistry() {
        return registry;
    }

    /** Stops the server and disconnects event stream clients. Idempotent; the cluster keeps running. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        stream.close();
        monitor.close();
        app.stop();
        registry.close();
    }
}
