package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.text;
import static com.quantdesk.kite.rest.KiteJson.textOrEmpty;
import static com.quantdesk.kite.rest.KiteJson.texts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The user's profile ({@code GET /user/profile}).
 *
 * @param userId        Zerodha client id
 * @param userName      full name
 * @param userShortname short name
 * @param email         e-mail address
 * @param userType      e.g. {@code individual}
 * @param broker        {@code ZERODHA}
 * @param exchanges     exchanges enabled for the user
 * @param products      products enabled for the user
 * @param orderTypes    order types enabled for the user
 */
public record KiteProfile(String userId, String userName, String userShortname, String email, String userType,
                          String broker, List<String> exchanges, List<String> products, List<String> orderTypes) {

    static KiteProfile from(JsonNode n) {
        return new KiteProfile(text(n, "user_id"), textOrEmpty(n, "user_name"), textOrEmpty(n, "user_shortname"),
                textOrEmpty(n, "email"), textOrEmpty(n, "user_type"), textOrEmpty(n, "broker"),
                texts(n, "exchanges"), texts(n, "products"), texts(n, "order_types"));
    }
}
