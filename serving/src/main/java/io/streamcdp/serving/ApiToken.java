package io.streamcdp.serving;

import io.streamcdp.config.StreamCdpConfig;
import io.streamcdp.config.StreamCdpOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** The bearer token every API request except health must carry. */
public final class ApiToken {

    private static final String BEARER = "Bearer ";

    private final byte[] expected;

    public ApiToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The API token must not be empty");
        }
        this.expected = (BEARER + token).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The configured {@code serving.api-token}; without one, the token kept in
     * {@code <work.dir>/serving/api-token}, generated there (owner-only) the first time.
     */
    public static ApiToken resolve(StreamCdpConfig config) {
        String configured = config.get(StreamCdpOptions.SERVING_API_TOKEN);
        return new ApiToken(configured.isBlank() ? readOrGenerate(tokenFile(config)) : configured);
    }

    public static Path tokenFile(StreamCdpConfig config) {
        return config.path(StreamCdpOptions.WORK_DIR).resolve("serving").resolve("api-token");
    }

    private static String readOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).strip();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the API token file " + file, e);
        }
    }

    /** Whether an Authorization header carries this token; in constant time, to leak nothing by timing. */
    public boolean accepts(String authorizationHeader) {
        return authorizationHeader != null
                && MessageDigest.isEqual(expected, authorizationHeader.getBytes(StandardCharsets.UTF_8));
    }
}
