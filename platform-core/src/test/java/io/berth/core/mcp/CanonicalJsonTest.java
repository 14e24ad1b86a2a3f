package io.berth.core.mcp;

import static io.berth.core.mcp.Json.obj;
import static io.berth.core.mcp.Json.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The digest that binds a requestState to its request's target and arguments. */
class CanonicalJsonTest {

    private static String digest(String singleQuoted) {
        return CanonicalJson.digest(Json.value(singleQuoted));
    }

    private static String sha256(String text) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    @Test
    void isUnpaddedBase64UrlOfSha256OverTheSortedCompactForm() throws Exception {
        String d = digest("{'b':1,'a':[true,null,'x',{'d':2,'c':3}]}");
        assertEquals(sha256("{\"a\":[true,null,\"x\",{\"c\":3,\"d\":2}],\"b\":1}"), d);
        assertTrue(d.matches("[A-Za-z0-9_-]{43}"), d);
        assertEquals(sha256("{}"), CanonicalJson.digest(JsonValue.EMPTY_JSON_OBJECT));
    }

    @Test
    void memberOrderDoesNotMatter() {
        assertEquals(digest("{'name':'t','arguments':{'x':1,'y':2}}"),
                digest("{'arguments':{'y':2,'x':1},'name':'t'}"));
    }

    @Test
    void memberOrderDoesNotMatterInsideArrays() {
        assertEquals(digest("{'a':[{'p':1,'q':{'s':true,'r':false}}]}"),
                digest("{'a':[{'q':{'r':false,'s':true},'p':1}]}"));
    }

    @Test
    void arrayOrderMatters() {
        assertNotEquals(digest("{'a':[1,2]}"), digest("{'a':[2,1]}"));
        assertNotEquals(digest("[{'a':1},{'b':2}]"), digest("[{'b':2},{'a':1}]"));
    }

    @Test
    void differentValuesDiffer() {
        assertNotEquals(digest("{'a':1}"), digest("{'a':2}"));
        assertNotEquals(digest("{'a':1}"), digest("{'b':1}"));
        assertNotEquals(digest("{'a':1}"), digest("{'a':'1'}"));
        assertNotEquals(digest("{'a':true}"), digest("{'a':'true'}"));
        assertNotEquals(digest("{'a':null}"), digest("{'a':'null'}"));
        assertNotEquals(digest("{'a':null}"), digest("{}"));
        assertNotEquals(digest("{'a':{}}"), digest("{'a':[]}"));
        assertNotEquals(digest("{'a':[[]]}"), digest("{'a':[]}"));
        assertNotEquals(digest("{'a':''}"), digest("{'a':' '}"));
    }

    @Test
    void escapesKeepStringsApart() {
        // Without escaping, both would serialize as {"a":"x","b":"y"}.
        assertNotEquals(CanonicalJson.digest(raw("{\"a\":\"x\\\",\\\"b\\\":\\\"y\"}")),
                CanonicalJson.digest(raw("{\"a\":\"x\",\"b\":\"y\"}")));
        assertNotEquals(CanonicalJson.digest(raw("{\"a\\\":\\\"x\":\"y\"}")),
                CanonicalJson.digest(raw("{\"a\":\"x\\\":\\\"y\"}")));
        assertNotEquals(CanonicalJson.digest(raw("{\"a\":\"\\\\\"}")), CanonicalJson.digest(raw("{\"a\":\"\\\"\"}")));
        assertNotEquals(CanonicalJson.digest(raw("{\"a\":\"line\\nbreak\"}")),
                CanonicalJson.digest(raw("{\"a\":\"line\\\\nbreak\"}")));
    }

    @Test
    void theSameStringWrittenWithDifferentEscapesIsTheSame() {
        assertEquals(CanonicalJson.digest(raw("{\"a\":\"A\\u00fc/\"}")), CanonicalJson.digest(raw("{\"a\":\"Aü\\/\"}")));
        assertEquals(CanonicalJson.digest(raw("{\"\\u006b\":1}")), CanonicalJson.digest(raw("{\"k\":1}")));
    }

    @Test
    void nestedMemberOrderIsCanonicalAtEveryDepth() {
        assertEquals(digest("{'z':{'y':{'x':{'b':1,'a':2}}}}"), digest("{'z':{'y':{'x':{'a':2,'b':1}}}}"));
        assertNotEquals(digest("{'z':{'y':{'x':{'b':1,'a':2}}}}"), digest("{'z':{'y':{'x':{'a':1,'b':2}}}}"));
    }
}
