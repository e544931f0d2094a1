package io.readstate.app.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotEmpty;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call the service: the API's bearer tokens (comma separated) and the admin
 * user. Where a token or the admin password is not configured, one is made at random
 * for this run and logged once: the service never runs open.
 */
public class AuthFactory {

    private static final Logger LOG = LoggerFactory.getLogger(AuthFactory.class);

    private String apiTokens;

    @NotEmpty
    private String adminUser = "admin";

    private String adminPassword;

    @JsonProperty
    public String getApiTokens() {
        return apiTokens;
    }

    @JsonProperty
    public void setApiTokens(String apiTokens) {
        this.apiTokens = apiTokens;
    }

    @JsonProperty
    public String getAdminUser() {
        return adminUser;
    }

    @JsonProperty
    public void setAdminUser(String adminUser) {
        this.adminUser = adminUser;
    }

    @JsonProperty
    public String getAdminPassword() {
        return adminPassword;
    }

    @JsonProperty
    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }

    public ApiTokens buildApiTokens() {
        if (tokens().isEmpty()) {
            apiTokens = RandomSecret.generate();
            LOG.warn("READSTATE_API_TOKENS is unset, so this run generated an API token; callers send "
                    + "'Authorization: Bearer {}'. Set READSTATE_API_TOKENS to keep tokens across restarts.", apiTokens);
        }
        return new ApiTokens(tokens());
    }

    public AdminCredentials adminCredentials() {
        if (adminPassword == null || adminPassword.isBlank()) {
            adminPassword = RandomSecret.generate();
            LOG.warn("READSTATE_ADMIN_PASSWORD is unset, so this run generated the password of admin user '{}': {}. "
                    + "Set READSTATE_ADMIN_PASSWORD to choose it.", adminUser, adminPassword);
        }
        return new AdminCredentials(adminUser, adminPassword);
    }

    private List<String> tokens() {
        if (apiTokens == null) {
            return List.of();
        }
        return Arrays.stream(apiTokens.split(",")).map(String::trim).filter(token -> !token.isEmpty()).toList();
    }
}
