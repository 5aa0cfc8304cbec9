package io.streamcdp.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's contract where no data is needed: the token, malformed ids, readiness, unknown
 * routes and the OpenAPI description. Answers from real tables: ServingApiIT.
 */
class ServingApiTest {

    private static final String TOKEN = "test-token";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path warehouse;

    private ServingServer server;

    @BeforeEach
    void startOnAnEmptyWarehouse() {
        StreamCdpConfig config = StreamCdpConfig.defaults()
                .with(StreamCdpOptions.PAIMON_WAREHOUSE, warehouse.toString())
                .with(StreamCdpOptions.SERVING_PORT, 0);
        server = ServingServer.start(config, new ApiToken(TOKEN));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void everyRouteButHealthNeedsTheToken() throws Exception {
        for (String path : new String[] {"/openapi.yaml", "/v1/customers/1", "/v1/users/p1/segments", "/v1/nothing"}) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"streamcdp\"");
            assertThat(json(anonymous).get("error").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(get(path, "wrong-token").statusCode()).as(path).isEqualTo(401);
        }
        assertThat(get("/health", null).statusCode()).isEqualTo(503);
    }

    @Test
    void malformedIdsAreBadRequests() throws Exception {
        for (String path : new String[] {"/v1/customers/abc", "/v1/customers/-1", "/v1/customers/2147483648",
                "/v1/users/a%20b/segments", "/v1/users/" + "x".repeat(129) + "/recommendations"}) {
            HttpResponse<String> response = get(path, TOKEN);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(json(response).get("error").asText()).isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void saysNotReadyUntilTheTablesExist() throws Exception {
        HttpResponse<String> health = get("/health", null);
        assertThat(health.statusCode()).isEqualTo(503);
        JsonNode body = json(health);
        assertThat(body.get("status").asText()).isEqualTo("LOADING");
        assertThat(body.get("tables")).hasSize(6);
        assertThat(body.get("tables").get(0).get("table").asText()).isEqualTo("serving.customer_360");
        assertThat(body.get("tables").get(0).get("ready").asBoolean()).isFalse();

        HttpResponse<String> lookup = get("/v1/customers/1", TOKEN);
        assertThat(lookup.statusCode()).isEqualTo(503);
        assertThat(json(lookup).get("error").asText()).isEqualTo("NOT_READY");
        assertThat(json(lookup).get("message").asText()).contains("serving.customer_360");
    }

    @Test
    void describesEveryRouteInOpenApi() throws Exception {
        HttpResponse<String> response = get("/openapi.yaml", TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        for (String route : ServingApi.ROUTES) {
            assertThat(response.body()).contains("\n  " + route + ":\n");
        }
        HttpResponse<String> unknown = get("/v1/nothing", TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).isEqualTo("NOT_FOUND");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
