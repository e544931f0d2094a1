package io.readstate.app.auth;

/** The user and password of the admin console and tasks (HTTP basic auth on the admin port). */
public record AdminCredentials(String user, String password) {

    @Override
    public String toString() {
        return "AdminCredentials[user=" + user + ", password=***]";
    }
}
