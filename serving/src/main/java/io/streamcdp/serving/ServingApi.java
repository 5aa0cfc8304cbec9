package io.streamcdp.serving;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.streamcdp.serving.Responses.ApiError;
import io.streamcdp.serving.Responses.Health;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP routes of the profile API. Every route but {@value #HEALTH} needs the API token;
 * lookups answer 503 until the replicas have loaded. The request log names the route
 * template, never the ids in the path or anything of a response: profiles hold e-mail addresses.
 */
public final class ServingApi {

    static final String HEALTH = "/health";
    static final String OPENAPI = "/openapi.yaml";
    static final String CUSTOMER = "/v1/customers/{customerId}";
    static final String SEGMENTS = "/v1/users/{userId}/segments";
    static final String TOP_CATEGORIES = "/v1/users/{userId}/top-categories";
    static final String RECOMMENDATIONS = "/v1/users/{userId}/recommendations";
    static final List<String> ROUTES = List.of(HEALTH, OPENAPI, CUSTOMER, SEGMENTS, TOP_CATEGORIES, RECOMMENDATIONS);

    private static final Logger LOG = LoggerFactory.getLogger(ServingApi.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("io.streamcdp.serving.requests");
    private static final Pattern CUSTOMER_ID = Pattern.compile("\\d{1,10}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@+-]{1,128}");
    private static final String OPENAPI_RESOURCE = "/streamcdp/serving/openapi.yaml";

    private final ServingReplicas replicas;
    private final ProfileLookups lookups;
    private final ApiToken token;
    private final String openApi = readOpenApi();

    private ServingApi(ServingReplicas replicas, ApiToken token) {
        this.replicas = replicas;
        this.lookups = new ProfileLookups(replicas);
        this.token = token;
    }

    /** The application, not started yet. */
    public static Javalin create(ServingReplicas replicas, ApiToken token) {
        return new ServingApi(replicas, token).routes();
    }

    static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }

    private Javalin routes() {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(objectMapper(), false));
            config.requestLogger.http((ctx, millis) ->
                    REQUESTS.debug("{} {} {} {} ms", ctx.method(), routeOf(ctx), ctx.statusCode(), Math.round(millis)));
        });
        app.before(this::authorize);
        app.get(HEALTH, this::health);
        app.get(OPENAPI, ctx -> ctx.contentType("application/yaml").result(openApi));
        app.get(CUSTOMER, ctx -> {
            int customerId = customerId(ctx);
            requireLoaded(replicas.customers, replicas.churnRisk);
            ctx.json(lookups.customer(customerId).orElseThrow(() -> ApiException.notFound("no customer " + customerId)));
        });
        app.get(SEGMENTS, ctx -> ctx.json(lookups.segments(knownUser(ctx))));
        app.get(TOP_CATEGORIES, ctx -> ctx.json(lookups.topCategories(knownUser(ctx))));
        // Recommendations have a cold start: a user the replicas do not know gets trending items.
        app.get(RECOMMENDATIONS, ctx -> {
            String userId = userId(ctx);
            requireLoaded(replicas.categoryAffinity, replicas.trendingContent, replicas.contentCatalog);
            ctx.json(lookups.recommendations(userId));
        });
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"streamcdp\"");
            }
            ctx.status(e.status()).json(new ApiError(e.error(), e.getMessage()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), routeOf(ctx), e);
            ctx.status(500).json(new ApiError("INTERNAL_ERROR", "the lookup failed; the server log has the cause"));
        });
        // Javalin answers an unknown route in plain text; the API's own 404s are JSON already.
        app.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith("application/json")) {
                ctx.json(new ApiError("NOT_FOUND", "no such endpoint; GET " + OPENAPI + " lists them"));
            }
        });
        return app;
    }

    private void authorize(Context ctx) {
        if (!HEALTH.equals(ctx.path()) && !token.accepts(ctx.header("Authorization"))) {
            throw ApiException.unauthorized();
        }
    }

    private void health(Context ctx) {
        List<ReplicaStatus> tables = replicas.status();
        boolean ready = replicas.ready();
        Long behind = tables.stream().map(ReplicaStatus::behindMs).anyMatch(Objects::isNull) ? null
                : tables.stream().mapToLong(ReplicaStatus::behindMs).max().orElse(0);
        ctx.status(ready ? 200 : 503).json(new Health(ready ? "READY" : "LOADING", behind, tables));
    }

    private int customerId(Context ctx) {
        String text = ctx.pathParam("customerId");
        if (!CUSTOMER_ID.matcher(text).matches() || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw ApiException.badRequest("a customer id is a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return Integer.parseInt(text);
    }

    private String userId(Context ctx) {
        String text = ctx.pathParam("userId");
        if (!USER_ID.matcher(text).matches()) {
            throw ApiException.badRequest("a user id is 1 to 128 characters of A-Z a-z 0-9 . _ : @ + -");
        }
        return text;
    }

    private String knownUser(Context ctx) {
        String userId = userId(ctx);
        requireLoaded(replicas.segmentMembership, replicas.categoryAffinity);
        if (!lookups.knownUser(userId)) {
            // Not echoed back: user ids may be e-mail addresses.
            throw ApiException.notFound("no segment or affinity data for this user");
        }
        return userId;
    }

    /** Lookups are answered once the tables they read are loaded, also while one reloads. */
    private static void requireLoaded(TableReplica... needed) {
        for (TableReplica replica : needed) {
            if (!replica.loaded()) {
                throw ApiException.notReady(replica.name());
            }
        }
    }

    /** The route template, or "(none)" for a request refused before routing or matching no route. */
    private static String routeOf(Context ctx) {
        try {
            String route = ctx.endpointHandlerPath();
            return route == null || route.isEmpty() || "*".equals(route) ? "(none)" : route;
        } catch (IllegalStateException refusedBeforeRouting) {
            return "(none)";
        }
    }

    private static String readOpenApi() {
        try (InputStream in = ServingApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + OPENAPI_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
